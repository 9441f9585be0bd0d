"""The headline of a copied page, and the byline and dateline under it.

The header rules read a text from its top, as an article file begins: title, byline, date. A page
copied from a browser tab begins with the site's name, menus and a list of other stories, so the
rules took "Search", "About us" or the site's tagline for the title and never reached the byline.
Once the line classifier has found the article's run (`boilerplate.furniture`), the headline is
one of the lines just above its first paragraph: this logistic regression scores each of them
(how it reads, what lies around it, whether its words recur in the paragraphs below) and the
best one, where the model is sure enough, becomes the title; the bylines and datelines between it
and the article are read as the header rules read them, and what lies above it is navigation.
Trained on trafilatura's reading of each page's HTML title (`training/headline.py`).
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import NamedTuple

import numpy as np

from ...document import Document, strip_span
from ..attribution.entities import is_person_name, is_place_name
from ..dates import find_date
from ..words import stopwords
from .boilerplate import (
    CANDIDATES,
    FURNITURE_WORDS,
    SEPARATORS,
    WORD,
    line_kinds,
    looks_copied,
)
from .draft import Draft
from .lines import (
    HEADLINE_MAX_WORDS,
    Line,
    is_heading_like,
    is_headline_shaped,
    is_prose,
    is_separator,
    over_own_bio,
    reads_as_paragraph,
)
from .logistic import Logistic
from .metadata import (
    MASTHEAD_LINES,
    NAME_JOINS,
    as_words,
    is_byline,
    is_date_label_alone,
    is_date_line,
    is_dateline,
    labels_date_below,
    looks_like_outlet,
    read_meta_line,
)
from .patterns import (
    BIO_ROLES,
    CODE_LINE,
    HANDLE,
    LABELLED_TIME,
    NAME_THEN_ROLE,
    NAME_WITH_AGENCIES,
    PERSON,
    ROLE_LINE,
    SENTENCE_END,
    TAG_LINE,
    UPDATED_LABEL,
    boilerplate_kind,
)
from .segmenter import link_byline

MODEL_FILE = Path(__file__).resolve().parents[2] / "models" / "structure" / "headline.json"
WINDOW = 20  # lines above the article's first paragraph where its headline may be (a caption, credit, byline, date and share buttons between)
BODY_LINES = 40  # lines from the first paragraph whose words a headline shares
NAME_ROLE_WORDS = 16  # a name, a comma and a role: no paragraph of the article
META_ABOVE = 3  # bylines and datelines right over the first paragraph, read where no headline was found
# "New York" / "CNN": a dateline's place over the outlet, no author; few names open with these.
PLACE_FIRST_WORDS = {"new", "los", "las", "san", "santa", "saint", "st.", "fort", "port", "north", "south", "east", "west"}
_KINDS = ("title", "subtitle", "heading", "body", "boilerplate", None)


class HeadlineModel(Logistic):
    """P(line is the page's headline); `margin`: how near the best a line above it may score and
    still be chosen over it (a headline stands above its caption and standfirst)."""

    file = MODEL_FILE

    def __init__(self, config: dict):
        super().__init__(config)
        self.margin = float(config.get("margin", 0.0))


def is_meta(line: Line) -> bool:
    """A byline or dateline ("By Ann Lee", "by: Cora Neas", "Posted: Nov 8, 2023 / 04:43 PM"); a
    paragraph that opens with its author ("By Aaron Humes: The Americas cannot ...") is none."""
    return bool(is_byline(line) or is_dateline(line) or link_byline(line))


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text) if len(w) > 2 and w.lower() not in stopwords()}


def first_paragraph(lines: list[Line], kinds: list[str | None],
                    verse: set[int] | frozenset[int] = frozenset()) -> int | None:
    """The index of the article's first body paragraph (a prose line the rules and the line
    classifier left as body, or the first line of its `verse`), never a headline over its byline or
    dateline ("Verizon FiOS boxes getting a new guide and more in Q4" / "By Richard Lawler posted Aug
    18th 2010") nor the name under a "By :" label ("Joe S.")."""
    return next((i for i, kind in enumerate(kinds) if kind == "body" and (i in verse or (
                 is_prose(lines[i]) and not is_meta(lines[i])
                 and not _over_byline(lines, i) and not is_headline_shaped(lines[i])
                 and not _standfirst_over_byline(lines, kinds, i) and not (i > 0 and _lone_by(lines[i - 1]))
                 and not _headline_over_standfirst_and_byline(lines, i)
                 and not (i > 0 and _headline_over_standfirst_and_byline(lines, i - 1))
                 and _summary_block_end(lines, i) is None))), None)


def _standfirst_over_byline(lines: list[Line], kinds: list[str | None], index: int) -> bool:
    """A prose line over a picture's caption or credit and then the byline or dateline ("The bill
    now heads to the House ..." / "... on Capitol Hill. | Jane Doe/AP" / "By ANN ROE"), or over the
    writer's name and role and then the dateline ("The council voted ..." / "Ann Roe" / "Political
    reporter @annroe" / "Tuesday 3 December 2024 18:14, UK"; "Ann Roe, Patchwork Staff" / "Posted
    ..."; "Ann Roe" / "NCA NewsWire" / "3 min read" / "December 3, 2024 - 11:25PM"): the standfirst,
    not the article's first paragraph."""
    for j in range(index + 1, min(len(lines), index + 1 + STANDFIRST_GAP)):
        if is_meta(lines[j]):
            return j > index + 1
        credit = kinds[j] == "boilerplate" and boilerplate_kind(lines[j].text) == "credit"
        text = lines[j].text
        if not (credit or _reading_time(lines[j]) or ROLE_LINE.match(text) or HANDLE.match(text)
                or (PERSON.match(text) and 2 <= lines[j].words <= 3)
                or (NAME_THEN_ROLE.match(text) and lines[j].words <= NAME_ROLE_WORDS)):
            return False
    return False


def _headline_over_standfirst_and_byline(lines: list[Line], index: int) -> bool:
    """A headline (one that ends as a sentence too), its standfirst, then the byline or a line that is
    mostly a date ("Want to See a More Diverse Contributor Community? So Do We." / "More diverse
    speakers ... for everyone." / "June 19, 2019"): neither is the article's first paragraph."""
    return (index + 2 < len(lines) and lines[index].words <= HEADLINE_MAX_WORDS and is_prose(lines[index + 1])
            and not is_meta(lines[index + 1]) and (is_byline(lines[index + 2]) or is_date_line(lines[index + 2], "body")))


def _summary_block_end(lines: list[Line], index: int) -> int | None:
    """Where a tabloid's headline or one of the summary lines under it stands over the byline ("Jamie's
    war on toxic US food: Chef ... lead plea to Boris Johnson ..." / "Heartfelt open letter written by a
    host of stars" / ... / "By Glen Owen And Brendan Carlin For The Mail On Sunday"; none closed by a
    full stop or longer than a headline over its byline), the byline's index; else None."""
    for below in range(index + 2, min(len(lines), index + 2 + SUMMARY_LINES)):
        if is_meta(lines[below]):
            block = range(index, below)
            return below if all(lines[j].words <= OVER_BYLINE_WORDS and not is_meta(lines[j])
                                and not lines[j].text.rstrip().endswith(".") for j in block) else None
    return None


# a caption's credit, or the writer's name and role (and the reading time: "Ann Roe" / "NCA NewsWire" /
# "3 min read"), between a standfirst and its dateline
STANDFIRST_GAP = 4
COUNTER_WORDS = 4  # a page's counter is this short ("3 min read", "(2 min)")


def _over_byline(lines: list[Line], index: int) -> bool:
    """A line no longer than a headline, not closed by a full stop (an ellipsis is none), over a byline
    or dateline ("GOLDMAN: 4 Key Points On The FOMC Announcement" / "Joe Roe | Sep. 21, 2011, 3:03 PM | 4,094")."""
    line = lines[index]
    text = line.text.rstrip()
    full_stop = text.endswith(".") and not text.endswith("...")  # ("MEANWHILE: Developments In Greece...")
    return index + 1 < len(lines) and line.words <= OVER_BYLINE_WORDS and not full_stop and is_meta(lines[index + 1])


# a blog's headline may run past HEADLINE_MAX_WORDS where its byline marks it ("Industry News: AI in Patient
# Care and Operations, AI as a Preventive Tool, and How Major Hospitals are Already Using AI" is 26 words)
OVER_BYLINE_WORDS = 30


def candidates(lines: list[Line], start: int) -> list[int]:
    """The lines above `start` that could be a headline: two to forty words, and none that a
    rule knows for furniture (a breadcrumb "Home » Recipes » ...", a caption "... (Picture by
    Jameel Springer)") or for a byline ("& Sylvia Torres-Guillén, Director of Education Equity"),
    nor a list cut off at a comma ("Home Entertainment, HD Set Tops,"), nor the second of a line
    written twice (`_written_twice`), nor the writer's role under the name."""
    return [k for k in range(_reach(lines, start), start)
            if _could_be_headline(lines[k]) and not _written_twice(lines, k)
            and not (k > 0 and _VIDEO_LABEL.match(lines[k - 1].text) and not _in_menu(lines, k - 1))
            and not _role_under_name(lines, k)]


def _reach(lines: list[Line], start: int) -> int:
    """The topmost line where the headline may be: `WINDOW` lines above the first paragraph, not
    counting the lines any rule knows for furniture (a sign-up box of ten lines between the byline
    and the article, "Get the biggest ... stories by email" / "Subscribe" / "Invalid Email" / ...)."""
    counted, k = 0, start
    while k > 0 and counted < WINDOW:
        k -= 1
        counted += not boilerplate_kind(lines[k].text)
    return k


def _role_under_name(lines: list[Line], index: int) -> bool:
    """The writer's role on the line under the name ("Ann Roe" / "Senior Reporter")."""
    above = lines[index - 1] if index > 0 else None
    return (above is not None and bool(ROLE_LINE.match(lines[index].text)) and bool(PERSON.match(above.text.strip()))
            and 2 <= above.words <= 4)


def _in_menu(lines: list[Line], index: int) -> bool:
    """Whether the line closes a menu: the two lines over it are a word or two each ("Photos" /
    "Video" over the headline is the site's menu, not a player's label)."""
    return index >= 2 and all(lines[j].words <= 2 for j in (index - 2, index - 1))


# A video player's label: the line under it is the video's title, never the page's headline.
_VIDEO_LABEL = re.compile(r"^\W*(?:video|play video|watch video|watch)\W*$", re.IGNORECASE)


def _could_be_headline(line: Line) -> bool:
    return (2 <= line.words <= 40 and not boilerplate_kind(line.text) and not is_meta(line)
            and not NAME_THEN_ROLE.match(line.text) and not line.text.endswith(",")
            and not CODE_LINE.match(line.text))  # ("\"Likely Employer\": {" of a record the article shows)


def features(lines: list[Line], kinds: list[str | None], start: int, title_line: int | None,
             options: list[int]) -> np.ndarray:
    """One row per candidate line (`options`, as `candidates` gives them): its shape, its place
    above the first paragraph, what is around it (bylines below, headline-like lines between it
    and the article), whether the rules took it for the title, and the share of its words that
    recur in the article's first paragraphs."""
    body_words = _content_words(" ".join(lines[i].text for i in range(start, min(len(lines), start + BODY_LINES))
                                         if kinds[i] == "body"))
    counts: dict[str, int] = {}
    for line in lines:
        counts[line.text] = counts.get(line.text, 0) + 1
    later = {line.text for line in lines[start:]}
    # Each line's verdicts, read once for the stretch the features look at (a candidate, the line
    # above it, the four below it, and three above the first byline).
    top = max(0, min([start - WINDOW, *options]))
    near = range(max(0, top - 3), min(len(lines), start + 5))
    meta = {j: is_meta(lines[j]) for j in near}
    kind = {j: boilerplate_kind(lines[j].text) for j in near}
    headline_like = {j: is_heading_like(lines[j]) and lines[j].words >= 3 and not meta[j] and not kind[j] for j in near}
    metas = [j for j in range(top, start) if meta[j]]
    above_byline = next((j for j in range(metas[0] - 1, max(-1, metas[0] - 4), -1) if headline_like[j]),
                        None) if metas else None
    rows = []
    for k in options:
        line, text = lines[k], lines[k].text
        words = WORD.findall(text)
        n = max(1, len(words))
        own = _content_words(text)
        headings_below = [j for j in range(k + 1, start) if headline_like[j]]
        above = lines[k - 1] if k > 0 else None
        after = lines[k + 1] if k + 1 < len(lines) else None
        rows.append([
            min(3, len(headings_below)) / 3,
            float(not headings_below),
            float(above is not None and is_heading_like(above) and above.words >= 3),
            float(above is not None and is_prose(above)),
            float(after is not None and is_prose(after) and not meta[k + 1]),
            (start - k) / WINDOW,
            float(start - k == 1),
            float(start - k <= 3),
            math.log1p(line.words),
            float(is_heading_like(line)),
            float("heading" in line.markup),
            float(bool(SENTENCE_END.search(text.rstrip("?!")))),
            float(text.endswith(("?", "!"))),
            sum(w[:1].isupper() for w in words) / n,
            sum(c.isupper() for c in text) / max(1, sum(c.isalpha() for c in text)),
            sum(c.isdigit() for c in text) / max(1, len(text)),
            min(3, len(FURNITURE_WORDS.findall(text))) / 3,
            float(bool(kind[k])),
            float(meta[k]),
            float(bool(TAG_LINE.match(text))),
            float(any(meta[j] for j in range(k + 1, min(len(lines), k + 5)))),
            float(above is not None and meta[k - 1]),
            float(counts[text] > 1),
            len(own & body_words) / max(1, len(own)),
            min(1.0, len(own) / 8),
            float(is_prose(line)),
            sum(w.lower() in stopwords() for w in words) / n,
            min(3, len(SEPARATORS.findall(text))) / 3,
            float(bool(line.links)),
            float(k == title_line),
            float(above is not None and kind[k - 1] == "credit"),
            float(text.endswith(":")),
            *(float(kinds[k] == kind) for kind in _KINDS),
            min(3, sum(is_prose(lines[j]) and not meta[j] for j in range(k + 1, start))) / 3,
            float(above is not None and (above.words <= 2 or bool(kind[k - 1]))),
            float(20 <= len(text) <= 120),
            float(text in later),
            float(k == above_byline),
        ])
    return np.array(rows, dtype=np.float32).reshape(len(rows), -1)


class Headline(NamedTuple):
    line: int | None  # the copied page's headline, None where the model is sure of no line
    likeliest: int | None = None  # the line the model is surest of, where it reaches the threshold


def find_headline(lines: list[Line], kinds: list[str | None], start: int, title_line: int | None,
                  model: HeadlineModel) -> Headline:
    """The copied page's headline above its first paragraph (`start`), never an entry of the article's
    contents (`_contents_entries`)."""
    top_headings = [k for k in range(start) if "h1" in lines[k].markup]
    if len(top_headings) == 1 and _could_be_headline(lines[top_headings[0]]):
        return Headline(top_headings[0])  # a Markdown copy's one "# Title" above the article, however far
    contents = _contents_entries(lines, kinds, start)
    options = [k for k in candidates(lines, start) if k not in contents]
    if not options:
        return Headline(None)
    p = model.probabilities(features(lines, kinds, start, title_line, options))
    title_option = options.index(title_line) if title_line in options else None
    chosen = choose(p, title_option, model.threshold, model.margin, over_byline_option(lines, options),
                    instead_options(lines, options), over_title_option(lines, options, title_option),
                    summary_tops(lines, options))
    likeliest = int(np.argmax(p))
    return Headline(None if chosen is None else options[chosen],
                    options[likeliest] if p[likeliest] >= model.threshold else None)


def _contents_entries(lines: list[Line], kinds: list[str | None], start: int) -> set[int]:
    """The lines over the first paragraph that list the article's contents: each one and a line next
    to it both repeat subheadings of the article (a documentation page's sidebar, "Choosing a backend"
    / "Time zones" / "Retries and back-off", over "Configuring the scheduler" and the article). One
    line alone may be the headline itself, written again in a list of stories under the article."""
    headings = {lines[i].text.strip() for i in range(start, len(lines)) if kinds[i] == "heading"}
    repeats = {k for k in range(start) if lines[k].text.strip() in headings}
    return {k for k in repeats if k - 1 in repeats or k + 1 in repeats}


def _written_twice(lines: list[Line], index: int) -> bool:
    """A line that repeats the one right above it ("The Harbour Blog" / "The Harbour Blog"): the
    site's name, as its logo's text and its link, not the headline."""
    return index > 0 and lines[index - 1].text.strip() == lines[index].text.strip()


KICKER_MAX_WORDS = 3  # a line this short over a headline is a section's or a series' label ("Local Reporting Network")


def instead_options(lines: list[Line], options: list[int]) -> list[int | None]:
    """For each candidate, the candidate that is the headline where this one is chosen but reads as
    what stands next to a headline; None where it reads as none:

    - a standfirst (it ends as a sentence, or is a deck half as long again in no title case,
      `_deck_without_stop`) under a shorter line that does not, and is no section's label: that line
      ("The Car-Free Waterfront Is Coming" / "Harbour City's vote is a sign of ... will be."; not
      "Local Reporting Network" over a headline of two sentences);
    - a summary line under a headline in title case: the headline (`_headline_over_summaries`);
    - a section's or series' label over the line right over the byline: that line ("Local
      Reporting Network" / "Harbour City banned cars ... Its own study warned of the cost." / "by
      Ann Roe, Harbour Public");
    - a quotation over the line over the standfirst and byline: that line (`_headline_under_quote`);
    - a blog's tagline over its date header: the post's title under it (`_post_under_date_header`);
    - a standfirst or caption under the byline, where the byline stands under a candidate: that
      candidate (`_headline_over_byline`)."""
    index = {line: n for n, line in enumerate(options)}
    return [_instead_of(lines, index, line) for line in options]


def _instead_of(lines: list[Line], index: dict[int, int], line: int) -> int | None:
    """The candidate to take instead of the one on `line` (see `instead_options`), or None."""
    if (line - 1 in index and (SENTENCE_END.search(lines[line].text) or _deck_without_stop(lines, line))
            and not SENTENCE_END.search(lines[line - 1].text) and KICKER_MAX_WORDS < lines[line - 1].words < lines[line].words):
        return index[line - 1]
    for instead in (_headline_over_summaries, _headline_under_label, _headline_under_quote, _post_under_date_header,
                    _headline_over_byline):
        if (found := instead(lines, index, line)) is not None:
            return found
    return None


DECK_WORDS = 1.5  # times the words of the line over it: a deck with no full stop runs longer than its headline


def _deck_without_stop(lines: list[Line], line: int) -> bool:
    """A deck that ends on no full stop, as an e-edition's do ("Council launches a half-hourly route
    between Harbour Square and the Eastfield estate" under "Night buses return after forty years"): in
    no title case, half as long again as the line over it."""
    return lines[line].words >= DECK_WORDS * max(1, lines[line - 1].words) and _capitalised_share(lines[line].text) < TITLE_CASE


def _headline_under_label(lines: list[Line], index: dict[int, int], line: int) -> int | None:
    below = line + 1
    if (lines[line].words <= KICKER_MAX_WORDS and not SENTENCE_END.search(lines[line].text) and below in index
            and below + 1 < len(lines) and _meta_or_lone_by(lines[below + 1])):
        return index[below]
    return None


BLOG_HEADER_LINES = 4  # a blog's name and tagline stand on its first lines


def _post_under_date_header(lines: list[Line], index: dict[int, int], line: int) -> int | None:
    """A blog's tagline at the top of the page over the date header and the post's title, over the
    post ("Notes on city politics from the waterfront" / "Tuesday, December 3, 2024" / "Harbour City
    bans cars ..." / the first paragraph): the post's title."""
    title, below = line + 2, line + 3
    if (line < BLOG_HEADER_LINES and title in index and below < len(lines) and is_date_line(lines[line + 1], None)
            and lines[line + 1].words <= 5 and is_prose(lines[below])):
        return index[title]
    return None


def _headline_over_byline(lines: list[Line], index: dict[int, int], line: int) -> int | None:
    """A line under the byline, over no byline itself, where the byline stands right under a candidate
    ("New Robot Does Superior Job Sampling Blood" / "By" / "Todd Bates" / "Date" / ... / "Share" /
    "First clinical trial of an automated blood drawing and testing device" / the first paragraph): a
    copy puts the headline over the writer's name and the standfirst or a caption under it, so the
    candidate over the byline."""
    if line + 1 < len(lines) and _meta_or_lone_by(lines[line + 1]):
        return None
    byline = _byline_above(lines, line)
    return index.get(byline - 1) if byline else None


def _byline_above(lines: list[Line], line: int) -> int | None:
    """The nearest byline, or lone "By" label, within `WINDOW` lines over `line`."""
    return next((j for j in range(line - 1, max(0, line - WINDOW), -1) if is_byline(lines[j]) or _lone_by(lines[j])), None)


# summary lines between a tabloid's headline and its byline (a stack of two lines is a page title over a headline)
SUMMARIES_UNDER_HEADLINE = 2


def summary_tops(lines: list[Line], options: list[int]) -> list[int | None]:
    """For each candidate that is one of a tabloid's summary lines under its headline, over the byline
    (`_summary_block_end`), the headline's candidate: the first line of that block, under no menu item or
    kicker of three words or fewer, with two summary lines or more under it, none longer; else None. Unlike
    `instead_options`, taken however the model scores the headline (a long headline in sentence case
    scores under its summaries: "Jamie's war on toxic US food: Chef ... lead plea to Boris Johnson ...")."""
    index = {line: n for n, line in enumerate(options)}
    out: list[int | None] = []
    for line in options:
        top = line
        while top - 1 in index and lines[top - 1].words > KICKER_MAX_WORDS and _summary_block_end(lines, top - 1):
            top -= 1
        end = _summary_block_end(lines, top)
        out.append(index[top] if top != line and end and end - top > SUMMARIES_UNDER_HEADLINE
                   and lines[top].words >= max(lines[j].words for j in range(top + 1, end)) else None)
    return out


_WHOLLY_QUOTED = re.compile(r"^\s*(?:'[^']+'|‘[^‘’]+’|“[^“”]+”|\"[^\"]+\")\s*$")
UNDER_QUOTE = 2  # lines from the headline to its byline or dateline (a standfirst may stand between)


def _headline_under_quote(lines: list[Line], index: dict[int, int], line: int) -> int | None:
    """A quotation over the headline, the site's kicker ("'The most important thing is that I not be
    the last'" / "State of Washington swears in ..." / a standfirst / "By Emily Burack ..."): the headline."""
    below = line + 1
    if (_WHOLLY_QUOTED.match(lines[line].text) and below in index
            and any(_meta_or_lone_by(lines[j]) for j in range(below + 1, min(len(lines), below + 1 + UNDER_QUOTE)))):
        return index[below]
    return None


SUMMARY_LINES = 3  # a markets site's summary lines under its headline ("Shop owners say sales could fall by a fifth")
TITLE_CASE = 0.8  # share of a line's longer words that are capitalised in a headline written in title case
SENTENCE_CASE = 0.4  # ... and at most in a summary line (names are capitalised in any case)


def _headline_over_summaries(lines: list[Line], index: dict[int, int], line: int) -> int | None:
    """The candidate heading the run of summary lines that `line` ends, where the headline is in title
    case and the summaries are not ("Harbour City Bans Cars From Waterfront, Threatening Seafront
    Shops" / "Shop owners say sales could fall by a fifth" / "Council vote ends two-year fight over
    the waterfront road")."""
    top = line
    while line - top < SUMMARY_LINES and top in index and _capitalised_share(lines[top].text) <= SENTENCE_CASE:
        top -= 1
    if top == line or top not in index or lines[top].words <= KICKER_MAX_WORDS:
        return None
    return index[top] if _capitalised_share(lines[top].text) >= TITLE_CASE else None


def _capitalised_share(text: str) -> float:
    """The share of a line's words of four letters or more, past the first, that start with a capital."""
    words = [word for word in re.findall(r"[^\W\d_][\w'’\-]*", text)[1:] if len(word) >= 4]
    return sum(word[0].isupper() for word in words) / len(words) if words else 0.0


def over_title_option(lines: list[Line], options: list[int], title_option: int | None) -> int | None:
    """The candidate right over the header rules' title where it could head it (no sentence, longer than
    a section's label): the rules take the line nearest the byline, which may be the standfirst under
    the headline ("Turkey, Poland and ... added to the quarantine list" / "Travellers who break the rules
    face fines of up to £10,000" / "By ..."), or, past the dateline between them, a picture's caption
    ("Harbour City bans cars ..." / "Updated / Tuesday, 3 Dec 2024 23:25" / "Cyclists ride along ..." / "By ...")."""
    if not title_option:
        return None
    above, title = options[title_option - 1], options[title_option]
    next_to = above == title - 1 or (above == title - 2 and is_dateline(lines[title - 1]))
    return (title_option - 1 if next_to and not SENTENCE_END.search(lines[above].text)
            and lines[above].words > KICKER_MAX_WORDS else None)


def over_byline_option(lines: list[Line], options: list[int]) -> int | None:
    """Which candidate stands right over a byline, a dateline or a lone "By" / "Article by" label,
    the nearest the article's first paragraph; the one over it where that is a standfirst under its
    headline (`_headline_over_standfirst_and_byline`); None where the line over the byline reads as a
    paragraph and no headline stands over it (a social post's text over its time, "The ferry fare rise
    ... will cost a commuter an extra £190 a year. We have asked ...")."""
    n = next((n for n in range(len(options) - 1, -1, -1)
              if options[n] + 1 < len(lines) and _meta_or_lone_by(lines[options[n] + 1])), None)
    if n and options[n - 1] == options[n] - 1 and _headline_over_standfirst_and_byline(lines, options[n - 1]):
        return n - 1
    return None if n is not None and reads_as_paragraph(lines[options[n]]) else n


def _meta_or_lone_by(line: Line) -> bool:
    return is_meta(line) or _lone_by(line)


def _lone_by(line: Line) -> bool:
    """A byline's label alone on its line ("By", "Article by"), its names on the lines below."""
    return line.text.rstrip(" :").lower() in LONE_BY


HEADLINE_OVER_STANDFIRST = 0.9  # the line over the rules' title that the model is this sure of heads it


def choose(p: np.ndarray, title_option: int | None, threshold: float, margin: float = 0.0,
           over_byline: int | None = None, instead: list[int | None] | None = None,
           over_title: int | None = None, tops: list[int | None] | None = None) -> int | None:
    """Which candidate (in page order) is the headline, given each one's probability: the header
    rules' title where it is a candidate the model accepts (a Markdown page's "# Title" over its
    "### subtitle" just above the byline), unless the line right over it scores higher or the model
    is sure of it (`over_title_option`: the rules took a standfirst); else, of the lines that reach the threshold and score
    within `margin` of the likeliest, the topmost (a caption under the headline can score as high);
    either way, the candidate `instead_options` names for it where that one reaches the threshold (a
    headline over the standfirst, the summaries or under the section's label that was chosen); where
    none reaches the threshold, the line right over a byline ("... in Q4" / "By Richard Lawler ...");
    and a tabloid's summary line chosen gives way to its headline (`summary_tops`)."""
    if title_option is not None and p[title_option] >= threshold and p[title_option] >= p.max() - margin:
        heads_it = over_title is not None and p[over_title] >= min(p[title_option], HEADLINE_OVER_STANDFIRST)
        chosen = over_title if heads_it else title_option
    elif not len(p) or p.max() < threshold:
        return over_byline
    else:
        chosen = next(i for i, q in enumerate(p) if q >= threshold and q >= p.max() - margin)
    if tops and tops[chosen] is not None:
        return tops[chosen]
    better = instead[chosen] if instead else None
    return better if better is not None and p[better] >= threshold else chosen


CAPTION_WORDS = 30  # a picture's caption is a sentence or two; a longer line over a credit is the article's


def read_copied_header(doc: Document, lines: list[Line], draft: Draft, model: HeadlineModel | None = None,
                       verse: set[int] | frozenset[int] = frozenset()) -> None:
    """Read a copied page's header where its article begins, not at the top of the page.

    The headline the model finds becomes the title; what lay above it as title, subtitle, byline
    or dateline, or in no segment, becomes navigation; the bylines and datelines between it and
    the article's first paragraph give the authors and the date (they win over the header
    rules', which came from the page's top); failing a date there, the dateline nearest the
    first paragraph gives it. With no headline found, a menu word the rules took for the title is
    navigation, and the bylines and datelines right over the first paragraph are still read.
    With the model off, nothing changes."""
    model = model or HeadlineModel.shipped()
    if model is None or model.is_off or not looks_copied(lines):
        return
    kinds = line_kinds(lines, [(s, e, kind) for s, e, kind, _ in draft.segments])
    start = first_paragraph(lines, kinds, verse)
    if start is None:
        return
    title_line = next((i for i, line in enumerate(lines) if draft.title and line.start == draft.title[0]), None)
    headline, likeliest = find_headline(lines, kinds, start, title_line, model)
    if headline is None and title_line is not None and title_line < SITE_NAME_LINES and lines[title_line].words == 1:
        # the rules' "title" is the site's name over its menu ("Strangemachines" / "Challenges" /
        # "Articles"): the headline-shaped line right over the first paragraph is the headline, or a word
        # alone there that the menu names too (`_page_name_in_menu`)
        above = start - 1
        if above > title_line and ((_could_be_headline(lines[above]) and is_headline_shaped(lines[above]))
                                   or _page_name_in_menu(lines, above)):
            headline = above
    if headline is not None and draft.straddles(lines[headline]):
        headline = None
    if headline is None and title_line is not None and _menu_title(lines, title_line, start):
        draft.segments = [_demoted(segment, lines[title_line].end) for segment in draft.segments]
        draft.title = None
    found = Draft()
    if headline is not None:
        top = lines[headline].start
        draft.segments = [_demoted(segment, top) for segment in draft.segments]
        for i in range(headline):
            if kinds[i] is None:  # the short menu lines the header rules left in no segment
                draft.add(lines[i].start, lines[i].end, "boilerplate", type="navigation")
        above = lines[headline - 1] if headline > 0 else None
        if (above is not None and kinds[headline - 1] == "heading" and above.words <= MENU_ITEM_WORDS
                and not draft.straddles(above)):
            draft.set_line(above, "boilerplate", type="navigation")  # the menu's last item ("Contact") right over it
        over = lines[headline - 1] if headline > 0 and kinds[headline - 1] in ("byline", "dateline") else None
        over_authors = [a for a in draft.authors if over.start <= a[0] < over.end] if over else []
        draft.authors = [a for a in draft.authors if a[0] >= top]
        draft.set_line(lines[headline], "title")
        draft.title = (lines[headline].start, lines[headline].end)
        _read_byline_block(doc, lines, kinds, range(headline + 1, _block_end(lines, start)), start, draft, found)
        if over_authors and not (draft.authors or found.authors) and not draft.straddles(over):
            # an e-edition's line over the headline, "Harbour Gazette · 4 Dec 2024 · A1 · By ANN ROE", where
            # nothing under it names the writer
            draft.authors = over_authors
            draft.set_line(over, "byline")
        if _is_standfirst(lines, kinds, headline + 1, start) and not draft.straddles(lines[headline + 1]):
            draft.set_line(lines[headline + 1], "subtitle")
        if (likeliest is not None and headline < likeliest < start and _byline_above(lines, likeliest) == headline + 1
                and not draft.straddles(lines[likeliest])):
            draft.set_line(lines[likeliest], "heading")  # the article's own first heading, passed over for the headline
        # Between the headline and the first paragraph, a line next to a picture's credit is the
        # picture's caption ("Getty Images" / "The seafront road has been closed ..."; or the
        # caption, then "Credit..."); so is the "first paragraph" itself where the credit follows it
        # and the article goes on below (the caption of the picture the article opens with).
        def credit(j: int) -> bool:
            return 0 <= j < len(lines) and boilerplate_kind(lines[j].text) == "credit"

        opening_caption = (credit(start + 1) and not is_prose(lines[start + 1])  # (not a caption glued to its credit)
                           and lines[start].words <= CAPTION_WORDS and start + 2 < len(lines)
                           and kinds[start + 2] == "body" and is_prose(lines[start + 2]))
        for i in range(headline + 1, start + opening_caption):
            if kinds[i] in CANDIDATES and draft.covers(lines[i], CANDIDATES) and (credit(i - 1) or credit(i + 1)):
                draft.set_line(lines[i], "boilerplate", type="credit")
        _video_player(lines, kinds, headline, start, draft)
        _key_points_box(lines, start, draft)
        # What the header rules left in no segment between the headline and the article is the
        # page's ("Heard on All Things Considered", "Playlist", "Transcript", an author card's "Author"),
        # and an address alone there is the story's short link to share ("https://p.hw.example/p/4kX9").
        for i in range(headline + 1, start):
            if not draft.touches(lines[i]) and not is_separator(lines[i]) and not is_prose(lines[i]):
                draft.add(lines[i].start, lines[i].end, "boilerplate", type="page")
            elif _BARE_ADDRESS.match(lines[i].text) and not draft.straddles(lines[i]):
                draft.set_line(lines[i], "boilerplate", type="share")
        # the headline again, as a picture's alternative text above the article, or below it as
        # the title of a share card ("Share or comment on this article:" / the headline / "e-mail")
        for i in range(headline + 1, len(lines)):
            if (_repeats(lines[i], lines[headline]) and draft.covers(lines[i], CANDIDATES)
                    and (i < start or any(draft.covers(lines[j], ("boilerplate",)) for j in (i - 1, i + 1) if j < len(lines)))):
                draft.set_line(lines[i], "boilerplate", type="page")
    else:
        # No headline: the menu lines above the first paragraph are navigation all the same (not
        # one that ends as a sentence: "Another first." is a subhead), and a byline or dateline
        # right over the first paragraph is still the article's.
        for i in range(start):
            if kinds[i] is None and not is_separator(lines[i]) and not SENTENCE_END.search(lines[i].text):
                draft.add(lines[i].start, lines[i].end, "boilerplate", type="navigation")
        top = _meta_right_above(lines, start)
        _read_byline_block(doc, lines, kinds, range(top, _block_end(lines, start)), start, draft, found)
        if found.authors:
            draft.authors = [a for a in draft.authors if a[0] >= lines[top].start]
    if not found.published:
        dateline = _nearest_dateline(lines, kinds, start)
        if dateline is not None and not draft.straddles(lines[dateline]):
            draft.set_line(lines[dateline], "dateline")
            date = find_date(lines[dateline].text)  # (none where the line's order does not show: "12/04/2020")
            found.published = date[2] if date else None
    draft.authors += found.authors
    # (the header's date wins over the page top's, unless it only says when the article was updated)
    if found.published and not (found.published_updated and draft.published and not draft.published_updated):
        draft.published, draft.published_updated = found.published, found.published_updated
    draft.outlet = draft.outlet or found.outlet


def _page_name_in_menu(lines: list[Line], index: int) -> bool:
    """A word alone that the menu over it names too: a documentation page's name ("Retries", in the
    sidebar, in the breadcrumb, then over the page's first paragraph)."""
    line = lines[index]
    return (line.words == 1 and is_heading_like(line) and not boilerplate_kind(line.text) and not is_meta(line)
            and any(lines[k].text.strip() == line.text.strip() for k in range(index)))


def _repeats(line: Line, headline: Line) -> bool:
    return line.text.lower().split() == headline.text.lower().split()


LONE_BY = {"by", "article by", "written by", "words by", "story by", "posted by", "reported by"}  # a label, its names below
META_BELOW = 6  # lines under the first paragraph where a byline may still stand


def _meta_right_above(lines: list[Line], start: int) -> int:
    """The first of the bylines and datelines (at most `META_ABOVE`) right over line `start`."""
    top = start
    while top > 0 and start - top < META_ABOVE and is_meta(lines[top - 1]):
        top -= 1
    return top


def _block_end(lines: list[Line], start: int) -> int:
    """Where the byline block ends: at the first paragraph, or past a byline or dateline within
    `META_BELOW` lines under it (a page that opens with a standfirst and a captioned photo puts
    "By Ivan Penn" and the date after them, where the classifier's run has begun)."""
    below = [j for j in range(start, min(len(lines), start + META_BELOW)) if _meta_below(lines[j])]
    return below[-1] + 1 if below else start


def _meta_below(line: Line) -> bool:
    """A byline, or a date that is most of its line, as may stand under the first paragraph (not
    a link whose path holds a date, "clarityofsignal.com/2017/01/21/..."), or the label over one."""
    return is_byline(line) or is_date_line(line, "heading") or bool(_ISSUER_LABEL.match(line.text)) or is_date_label_alone(line)


# A government's release names who issues it under a label: "From:" / "Department for Harbour
# Transport and Lena Ortiz" (its departments and ministers)
_ISSUER_LABEL = re.compile(r"^\s*from\s*:\s*$", re.IGNORECASE)
_ISSUERS = re.compile(r"\s+and\s+|\s*,\s*")


def _issuer(doc: Document, line: Line) -> tuple[int, int] | None:
    """The first of the issuers that is no person (the department, not its minister)."""
    position = line.start
    for separator in [*_ISSUERS.finditer(line.text), None]:
        end = line.start + separator.start() if separator else line.end
        a, b = strip_span(doc.text, position, end)
        if b > a and not is_person_name(doc.text[a:b]) and doc.text[a].isupper():
            return a, b
        position = line.start + separator.end() if separator else line.end
    return None


def _read_byline_block(doc: Document, lines: list[Line], kinds: list[str | None], block: range, first: int,
                       draft: Draft, found: Draft) -> None:
    """Read the bylines and datelines of the lines between the headline and the first paragraph
    (`first`; under it, only `_meta_below` lines) into `found`, and make them byline and dateline
    segments of `draft`."""
    lone_by = named = False
    mastheads = _masthead_names(lines, block.start)
    for i in block:
        line = lines[i]
        masthead = line.text.strip().lower() in mastheads  # the paper's name again ("Ann Roe" / "Harbour Courier-Journal")
        if i > 0 and _ISSUER_LABEL.match(lines[i - 1].text) and not draft.straddles(line):
            draft.set_line(line, "byline")  # "From:" / "Department for Harbour Transport and Lena Ortiz"
            found.outlet = found.outlet or _issuer(doc, line)
            continue
        if i >= first and not _meta_below(line):
            continue
        if _ISSUER_LABEL.match(line.text) or labels_date_below(lines, i):
            if not draft.straddles(line):  # (the label of the next line: "Published" / "3 December 2024")
                draft.set_line(line, "byline" if _ISSUER_LABEL.match(line.text) else "dateline")
            continue
        if kinds[i] in ("byline", "dateline"):
            lone_by = _lone_by(line)  # ("By :" read as a byline that names no one: the name is below)
            named = named or (kinds[i] == "byline" and not lone_by)
            if i > 0 and kinds[i] == kinds[i - 1] == "byline" and masthead:
                found.outlet = found.outlet or strip_span(doc.text, line.start, line.end)
            # the header rules read it; its date comes before a later line's ("Nov 14, 2023" / "Updated Nov 15, 2023")
            if kinds[i] == "dateline" and (date := find_date(line.text)):
                found.dated(date[2], updated=_says_updated(lines, i))
            continue
        if draft.straddles(line):
            continue
        if is_byline(line) or is_dateline(line):  # (a name linked to the author's page is read as a name, below)
            lone_by = _lone_by(line)  # ("By :" is a byline that names no one)
            if read_meta_line(doc, line, found, updated=_says_updated(lines, i)):  # else the line keeps what covered it
                draft.drop_line(line)
                draft.segments += found.segments
            found.segments = []
        elif LABELLED_TIME.match(line.text):  # "Updated 6:14 p.m. ET"
            draft.set_line(line, "dateline")
        elif _lone_by(line):  # "By" / "David Brand" / "and" / "Ramsey Khalifeh"
            lone_by = True
            draft.set_line(line, "byline")
        elif with_agencies := NAME_WITH_AGENCIES.match(line.text):  # "Ann Roe with AFP, Reuters"
            draft.set_line(line, "byline")
            span = (line.start + with_agencies.start(1), line.start + with_agencies.end(1))
            if any(top.text.strip().lower() == with_agencies[1].lower() for top in lines[:i]):
                found.outlet = found.outlet or span  # the paper's own name: "Harbour Sabah" / ... / "HARBOUR SABAH WITH AA"
            else:
                found.authors.append(span)
        elif ((role := NAME_THEN_ROLE.match(line.text)) and line.words <= NAME_ROLE_WORDS
              and not SENTENCE_END.search(line.text)):  # a caption says what the person does there
            draft.set_line(line, "byline")
            found.authors.append((line.start + role.start(1), line.start + role.end(1)))
        elif (name := _name_then_role(line)) is not None and not (named or found.authors):
            draft.set_line(line, "byline")
            found.authors.append((line.start + name[0], line.start + name[1]))
        elif ((prefix := _masthead_prefix(lines, line)) and not (named or found.authors)
              and _is_writer_after_masthead(line.text[prefix:].strip(" .,"))):
            draft.set_line(line, "byline")  # "Harbour-Ouest Ann Roe.": the site's name, then the writer's
            found.outlet = found.outlet or (line.start, line.start + prefix)
            found.authors.append(strip_span(doc.text, line.start + prefix, line.end, chars=".,"))
        elif ((pair := _names_and_outlet(line)) and not (named or found.authors)
              and (_next_to_date_or_outlet(lines, i) or _between_headline_and_article(lines, kinds, i, first, draft))):
            draft.set_line(line, "byline")  # "Ann Roe, Harbour Gazette" over the date
            found.authors += [strip_span(doc.text, line.start + start, line.start + end) for start, end in pair[0]]
            found.outlet = found.outlet or (line.start + pair[1][0], line.start + pair[1][1])
        elif ((names := _names_alone(line.text)) and not (ROLE_LINE.match(line.text) and _named_above(lines, i, found))
              and (lone_by or (not (named or found.authors) and (
                  _next_to_date_or_outlet(lines, i) or _between_headline_and_article(lines, kinds, i, first, draft))))):
            draft.set_line(line, "byline")
            found.authors += [strip_span(doc.text, line.start + start, line.start + end) for start, end in names]
        elif ((ROLE_LINE.match(line.text) or HANDLE.match(line.text) or _agency_line(line)
               or masthead) and _named_above(lines, i, found)
              and not draft.straddles(line)):
            # the role or the agency under the name just read ("Political reporter @annroe", "NCA NewsWire"),
            # or the paper's own name ("Ann Roe" / "Harbour Courier-Journal", as on its masthead)
            draft.set_line(line, "byline")
            if masthead:
                found.outlet = found.outlet or strip_span(doc.text, line.start, line.end)
        elif not (found.outlet or draft.outlet) and _source_under_dateline(lines, i):
            draft.set_line(line, "byline")
            found.outlet = strip_span(doc.text, line.start, line.end)
        elif not (lone_by and line.text.lower() in ("and", "&")):
            lone_by = False


# "Andrea Stone Senior Washington Correspondent": a writer's name and role with no comma between
_NAME_THEN_BARE_ROLE = re.compile(rf"^(?P<words>(?:[A-Z][\w'’.\-]*\s+){{2,6}})(?i:{BIO_ROLES})s?\s*$")


def _name_then_role(line: Line) -> tuple[int, int] | None:
    """Where a line is a person's name and then a role in capitalised words, the name's span: the
    shortest run of its first words, two or three, that the recogniser reads as a person's name."""
    match = _NAME_THEN_BARE_ROLE.match(line.text)
    if not match:
        return None
    words = list(re.finditer(r"\S+", match["words"]))
    for count in (2, 3):
        if count <= len(words) and is_person_name(line.text[: words[count - 1].end()]):
            return 0, words[count - 1].end()
    return None


SOURCE_WORDS = 5  # "The Harbour Times", "Harbour Tribune": a paper's name, not a sentence


def _source_under_dateline(lines: list[Line], index: int) -> bool:
    """An aggregator's line naming the publication it took the story from, right under the dateline
    and its reading time ("Wed, December 4, 2024 at 6:14 AM GMT+1" / "3 min read" / "The Harbour Times"):
    a name of two words or more, not in capitals (a section's), that reads as an outlet's ("The ...", a
    newspaper's word) and that the page names again."""
    above = index - 1
    if above >= 0 and boilerplate_kind(lines[above].text) == "page" and not is_dateline(lines[above]):
        above -= 1  # the reading time between
    text = lines[index].text.strip()
    if not (above >= 0 and is_dateline(lines[above]) and 2 <= lines[index].words <= SOURCE_WORDS and not text.isupper()
            and _SOURCE_NAME.match(text) and not boilerplate_kind(text) and looks_like_outlet(text)):
        return False
    named = re.compile(as_words(text))
    return sum(bool(named.search(line.text)) for line in lines) >= SOURCE_MENTIONS


# a publication's name: capitalised words and the words that join them ("The Harbour Times", "Harbour Tribune")
_SOURCE_NAME = re.compile(r"^(?:The\s+)?[A-Z][\w&'’.\-]*(?:\s+(?:[A-Z][\w&'’.\-]*|of|on|and|&))*$")
SOURCE_MENTIONS = 2  # the page names it again (the list of other stories' sources, "originally appeared on ...")


DATELINE_BELOW = 3  # lines under the first paragraph where a copied page's date may stand ("June 19, 2019")


def _nearest_dateline(lines: list[Line], kinds: list[str | None], start: int) -> int | None:
    """The line nearest the article's first paragraph (up to `WINDOW` lines above it or
    `DATELINE_BELOW` below) that is a date and little else ("Posted on April 22, 2022")."""
    for distance in range(1, WINDOW + 1):
        for i in (start - distance, start + distance):
            if 0 <= i < len(lines) and (i < start or distance <= DATELINE_BELOW) and is_date_line(lines[i], kinds[i]):
                return i
    return None


SITE_NAME_LINES = 2  # a one-word "title" on the first two lines of a copy is the site's name
MENU_TITLE_WORDS = 2  # "Home", "ABOUT", "Startseite": a menu's word, far above the article, is no title
MENU_TITLE_DISTANCE = 15  # lines above the first paragraph: no title of one or two words stands further


def _menu_title(lines: list[Line], title_line: int, start: int) -> bool:
    """Whether the header rules' title of a copy is a word or two of the menu, far above the
    first paragraph, or a line of the page's own links ("Login With Facebook | Login |
    Register", "About Press T&C Contact Us")."""
    text = lines[title_line].text
    return ((lines[title_line].words <= MENU_TITLE_WORDS and start - title_line > MENU_TITLE_DISTANCE)
            or bool(FURNITURE_WORDS.search(text)) or len(SEPARATORS.findall(text)) >= 2)


def _is_standfirst(lines: list[Line], kinds: list[str | None], index: int, start: int) -> bool:
    """The prose line right under the headline, above the first paragraph: "The expansion, the
    first in two decades, is due to open in the spring."; the header rules' title where the headline
    is the line over it."""
    # (or a long line with no full stop right over the first paragraph: "The motion passed seven votes to two
    # after a debate that ran past midnight", an agency's lead)
    dek = kinds[index] == "heading" and index + 1 == start and lines[index].words >= DEK_WORDS
    return (index < start and (kinds[index] == "title" or dek or (kinds[index] in ("body", "boilerplate") and is_prose(lines[index])))
            and lines[index].words >= 6 and not is_meta(lines[index]) and not boilerplate_kind(lines[index].text))


DEK_WORDS = 10  # a subheading is shorter


_BETWEEN_NAMES = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
NAMES_ALONE = 4  # writers' names on one line with nothing else ("Ann Roe and Omar Reyes" over a live blog's dateline)


def _names_alone(text: str) -> list[tuple[int, int]]:
    """Where a line is one to four persons' names and nothing else ("Jessica DeFino", "Ann Roe and
    Omar Reyes", "Ann Roe, Omar Reyes and Jo Lin"), each name's span in the line, past the place each
    writes from ("Ann Roe in Harbour City and Omar Reyes in Eastfield", a business daily's byline);
    else none."""
    bounds = [0, *(x for m in _BETWEEN_NAMES.finditer(text) for x in m.span()), len(text)]
    spans = [(a, a + place.start()) if (place := _FROM_PLACE.search(text, a, b)) else (a, b)
             for a, b in zip(bounds[::2], bounds[1::2])]
    # (the place after the writer is no second writer: "Ann Roe, Harbour City")
    spans = spans[:1] + [(a, b) for a, b in spans[1:] if not is_place_name(text[a:b].strip())]
    if len(spans) > NAMES_ALONE or not all(_is_name_alone(text[a:b]) for a, b in spans):
        return []
    return spans


_FROM_PLACE = re.compile(r"\s+in\s+[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,2}\s*$")


# between the writers and their paper: "Ann Roe, Harbour Gazette", "Ann Roe | Harbour Gazette" (not a
# slash: "Jane Doe / Harbour Gazette" is a picture's credit)
_BEFORE_OUTLET = re.compile(r"[ \t]*[,|·•][ \t]*|[ \t]+[-–—][ \t]+")


def _names_and_outlet(line: Line) -> tuple[list[tuple[int, int]], tuple[int, int]] | None:
    """Where a line is one to four persons' names, then an outlet's after a comma or a bar ("Ann
    Roe, Harbour Gazette", "Ann Roe and Omar Reyes | Harbour Gazette"), the spans of the names and
    of the outlet; else None."""
    separators = list(_BEFORE_OUTLET.finditer(line.text))
    if not separators or boilerplate_kind(line.text):
        return None
    last = separators[-1]
    outlet = line.text[last.end():].rstrip()
    names = _names_alone(line.text[:last.start()])
    if not (outlet and names and _names_outlet(outlet)) or is_place_name(line.text[slice(*names[0])].strip()):
        return None
    return names, (last.end(), last.end() + len(outlet))


def _named_above(lines: list[Line], index: int, found: Draft) -> bool:
    """Whether the last author read stands on the line above (the role under it is no second writer:
    "By" / "Ann Roe" / "Senior Reporter"; "By" / "Editorial Staff" is the byline's name)."""
    return bool(found.authors) and index > 0 and lines[index - 1].start <= found.authors[-1][0] < lines[index - 1].end


def _masthead_names(lines: list[Line], above: int) -> set[str]:
    """The page's first lines over the headline (line `above` on), in lower case: its masthead, which
    a line under the writer's name may repeat."""
    return {top.text.strip().lower() for top in lines[:min(above, MASTHEAD_LINES)]} - {""}


def _masthead_prefix(lines: list[Line], line: Line) -> int:
    """How many characters of `line` are the site's name as one of the page's first lines gives it,
    followed by more ("Harbour-Ouest Ann Roe." under "Harbour-Ouest" on the masthead); 0 if none."""
    for top in lines[:MASTHEAD_LINES]:
        name = top.text.strip()
        if top is not line and len(name) >= 3 and line.text.startswith(name + " ") and not boilerplate_kind(name):
            return len(name)
    return 0


def _is_writer_after_masthead(text: str) -> bool:
    """A person's name after the site's name, not words a copy glued together ("JargonsBusinessLeadership")."""
    return _is_name_alone(text) and not re.search(r"[a-z][A-Z]", text) and is_person_name(text)


def _is_name_alone(text: str) -> bool:
    """A person's name and nothing else ("Jessica DeFino" under a headline); one in capitals only
    where the recogniser reads it as a person's ("JOHN DOE", not "WORLD NEWS")."""
    text = text.strip()
    words = text.split()
    if not 2 <= len(words) <= 3 or FURNITURE_WORDS.search(text) or boilerplate_kind(text):  # "Text Size"
        return False
    if {part.lower() for part in _WORD_PARTS.findall(text)} & _PLAYER_WORDS:  # "Video PlayerClose"
        return False
    if text.isupper():
        return is_person_name(text)
    return bool(PERSON.match(text)) and not looks_like_outlet(text) and words[0].lower() not in PLACE_FIRST_WORDS


def _between_headline_and_article(lines: list[Line], kinds: list[str | None], index: int, first: int,
                                  draft: Draft) -> bool:
    """Whether the line stands between the headline and the first paragraph, with only furniture (a
    picture's caption, an audio player's buttons) or a dateline between it and either, and the
    recogniser reads it as a person's name ("Leader spotlight: Erin Spiceland" / "Jessica Rudder" /
    "Every March we ..."; not a subheading "Breaking Down Barriers", nor "CAKE RECIPES" over "80
    COMMENTS")."""
    headline = next((i for i in range(index) if draft.title and lines[i].start == draft.title[0]), None)
    if headline is None or index >= first or not is_person_name(lines[index].text):
        return False
    if headline + 1 == index and (index + 1 == first or over_own_bio(lines, index)):
        return True
    name = lines[index].text
    if (name.isupper() or index - headline > NAME_UNDER_HEADLINE or _GLUED_LABEL.search(name)
            or any(name.lower() in lines[j].text.lower() for j in range(index))):
        return False  # a section or a topic named in the breadcrumb or the headline ("Cake Recipes"), an image's label
    if all(_typed(draft, lines[j], "navigation") for j in (index - 1, index + 1) if 0 <= j < len(lines)):
        return False  # an item of a menu ("Mitglieder" / "Aktuelle Änderungen" / "Liste aller Seiten")

    def furniture(j: int) -> bool:  # (a line the header rules left in no segment is a button: "Playlist";
        # a standfirst may stand between the name and the date: "Ann Roe" / "The council's ban is ..." / "Tue 3 Dec 2024")
        return kinds[j] in ("boilerplate", "subtitle", None) or boilerplate_kind(lines[j].text) is not None

    above = next(j for j in range(index - 1, headline - 1, -1) if j == headline or not furniture(j))
    below = next((j for j in range(index + 1, first) if not furniture(j)), first)
    return (above == headline or is_dateline(lines[above])) and (below == first or is_dateline(lines[below]))


def _video_player(lines: list[Line], kinds: list[str | None], headline: int, start: int, draft: Draft) -> None:
    """A video player under the byline: its label, the video's title and the one line describing it,
    which the first paragraph was taken from, before the page's furniture and the article ("Video" /
    "Senators react to the failed border vote" / "Republican senators speak with reporters after the
    vote." / "NEW You can now listen ..."): the video's caption."""
    if (headline < start - 2 and _VIDEO_LABEL.match(lines[start - 2].text) and lines[start].words <= CAPTION_WORDS
            and start + 1 < len(lines) and kinds[start + 1] == "boilerplate"):
        for line in lines[start - 1 : start + 1]:
            if not draft.straddles(line):
                draft.set_line(line, "boilerplate", type="credit")


_IN_SHORT = re.compile(r"^\W*(?:in short|key points)\W*$", re.IGNORECASE)
_WHATS_NEXT = re.compile(r"^\W*what['’]?s next\W*$", re.IGNORECASE)
KEY_POINTS = 4  # lines of a key points box before its "What's next?"


def _key_points_box(lines: list[Line], start: int, draft: Draft) -> None:
    """A public broadcaster's box over the article ("In short:" / its points / "What's next?" / one
    line), which the first paragraph was taken from: the page's, as a summary of the article."""
    if start < 1 or not _IN_SHORT.match(lines[start - 1].text):
        return
    last = next((j + 1 for j in range(start, min(len(lines) - 1, start + KEY_POINTS))
                 if _WHATS_NEXT.match(lines[j].text)), None)
    if last is None:
        return
    for line in lines[start - 1 : last + 1]:
        if not draft.straddles(line):
            draft.set_line(line, "boilerplate", type="page")


# A web address alone on its line ("https://p.hw.example/p/4kX9", "abc.example/news/harbour")
_BARE_ADDRESS = re.compile(r"^\s*(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?\s*$")
# A media player's buttons, glued or not ("Video PlayerClose"): no one's name
_PLAYER_WORDS = {"video", "audio", "player", "play", "pause", "close", "photo", "photos", "gallery", "podcast", "live"}
_WORD_PARTS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")  # "PlayerClose" -> "Player", "Close"
# what a copy puts after a name under a headline ("Alex Bozarjian Image", "Inga HoeltmannFollow"): no author's
# last name
_GLUED_LABEL = re.compile(r"(?:\s|(?<=[a-z]))(?:Image|Images|Photo|Photos|Video|Logo|Icon|Avatar|Follow)$")
NAME_UNDER_HEADLINE = 5  # lines under the headline where an author's name alone may stand (a date, a show's name between)


def _typed(draft: Draft, line: Line, kind: str) -> bool:
    """Whether a boilerplate segment of type `kind` covers the line."""
    return any(s <= line.start and line.end <= e and attrs.get("type") == kind for s, e, _, attrs in draft.segments)


def _says_updated(lines: list[Line], index: int) -> bool:
    """Whether the dateline gives when the article was updated: "Updated 04 December 2024", or under a
    label of its own ("UPDATED" / "Dec 04, 2024, 06:00 AM" / "PUBLISHED" / "Dec 03, 2024, 11:25 PM")."""
    above = lines[index - 1] if index > 0 else None
    return bool(UPDATED_LABEL.match(lines[index].text)
                or (above is not None and above.words <= 2 and UPDATED_LABEL.match(above.text)))


def _agency_line(line: Line) -> bool:
    """A short line that names an outlet and nothing else ("NCA NewsWire", "BBC News, Cornwall"; not a
    button, "Send a News Tip")."""
    return _names_outlet(line.text)


def _names_outlet(text: str) -> bool:
    name = text.split(",")[0]
    return (len(text.split()) <= 6 and looks_like_outlet(name) and not boilerplate_kind(text)
            and all(word[:1].isupper() or word in _JOINS for word in name.split()))


_JOINS = set(NAME_JOINS.split("|"))  # "Voice of America", "Le Quotidien du Port"


def _next_to_date_or_outlet(lines: list[Line], index: int) -> bool:
    """A dateline on either side, or the outlet under the name ("Jane Roe" / "BBC News, Cornwall"; not
    a count of comments in capitals, "CAKE RECIPES" / "80 COMMENTS"); below it, past the writer's role
    or handle and the reading time ("Ann Roe" / "Political reporter @annroe" / "Tuesday 3 December 2024
    18:14, UK"; "Ann Roe" / "@annroe" / "3 min read" / "December 4, 2024 - 5:00AM")."""
    if lines[index - 1].text.rstrip().endswith(":"):
        return False  # an item of a labelled list ("Search for this author in:" / "Pub Med" / "Nature.com")
    below = index + 1
    while below < min(len(lines), index + 3) and (ROLE_LINE.match(lines[below].text) or HANDLE.match(lines[below].text)
                                                   or _reading_time(lines[below])):
        below += 1  # (past the writer's role or handle, and the reading time: "Ann Roe" / "@annroe" / "3 min read" / the date)
    after = lines[below] if below < len(lines) else None
    return is_dateline(lines[index - 1]) or (after is not None and (is_dateline(after) or _agency_line(after)))


def _reading_time(line: Line) -> bool:
    return boilerplate_kind(line.text) == "page" and line.words <= COUNTER_WORDS  # "3 min read"


MENU_ITEM_WORDS = 3  # a menu's item right over the headline; a kicker over it is longer


def _demoted(segment: tuple[int, int, str, dict], top: int) -> tuple[int, int, str, dict]:
    """A header segment above the headline is the site's navigation; a title below it (a photo
    credit the rules read as one) is page furniture."""
    start, end, kind, attrs = segment
    if start < top and kind in ("title", "subtitle", "byline", "dateline"):
        return start, end, "boilerplate", {"type": "navigation"}
    if kind == "title":
        return start, end, "boilerplate", {"type": "page"}
    return segment
