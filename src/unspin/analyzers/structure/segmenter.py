"""Header, body and footer: the header runs from the top to the first prose line, the footer is
the trailing run of lines that are boilerplate or not prose, and everything between is body."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from ...document import Document, strip_span
from ..attribution.entities import is_person_name
from ..dates import find_date
from .boilerplate import FURNITURE_WORDS, introduces_list, line_kinds, looks_copied
from .draft import Draft
from .lines import (
    Line,
    is_heading_like,
    is_headline_shaped,
    is_prose,
    is_separator,
    over_own_bio,
    reads_as_paragraph,
    runs_on,
)
from .metadata import (
    CONTACT,
    is_byline,
    is_dateline,
    labels_date_below,
    looks_like_outlet,
    outlet_from_notice,
    read_byline,
    read_dateline,
    read_meta_line,
    read_tags,
)
from .patterns import (
    ABOUT_HEADING,
    AUTHOR_ALONE,
    AUTHOR_LABEL,
    AUTHOR_SEARCH,
    BIO,
    BULLET,
    BYLINE,
    CARD_BIO_VERB,
    CLOSING_BIO,
    CODE_LINE,
    COPYRIGHT_NOTICE,
    COUNT,
    EMBEDDED_POST_END,
    FORM_INSTRUCTION,
    LABELLED_DATE,
    NEIGHBOUR_STORY,
    OUTLET_DATE_DATELINE,
    PERSON,
    PLACE_DATE_DATELINE,
    POLL_LABEL,
    SENTENCE_END,
    SIGN_OFF,
    TAG_LINE,
    TOPICS_LABEL,
    WIRE_DATELINE,
    boilerplate_kind,
)
from .quotes import introduces_quote, quote_block

HEADER_LINES = 25  # the header never runs further down than this
PROSE_OVER_BYLINE = 3  # paragraphs (a tagline, a standfirst) that may stand over a headline's byline
KICKER_WORDS = 2  # a line this short over the headline is a site's or a section's name, never the headline
# Kinds of line that are boilerplate even when they read as a sentence ("Notify me of new posts by
# email.", "We use cookies to improve your experience."), where shorter than 200 characters.
SHORT_APPEALS = ("share", "subscribe", "donate", "advertisement", "related", "credit", "comments", "notice", "disclaimer", "social",
                 "page")  # (a page's counters: "Temps de lecture : 3 min.")
# A line that opens with a copyright sign or closes on "All rights reserved." is a notice even as a
# paragraph of several sentences ("© 2022, BreakingBelizeNews.com. This article is the copyrighted ...").
COPYRIGHT_NOTICE_CHARS = 400


def segment(doc: Document, lines: list[Line], draft: Draft, verse: set[int]) -> None:
    """Header, body and footer of the lines, `verse` (`lines.verses`) read as the article's."""
    body_start = header(doc, lines, draft, verse)
    draft.author_names = [doc.text[a:b] for a, b in draft.authors]
    blurbs = newsletter_blurbs(lines)
    body_end = footer_start(lines, body_start, draft, blurbs, verse)
    details = article_details(lines, body_start)
    body(doc, lines[body_start:body_end], draft, {i - body_start for i in blurbs},
         {i - body_start: detail for i, detail in details.items() if i < body_end}, {i - body_start for i in verse})
    topics = topic_list(lines, body_end) if not draft.tags else []
    for i, line in enumerate(lines[body_end:], body_end):
        if i in topics:
            _read_topic(doc, line, draft)
            continue
        if read_tag_line(doc, line, draft) or read_author_line(doc, line, draft) or read_date_line(doc, line, draft):
            continue
        if i in details and read_detail(doc, line, details[i], draft):
            continue
        draft.add(line.start, line.end, "boilerplate", type="subscribe" if i in blurbs else footer_kind(line, draft))
        outlet_from_notice(doc, line, draft)
    if not draft.authors:
        read_sign_off(lines, draft)


# A box of the article's details below it, each label and its value on one line with no colon between
# ("Date 19.01.2020" / "Author Ben Knight" / "Related Subjects Berlin" / "Keywords Berlin, colonialism")
_DETAIL = re.compile(r"^(?P<label>date|author|keywords|related subjects|topics)[^\S\t]+(?=\S)", re.IGNORECASE)
DETAILS = 2  # labels of the smallest such box, all different


class Detail(NamedTuple):
    """A line of a box of the article's details (`article_details`)."""

    label: str  # in lower case: "date", "author", "keywords", "related subjects", "topics"
    value: int  # offset where the value begins, after its label
    box: int  # offset where its box begins


def article_details(lines: list[Line], start: int) -> dict[int, Detail]:
    """The lines of a box of the article's details from line `start` on: `DETAILS` or more lines in a
    row, each under a different label. Without colons such a label counts only in the company of
    others ("Date night ideas for the weekend" alone is a headline)."""
    out: dict[int, Detail] = {}
    i = start
    while i < len(lines):
        block: dict[int, tuple[str, int]] = {}  # each line's label and the offset of its value
        while i < len(lines) and (label := _DETAIL.match(lines[i].text)) and not is_prose(lines[i]) \
                and label["label"].lower() not in (seen for seen, _ in block.values()):
            block[i] = label["label"].lower(), lines[i].start + label.end()
            i += 1
        if len(block) >= DETAILS:
            box = lines[min(block)].start
            out.update((j, Detail(label, value, box)) for j, (label, value) in block.items())
        i += not block
    return out


def read_detail(doc: Document, line: Line, detail: Detail, draft: Draft) -> bool:
    """One line of the article's details (`article_details`): its date, its author or its topics where
    nothing above gave them (the topics of every line of the box); a line whose value is already known
    is a dateline or byline all the same."""
    if detail.label == "date" and is_dateline(line):
        if draft.published and not draft.published_updated:
            draft.add(line.start, line.end, "dateline")
        else:
            read_dateline(doc, line, draft)
    elif detail.label == "author":
        if draft.authors:
            draft.add(line.start, line.end, "byline")
        else:
            read_byline(doc, line, detail.value, draft)
    elif detail.label != "date" and all(start >= detail.box for start, _ in draft.tags):
        read_tags(doc, line, detail.value, draft)
    else:
        return False
    return True


TOPICS = 8  # topics a list under its label holds


def topic_list(lines: list[Line], start: int) -> list[int]:
    """The lines of a list of the article's topics under a label of its own below the article
    ("Explore more on these topics" / "Ukraine" / "Russia" / ...; "Read More Stories About:" /
    "Politics, Border, Immigration"; "Tags" / "City Council" / "Budget"): up to `TOPICS` short
    lines that are no furniture, no label ("Views: 184") and no author's card, under the first label
    from line `start` on. A list that runs on past `TOPICS` lines is the site's menu ("Tags" /
    "Site Map" / "Latest" / "Contributors" / ...)."""
    label = next((i for i in range(start, len(lines)) if TOPICS_LABEL.match(lines[i].text) and not _menu_item(lines[i])),
                 None)
    if label is None:
        return []
    out: list[int] = []
    for i in range(label + 1, min(len(lines), label + 2 + TOPICS)):
        text = lines[i].text
        if (lines[i].words > 4 or SENTENCE_END.search(text) or boilerplate_kind(text) or ":" in text
                or author_card(lines, i) is not None):
            return out
        styles = {_written(lines[k].text) for k in out} - {None}
        if styles and _written(text) not in styles | {None}:
            return out  # the next menu, written another way ("DEVELOPMENT" / "Live Streams" / "ON NOW")
        out.append(i)
    return out if len(out) <= TOPICS else []


ACRONYM_LETTERS = 5  # "DJV", "ICAEW": capitals that say nothing of how a list writes its items


def _written(text: str) -> str | None:
    """How a list's item is written: in capitals ("NAPA COUNTY"), or not ("Live Streams"); None for an acronym."""
    if not text.isupper():
        return "mixed"
    return "capitals" if sum(map(str.isalpha, text)) > ACRONYM_LETTERS else None


def read_copied_tags(doc: Document, lines: list[Line], draft: Draft) -> None:
    """A copied page's list of topics under its article ("Tags" / "Bulletin" / "Code for a
    Living"), read once the line classifier has found the article: on a copy the rules' body runs
    on past the article, over an author's links and "Related Articles", so the footer's reading
    (`segment`) never reaches the list. The label becomes boilerplate, its lines tags (a blogging
    platform's list has no label: `_topics_over_counts`)."""
    if draft.tags:
        return
    kinds = line_kinds(lines, [(s, e, kind) for s, e, kind, _ in draft.segments])
    first = next((i for i, kind in enumerate(kinds) if kind == "body"), None)
    topics = topic_list(lines, first + 1) if first is not None else []
    label = topics[0] - 1 if topics else None
    topics = topics or _topics_over_counts(lines, kinds)  # (with no label: a blogging platform's)
    if not topics or any(draft.straddles(lines[k]) for k in (topics if label is None else [label, *topics])):
        return
    if label is not None:
        draft.set_line(lines[label], "boilerplate", type="tags")
    for k in topics:
        draft.drop_line(lines[k])
        _read_topic(doc, lines[k], draft)


def _read_topic(doc: Document, line: Line, draft: Draft) -> None:
    """A line of a topic list: its tags; a line that gives none ("More", "See all") stays in the report."""
    before = len(draft.tags)
    read_tags(doc, line, line.start, draft)
    if len(draft.tags) == before:
        draft.add(line.start, line.end, "boilerplate", type="tags")


PLATFORM_TOPICS = (2, 5)  # topics a blogging platform shows under a post


def _topics_over_counts(lines: list[Line], kinds: list[str | None]) -> list[int]:
    """A blogging platform's topics under the post with no label ("Transport" / "Local Government" /
    "Harbour City" over the count of its claps, "312"): two to five short capitalised lines right under
    a paragraph, each no sentence, no furniture the rules name (the line classifier may have moved them)
    and no person's name, with a count under the last. A subheading has its paragraph under it instead,
    a writer's sign-off ("Ann Roe" / "Staff Writer") the share buttons."""
    for last, kind in enumerate(kinds):
        if kind != "body":
            continue
        out = []
        for i in range(last + 1, min(len(lines), last + 2 + PLATFORM_TOPICS[1])):
            text = lines[i].text
            if (kinds[i] not in ("heading", "boilerplate") or lines[i].words > 3 or not text[:1].isupper()
                    or SENTENCE_END.search(text) or boilerplate_kind(text)):
                break
            out.append(i)
        below = last + 1 + len(out)
        if (PLATFORM_TOPICS[0] <= len(out) <= PLATFORM_TOPICS[1] and below < len(lines) and COUNT.match(lines[below].text)
                and not any(is_person_name(lines[i].text) for i in out)):
            return out
    return []


def _menu_item(line: Line) -> bool:
    """A label of a word or two that is a link is a menu's item ("[Tags](javascript:;)" among a
    wiki's "Edit" and "History"); a longer one heads the list ("[Explore more on these topics](#)")."""
    return bool(line.links) and line.words <= 2


def read_sign_off(lines: list[Line], draft: Draft, cards: bool = False) -> None:
    """A sign-off under the post names its author where nothing above did: a blog's "Posted by Ned
    Roe at 5:11 AM", "Written by Ann Roe", a syndicated piece's "Authored by Jane Roe via ...", a
    company blog's "Posted by Ann Roe, Project Marketing, Harbour Data", the name over a journal's
    "Search for this author in:" (the line keeps its segment); with `cards`, once a copied page's
    header has been read, a name over its own bio ("Ann Roe" / "Ann Roe writes The Harbour Brief,
    ...") or under a label alone ("Author" / "Ann Roe") where the recogniser reads a person's name."""
    for i, line in enumerate(lines):
        labelled = False  # ("Author" alone over the name: both lines become the byline)
        if sign_off := SIGN_OFF.match(line.text):
            start, end = sign_off.span(next(group for group in ("name", "syndicated", "signed") if sign_off[group]))
        elif (label := AUTHOR_LABEL.match(line.text)) and not is_prose(line):
            start, end = label.end(), len(line.text.rstrip())
        elif i + 1 < len(lines) and AUTHOR_SEARCH.match(lines[i + 1].text) and 2 <= line.words <= 4:
            start, end = 0, len(line.text.rstrip())  # a science journal's author card
        elif cards and 2 <= line.words <= 3 and over_own_bio(lines, i) and is_person_name(line.text):
            start, end = 0, len(line.text.rstrip())
        elif cards and i > 0 and AUTHOR_ALONE.match(lines[i - 1].text) and 2 <= line.words <= 4 and is_person_name(line.text):
            start, end, labelled = 0, len(line.text.rstrip()), True
        elif (cards and 2 <= line.words <= 3 and i + 1 < len(lines) and CONTACT.match(lines[i + 1].text.strip())
              and is_person_name(line.text)):
            start, end = 0, len(line.text.rstrip())  # the writer's name over their e-mail under the article
        else:
            continue
        if PERSON.match(line.text[start:end]):
            draft.authors.append((line.start + start, line.start + end))
            for label_or_name in (lines[i - 1], line) if labelled else ():
                if not draft.straddles(label_or_name):
                    draft.set_line(label_or_name, "byline")
            return


def read_author_line(doc: Document, line: Line, draft: Draft) -> bool:
    """"Author: Jacopo Cascioli" below the article, where nothing above named one: its author."""
    label = AUTHOR_LABEL.match(line.text)
    if not label or draft.authors or is_prose(line):
        return False
    read_byline(doc, line, line.start + label.end(), draft)
    return True


def read_date_line(doc: Document, line: Line, draft: Draft) -> bool:
    """"Published: 03 December 2019" below the article: its date, where nothing above dated it (or only
    said when it was updated); else a dateline all the same ("News date : 04/21/2022 Category : Press
    Releases" under the story), no paragraph of it."""
    if not LABELLED_DATE.match(line.text) or not is_dateline(line):
        return False
    if draft.published and not draft.published_updated:
        draft.add(line.start, line.end, "dateline")
    else:
        read_dateline(doc, line, draft)
    return True


def read_date_under_label(lines: list[Line], index: int, draft: Draft) -> bool:
    """A date label alone on its line over the date it labels, inside an article already dated (a
    statement the article quotes: "Release Date:" / "Thursday, 28 April 2022 – 3:55pm"): both datelines,
    no paragraphs. (Where nothing dated the article, such a pair far down the page is as often another
    story's, in a box of them, as the article's own: left as it reads.)"""
    if not (draft.published and not draft.published_updated and labels_date_below(lines, index)):
        return False
    for line in lines[index:index + 2]:
        draft.add(line.start, line.end, "dateline")
    return True


def read_tag_line(doc: Document, line: Line, draft: Draft) -> bool:
    """"Tags: transit, city council" below the article (a blog's or a copied op-ed's): its values are
    the article's tags, as in the header. Only the first such line counts (more are site lists)."""
    tag = TAG_LINE.match(line.text)
    if not tag or draft.tags or is_prose(line):
        return False
    read_tags(doc, line, line.start + tag.end(), draft)
    return True


# A forwarded mail's header, over the newsletter a reader forwards: "---------- Forwarded message
# ---------", "From: Harbour Gazette <...>", "Date:" or "Sent:", "Subject:", "To:"
_MAIL_HEADER = re.compile(r"^\W*(?:-+\s*forwarded message\s*-+|begin forwarded message:|"
                          r"(?P<field>from|sent|date|to|cc|bcc|subject|reply-to)\s*:\s*\S)", re.IGNORECASE)
MAIL_FIELDS = 3  # fields at least, a sender and a subject among them
_SENDER = re.compile(r"^\W*from\s*:\s*(?P<name>[^<>@\n]{2,60}?)\s*<[^<>\s]+@[^<>\s]+>\s*$", re.IGNORECASE)


def mail_header(doc: Document, lines: list[Line], draft: Draft) -> int:
    """Where the text opens with a mail's header, make it the page's furniture (its date the
    document's) and return the line after it; else 0."""
    header: list[tuple[Line, str]] = []  # each line and its field ("" for "---------- Forwarded message ---------")
    for line in lines:
        if not (match := _MAIL_HEADER.match(line.text)):
            break
        header.append((line, (match["field"] or "").lower()))
    fields = {field for _, field in header} - {""}
    if len(fields) < MAIL_FIELDS or not {"from", "subject"} <= fields:
        return 0
    for line, field in header:
        date = find_date(line.text) if field in ("date", "sent") else None
        if date:
            draft.dated(date[2])
            draft.add(line.start, line.end, "dateline")
            continue
        draft.add(line.start, line.end, "boilerplate", type="page")
        sender = _SENDER.match(line.text)
        if sender and not draft.outlet and (looks_like_outlet(sender["name"]) or not is_person_name(sender["name"])):
            # the newsletter's sender is its publisher ("From: Harbour Gazette <news@...>"; a person forwarding is not)
            draft.outlet = strip_span(doc.text, line.start + sender.start("name"), line.start + sender.end("name"))
    return len(header)


def header(doc: Document, lines: list[Line], draft: Draft, verse: set[int] | frozenset[int] = frozenset()) -> int:
    """Classify lines from the top until the body begins (at the latest, at the first line of
    `verse`, which is no standfirst); return the body's first line."""
    if len(lines) == 1 and is_prose(lines[0]) and SENTENCE_END.search(lines[0].text):
        return 0  # a text of one sentence is all body, not a headline
    i = mail_header(doc, lines, draft)
    limit = min(len(lines), HEADER_LINES)
    title_index = None
    headings = [k for k in range(min(limit, 6)) if "heading" in lines[k].markup] or _title_above_byline(lines, limit)
    while i < limit:
        line = lines[i]
        # the page's marked headline is its title even where it ends on a date ("... | DW | 19.01.2020")
        marked_headline = title_index is None and headings and i == headings[0] and not BYLINE.match(line.text)
        if not marked_headline and read_meta_line(doc, line, draft):
            i += 1
            continue
        kind = boilerplate_kind(line.text)
        if kind and not (title_index is None and headings and i == headings[0]):
            draft.add(line.start, line.end, "boilerplate", type=kind)
            i += 1
            continue
        if title_index is None and headings and i < headings[0]:
            # Lines above the page's main heading: skip links, section names, menus.
            draft.add(line.start, line.end, "boilerplate", type="navigation")
            i += 1
            continue
        if title_index is None and not headings and reads_as_paragraph(line) and not looks_copied(lines):
            # a text that starts with its first paragraph has no title (a reader copied the article's text
            # alone; a copied page's header is the headline pass's to read)
            break
        if (i == 0 or (title_index is not None and i == title_index + 1)) and _is_site_address(line, lines):
            # the site's address over the title, as a browser's reader view gives it, or under it, as a
            # read-later app does ("harbourgazette.co.uk"; a copied page's logo is the headline pass's to read)
            draft.add(line.start, line.end, "boilerplate", type="navigation")
            i += 1
            continue
        if title_index is None and (not headings or i == headings[0]) and not is_separator(line):
            title_index = i
            draft.title = (line.start, line.end)
            draft.add(line.start, line.end, "title")
            i += 1
            continue
        if title_index is not None and "heading" in line.markup and any(
            BYLINE.match(later.text) or is_dateline(later) or link_byline(later) for later in lines[i + 1 : i + 4]
        ):
            draft.add(line.start, line.end, "subtitle")
            i += 1
            continue
        if title_index is not None and link_byline(line):
            draft.add(line.start, line.end, "byline")
            draft.authors.append((line.links[0].start, line.links[0].end))
            i += 1
            continue
        if title_index is None or is_prose(line) or "heading" in line.markup or i in verse:
            break
        under_title = i == title_index + 1 or (i == title_index + 2 and _is_site_address(lines[i - 1], lines))
        if under_title and 2 <= line.words <= NAME_WORDS and is_person_name(line.text):
            # a person's name alone under the title is the writer's (a reader view's byline, a text
            # pasted with its headline and its author)
            draft.add(line.start, line.end, "byline")
            draft.authors.append(strip_span(doc.text, line.start, line.end))
            i += 1
            continue
        # Short lines between title and body: kickers, standfirsts, navigation.
        if line.words >= 6:
            draft.add(line.start, line.end, "subtitle")
        i += 1
    # A prose line directly followed by a byline or dateline is a standfirst, not body.
    # (a paragraph that opens "By the end of next week ..." is no byline)
    if i + 1 < len(lines) and is_prose(lines[i]) and (is_byline(lines[i + 1]) or is_dateline(lines[i + 1])):
        draft.add(lines[i].start, lines[i].end, "subtitle")
        i += 1
        while i < len(lines) and read_meta_line(doc, lines[i], draft):
            i += 1
    return i


_SITE_ADDRESS = re.compile(r"^\s*(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}\s*$", re.IGNORECASE)


def _is_site_address(line: Line, lines: list[Line]) -> bool:
    return bool(_SITE_ADDRESS.match(line.text)) and not looks_copied(lines)


NAME_WORDS = 4  # "Ann Roe", "Maria de la Cruz"


def _title_above_byline(lines: list[Line], limit: int) -> list[int]:
    """In a copied page with a menu above the article ("HOME", "NEWS", "Log in"...), the title is
    the headline-like line nearest above the byline: [its index], or [] when the page has no
    byline below its second line or no such headline."""
    byline = next((k for k in range(min(limit, len(lines))) if BYLINE.match(lines[k].text)), None)
    if byline is None or byline < 2 or sum(is_prose(lines[k]) for k in range(byline)) > PROSE_OVER_BYLINE:
        return []  # past the article's paragraphs a byline closes a short page, or heads a quoted story
    for k in range(byline - 1, -1, -1):
        line = lines[k]
        if boilerplate_kind(line.text) or is_separator(line) or is_dateline(line) or TAG_LINE.match(line.text):
            continue
        under_kicker = k == 1 and lines[0].words <= KICKER_WORDS
        # (a wire story's summary over its byline is no headline: "* Says will counter globalism ...")
        if line.words >= 3 and is_heading_like(line) and not BULLET.match(line.text):
            return [k] if k >= 2 or under_kicker else []  # a title on the first line needs no help
        if under_kicker and is_headline_shaped(line):
            return [k]  # a long headline under a site's name ("PAWSZILLA" / "Fans Expressed Fears Over ...")
        break
    return []


def link_byline(line: Line) -> bool:
    """A line that is nothing but a link to a person's name (Substack, Medium)."""
    return (len(line.links) == 1 and line.links[0].start == line.start and line.links[0].end == line.end
            and bool(PERSON.match(line.text)) and 2 <= line.words <= 4)


def footer_start(lines: list[Line], body_start: int, draft: Draft, blurbs: set[int] | frozenset[int] = frozenset(),
                 verse: set[int] | frozenset[int] = frozenset()) -> int:
    """First line of the trailing run of boilerplate, bios, separators and non-prose lines (a line
    of `verse` is the article's, as prose is).

    The run only counts as a footer if it holds at least one line that is boilerplate for
    sure; an "About <organisation>" heading takes the paragraph under it along.
    """
    j = len(lines)
    marked = False
    while j - 1 > body_start:
        line = lines[j - 1]
        sure = bool(boilerplate_kind(line.text) or is_separator(line) or is_bio(line, draft) or j - 1 in blurbs)
        # (the code an article ends on, "print(count)", is no footer line however unlike prose; a
        # bracket alone may close a page's style sheet as well as the article's code)
        code = bool(CODE_LINE.match(line.text)) and any(map(str.isalpha, line.text))
        if sure or not (is_prose(line) or j - 1 in verse or code):
            marked = marked or sure
            j -= 1
        elif (about := about_heading_above(lines, j - 1, body_start)) is not None:
            marked = True
            j = about
        else:
            break
    if not marked:
        return len(lines)
    return _past_the_list(lines, _past_closing_lines(lines, j, draft), body_start, draft, blurbs)


def _past_closing_lines(lines: list[Line], j: int, draft: Draft) -> int:
    """Where the footer starts once the article's last short lines are back in it: right under its
    last paragraph, a sentence too short to read as prose ("We’ll see.", "A tragedy indeed.") and the
    end of a post it embeds ("... — Ann Roe (@annroe) January 8, 2019") are the article's, not the first
    lines of the furniture under it ("Article posted with permission from ...")."""
    while j < len(lines) and j > 0 and (is_prose(lines[j - 1]) or EMBEDDED_POST_END.search(lines[j - 1].text)) and (
            _closing_sentence(lines[j], draft) or EMBEDDED_POST_END.search(lines[j].text)):
        j += 1
    return j


CLOSING_WORDS = (2, 3)  # a shorter line is a button ("Thanks."); a longer one with its full stop reads as prose


def _closing_sentence(line: Line, draft: Draft) -> bool:
    text = line.text.strip("*_ ")
    return (CLOSING_WORDS[0] <= line.words <= CLOSING_WORDS[1] and bool(SENTENCE_END.search(text))
            and (text[:1].isupper() or text[:1] in "\"“‘'") and not FURNITURE_WORDS.search(text)
            and not _furniture_or_metadata(line, draft))


def _furniture_or_metadata(line: Line, draft: Draft) -> bool:
    """Where the article's last lines stop: page furniture, a separator, a bio, a byline, a date or a tag line."""
    return bool(boilerplate_kind(line.text) or is_separator(line) or is_bio(line, draft) or is_byline(line)
                or is_dateline(line) or TAG_LINE.match(line.text))


LIST_ITEMS = 12  # the most items of a list an article ends on
ITEM_WORDS = 25  # an item's words, at most; a longer line is a paragraph
LIST_ITEMS_ABOVE = 2  # items the article kept under the introduction: one line under it is no list ("We need your help")
# items under an introduction the footer's run took too, at least: a sentence of the article's under its last
# paragraph ("I know it's a lot of figures, so I'll summarize them:"), not a box's label ("A THOUGHT FOR TODAY:")
LIST_ITEMS_UNDER = 3
LIST_INTRO_WORDS = 6  # the words of such a sentence, at least (a box's label is shorter: "A THOUGHT FOR TODAY:")


def _past_the_list(lines: list[Line], j: int, body_start: int, draft: Draft, blurbs: set[int] | frozenset[int]) -> int:
    """Where the footer starts once the list that the article ends on is whole. The footer's run
    (`footer_start`) takes the lines under the last one that reads as prose, so it took a list's last
    items ("... so here is what they come to:" / "Generators save memory only for large inputs, but are
    quicker to loop over" / "Slotted classes save a lot of memory" / ... / "Author: Ann Roe"); they
    stay, up to the first furniture or metadata line. Two items at least above the run make a list
    (under "A THOUGHT FOR TODAY:", a quotation and then an appeal's label are none); where the run took
    every item, or the introduction too, a sentence right under the last paragraph and three items under it."""
    above = next((k for k in range(j - 1, max(body_start, j - 1 - LIST_ITEMS) - 1, -1)
                  if introduces_list(lines[k]) or lines[k].words > ITEM_WORDS), None)
    # (the introduction right over the run, or the run's first line: a sentence under the last paragraph)
    intro = next((k for k in (j, j - 1) if body_start < k < len(lines) and k not in blurbs and is_prose(lines[k - 1])
                  and introduces_list(lines[k]) and lines[k].words >= LIST_INTRO_WORDS), None)
    if above is not None and introduces_list(lines[above]) and j - above - 1 >= LIST_ITEMS_ABOVE:
        least, end = 0, j  # the run took the list's last items
    elif intro is not None:
        above, least, end = intro, LIST_ITEMS_UNDER, intro + 1  # the run took all the items, or its introduction too
    else:
        return j
    while (end < len(lines) and end - above <= LIST_ITEMS and 1 <= lines[end].words <= ITEM_WORDS
           and end not in blurbs and not _furniture_or_metadata(lines[end], draft)):
        end += 1
    return end if end - above - 1 >= least else j


def about_heading_above(lines: list[Line], index: int, body_start: int) -> int | None:
    """The index of an "About X" / "Written by X" heading at most three lines above a prose
    line, with only non-prose lines ("143 Followers") in between."""
    for k in range(index - 1, max(body_start, index - 4), -1):
        if ABOUT_HEADING.match(lines[k].text):
            return k
        if is_prose(lines[k]):
            return None
    return None


def is_bio(line: Line, draft: Draft) -> bool:
    if boilerplate_kind(line.text) == "bio" or BIO.match(line.text):
        return True
    # "<Author name> is ..." or "<Author name>'s latest book ..." after the article.
    text = line.text.lstrip("*_ ")
    return any(text.startswith(name) and len(name) > 3 for name in draft.author_names)


CLOSING_BIO_CHARS = 300  # a longer paragraph that opens so is the article's, unless it opens on its author's name
AUTHOR_BIO_CHARS = 600


def closing_bio(lines: list[Line], index: int, author_names: Sequence[str] = ()) -> bool:
    """"Perry Bacon Jr. is a senior writer for FiveThirtyEight." where the article ends: the last
    line, or one followed by page furniture ("Comments", "@handle") rather than prose. Up to
    `AUTHOR_BIO_CHARS` when it opens on the byline's name ("Evan Halper writes about ... Before
    heading east, he was ...")."""
    text = lines[index].text
    by_author = any(text.lstrip("*_ ").startswith(name) for name in author_names if len(name) > 3)
    if not CLOSING_BIO.match(text) or len(text) > (AUTHOR_BIO_CHARS if by_author else CLOSING_BIO_CHARS):
        return False
    return _furniture_or_nothing(lines, index + 1)


CARD_GAP = 5  # lines of links ("Follow Us", "twitter", "email") between a card's name and its bio


def author_card(lines: list[Line], index: int) -> int | None:
    """An author card below a post: a line that is a person's name alone ("Martin Chikilian"),
    then, past at most `CARD_GAP` lines that are no prose (the author's links), a line about that
    person ("Martin is a full-stack engineer and has worked as ..."), then page furniture or
    nothing. Returns the index of the line about the person."""
    if is_prose(lines[index]) or not PERSON.match(lines[index].text.strip()):
        return None
    below = next((k for k in range(index + 1, min(len(lines), index + 2 + CARD_GAP)) if is_prose(lines[k])), None)
    if below is None:
        return None
    name, about = lines[index].text.split(), lines[below].text.lstrip("*_ ")
    if not 2 <= len(name) <= 4 or len(about) > 400:
        return None
    # (the card may give the name in capitals: "LISA MARINO" / "Lisa Marino is the chief ...")
    opening = next((" ".join(name[:k]) for k in (len(name), 1) if about.lower().startswith(" ".join(name[:k]).lower() + " ")),
                   None)
    if opening is None or not CARD_BIO_VERB.match(about[len(opening):]):
        return None
    return below if _furniture_or_nothing(lines, below + 1) else None


def _furniture_or_nothing(lines: list[Line], index: int) -> bool:
    """Whether line `index` is page furniture (boilerplate, or not prose) or past the last line:
    what follows a bio, where the article has ended."""
    return index >= len(lines) or bool(boilerplate_kind(lines[index].text)) or not is_prose(lines[index])


def footer_kind(line: Line, draft: Draft) -> str:
    kind = boilerplate_kind(line.text)
    if kind:
        return kind
    if is_separator(line):
        return "separator"
    if TAG_LINE.match(line.text):
        return "tags"
    if is_bio(line, draft) or any(line.text.lstrip("*_ ").startswith(name) for name in draft.author_names if name):
        return "bio"
    return "footer"


POLL_LINES = 16  # a poll box's lines under its label: the question (written up to three times), the options, the form
LONG_PARAGRAPH_WORDS = 25  # a line this long is the story's, never a poll's question or option
BOX_APPEALS = ("notice", "subscribe", "donate")  # the furniture whose box may have a label of its own
BOX_LABEL_WORDS = 6  # "Interested in learning more about AMP?"; a sign-off over a newsletter's line is longer
NEWSLETTER_BLURB_CHARS = 200  # a newsletter's one line about itself; a longer paragraph is the article's


def newsletter_blurbs(lines: list[Line]) -> set[int]:
    """A newsletter's one line about itself between its name and its button ("Get our Essential Politics
    newsletter" / "The latest news, analysis and insights from our bureau chiefs ..." / "Sign Me Up"): the
    box's, however much it reads as a sentence. Not a post's byline between two such boxes ("Posted by
    Ann Roe, Harbour Project")."""
    kinds = [boilerplate_kind(line.text) for line in lines]
    return {i for i in range(1, len(lines) - 1)
            if kinds[i] is None and kinds[i - 1] == kinds[i + 1] == "subscribe"
            and len(lines[i].text) < NEWSLETTER_BLURB_CHARS and not BYLINE.match(lines[i].text)}


def body(doc: Document, lines: list[Line], draft: Draft, blurbs: set[int] | frozenset[int] = frozenset(),
         details: dict[int, Detail] | None = None, verse: set[int] | frozenset[int] = frozenset()) -> None:
    paragraph_layout = sum(line.blank_before for line in lines) >= len(lines) * 0.5
    i = 0
    first_body = True
    bios: set[int] = set()  # lines an author card above already made its bio
    kinds = ["subscribe" if i in blurbs else boilerplate_kind(line.text) for i, line in enumerate(lines)]
    details = details or {}
    while i < len(lines):
        line, kind = lines[i], kinds[i]
        if i in bios or (i in details and read_detail(doc, line, details[i], draft)):
            i += 1
            continue
        if kind == "subscribe" and POLL_LABEL.match(line.text):
            # the poll's question and options, down to its sign-up form's last line (not past a paragraph)
            end = i
            for k in range(i + 1, min(len(lines), i + POLL_LINES + 1)):
                if lines[k].words >= LONG_PARAGRAPH_WORDS:
                    break
                end = k if kinds[k] == "subscribe" else end
            for box_line in lines[i:end + 1]:
                draft.add(box_line.start, box_line.end, "boilerplate", type="subscribe")
            i = end + 1
            continue
        short_appeal = ((kind in SHORT_APPEALS and len(line.text) < 200)
                        or (COPYRIGHT_NOTICE.search(line.text) and len(line.text) < COPYRIGHT_NOTICE_CHARS))
        # a paragraph that says it is one ("Disclaimer (varies based on content ...): News articles ..."),
        # or that tells the reader how to fill in a sign-up form, however long
        # (and a link to the story before or after, with that story's headline: "Previous articleWORLD VIEW: ...")
        labelled = ((kind == "disclaimer" and line.text.lstrip("*_[( ").lower().startswith("disclaimer"))
                    or (kind == "subscribe" and bool(FORM_INSTRUCTION.search(line.text)))
                    or (kind == "navigation" and bool(NEIGHBOUR_STORY.match(line.text)) and len(line.text) < 200))
        if (kind and not is_prose(line)) or short_appeal or labelled:
            draft.add(line.start, line.end, "boilerplate", type=kind)
            i += 1
            continue
        if _jump_slug(lines, kinds, i) or _player_time(lines, kinds, i):
            kinds[i] = "page"
            draft.add(line.start, line.end, "boilerplate", type="page")
            i += 1
            continue
        if closing_bio(lines, i, draft.author_names) or (
                # the paragraph under an "About the author" line
                i > 0 and kinds[i - 1] == "bio" and is_prose(line) and len(line.text) < AUTHOR_BIO_CHARS) or (
                first_body and _bio_under_byline(line, draft)):
            draft.add(line.start, line.end, "boilerplate", type="bio")
            i += 1
            continue
        if (about := author_card(lines, i)) is not None:
            for card_line in (line, lines[about]):
                draft.add(card_line.start, card_line.end, "boilerplate", type="bio")
            bios.add(about)
            i += 1  # the author's links between are read as any line
            continue
        if read_tag_line(doc, line, draft):
            i += 1
            continue
        if read_date_under_label(lines, i, draft):
            i += 2
            continue
        if TAG_LINE.match(line.text) and not is_prose(line):
            # A second tag line ("Categories: ..." then "Tags: ..."): the site's lists, not the article.
            draft.add(line.start, line.end, "boilerplate", type="tags")
            i += 1
            continue
        if "blockquote" in line.markup:
            draft.add(line.start, line.end, "quote_block")
            i += 1
            continue
        if (is_heading_like(line) and i + 1 < len(lines) and not is_separator(line) and i not in verse
                and not runs_on(line, lines[i + 1]) and not (i > 0 and runs_on(lines[i - 1], line))):
            if kinds[i + 1] in BOX_APPEALS and is_prose(lines[i + 1]) and line.words <= BOX_LABEL_WORDS:
                # the label of an appeal's box ("Uncommon Knowledge" / "Harbour Week is committed to ...";
                # "Stay informed" / "Sign up for our newsletter to ...")
                draft.add(line.start, line.end, "boilerplate", type=kinds[i + 1])
            else:
                draft.add(line.start, line.end, "heading")
            i += 1
            continue
        if is_separator(line):
            i += 1
            continue
        start = line.start
        if first_body:
            start = _opening_dateline(line, draft)
            first_body = False
        draft.add(start, line.end, "body")
        i += 1
        if introduces_quote(line):
            i = quote_block(doc, lines, i, line, paragraph_layout, draft)


# A printed page's jump ("See BRIDGE, Page A4") and its slug alone over the rest ("BRIDGE" / "From Page A1")
_JUMP = re.compile(r"^\s*(?i:see|continued on|continues on|turn to)\s+(?P<slug>[A-Z][A-Z'’\- ]{1,30}?),?\s+(?i:page)\b")


def _jump_slug(lines: list[Line], kinds: list[str | None], index: int) -> bool:
    """The slug of a jump a line or two above, alone on its line."""
    text = lines[index].text.strip()
    return any((jump := _JUMP.match(lines[j].text)) and kinds[j] == "page"
               and jump["slug"].strip() == text for j in range(max(0, index - 2), index))


_TIME_ALONE = re.compile(r"^\s*\d{1,2}:\d{2}(?::\d{2})?\s*$")
_LISTEN = re.compile(r"^\s*listen to (?:this )?(?:article|story)\b", re.IGNORECASE)


def _player_time(lines: list[Line], kinds: list[str | None], index: int) -> bool:
    """"00:00" / "02:31" under "Listen to this article": the audio player's position and length (a
    time alone elsewhere may be a video's length between its headlines, which says they are a list)."""
    if not _TIME_ALONE.match(lines[index].text) or index == 0:
        return False
    above = lines[index - 1]
    return bool(_LISTEN.match(above.text)) or (kinds[index - 1] == "page" and _TIME_ALONE.match(above.text) is not None
                                               and index >= 2 and bool(_LISTEN.match(lines[index - 2].text)))


_IS_A = re.compile(r"\s+is\s+(?:a|an|the)\s")


def _bio_under_byline(line: Line, draft: Draft) -> bool:
    """"Ann Roe is a Local Democracy Reporter based in Harbour City." over the first paragraph: a line
    about the byline's writer that opens on their name."""
    text = line.text.lstrip("*_ ")
    return len(text) < CLOSING_BIO_CHARS and any(
        text.startswith(name) and _IS_A.match(text, len(name)) for name in draft.author_names if len(name) > 3)


def _opening_dateline(line: Line, draft: Draft) -> int:
    """"WASHINGTON (Reuters) -" or "PHOENIX, Ariz., May 2, 2023 --" at the start of the first
    paragraph: a dateline segment; returns where the body text begins."""
    start = line.start
    wire = WIRE_DATELINE.match(line.text)
    placed = None if wire else PLACE_DATE_DATELINE.match(line.text) or OUTLET_DATE_DATELINE.match(line.text)
    if placed and find_date(line.text, 0, placed.end()):
        draft.add(line.start, line.start + placed.end(), "dateline")
        draft.published = draft.published or find_date(line.text, 0, placed.end())[2]
        start = line.start + placed.end()
    if wire:
        draft.add(line.start, line.start + wire.end(), "dateline")
        draft.outlet = draft.outlet or (line.start + wire.start("agency"), line.start + wire.end("agency"))
        if dated := find_date(line.text, 0, wire.end("place")):  # a day with its year
            draft.published = draft.published or dated[2]
        start = line.start + wire.end()
    return start
