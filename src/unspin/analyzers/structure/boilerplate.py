"""A learned decision for the lines the rules leave in the article of a copied page.

A reader who copies a browser tab brings the site's menus, share buttons, "Related" lists,
comment forms and notices along. The rules catch the shapes they know (appeals, bylines, quoted
blocks); this logistic regression reads every line the rules kept as body or heading and moves
to boilerplate the ones that look like page furniture, from the line itself, its neighbours and
where it sits relative to the article's long paragraphs, as jusText classifies paragraphs by
length, stopword density and context. It is trained on silver labels: trafilatura's extraction
of each page's HTML projected onto the lines of its copy (`training/boilerplate.py`).

Only copies run through it (`looks_copied`: plain text and Markdown of many lines, mostly not
prose); a clean article file (PTC, PolNeAR, a pasted story) is left as the rules read it.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from pathlib import Path

import numpy as np

from ..dates import find_date
from ..words import WORD, stopwords
from .lines import Line, is_heading_like, is_prose
from .logistic import Logistic
from .metadata import is_byline
from .patterns import (
    ARCHIVE_ENTRY,
    CODE_LINE,
    COMMENT_FORM,
    COMMENT_TIME,
    COMMENT_TIME_WORDS,
    COUNT,
    COUNTED,
    ENTRY_TIME,
    INSIDE_ARTICLE,
    LIST_ITEM,
    RELEASE_END,
    REPLY_BUTTON,
    SENTENCE_END,
    SITE_ADDRESS,
    WIRE_END,
    boilerplate_kind,
    is_wiki_section,
    wiki_section_name,
)

MODEL_FILE = Path(__file__).resolve().parents[2] / "models" / "structure" / "lines.json"
CANDIDATES = ("body", "heading")  # what the rules kept as article, and the classifier may move

FURNITURE_WORDS = re.compile(
    r"\b(?:menu|home|login|log in|sign in|sign up|register|subscribe|newsletter|cookies?|privacy|terms|"
    r"copyright|all rights reserved|share|tweet|facebook|twitter|instagram|linkedin|pinterest|whatsapp|"
    r"email|comments?|reply|leave a|posted|related|read more|more from|more in|advertisement|sponsored|"
    r"tags?|categor(?:y|ies)|archives?|next|previous|prev|skip to|search|contact|about us|follow|"
    r"print|download|rss|sitemap|powered by|loading|toggle|navigation|back to top|click here|learn more)\b",
    re.IGNORECASE)
SEPARATORS = re.compile(r"[|•»›·/]")
LONG = 25  # words of a line that is surely article prose
MIN_LINES = 12  # a text of fewer lines is a pasted article or snippet, not a copied page
# A copied page is mostly lines that are not prose (menus, buttons, link lists): at least 40% in
# every copy of webcopy/, while in 95% of PTC and PolNeAR's article files at most 25% are, and
# there the classifier would only take lists and questions out of the article.
COPIED_PAGE_NON_PROSE = 0.35


def _own(line: Line, repeated: bool) -> list[float]:
    text = line.text
    words = WORD.findall(text)
    n = max(1, len(words))
    stop = sum(w.lower() in stopwords() for w in words) / n
    # Character counts by C-level map: the classifier reads every line of a copied page.
    letters = sum(map(str.isalpha, text)) or 1
    punctuation = len(text) - sum(map(str.isalnum, text)) - sum(map(str.isspace, text))
    return [
        math.log1p(len(words)),
        math.log1p(len(text)),
        stop,
        float(bool(SENTENCE_END.search(text))),
        len(SENTENCE_END.findall(text)) / n,
        punctuation / max(1, len(text)),
        sum(map(str.isdigit, text)) / max(1, len(text)),
        sum(map(str.isupper, text)) / letters,
        sum(w[:1].isupper() for w in words) / n,
        min(3, len(SEPARATORS.findall(text))) / 3,
        min(3, len(FURNITURE_WORDS.findall(text))) / 3,
        float(bool(LIST_ITEM.match(text))),
        float(is_prose(line)),
        float(is_heading_like(line)),
        float(text.endswith(":")),
        float(repeated),
        float(bool(line.links)),
        sum(s.end - s.start for s in line.links) / max(1, len(text)),
        float(bool(CODE_LINE.match(text))),
    ]


NEIGHBOURHOODS = (5, 10)  # lines on each side over which the surroundings of a line are averaged


def surroundings(lines: list[Line], kinds: list[str | None]) -> np.ndarray:
    """One row per line: how the lines around it read (as jusText judges a paragraph by its
    context): within 5 and 10 lines each side, the share the rules settled as something other
    than article (boilerplate, byline, tags...), the share of prose and the mean log length; and
    how far the nearest settled line is above and below (a comment thread follows "Leave a
    Reply", a list of stories "Related"), and the share of settled lines above and below."""
    n = len(lines)
    settled = np.array([kind is not None and kind not in CANDIDATES for kind in kinds], dtype=np.float64)
    prose = np.array([is_prose(line) for line in lines], dtype=np.float64)
    length = np.array([math.log1p(line.words) for line in lines], dtype=np.float64)
    sums = [np.concatenate([[0.0], np.cumsum(values)]) for values in (settled, prose, length)]
    index = np.arange(n)
    columns = []
    for width in NEIGHBOURHOODS:
        first, last = np.maximum(0, index - width), np.minimum(n, index + width + 1)
        columns += [(total[last] - total[first]) / (last - first) for total in sums]
    marks = np.flatnonzero(settled)
    above = np.searchsorted(marks, index, side="left") - 1  # the last settled line before each line
    below = np.searchsorted(marks, index, side="right")  # the first settled line after it
    columns.append(np.where(above >= 0, np.minimum(1.0, (index - marks[np.maximum(above, 0)]) / 10), 1.0)
                   if len(marks) else np.ones(n))
    columns.append(np.where(below < len(marks), np.minimum(1.0, (marks[np.minimum(below, len(marks) - 1)] - index) / 10),
                            1.0) if len(marks) else np.ones(n))
    columns.append(sums[0][index] / np.maximum(1, index))
    columns.append((sums[0][n] - sums[0][index + 1]) / np.maximum(1, n - index - 1))
    return np.stack(columns, axis=1).astype(np.float32) if n else np.zeros((0, len(columns)), np.float32)


def features(lines: list[Line], kinds: list[str | None]) -> np.ndarray:
    """One row per line: its own features, those of the two lines before and after it, the rules'
    verdict, its position relative to the page and to the article's long paragraphs, and its
    `surroundings`."""
    counts: dict[str, int] = {}
    for line in lines:
        counts[line.text] = counts.get(line.text, 0) + 1
    own = np.array([_own(line, counts[line.text] > 1) for line in lines], dtype=np.float32)
    width = own.shape[1]
    padded = np.vstack([np.zeros((2, width), np.float32), own, np.zeros((2, width), np.float32)])
    context = [padded[2 + k : 2 + k + len(lines)] for k in (-2, -1, 1, 2)]
    long_lines = [i for i, line in enumerate(lines) if line.words >= LONG]
    first, last = (long_lines[0], long_lines[-1]) if long_lines else (0, len(lines) - 1)
    n = max(1, len(lines))
    place = []
    for i, kind in enumerate(kinds):
        nearest = min((abs(i - j) for j in long_lines), default=n)
        place.append([
            i / n,
            float(i < first), float(i > last),
            min(1.0, max(0, first - i) / 10), min(1.0, max(0, i - last) / 10),
            min(1.0, nearest / 10),
            float(kind == "heading"),
            len(long_lines) / n,
        ])
    return np.hstack([own, *context, np.array(place, dtype=np.float32), surroundings(lines, kinds)])


class LineModel(Logistic):
    """P(line is page furniture), with the threshold for lines inside the article's run."""

    file = MODEL_FILE

    def __init__(self, config: dict):
        super().__init__(config)
        # Inside the article's block a line moves only when the model is this sure.
        self.inner_threshold = float(config.get("inner_threshold", 1.01))


def furniture(lines: list[Line], kinds: list[str | None], model: LineModel | None,
              verse: set[int]) -> list[bool]:
    """For each line, whether the model moves it out of the article (only lines the rules kept
    as body or heading can move).

    An article is one run of lines: the run of candidate lines with the largest total of
    (threshold - P(furniture)) weighted by the line's length, as body-text extraction finds the
    densest stretch of text (Finn et al., 2001). Lines outside it move; lines inside it move only
    when the model is sure (`inner_threshold`: "Advertisement", "Read more: ...")."""
    model = model or LineModel.shipped()
    if model is None or model.is_off or not looks_copied(lines):
        return [False] * len(lines)
    p = model.probabilities(features(lines, kinds))
    candidate = [k in CANDIDATES for k in kinds]
    # A comment form or thread ends the article, as a press release's sender and a wire story's notice
    # do ("SOURCE Harbour City Council", "... may not be published, broadcast, rewritten or
    # redistributed."): no run reaches across it (the blogger's sidebar, the site's notices and the
    # readers' comments below it read as prose too), and the article is the densest run above the
    # first of them where there is one above.
    thread = _comment_thread_start(lines)
    # (a count of comments is a link under a headline too: it ends the article only below a long paragraph)
    prose_above = np.cumsum([line.words >= LONG for line in lines]) > 0
    form = [i == thread or (not c and bool(COMMENT_FORM.search(line.text) or RELEASE_END.match(line.text)
                                           or WIRE_END.search(line.text)
                                           or (COMMENT_COUNT.match(line.text) and i > 0 and prose_above[i - 1])))
            for i, (line, c) in enumerate(zip(lines, candidate))]
    # other stories' cards: the run takes none of their lines, as if the model were sure of them, however
    # much a teaser reads as prose
    teasers = _teaser_cards(lines, kinds) | _byline_cards(lines, kinds)
    # a blog's archive ("►  June (24)") leaves too, however much the model doubts its short lines (on a page of
    # verse it reads them as the song's), but costs a run nothing to cross: as a card's lines it split a
    # lyrics page's run, and a regression that never saw the page took the popular posts under it for the song
    archive = {i for i, line in enumerate(lines) if ARCHIVE_ENTRY.match(line.text)}
    contents, tables = _table_of_contents(lines, kinds), _tables_amid_prose(lines)
    # a song's, a poem's or a list's lines are the article's, however much each reads as a menu line: a
    # run crosses them for free and keeps them; on a page of verse more than of prose (lyrics under their
    # title) the run takes them as if the model were sure of them
    prose = sum(c and is_prose(line) and i not in verse for i, (line, c) in enumerate(zip(lines, candidate)))
    verse_page = len(verse) > prose

    def gain(i: int, q: float) -> float:
        weight = 1 + math.log1p(lines[i].words)
        if i in contents or i in archive:  # (the article's own table of contents costs a run nothing to cross)
            return 0.0
        if i in tables and not form[i]:  # nor does a table of figures amid its paragraphs (rows read as menus)
            return max(0.0, (model.threshold - q) * weight) if candidate[i] else 0.0
        if candidate[i] and i in verse:
            return model.threshold * weight if verse_page else max(0.0, (model.threshold - q) * weight)
        if candidate[i]:
            return (model.threshold - (1.0 if i in teasers else q)) * weight
        if form[i]:
            return -math.inf
        # a link to the readers' comments, "Show Comments", is furniture that closes an article: a run
        # crosses it at the cost of a line the model is sure of, not for free as other furniture
        return (model.threshold - 1) * weight if boilerplate_kind(lines[i].text) == "comments" else 0.0

    first, last = _article_run([gain(i, q) for i, q in enumerate(p)], kinds, form)
    boxed = _under_related_label(lines, kinds)
    items: set[int] = set()  # (of a numbered list the article runs into)
    if first <= last:
        # The run grows over the prose lines that touch it, across up to two lines the rules
        # already made boilerplate ("Advertisement", "Read more: ...") and a box of other stories'
        # headlines under its label ("Recommended" / "Shipping lines divert ..."): a paragraph the
        # model doubts next to the article is the article's (its first or last, often short or quoted).
        first, last = (_grown(lines, candidate, form, first, -1, boxed, tables),
                       _grown(lines, candidate, form, last, 1, boxed, tables))
        # (and over the last item's own paragraphs, under its number)
        end = _numbered_list_end(lines, candidate, first, last)
        if end > last:
            items = _items_up_to(lines, end)
        last = _grown(lines, candidate, form, end, 1, boxed, tables)
        # (and over the rest of a verse it reaches: a song, a poem or a list the article closes on is whole)
        while first - 1 in verse and not form[first - 1]:
            first -= 1
        while last + 1 in verse and not form[last + 1]:
            last += 1
    sites = {i for i, line in enumerate(lines) if SITE_ADDRESS.match(line.text)}  # (a link card's source)
    listed = (_untrusted_runs(_heading_runs(lines, kinds, tables), p, model.threshold, first, last, candidate) | boxed
              | _counts(lines) | sites | _link_cards(lines, kinds, sites) | _publication_cards(lines, kinds)
              | teasers | archive)

    def moves(i: int, q: float) -> bool:
        if i in listed or not first <= i <= last:
            return True
        # inside the article's run, only a line the model is sure of, and never a paragraph, an item of
        # the article's numbered list, a row of its table, a line of its verse, a wiki's section heading or
        # a name the paragraph under it opens on
        return (q >= model.inner_threshold and not is_prose(lines[i]) and i not in items and i not in tables
                and i not in verse and not is_wiki_section(lines[i].text) and not _named_in_paragraph_below(lines, i))

    return [c and moves(i, q) for i, (q, c) in enumerate(zip(p, candidate))]


def _named_in_paragraph_below(lines: list[Line], index: int) -> bool:
    """Whether the paragraph under the line opens on one of its names: an item of the article's own
    list, however much it looks like a menu line ("João Silva, 62" / "Silva, a husband and father of
    four, was ..."), not furniture inside the article ("Advertisement", "Read more: ...")."""
    if index + 1 >= len(lines) or not is_prose(lines[index + 1]):
        return False
    opening = WORD.match(lines[index + 1].text)
    return (opening is not None and len(opening.group()) >= 3 and opening.group()[0].isupper()
            and opening.group().lower() not in stopwords()  # ("Our Programs" / "Our work spans ...")
            and opening.group() in WORD.findall(lines[index].text))


COMMENT_COUNT = re.compile(r"^\s*\d+\s+comments?\s*$", re.IGNORECASE)  # "12 Comments" over a thread
COMMENT_REPLY_GAP = 6  # lines from a comment's time to its "Reply" button
THREAD_COMMENTS = 2  # comments that make a thread (one "... at 3:00 pm" / "Reply" may be the article's)
COMMENTER_WORDS = 4  # a commenter's name over the time: "Jo Marsh says", "Chandice Probst"


def _comment_thread_start(lines: list[Line]) -> int | None:
    """The first line of a thread of readers' comments that comes before any comment form (a blog
    theme lists the comments, then "Leave a Reply"): timed (`_timed_thread_start`) or under its label
    (`_labelled_thread_start`)."""
    starts = [start for start in (_timed_thread_start(lines), _labelled_thread_start(lines)) if start is not None]
    return min(starts, default=None)


def _timed_thread_start(lines: list[Line]) -> int | None:
    """A thread whose every comment is the reader's name, its time ("14/04/2020 at 3:00 pm", "July
    11, 2011 at 12:25 pm"), the text and a "Reply" button."""
    replies = [i for i, line in enumerate(lines) if REPLY_BUTTON.match(line.text)]
    stamps = [i for i, line in enumerate(lines)
              if COMMENT_TIME.search(line.text) and line.words <= COMMENT_TIME_WORDS and find_date(line.text)
              and any(0 < r - i <= COMMENT_REPLY_GAP for r in replies)]
    if len(stamps) < THREAD_COMMENTS:
        return None
    first = stamps[0]
    above = lines[first - 1] if first > 0 else None
    return first - 1 if above is not None and above.words <= COMMENTER_WORDS and not is_prose(above) else first


THREAD_LABEL = re.compile(r"^\W*(?:\d[\d,]*\s+)?(?:readers?['’]?\s+)?"
                          r"(?:comments?|responses|discussion|kommentare|comentarios|commentaires|commenti)"
                          r"(?:\s*\(\d[\d,]*\))?\W*$", re.IGNORECASE)
LABELLED_COMMENTS = 3  # comments in a row under the label that make a thread
COMMENTER_NAME_WORDS = 3  # "sumathi s", "Adam Hitchcock", "Leop0ld"


def _labelled_thread_start(lines: list[Line]) -> int | None:
    """The label of a thread whose comments carry no time nor button, each the reader's name alone
    over what they wrote ("Comments" / "sumathi s" / "It's great to come across a blog ..." / "Leop0ld"
    / "That's good. May I possibly translate this article into Korean?" / ...), under the article's
    prose. Not a share bar's "Comments" link over the article, nor a label over menus ("Comments" /
    "Filed under" / "2020 Election (611 posts)"): what follows the label must alternate, name then
    sentence, from its first line on."""
    first_long = next((i for i, line in enumerate(lines) if line.words >= LONG), len(lines))
    for i, line in enumerate(lines[first_long + 1:], start=first_long + 1):
        if not THREAD_LABEL.match(line.text):
            continue
        thread = lines[i + 1:i + 1 + 2 * LABELLED_COMMENTS]
        if len(thread) == 2 * LABELLED_COMMENTS and all(
                _commenter(name) and is_prose(comment) for name, comment in zip(thread[::2], thread[1::2])):
            return i
    return None


def _commenter(line: Line) -> bool:
    return (1 <= line.words <= COMMENTER_NAME_WORDS and not SENTENCE_END.search(line.text)
            and not line.text.rstrip().endswith(":"))


def looks_copied(lines: list[Line]) -> bool:
    """Whether a text reads as a page copied from a browser rather than an article file."""
    return len(lines) >= MIN_LINES and sum(not is_prose(line) for line in lines) >= COPIED_PAGE_NON_PROSE * len(lines)


HEADING_RUN = 3  # an article never has this many headline-long subheadings in a row; a list of other stories does
HEADLINE_WORDS = 4  # shorter lines in a row are an article's own list (ingredients, lyrics, items)
LIST_INTRO_WORDS = 4  # "Follow these six tips:" introduces a list; "Related posts:", "Share this:" label a box


def _heading_runs(lines: list[Line], kinds: list[str | None], tables: set[int] | frozenset[int] = frozenset()) -> set[int]:
    """Lines in runs of `HEADING_RUN` or more consecutive headline-long lines that the rules
    took for headings, with the heading that labels such a run; not a run that a sentence of the
    article introduces ("... to set up a nursery in a small room:"), which is the article's own list,
    nor a table's rows."""
    out: set[int] = set()
    run: list[int] = []
    for i, kind in enumerate([*kinds, None]):
        if kind == "heading" and lines[i].words >= HEADLINE_WORDS and i not in tables:
            run.append(i)
            continue
        if len(run) >= HEADING_RUN and not (run[0] > 0 and introduces_list(lines[run[0] - 1])):
            out.update(run)
            if run[0] > 0 and kinds[run[0] - 1] == "heading":
                out.add(run[0] - 1)  # the list's own label ("POPULAR NOW")
        run = []
    return out


def _untrusted_runs(runs: set[int], p: np.ndarray, threshold: float, first: int, last: int,
                    candidate: list[bool]) -> set[int]:
    """The lines of the heading runs (`_heading_runs`) that leave the article: every run outside the
    article's run [first, last] or under a line the rules settled ("POPULAR NOW", "Advertisement"),
    and a run the model, on average, takes for furniture. A run inside the article, right under its own
    line, that the model reads as the article's is its own list: a recipe's ingredients, a tutorial's
    steps, a docs page's table of platforms. (A box of other stories the model doubts stays too: on the
    training pages, fewer article lines lost for a few of those kept, `docs/model-card.md`.)"""
    # the runs, each its lines in order; a run whose label sits right under another run joins it (one box:
    # a recipe card's "Author: Bebs" / "Cook Time: 5 minutes" over its ingredients)
    groups: list[list[int]] = []
    for i in sorted(runs):
        if groups and i == groups[-1][-1] + 1:
            groups[-1].append(i)
        else:
            groups.append([i])
    out: set[int] = set()
    for run in groups:
        own = first <= run[0] and run[-1] <= last and run[0] > 0 and candidate[run[0] - 1]
        if not own or float(np.mean(p[run])) >= threshold:
            out.update(run)
    return out


# a label of a box of links however worded ("Read Other Related Stories About This:")
_OTHER_STORIES = re.compile(r"\b(?:related|stories|articles|posts|headlines|links)\b", re.IGNORECASE)


def introduces_list(line: Line) -> bool:
    """"I'll summarize them:", "Follow these six tips:"; not a box's label ("Related posts:")."""
    return (line.text.rstrip().endswith(":") and line.words >= LIST_INTRO_WORDS
            and boilerplate_kind(line.text) is None and not _OTHER_STORIES.search(line.text))


RELATED_ITEMS = 4  # headlines a "Related" box inside an article holds
RELATED_HEADLINE_WORDS = 6  # another story's headline; a shorter line under the box is the article's subheading
RELATED_LABEL_WORDS = 6  # "Related", "More on this story", "Read more from Harbour Sky News:"
HEADLINE_WORDS_CLIPPED = 15  # a headline the box cut short, however few words it kept ("HP To Apple: You Win.…")
_CLIPPED = re.compile(r"(?:…|\.\.\.)\s*$")


def _under_related_label(lines: list[Line], kinds: list[str | None]) -> set[int]:
    """The headline-like lines of six words or more right under a label that is only that
    ("Related", "Related Articles", "More on this story", "Read more from Harbour Sky News:"), up to
    the first line that is not: a box of other stories, however short ("Read more: <headline>" is a
    link of its own, and what follows it is the article's; so is a short subheading under the box). A
    headline the box cut short ("Codecademy: A Slick, Fun Way To Teach Yoursel…") is one at any length."""
    out: set[int] = set()
    for i, line in enumerate(lines):
        if kinds[i] != "boilerplate" or line.words > RELATED_LABEL_WORDS or boilerplate_kind(line.text) != "related":
            continue
        items, j = 0, i + 1
        while j < len(lines) and items < RELATED_ITEMS and kinds[j] in CANDIDATES:
            if _RANK.match(lines[j].text):  # a ranked box's number over each headline ("Most Popular" / "1" / ...)
                out.add(j)
            elif ((is_heading_like(lines[j]) and lines[j].words >= RELATED_HEADLINE_WORDS)
                  or (1 < lines[j].words <= HEADLINE_WORDS_CLIPPED and _CLIPPED.search(lines[j].text))):
                out.add(j)
                items += 1
            else:
                break
            j += 1
    return out


_RANK = re.compile(r"^\s*\d{1,2}\.?\s*$")


_FOLLOW_BUTTON = re.compile(r"^\s*(?:follow|subscribe)\s*$", re.IGNORECASE)
CARD_DESCRIPTION_WORDS = 25  # a publication's one line about itself


def _publication_cards(lines: list[Line], kinds: list[str | None]) -> set[int]:
    """A blog's or a newsletter's card under the post: its name, which the page showed above the
    post ("Published in" / "Harbour Engineering"), its one line about itself, and a "Follow" or
    "Subscribe" button under them ("Harbour Engineering" / "Stories from the engineers who keep
    the harbour's ferries running." / "Follow"): the platform's, not a subheading and a paragraph."""
    seen: set[str] = set()
    out: set[int] = set()
    for i, line in enumerate(lines):
        if kinds[i] == "heading" and line.text in seen:
            below = [j for j in range(i + 1, min(len(lines), i + 3)) if _FOLLOW_BUTTON.match(lines[j].text)]
            if below and all(kinds[j] in CANDIDATES and lines[j].words <= CARD_DESCRIPTION_WORDS
                             for j in range(i + 1, below[0])):
                out.update(range(i, below[0]))
        seen.add(line.text)
    return out


# a teaser's button alone on its line ("Read More...", "READ THE REST", "Continue reading →")
MORE_BUTTON = re.compile(r"^\W*(?:read (?:more|the rest|the full (?:story|article|post))|continue reading|"
                         r"weiterlesen|leer más|lire la suite|leia mais|leggi (?:di più|tutto))\W*$", re.IGNORECASE)
CARD_LINES = 4  # lines of another story's card over its button: headline, byline, date, teaser
TEASER_WORDS = 150  # a teaser is its story's first paragraph or two; a longer paragraph over a button is the article's


def _teaser_cards(lines: list[Line], kinds: list[str | None]) -> set[int]:
    """The lines of other stories' cards: two or more buttons that each close a card right under the
    one before, each card a headline and at most `CARD_LINES` short lines ("Puma 4: New I/O 4 Your
    Server" / "Here's the setup: ..." / "Read More", again and again). The article's own lines are
    never cut into such cards, and a run that took them would read a list of teasers as the article.
    Over the first button, a card no taller than the others that opens on a headline; where none does, the first
    button is a label over the cards ("Read more" / the cards) and the post's last paragraphs stay."""
    out: set[int] = set()
    buttons = [i for i, line in enumerate(lines) if MORE_BUTTON.match(line.text)]
    for series in _series(buttons, lambda above, i: _is_card(lines, kinds, above + 1, i)):
        if len(series) >= 2:
            tallest = max(b - a - 1 for a, b in itertools.pairwise(series))
            first = next((series[0] - height for height in range(tallest, 0, -1)
                          if _is_card(lines, kinds, series[0] - height, series[0])), series[0])
            out.update(j for j in range(first, series[-1] + 1) if kinds[j] in CANDIDATES)
    return out


def _series(marks: list[int], follows) -> list[list[int]]:
    """`marks` (line indices, in order) cut into runs in which each mark `follows(previous, mark)` the
    one before: the buttons or bylines of one list of cards."""
    runs: list[list[int]] = []
    for i in marks:
        if runs and follows(runs[-1][-1], i):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


BYLINE_CARDS = 3  # bylines in a row, each a card's length under the last: a list of other stories
CARD_GAP = CARD_LINES + 2  # lines from one card's byline to the next: its teaser, its date, the next headline


def _byline_cards(lines: list[Line], kinds: list[str | None]) -> set[int]:
    """The lines of other stories' cards that each carry a byline, three or more in a row ("Men and
    Women Have Never Been More Politically Divided" / "By ERIC LEVITZ" / "The gender gap in the 2020
    election ..." / "12:29 A.M." / "CORONAVIRUS" / "Trump's Latest Biden Insult: ..." / "By MATT STIEB"
    / ...): an article has one byline, so bylines a few short lines apart are a list of stories (or
    the readers' comments, each under its "Posted by: ..."), and the run takes none of its lines (their
    teasers read as prose). From the headline over the first byline to the last card's teaser, as
    tall as the shortest card."""
    def follows(above: int, i: int) -> bool:
        return i - above <= CARD_GAP and all(lines[j].words <= TEASER_WORDS for j in range(above + 1, i))

    out: set[int] = set()
    for series in _series([i for i, line in enumerate(lines) if is_byline(line)], follows):
        if len(series) >= BYLINE_CARDS:
            shortest = min(b - a for a, b in itertools.pairwise(series))
            first = series[0] - 1 if series[0] > 0 and is_heading_like(lines[series[0] - 1]) else series[0]
            last = min(len(lines) - 1, series[-1] + shortest - 1)
            out.update(j for j in range(first, last + 1) if kinds[j] in CANDIDATES and lines[j].words <= TEASER_WORDS)
    return out


TABLE_ROWS = 2  # rows of the smallest data table
TABLE_REACH = 2  # lines between a table and the paragraph over or under it (its caption, its source)


def _cells(text: str) -> list[str]:
    """A table row's filled cells: a browser copies a table's cells with tabs between them, a Markdown
    copy writes them between bars ("North Harlow\t4,212\t3,980" / "| North Harlow | 4,212 | 3,980 |")."""
    if "\t" in text:
        return [cell for cell in text.split("\t") if cell.strip()]
    bare = text.strip()
    if len(bare) > 2 and bare[0] == "|" and bare[-1] == "|":
        return [cell for cell in bare[1:-1].split("|") if cell.strip()]
    return []


def _tables_amid_prose(lines: list[Line]) -> set[int]:
    """The rows of the copy's data tables that stand between paragraphs: `TABLE_ROWS` or more lines in
    a row of two or more filled cells each, with a paragraph within `TABLE_REACH` lines over and under
    them (an election's results inside the story). Not a blog's calendar between its sidebar's boxes,
    nor a line with one tab, as code or a layout table's single cell has."""
    filled = [len(_cells(line.text)) >= 2 for line in lines]
    out: set[int] = set()
    for row, block in itertools.groupby(range(len(lines)), key=filled.__getitem__):
        rows = list(block)
        first, last = rows[0], rows[-1]
        if (row and len(rows) >= TABLE_ROWS
                and any(is_prose(lines[j]) for j in range(max(0, first - TABLE_REACH), first))
                and any(is_prose(lines[j]) for j in range(last + 1, min(len(lines), last + 1 + TABLE_REACH)))):
            out.update(rows)
    return out


CONTENTS_ENTRIES = 3  # entries of the shortest table of contents


def _table_of_contents(lines: list[Line], kinds: list[str | None]) -> set[int]:
    """The article's own table of contents: `CONTENTS_ENTRIES` or more headline-like lines in a row, each
    written again further down as a line of its own, in the same order, with prose between those later
    lines (the sections they head: "Example 1: Change Font Size of All Text Elements" / ... over the
    tutorial's examples). Not a menu the footer repeats, whose later lines stand together. A wiki numbers
    its entries and glues an edit link to its headings ("1 History" / ... / "History[edit]")."""
    later: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        later.setdefault(_section_name(line.text), []).append(i)
    prose = np.cumsum([0, *(is_prose(line) for line in lines)])
    out: set[int] = set()
    i = 0
    while i < len(lines):
        entries, sections = [], []
        j = i
        while j < len(lines) and kinds[j] in CANDIDATES and is_heading_like(lines[j]):
            places = later[_section_name(lines[j].text)]
            after = bisect.bisect_right(places, max([j, *sections[-1:]]))
            if after == len(places):
                break
            entries.append(j)
            sections.append(places[after])
            j += 1
        headed = sum(prose[b] > prose[a + 1] for a, b in itertools.pairwise(sections))
        if len(entries) >= CONTENTS_ENTRIES and sections[0] > entries[-1] and headed * 2 >= len(entries) - 1:
            out.update(entries)
        i = max(i + 1, j)  # (a shorter block inside one that failed fails too)
    return out


_SECTION_NUMBER = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+(?=\S)")


def _section_name(text: str) -> str:
    """A heading's words without a contents entry's number or a wiki's edit link ("1 History", "History[edit]")."""
    text = _SECTION_NUMBER.sub("", text.strip())
    return wiki_section_name(text) or text


def _is_card(lines: list[Line], kinds: list[str | None], start: int, end: int) -> bool:
    """Whether lines [start, end) are one story's card: a headline over a few short lines."""
    return (0 <= start < end <= start + CARD_LINES and is_heading_like(lines[start])
            and all(kinds[j] in CANDIDATES and lines[j].words <= TEASER_WORDS for j in range(start, end)))


CARD_TAIL = 4  # lines under a link card's headline with no paragraph: the post has ended


def _link_cards(lines: list[Line], kinds: list[str | None], sites: set[int]) -> set[int]:
    """The headline of a link card under a post: a site's address under the post's own text, and the
    linked story's headline under it ("... a month of catches." / "harbourcourier.co.uk" / "Council
    confirms harbour closure after storm damage"), which is another page's, not a subheading of the
    post: the post ends on it (its time and counts follow). Not a site's name in a menu, which has a
    menu item above it and the article's headline below, nor a document the article shows in full
    under its source ("BVINEWS.COM" / "Statement from the Office of the Governor" / "Release Date:" /
    its paragraphs)."""
    return {i + 1 for i in sites
            if 0 < i < len(lines) - 1 and is_prose(lines[i - 1]) and kinds[i + 1] == "heading"
            and not any(map(is_prose, lines[i + 2:i + 2 + CARD_TAIL]))}


def _counts(lines: list[Line]) -> set[int]:
    """Lines that are a count alone ("42", "1.2K": a post's likes, shares or comments), not one of
    a list's numbers ("1", "2", "3" over the items of a list article), and what each counts where
    the line below says ("Reposts")."""
    counts = {i: line.text.strip() for i, line in enumerate(lines) if COUNT.match(line.text)}
    numbers = {int(value) for value in counts.values() if value.isdigit()}
    alone = {i for i, value in counts.items() if not (value.isdigit() and numbers & {int(value) - 1, int(value) + 1})}
    return alone | {i + 1 for i in alone if i + 1 < len(lines) and COUNTED.match(lines[i + 1].text)}


def _grown(lines: list[Line], candidate: list[bool], form: list[bool], edge: int, step: int,
           boxed: set[int] | frozenset[int] = frozenset(), tables: set[int] | frozenset[int] = frozenset()) -> int:
    skipped, crossed_box, signing_up, j = 0, False, False, edge + step
    while 0 <= j < len(lines) and not form[j]:
        if INSIDE_ARTICLE.match(lines[j].text) or j in tables or is_wiki_section(lines[j].text):
            pass  # (a table or a wiki's section heading reaches the article only with prose past it)
        elif j in boxed:
            crossed_box = True
        elif not candidate[j] or ENTRY_TIME.match(lines[j].text):  # (a live blog's earliest entry, under its time)
            # a newsletter's sign-up box amid the article counts as one line: its label, blurb, field, button and consent
            appeal = boilerplate_kind(lines[j].text) == "subscribe"
            in_box = signing_up and (appeal or (lines[j].words <= FORM_FIELD_WORDS and FORM_FIELD.search(lines[j].text) is not None))
            signing_up = in_box or appeal
            skipped += lines[j].text != lines[j - step].text and not in_box  # (a line the copy wrote twice counts once)
            if skipped > 2:
                break
        elif is_prose(lines[j]) and not (crossed_box and not _FULL_STOP.search(lines[j].text)):
            # (past a box of headlines, only a paragraph that ends as one: not the box's next headline)
            edge, skipped, crossed_box, signing_up = j, 0, False, False
        else:
            break
        j += step
    return edge


_FULL_STOP = re.compile(r"[.!?][\"'”’)\]]*\s*$")
FORM_FIELD_WORDS = 4  # a sign-up box's field or button ("Enter your email", "Email address", "Submit")
FORM_FIELD = re.compile(r"\b(?:e-?mail|subscribe|sign(?:ing)? ?up|submit|(?:first|last) name|zip|postcode|privacy|terms)\b",
                        re.IGNORECASE)  # (not a menu's "Home" / "News" under a "Subscribe" button)


_NUMBERED = re.compile(r"^\s*#?(\d{1,3})[.)](?!\d)\s*\S")  # "7. Erin Andrews", "01. Robert Plant", "3.Charlotte"
ITEM_LINES = 3  # lines an item of a ranked list may run to under its number


def _numbered_list_end(lines: list[Line], candidate: list[bool], first: int, last: int) -> int:
    """The last line of a numbered list the article runs into: a ranked list ("Top 10 ...",
    "Here's the full list:") whose items the model doubts one by one (short names under their
    numbers read as a menu). The list goes on from the article's last numbered item, or starts
    at 1 on the line right under the article, and takes each next number within `ITEM_LINES`
    lines of the one before, over the item's own lines; a list of other stories has a label
    between it and the article ("Most Read"), where this stops."""
    numbers = [(i, int(m.group(1))) for i in range(first, last + 1) if (m := _NUMBERED.match(lines[i].text))]
    expected = numbers[-1][1] + 1 if numbers else 1
    if not numbers:  # a list that starts right under the article, or under the sentence that introduces it
        start = _first_item_under(lines, candidate, last)
        if start is None:
            return last
        last = start - 1
    j = last + 1
    while j < len(lines) and j - last <= ITEM_LINES and candidate[j]:
        number = _NUMBERED.match(lines[j].text)
        if number and int(number.group(1)) != expected:
            break
        if number:
            last, expected = j, expected + 1
        j += 1
    return last


def _items_up_to(lines: list[Line], end: int) -> set[int]:
    """The numbered items of the list whose last item is line `end`: its numbers counted back one by
    one, each within `ITEM_LINES` lines of the next. The model's doubts about a line inside the article
    ("98. Joshua Todd" reads as a menu line) do not move these."""
    number = _NUMBERED.match(lines[end].text)
    items, expected, j = set(), int(number.group(1)) if number else 0, end
    while expected > 0:
        found = next((i for i in range(j, max(-1, j - ITEM_LINES), -1)
                      if (m := _NUMBERED.match(lines[i].text)) and int(m.group(1)) == expected), None)
        if found is None:
            break
        items.add(found)
        expected, j = expected - 1, found - 1
    return items


def _first_item_under(lines: list[Line], candidate: list[bool], last: int) -> int | None:
    """The line of item 1 of a list under the article's last line `last`: right under it, or within
    `ITEM_LINES` lines of it under a sentence that introduces the list ("Here's the full list from Hit
    Parader."; a line the model doubted may come between), with no line the rules settled on the way;
    not under a label ("Most Read"), which heads another list."""
    for j in range(last + 1, min(len(lines), last + 1 + ITEM_LINES)):
        if not candidate[j]:
            return None
        number = _NUMBERED.match(lines[j].text)
        if number:
            introduced = j == last + 1 or is_prose(lines[j - 1])
            return j if int(number.group(1)) == 1 and introduced else None
    return None


def _article_run(gains: list[float], kinds: list[str | None], form: list[bool]) -> tuple[int, int]:
    """The [first, last] lines of the article's run: the densest run (`_densest_run`), unless it holds
    headings alone, a list of other stories ("1. Wait, are dead skin cells ..." / "2. The best winter
    coats" over the headline), where a paragraph is elsewhere: then the densest run with a paragraph, but
    never one below the comment form (above the form, a song's lines or a list with no paragraph are the
    article; below it are the comments and the blog's sidebar)."""
    first, last = _densest_run(gains, form)
    if first <= last and "body" not in kinds[first:last + 1] and "body" in kinds:
        with_paragraph = _densest_run([g if kind != "heading" or g <= 0 else 0.0 for g, kind in zip(gains, kinds)], form)
        if not (any(form) and with_paragraph[0] > form.index(True)):
            return with_paragraph
    return first, last


def _densest_run(gains: list[float], form: list[bool]) -> tuple[int, int]:
    """The best run above the first comment form where one is there, else anywhere."""
    first, last = _best_run(gains[: form.index(True)]) if any(form) else (0, -1)
    return (first, last) if first <= last else _best_run(gains)


def _best_run(gains: list[float]) -> tuple[int, int]:
    """The [first, last] run of the largest sum (Kadane's algorithm); (0, -1) when none is positive."""
    best, best_run = 0.0, (0, -1)
    total, start = 0.0, 0
    for i, gain in enumerate(gains):
        if total <= 0:
            total, start = gain, i
        else:
            total += gain
        if total > best:
            best, best_run = total, (start, i)
    return best_run


def line_kinds(lines: list[Line], segments: list[tuple[int, int, str]]) -> list[str | None]:
    """The segment kind that covers most of each line (None for a line in no segment)."""
    ordered = sorted(segments)
    starts = [s for s, _, _ in ordered]
    import bisect

    out: list[str | None] = []
    for line in lines:
        best, covered = None, 0
        k = max(0, bisect.bisect_right(starts, line.start) - 1)
        while k < len(ordered) and ordered[k][0] < line.end:
            s, e, kind = ordered[k]
            shared = min(e, line.end) - max(s, line.start)
            if shared > covered:
                best, covered = kind, shared
            k += 1
        out.append(best)
    return out
