"""Article metadata read from the header's lines: authors from bylines, the published date and
outlet from datelines, tags from tag lines; and what the reader found when the text says nothing."""

from __future__ import annotations

import re

from ...document import Document, strip_span
from ..attribution.entities import is_person_name, is_place_name
from ..dates import DAY_FIRST_LABELS, LABEL_ARTICLES, date_place, find_date, normalise_date
from .draft import Draft
from .lines import Line, is_prose
from .patterns import (
    APPEARED_ON,
    BIO_ROLES,
    BYLINE,
    CALL_SIGN,
    CAPS_NAME_THEN_ORG,
    DATE_LABEL,
    EMBEDDED_POST_SIGNATURE,
    LABELLED_DATE,
    NAME_WORD,
    NEWS_AGENCY,
    PERSON,
    SENTENCE_END,
    SPLIT_NAMES,
    SPLIT_VALUES,
    TAG_LINE,
    UPDATED_LABEL,
    WEEKDAY_AT_END,
    boilerplate_kind,
)

_OUTLET_WORDS = re.compile(
    r"\b(?:news|newswire|wire|times|post|press|herald|journal|tribune|daily|reuters|associated|agency|media|research|report|review|"
    r"magazine|gazette|guardian|telegraph|network|tv|radio|online|courier|chronicle|observer|independent|globe|"
    r"examiner|inquirer|bulletin|sentinel|dispatch|monitor|\.com|\.org|\.net)\b", re.IGNORECASE)
# "jroe@example.com", "@jroe": how to reach an author, never an author or an outlet, alone or after
# the name ("Por Williams Roe @wroe", "By Jane Roe jroe@example.com").
_ADDRESS = r"(?:\S+@\S+\.\w+|@\w+)"
CONTACT = re.compile(rf"^{_ADDRESS}$")
_TRAILING_HANDLE = re.compile(rf"\s+{_ADDRESS}$|(?<=[a-z])@\w+$")  # ("By Ann Roe@annroe": a copy glues the link)
_CONNECTIVES = re.compile(r"\b(?:and|with|for)\b")
# What stands between a byline's names and its date: "Jane Slaughter on Thu, Nov 9, 2023".
# "By Richard Lawler posted Aug 18th 2010", "by Ann Lee, posted on May 2".
_BEFORE_DATE = re.compile(r"[\s,|·•»\-–—]*(?:\b(?:on|at|(?:last )?updated|published|posted)\b[\s,:]*){0,2}"
                          r"(?:\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s*)?$", re.IGNORECASE)
# "By Evan HalperStaff Writer": a copy glues the author's role to the name.
_ROLE = r"(?:Senior |Staff |Contributing )?(?:Writer|Reporter|Correspondent|Editor|Columnist)s?"
_GLUED_ROLE = re.compile(rf"(?<=[a-z]{{3}}){_ROLE}$")
_ROLE_AT_END = re.compile(rf"\s+(?i:{_ROLE})$")  # ("By Ann Roe Staff writer", with no comma before the role)
# "By Ann Lee, Staff Writer", "Ann Lee, CNN Senior Supreme Court Analyst", "... - AP Technology
# Writers": a piece after the first that ends in a role is the role, not a second author.
_ROLE_AFTER_NAME = re.compile(rf"^(?:[\w'’.&\-]+\s+){{0,5}}{BIO_ROLES}s?$", re.IGNORECASE)
# "By state political reporter Ann Roe": the writer's role, in lower case, before the name.
_ROLE_BEFORE_NAME = re.compile(rf"(?:[a-z][\w'’\-]*\s+){{0,4}}(?i:{BIO_ROLES})\s+(?=[A-Z])")
# "July 24, 2019 by Amy Motroni 5 Comments", "Published by BBNTEAM at April 21, 2022": a dateline's author.
_BY_NAME = re.compile(rf"\b(?i:by)\s+({NAME_WORD}(?:\s+{NAME_WORD}){{0,3}})")
_DATE_CONNECTIVES = re.compile(r"^(?:(?:first |last )?(?:published|posted|updated)\b[\s:]*)?(?:\b(?:on|at)\b\s*)?"
                               r"(?:source\s*:\s*)?", re.I)  # ("Source: Harbour News Agency| 2024-12-03 18:14:05")
# "Tags: Federal Reserve | Get Alerts for these topics »": a link to more, not a tag.
_NOT_A_TAG = re.compile(r"[»›]\s*$|^(?:get alerts|see all|more)\b", re.IGNORECASE)
_TIME_OR_NUMERIC_DATE = re.compile(r"\d{1,2}[:/.]\d{1,2}")
_DATE_LABEL_WORD = re.compile(rf"\b(?:date|datum|fecha|time|released?|issued|modified|created|aired|run|written|input|edited|"
                              rf"(?:{DAY_FIRST_LABELS})(?:\s+(?:{LABEL_ARTICLES}))?)$", re.I)
_ORIGINAL_SOURCE = re.compile(
    rf"(?:original source of this article is|(?i:{APPEARED_ON}))"
    r"\s+((?:[A-Z][\w.'&\-]*)(?:\s+(?:[A-Z][\w.'&\-]*|of|the|and|de|del))*)")


BYLINE_WORDS = 15  # "By Glen Owen And Brendan Carlin For The Mail On Sunday" is eleven
LONG_BYLINE_WORDS = 25  # a byline with its roles, agency and time ("By ... - AP Technology Writers | AP – 1 hr ago")


_MENU_LABEL = re.compile(r"^\s*by\s+(?:[\w/+&'’.\-]+\s*){1,3}:\s*$", re.IGNORECASE)


# A health site names the writer after the medical reviewer: "Medically reviewed by Jane Doe, MD — Written
# by Ann Roe — Updated on December 4, 2024" (the reviewer is no author)
_REVIEWER_FIRST = re.compile(r"^(?:medically |fact[- ]checked |clinically )?reviewed by\b[^—–|]{2,80}[—–|]\s*(?=written by\b)",
                             re.IGNORECASE)


def _byline_opening(text: str) -> int | None:
    """Where a line opens as a byline ("By", "Written by", "Von", "Author:"; past a medical reviewer
    named first), where its names start; never a menu's label over its items ("BY MAIN INGREDIENT:",
    "By cuisine:")."""
    if _MENU_LABEL.match(text):
        return None
    reviewer = _REVIEWER_FIRST.match(text)
    start = reviewer.end() if reviewer else 0
    opening = BYLINE.match(text[start:])
    return start + opening.end() if opening else None


def is_byline(line: Line) -> bool:
    """"By Ann Lee"; a longer line only where it ends as no sentence does ("By JANE ROE and JOHN
    ROE - AP Technology Writers | AP – 1 hr 4 mins ago") or where the writer's bio follows the name
    ("By Ann Roe, a senior reporter covering cities, transport and ..."); never a menu's label
    (`_byline_opening`)."""
    opening = _byline_opening(line.text)
    return opening is not None and (line.words <= BYLINE_WORDS or (
        line.words <= LONG_BYLINE_WORDS and (not SENTENCE_END.search(line.text.rstrip())
                                             or _bio_after_name(line.text, opening) is not None)))


# "By Ann Roe, a senior reporter covering ...": the writer's bio after the name, as a tech site's byline runs
_BIO_AFTER_NAME = re.compile(rf",\s+(?:a|an|the)\s+(?:[\w'’\-]+\s+){{0,3}}{BIO_ROLES}s?\b", re.IGNORECASE)


def _bio_after_name(text: str, names_start: int, names_end: int | None = None) -> re.Match | None:
    bio = _BIO_AFTER_NAME.search(text, names_start, len(text) if names_end is None else names_end)
    return bio if bio and PERSON.match(text[names_start:bio.start()].strip()) else None


def is_dateline(line: Line) -> bool:
    """A line that gives a date: short, or labelled ("PUBLISHED: April 5, 2021 at 6:00 a.m. |
    UPDATED: ...", which runs longer)."""
    if date_place(line.text) is None or EMBEDDED_POST_SIGNATURE.match(line.text):
        return False
    return line.words <= 12 or ((DATE_LABEL.match(line.text) or _LABEL_AFTER_BAR.search(line.text)) is not None
                                and line.words <= 30)


DATE_SHARE = 0.6  # of a line's characters that its date (and time) take, for a line that is a date and little else


def is_date_line(line: Line, kind: str | None) -> bool:
    """A short dateline; one the article kept (a heading) only where the date is most of the line
    ("June 19, 2019", not a tweet's "— Cory Booker (@CoryBooker) March 22, 2019")."""
    labelled = LABELLED_DATE.match(line.text) is not None or _dated_crumbs(line.text)
    if (line.words > 8 and not labelled) or kind == "byline" or not is_dateline(line):
        return False  # a byline with its date ("By Ann Lee | May 3, 2021") was read as one
    if kind in ("body", "heading") and not labelled:
        date = find_date(line.text)
        if date is None:
            return False
        time = _TIME_AFTER_DATE.match(line.text, date[1])  # "Dec. 3, 2024, 6 a.m. EST"
        weekday = WEEKDAY_AT_END.search(line.text[:date[0]])  # "Thursday, 28 April 2022 – 3:55pm"
        dated = date[1] - (weekday.start() if weekday else date[0]) + (len(time.group(0)) if time else 0)
        return dated >= DATE_SHARE * len(line.text)
    return True


def _dated_crumbs(text: str) -> bool:
    """A blog's breadcrumb and the post's date after a bullet ("Blog Home AI & Machine Learning • October
    18, 2019"): a dateline however many words the crumbs have."""
    last = _LAST_CRUMB.search(text)
    date = find_date(text, last.end()) if last else None
    return date is not None and date[1] - date[0] >= DATE_SHARE * len(text[last.end():].strip())


_LAST_CRUMB = re.compile(r"\s[•|·]\s+(?=[^•|·]+$)")

# the time after a date, as much of a dateline as the date: ", 6 a.m. EST", " at 6:14 PM ET", " 18:14", " – 3:55pm"
_TIME_AFTER_DATE = re.compile(r"[,\s\-–—|]*(?:at\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)?\s*(?:[A-Z]{1,4}T)?\s*$",
                              re.IGNORECASE)


def is_date_label_alone(line: Line) -> bool:
    """"Published", "UPDATED", "Date:" alone on its line, over the date it labels."""
    label = DATE_LABEL.match(line.text.strip())
    return label is not None and label.end() == len(line.text.strip())


def labels_date_below(lines: list[Line], index: int) -> bool:
    """Whether line `index` is a date label alone over the date it labels ("Release Date:" /
    "Thursday, 28 April 2022 – 3:55pm")."""
    return is_date_label_alone(lines[index]) and index + 1 < len(lines) and is_date_line(lines[index + 1], "heading")


# "Ann Roe · Harbour CBC News · Posted: Dec 03, 2024 11:25 PM EST | Last Updated: 4 hours ago": a byline
# and its outlet before the labelled date, on one line as long as a sentence
_LABEL_AFTER_BAR = re.compile(r"[|·•/][ \t]*(?:published|updated|last updated|posted|first published)[ \t]*:", re.IGNORECASE)


def read_meta_line(doc: Document, line: Line, draft: Draft, updated: bool = False) -> bool:
    """Byline, dateline or tag line: record what it says and return True (`updated`: a label over the
    line said its date is when the article was updated)."""
    text = line.text
    byline = _byline_opening(text)
    if byline is not None:
        read_byline(doc, line, line.start + byline, draft)
        return True
    tag = TAG_LINE.match(text)
    if tag:
        read_tags(doc, line, line.start + tag.end(), draft)
        return True
    # (a sentence that holds a date is no dateline; "Joe Roe | Sep. 21, 2011, 3:03 PM | 4,094" and "Tue,
    # December 3, 2024 at 6:14 PM EST · 3 min read" are)
    if is_dateline(line) and (not is_prose(line) or line.words <= 8 or DATE_LABEL.match(text)
                              or any(bar in text for bar in "|·•")):
        read_dateline(doc, line, draft, updated)
        return True
    return False


_NICKNAME = re.compile(r"\s+(?:\"[^\"]{1,30}\"|“[^”]{1,30}”)\s+")


_EDITED_BY = re.compile(r"[\s,;|·•\-–—]+(?:edited|reviewed|fact[- ]checked|illustrated|photographed|produced)\s+by\b|"
                        r"[\s,;]*[|·•][\s]*editor\s*:?\s+(?=[A-Z])",  # ("Penulis Ann Roe | Editor Omar Reyes")
                        re.IGNORECASE)


def read_byline(doc: Document, line: Line, names_start: int, draft: Draft) -> None:
    draft.add(line.start, line.end, "byline")
    link_names = [s for s in line.links if s.start >= names_start]
    date = find_date(doc.text, names_start, line.end)
    names_end = date[0] if date else line.end
    if date:
        # "Posted by Jane Smith on March 3": the connective before the date is not a name.
        connective = _BEFORE_DATE.search(doc.text, names_start, names_end)
        names_end = connective.start() if connective else names_end
        draft.dated(date[2])
    # "By Ann Roe edited by Omar Reyes", "By Ann Roe; Fact-checked by ...": the editor is no author
    if editor := _EDITED_BY.search(doc.text, names_start, names_end):
        names_end = editor.start()
    if bio := _bio_after_name(doc.text, names_start, names_end):
        names_end = bio.start()
    if link_names:
        for s in link_names:
            if s.end <= names_end and PERSON.match(s.text.strip()):
                draft.authors.append(strip_span(doc.text, s.start, s.end))
        if draft.authors:
            return
    position = names_start
    # ("BY ANN ROE and OMAR REYES": the connectives may be in lower case)
    capitals = _CONNECTIVES.sub("", doc.text[names_start:names_end]).isupper()
    pieces, after_for, after_with, named_before = [], [False], [False], len(draft.authors)
    agency_first = False
    for separator in SPLIT_NAMES.finditer(doc.text, names_start, names_end):
        pieces.append((position, separator.start()))
        after_for.append(separator["outlet"] is not None)
        after_with.append(separator.group(0).strip() == "with")
        position = separator.end()
    pieces.append((position, names_end))
    for k, (a, b) in enumerate(pieces):
        a, b = strip_span(doc.text, a, b, chars="*_|-–—.,:()")
        if k == 0 and (role := _ROLE_BEFORE_NAME.match(doc.text, a, b)):
            a = role.end()
        if after_for[k]:  # "... for The Courier", after a name this line gave ("for the Harbour Gazette": its name)
            a += 4 if doc.text.startswith("the ", a) else 0
            if len(draft.authors) > named_before and not draft.outlet and doc.text[a:b]:
                draft.outlet = (a, b)
            continue
        glued = _GLUED_ROLE.search(doc.text, a, b) or _TRAILING_HANDLE.search(doc.text, a, b)
        b = glued.start() if glued else b
        if (role := _ROLE_AT_END.search(doc.text, a, b)) and is_person_name(doc.text[a:role.start()]):
            b = role.start()  # "By Ann Roe Staff writer"
        value = doc.text[a:b]
        if NEWS_AGENCY.match(value) and len(draft.authors) == named_before:
            agency_first = True  # "By The Associated Press": the story's source, no writer ("By AFP, The Local": the
            continue  # paper after it is the outlet; "By Ann Roe, AP", the agency after a writer, stays the outlet)
        if not value or CONTACT.match(value) or (k > 0 and (_ROLE_AFTER_NAME.match(value) or (
                k == len(pieces) - 1 and len(value.split()) >= 2 and is_place_name(value)))):
            continue  # (a role or a place after the writer: "By Ann Roe, Harbour City")
        caps_then_org = CAPS_NAME_THEN_ORG.match(value)
        if caps_then_org:
            draft.authors.append((a, a + caps_then_org.end(1)))
            draft.outlet = draft.outlet or (a + caps_then_org.start(2), b)
            continue
        person = _NICKNAME.sub(" ", value)  # ('Amanda "Tania Mae" Tan': a writer's nickname between her names)
        if PERSON.match(person) and len(person.split()) >= 2 or (k == 0 and PERSON.match(person)):
            # (in a byline all in capitals, "BY JOHN SMITH AND JANE DOE", capitals make no outlet)
            if (draft.authors or agency_first) and k == len(pieces) - 1 and looks_like_outlet(value) and not (
                    capitals and not _OUTLET_WORDS.search(value)):
                if not after_with[k]:  # ("By Ann Roe with AP": the agency the story draws on is no outlet)
                    draft.outlet = draft.outlet or (a, b)
            else:
                draft.authors.append((a, b))
        elif draft.authors and not draft.outlet and looks_like_outlet(value) and not after_with[k]:
            staff = _STAFF_AFTER_OUTLET.search(value)  # ("By Ann Roe, Harbour Gazette staff")
            draft.outlet = (a, a + staff.start()) if staff else (a, b)


_STAFF_AFTER_OUTLET = re.compile(r"\s+(?:staff|staff writers?|reporters?|correspondents?)$", re.IGNORECASE)


def looks_like_outlet(value: str) -> bool:
    """"The Courier", "NEWS ONE", "Riverton Daily": a person's name never starts with "The"."""
    if _TIME_OR_NUMERIC_DATE.search(value):  # "10/9/10 7:15 AM EDT" is upper case and no outlet
        return False
    return (bool(_OUTLET_WORDS.search(value) or NEWS_AGENCY.match(value)) or value.isupper()
            or value.startswith("The "))


def read_dateline(doc: Document, line: Line, draft: Draft, updated: bool = False) -> None:
    date = date_place(doc.text, line.start, line.end)
    if date:
        draft.dated(date[2], updated=updated or UPDATED_LABEL.match(line.text) is not None)
    if date and _author_before_date(doc, line, date[0], draft):
        draft.add(line.start, line.end, "byline")
        return
    if (date and (named := _NAME_OUTLET_DATE.match(doc.text, line.start, date[0]) or _NAME_COMMA_OUTLET.match(
            doc.text, line.start, date[0])) and not looks_like_outlet(named["name"]) and not is_place_name(named["name"])):
        draft.authors.append((named.start("name"), named.end("name")))  # "Ann Roe / TOH / Updated: Dec 3, 2024"
        if not _ROLE_AFTER_NAME.match(named["outlet"]):  # ("Ann Roe, Staff Writer Oct. 3, 2014")
            draft.outlet = draft.outlet or (named.start("outlet"), named.end("outlet"))
        draft.add(line.start, line.end, "byline")
        return
    draft.add(line.start, line.end, "dateline")
    if (date and (named := _NAME_THEN_COMMENTS.match(doc.text, date[1], line.end))
            and not _SECTION_WORDS.match(named["name"])):
        draft.authors.append((named.start("name"), named.end("name")))  # "January 10, 2019 Ann Roe 1 Comment"
        return
    by = _BY_NAME.search(line.text)
    if date and by and not (date[0] < line.start + by.end(1) and line.start + by.start(1) < date[1]):
        a, b = strip_span(doc.text, line.start + by.start(1), line.start + by.end(1))
        if not looks_like_outlet(doc.text[a:b]) or doc.text[a:b].isupper():
            draft.authors.append((a, b))
            if a < date[0]:
                return  # (else the paper's name may come before the date: "Harbour Gazette · 4 Dec 2024 · A1 · By ANN ROE")
    if date and not draft.outlet:
        a, b = strip_span(doc.text, line.start, date[0], chars=",|-–—·•:")
        prefix = doc.text[a:b]
        prefix = _DATE_CONNECTIVES.sub("", prefix)
        prefix = _TIME_AT_END.sub("", WEEKDAY_AT_END.sub("", prefix)).strip(" ,|-–—/")
        # an outlet is named, never "at" or "on" ("Posted at 2013-12-30", "on June 26, 2014"), a
        # label ("Release Date 2014-06-26") nor the place the story was filed from ("Valencia - 03 dic 2024")
        # (nor the writer's name, " / Cory Doctorow / 10:08 am Fri Jul 19, 2013", nor a label glued to
        # the time, "Updated21:22, 6 OCT 2020")
        if (prefix[:1].isupper() and 1 <= len(prefix.split()) <= 6 and not re.search(r"\d", prefix)
                and not _DATE_LABEL_WORD.search(prefix) and not DATE_LABEL.match(prefix) and not is_place_name(prefix)
                and not (is_person_name(prefix) and not looks_like_outlet(prefix))):
            a = doc.text.index(prefix, a, b)
            draft.outlet = (a, a + len(prefix))


# the time a daily gives before its date: "Harbour Daily Inquirer / 11:25 PM December 03, 2024"
_TIME_AT_END = re.compile(r"[\s/|,]*\d{1,2}:\d{2}\s*(?:[AaPp]\.?\s?[Mm]\.?)?\s*$")
# A blog post's line under its title: the date, the writer and the count of comments
_NAME_THEN_COMMENTS = re.compile(rf"[ \t|·•\-–—]+(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,3}})[ \t|·•\-–—]+"
                                 r"\d+[ \t]+(?i:comments?|responses?|replies)[ \t]*$")
# A daily's byline, outlet and date on one line: "Ann Roe / TOH / Updated: Dec 3, 2024, 18:14 IST"
_NAME_OUTLET_DATE = re.compile(rf"(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{1,3}})[ \t]*[/|·•][ \t]*"
                               r"(?P<outlet>[A-Z][\w&.'’\-]*(?:[ \t]+[A-Z][\w&.'’\-]*){0,3})[ \t]*[/|·•][ \t]*"
                               r"(?:(?i:published|updated|posted|last updated)[ \t]*:?[ \t]*)?$")


# ... and with a comma, the time before the date: "Ann Roe, HARBOUR TODAY 8:42 a.m. EDT October 3, 2014"
_NAME_COMMA_OUTLET = re.compile(rf"[ \t]*(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{1,3}}),[ \t]+"
                                r"(?P<outlet>[A-Z][\w&.'’\-]*(?:[ \t]+[A-Z][\w&.'’\-]*){0,3}?)[ \t]+"
                                r"(?:(?i:published|updated|posted)[ \t]*:?[ \t]*)?"
                                r"(?:\d{1,2}:\d{2}[ \t]*(?:[aApP]\.?[mM]\.?)?[ \t]*(?:[A-Z]{1,4}T)?[ \t]*)?$")


_LEADING_MARKS = re.compile(r"[\s/|·•]*")


def _author_before_date(doc: Document, line: Line, date_start: int, draft: Draft) -> bool:
    """"Maria Chen | 12 January 2023", "Ann Roe — Tuesday, 3 December 2024, 23:25": a blog's or a daily's
    byline is a person's name, a bar or a dash and the date; a copied page glues them ("Shana Nys
    DambrotNovember 6, 2023"). With only a comma, a tab or spaces between ("Ann Roe, 4 December 2024",
    "Ann Roe Wed 4 Dec 2024"), as a site's name stands before its date too, only where the recogniser
    reads the words as a person's name. A time may come between, set off as the name is (" / Ann Roe /
    10:08 am Fri Jul 19, 2013")."""
    a, b = strip_span(doc.text, line.start, date_start, chars=",·•:")
    a += len(_LEADING_MARKS.match(doc.text, a, b).group())
    b = a + len(WEEKDAY_AT_END.sub("", doc.text[a:b]).rstrip(" ,"))
    glued = b == date_start and date_start > line.start and doc.text[date_start - 1].isalpha()
    timed = _TIME_AT_END.search(doc.text, a, b)  # (the time before the date, set off as the name is)
    marked_by_time = bool(timed and re.match(r"\s*[/|]", timed.group()))
    if timed:
        b = timed.start()
    marked = marked_by_time or doc.text[a:b].endswith(("|", "—", "–"))
    a, b = strip_span(doc.text, a, b - 1 if marked and not marked_by_time else b, chars="*_")
    name = doc.text[a:b]
    if (not (PERSON.match(name) and 2 <= len(name.split()) <= 4) or is_place_name(name)
            or _DATE_LABEL_WORD.search(name) or DATE_LABEL.match(name)):  # ("Actualizado al 4 de diciembre")
        return False
    if name == doc.reader_meta.get("sitename"):
        return False  # (the HTML reader's own line under the title: "Cork Beo, 2020-10-06")
    person = is_person_name(name)  # (capitals as a name: "ANN ROE December 4, 2024", not "HARBOUR NEWS")
    if (looks_like_outlet(name) and not (name.isupper() and person)) or not (marked or glued or person):
        return False
    draft.authors.append((a, b))
    return True


def read_tags(doc: Document, line: Line, values_start: int, draft: Draft) -> None:
    values = [s for s in line.links if s.start >= values_start]
    if values:
        spans = [strip_span(doc.text, s.start, s.end) for s in values]
    else:
        spans, position = [], values_start
        for separator in SPLIT_VALUES.finditer(doc.text, values_start, line.end):
            spans.append(strip_span(doc.text, position, separator.start()))
            position = separator.end()
        spans.append(strip_span(doc.text, position, line.end))
    known = {doc.text[a:b].lower() for a, b in draft.tags}  # (a topic two lines of a box both name is one tag)
    for a, b in spans:
        a, b = strip_span(doc.text, a, b, chars="#*_")
        if b > a and not _NOT_A_TAG.search(doc.text[a:b]):
            if doc.text[a:b].lower() not in known:
                draft.tags.append((a, b))
                known.add(doc.text[a:b].lower())
            draft.add(a, b, "tag")


def outlet_from_notice(doc: Document, line: Line, draft: Draft) -> None:
    """"The original source of this article is Global Research", "This article originally appeared on
    Harbour Tribune: ..." (a portal's syndicated story): the outlet, from a footer."""
    if draft.outlet:
        return
    match = _ORIGINAL_SOURCE.search(line.text)
    if match:
        a = line.start + match.start(1)
        draft.outlet = strip_span(doc.text, a, line.start + match.end(1))


# "© 2020 The New York Times Company", "Copyright © 2013-2021 Docker Inc. All rights reserved.",
# "Luxurious Magazine © 2011-2019.": who holds a page's copyright, the outlet where nothing else names one.
_COPYRIGHT_MARK = re.compile(r"^\W{0,3}(?:copyright|\(c\)|some rights reserved)\b|©|\bcopyright \(c\)", re.IGNORECASE)
_COPYRIGHT_LEAD = re.compile(r"(?:\s*(?:©|\(c\)|copyright|\d{4}(?:\s*[-–]\s*\d{4})?|[,·.:\-–]))*\s*(?:by\s+)?", re.IGNORECASE)
# (names in other languages join their words with articles: "Le Quotidien du Port", "Il Giornale del Porto")
NAME_JOINS = r"of|the|and|de|du|des|del|della|di|da|do|la|le|el|der|den|van|von|on|&"
_HOLDER = re.compile(rf"[A-Z][\w&'’\-]*(?:\.[\w&'’\-]+)*\.?(?:[ \t]+(?:[A-Z0-9][\w&'’.\-]*|{NAME_JOINS}))*")
_HOLDER_BEFORE_MARK = re.compile(rf"^([A-Z][\w&'’.\-]*(?:[ \t]+(?:{NAME_JOINS}))*(?:[ \t]+[A-Z][\w&'’.\-]*"
                                 rf"(?:[ \t]+(?:{NAME_JOINS}))*){{0,4}})[,\s]*©")
_CORPORATE = r"(?:inc|llc|ltd|limited|gmbh|corporation|corp|company|co|plc|group)\.?"
# "THE HARBOUR JAPAN TIMES LTD. ALL RIGHTS RESERVED.": a notice with no mark names its holder before the reservation
_HOLDER_BEFORE_RESERVATION = re.compile(r"^([A-Z][\w&'’.\-]*(?:[ \t]+[A-Z][\w&'’.\-]*){0,5})[,.\s]+(?i:all rights reserved)")
# (with the "&" that joined it: "Harbour Jones & Company, Inc." is Harbour Jones's)
_CORPORATE_TAIL = re.compile(rf"(?:\s+(?:&|and))?(?:[,\s]+{_CORPORATE})+$", re.IGNORECASE)
_CORPORATE_WORD = re.compile(rf"\s{_CORPORATE}(?=\s|$)", re.IGNORECASE)
# (a blog's notice names its theme after the holder: "Flawless Food on the Foodie Pro Theme")
_HOLDER_END = re.compile(r"(?<!\bSt)\.\s|:|\s+(?:all rights|proudly|privacy|terms|do not|powered|site by|legal|on the)\b|"
                         r"\s+\d{4}\b",
                         re.IGNORECASE)
# What follows the holder in a notice (its suffix, a year, "All rights reserved", a place in
# brackets); a photo credit goes on with its caption ("© Reuters Bishop Barros (centre) was ...")
# or its photographer ("© AP Photo / Pablo Martinez").
# ("Harbour Hindu Group Publishing Private Limited or its affiliated companies")
_HOLDER_THEN = re.compile(rf"[\s,]*(?:(?:&|and)\s+(?={_CORPORATE}))?(?:(?:{_CORPORATE}|publishing|private|pvt\.?)[\s,]*)*"
                          r"(?:\([^()]{1,40}\)\s*)?"
                          r"(?:$|[.|·•\-–—,;♦]|all rights|\d{4}|privacy|terms|proudly|powered|site by|legal|do not|on the|"
                          r"or its affiliat)",
                          re.IGNORECASE)
_NOT_HOLDERS = {"all", "and", "protected", "policy", "notice", "act", "permissions", "image", "photo", "foto", "cc",
                "riproduzione", "tous", "todos", "alle"}  # (the reservation in other languages: "© RIPRODUZIONE RISERVATA")
COPYRIGHT_LINE_CHARS = 200  # a longer line is a notice's prose, not the line that names the holder
# "... may not be reproduced ... without prior express written permission from HARBOUR PUNCH."
_PERMISSION_FROM = re.compile(rf"\bwritten permission (?:from|of)[ \t]+((?:the[ \t]+)?[A-Z][\w&'’\-]*"
                              rf"(?:[ \t]+(?:[A-Z][\w&'’\-]*|{NAME_JOINS})){{0,5}}?)[ \t]*\.?[ \t]*$")


_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bSt)\.\s+(?=[A-Z])")  # (not an initial's: "J. Roe")


def copyright_holder(text: str, long: bool = False) -> tuple[int, int] | None:
    """Where `text` (a copyright line) names who holds the copyright, corporate suffixes left out;
    `long`: in a notice as long as a paragraph too, from its first sentence ("Some rights reserved
    2017-2023 by Harbour Newsfeed, a subsidiary of ... . Content published by ... is covered by ...")."""
    text = text.replace("\xa0", " ")  # (pages glue the notice's words with no-break spaces; one for one, spans hold)
    if permission := _PERMISSION_FROM.search(text):  # (a reservation as long as a paragraph names it last)
        return permission.span(1)
    if len(text) > COPYRIGHT_LINE_CHARS:
        first = _SENTENCE_END.search(text) if long and _COPYRIGHT_MARK.match(text) else None
        if first is None or first.start() >= COPYRIGHT_LINE_CHARS:
            return None
        text = text[: first.start() + 1]
    # The holder after the mark first: "Privacy Policy © 2011 AOL Inc." is AOL's notice.
    for mark in _COPYRIGHT_MARK.finditer(text):
        name = _HOLDER.match(text, _COPYRIGHT_LEAD.match(text, mark.end()).end())
        if not name:
            continue
        value = name.group(0)
        if (end := _HOLDER_END.search(value)) is not None:
            if value[end.start()] == ":":
                continue  # "© Foto: Jane Roe": a credit
            value = value[: end.start()]
        value = value[: corporate.end()] if (corporate := _CORPORATE_WORD.search(value)) else value
        company = _CORPORATE_TAIL.search(value)
        value = _CORPORATE_TAIL.sub("", value).strip(" ,.")
        # a short holder only as a company ("© 2011 AOL Inc."; "© AFP 2018 / Jane Roe" is a photo's credit)
        if ((len(value) > 3 or (company and value.isupper() and len(value) >= 2)) and len(value.split()) <= 6
                and value.split()[0].lower() not in _NOT_HOLDERS and _HOLDER_THEN.match(text, name.start() + len(value))):
            return name.start(), name.start() + len(value)
    before = _HOLDER_BEFORE_MARK.match(text) or _HOLDER_BEFORE_RESERVATION.match(text)
    if before and not before.group(1).lower().startswith("copyright"):
        a, b = before.span(1)
        value = _CORPORATE_TAIL.sub("", text[a:b]).strip(" ,.")
        return (a, a + len(value)) if value and value.lower() not in _NOT_HOLDERS else None
    return None


def outlet_from_copyright(doc: Document, draft: Draft, long: bool = False) -> None:
    """Where nothing named the outlet, the holder of the last copyright notice does (a page's own
    notice closes it; a photo's "© Jane Roe" comes earlier). `long`: a notice as long as a
    paragraph as well, last of all (such a notice is a large publisher's terms, which name the
    company that owns the site, more often than a site's own line)."""
    if draft.outlet:
        return
    # (a notice the line classifier took out of the article is the page's furniture as well)
    notices = [(s, e) for s, e, kind, attrs in draft.segments if kind == "boilerplate" and (
        attrs.get("type") == "copyright" or (attrs.get("type") == "page" and boilerplate_kind(doc.text[s:e]) == "copyright"))]
    for start, end in sorted(notices, reverse=True):
        holder = copyright_holder(doc.text[start:end], long)
        if holder and long and _PUBLISHER.search(doc.text[start + holder[0]:start + holder[1]]):
            return  # (the company that owns the site: "Harbour Nation Publishing")
        if holder:
            draft.outlet = (start + holder[0], start + holder[1])
            return
        elsewhere = _holder_in_capitals(doc.text, doc.text[start:end])
        if elsewhere:
            draft.outlet = elsewhere
            return


_LOWER_CASE_HOLDER = re.compile(r"^\W*©\s*(?:\d{4}\s+)?([a-z][a-z0-9\-]{1,15})\s*$")


def _holder_in_capitals(text: str, notice: str) -> tuple[int, int] | None:
    """"© 2024 hpr": a holder written in lower case, where the page names it in capitals elsewhere
    ("More Stories From HPR"): where it does first."""
    lower = _LOWER_CASE_HOLDER.match(notice)
    if not lower:
        return None
    found = re.search(as_words(lower.group(1).upper()), text)
    return found.span() if found else None


MASTHEAD_LINES = 6  # a copied page's site name stands on its first lines (the logo's text), past the skip links
LOGO_LINES = 20  # lines from the top where the logo's link may say where it leads
# A blogging platform's "Published in" label, the publication's name after it or on the next line.
_PUBLISHED_IN = re.compile(r"^published in\b[\s:]*", re.IGNORECASE)
PUBLICATION_WORDS = 6
# The logo's link, as a copy gives its text: "The Guardian - Back to home", "Go to the Harbour Times homepage".
_LOGO_LINK = re.compile(r"^(?P<name>[A-Z0-9][^|]{1,40}?)\s*[-–—|:]\s*(?:back to (?:the )?home(?: ?page)?|home ?page)\s*$|"
                        r"^(?:back|go) to (?:the )?(?P<other>[A-Z0-9][^|]{1,40}?) home ?page\s*$|"
                        # the logo's alternative text alone: "The Harbour Verge homepage" (not "Return to homepage")
                        r"^(?!(?:back|go|return|visit|to|the)\s+(?:to\s+)?(?:the\s+)?home)(?P<bare>(?-i:[A-Z0-9])[^|]{1,40}?) home ?page\s*$",
                        re.IGNORECASE)
MASTHEAD_WORDS = 4
_LOGO_TWICE = re.compile(r"\s*(?P<name>\S.*?)\s+(?P=name)\s*")
# The furniture's links to a site's own pages: "Follow PCMag", "More from The Verge", "About Axios"
_BRAND_LINKS = r"follow|more from|about|support|latest from|popular on"
_LINK_TO_BRAND = re.compile(rf"(?:{_BRAND_LINKS})\s", re.IGNORECASE)  # (a masthead line is never one)
# The line under a masthead that says what the site is: "The student newspaper of Harbour University"
_TAGLINE = re.compile(r"^(?:the|an?|your)\s+(?:[\w'’\-]+\s+){0,4}(?:newspaper|news site|news source|magazine)"
                      r"(?:\s+(?:of|for|in|at|since)\b[^.!?]{0,60})?\s*$|"
                      # a slogan that speaks of the reader's news: "Your community. Your news."
                      r"^(?:your|our)\s+(?=[^|]*\bnews\b)(?:[\w'’,.&\-]+\s+){0,8}[\w'’,.&\-]+\s*$", re.IGNORECASE)
MASTHEAD_MENTIONS = 2  # times the name recurs further down, once at least as a brand ("Follow The Verge", "About PCMag")
_SECTION_WORDS = re.compile(r"^(?:news|politics|world|business|sport|sports|opinion|tech|technology|science|health|"
                            r"entertainment|culture|lifestyle|life|travel|food|style|arts|money|local|national|home|"
                            r"menu|search|sections|today|latest|video|videos|audio|podcasts?|live|watch|listen|weather|about|about us|"
                            r"contact|more|subscribe|shop|log ?in|sign ?in)$",
                            re.IGNORECASE)


# How a page names itself in its furniture: "Follow PCMag", "More from The Verge", "Subscribe to ...",
# "... is a senior writer for FiveThirtyEight", "PC Gamer Newsletter", "PC Gamer is part of Future US".
_BRAND_BEFORE = (r"(?:follow|more from|more on|subscribe to|sign up for|about|join|popular on|latest from|"
                 r"writer for|writes for|works for|editor at|reporter for|watch|listen to|download the|©\s*\d{4})")
_BRAND_AFTER = (r"(?:['’]s\s+(?:newsletter|app|editors|staff)|\s+(?:newsletters?|is part of|is a (?:registered|leading)|"
                r"editors|staff|app|daily|video|live|podcast)\b)")


# A copyright holder that is a publishing company rather than the site ("Vox Media", "CBS Interactive",
# "ABC News Internet Ventures", "Paul Parey Zeitschriftenverlag").
_PUBLISHER = re.compile(r"\b(?:media|interactive|ventures|publishing|publications|publishers?|communications|holdings|"
                        r"broadcasting|l\.?p|\w*verlag|ediciones|éditions|edizioni)\b", re.IGNORECASE)


# "PC Gamer is part of Future US Inc, an international media group ...", "INTELLIGENCER IS A VOX
# MEDIA NETWORK.": a site names itself and its owner in its footer.
_OWNED_BRAND = re.compile(r"^[\s*_]*(?P<brand>(?!(?i:this|it|that|the story|our)\b)"
                          r"[A-Z0-9][\w.&'’\-]*(?:\s+[A-Z0-9][\w.&'’\-]*){0,4})"
                          r"\s+(?i:is (?:part of|a (?:brand|publication|division|property|unit) of|owned by|published by)\s+"
                          r"(?P<owner>[^.,;]{2,60})|is an? (?P<network>[^.,;]{2,40}?) (?:network|brand|publication)\b)")
_OWNER = re.compile(r"\b(?:inc|plc|llc|ltd|group|media|corporation|corp|company|publishers?)\b", re.IGNORECASE)
OWNED_BRAND_CHARS = 300  # a longer line is prose that says what something belongs to


def owned_brand(lines: list[Line], holder: str | None = None) -> tuple[int, int] | None:
    """The site's name where its footer says whose it is ("PC Gamer is part of Future US Inc"), the
    owner being a company or the copyright's holder."""
    for line in reversed(lines):
        match = _OWNED_BRAND.match(line.text) if len(line.text) <= OWNED_BRAND_CHARS else None
        owner = match and (match["owner"] or match["network"])
        if owner and (_OWNER.search(owner) or (holder and holder.lower() in owner.lower())):
            return line.start + match.start("brand"), line.start + match.end("brand")
    return None


def _published_in(lines: list[Line]) -> tuple[int, int] | None:
    """"Published in" / "Harbour Notes" under a post's headline (or "Published in Harbour Notes")."""
    for i, line in enumerate(lines):
        label = _PUBLISHED_IN.match(line.text)
        if not label or line.words > PUBLICATION_WORDS + 2:  # (a label, not "Published in 1998, the book ...")
            continue
        if label.end() < len(line.text):
            # the paper's print edition, dated: "Published in Harbour Dawn, December 4th, 2024"
            date = date_place(line.text, label.end())
            start, end = strip_span(line.text, label.end(), date[0] if date else len(line.text), chars=",")
            holder, name = line, line.text[start:end]
        elif i + 1 < len(lines):
            holder, name, start, end = lines[i + 1], lines[i + 1].text, 0, len(lines[i + 1].text)
        else:
            return None
        named = name[:1].isupper() and len(name.split()) <= PUBLICATION_WORDS
        return (holder.start + start, holder.start + end) if named else None
    return None


def outlet_from_masthead(doc: Document, lines: list[Line], draft: Draft) -> None:
    """A copied page's site name, where nothing in the article named the outlet: the one its footer
    says is part of a company ("PC Gamer is part of Future US Inc") or a blogging platform's
    "Published in" names; else, where the copyright notice names none or a publishing company ("Vox
    Media" for The Verge, "Nexstar Media" for KXAN Austin), the name on the logo's link ("The
    Guardian - Back to home"), a short line on its first lines over a line that says what the site is
    ("The Harbour Beacon" / "The student newspaper of ..."), or one that the page names again at
    least twice further down, once as a brand ("Follow The Verge", "About PCMag", "PC Gamer
    Newsletter")."""
    holder = draft.outlet_in(doc.text)  # called after the copyright notice
    owned = owned_brand(lines, holder) or _published_in(lines)
    if owned:
        draft.outlet = owned
        return
    # a copyright holder that is no publishing company names the outlet, unless it is the company of
    # the brand on the masthead ("© 2024 Sky UK" under "Sky News", which the page names as a brand)
    sibling_only = bool(holder) and not _PUBLISHER.search(holder)
    for line in lines[:LOGO_LINES] if not sibling_only else ():
        if logo := _LOGO_LINK.match(line.text):
            group = next(g for g in ("name", "other", "bare") if logo[g])
            draft.outlet = (line.start + logo.start(group), line.start + logo.end(group))
            return
    title = draft.title[0] if draft.title else None
    # (named once more, as a brand, where the holder is a publishing company: "About Harbour Herald"
    # over "© 2024 NZME Publishing Limited")
    mentions_needed = 1 if holder and _PUBLISHER.search(holder) else MASTHEAD_MENTIONS
    for k, line in enumerate(lines[:MASTHEAD_LINES]):
        # (a logo's text may be copied twice: "HelloGiggles  HelloGiggles")
        twice = _LOGO_TWICE.fullmatch(line.text)
        start, end = twice.span("name") if twice else (0, len(line.text))
        name = line.text[start:end]
        words = len(name.split()) if twice else line.words
        if (not 1 <= words <= MASTHEAD_WORDS or line.start == title or _SECTION_WORDS.match(name) or _LINK_TO_BRAND.match(name)
                or not (name[:1].isupper() or name[:1].isdigit()) or boilerplate_kind(name) or find_date(name)):
            continue
        if sibling_only and not _same_company(name, holder):
            continue
        if (holder and _names_its_publisher(name, holder)) or (k + 1 < len(lines) and _TAGLINE.match(lines[k + 1].text)):
            draft.outlet = (line.start + start, line.start + end)
            return
        escaped = re.escape(name)
        mentions = re.compile(as_words(name), re.IGNORECASE)
        as_brand = re.compile(rf"{_BRAND_BEFORE}\s+(?:the\s+)?{escaped}(?!\w)|(?<!\w){escaped}{_BRAND_AFTER}", re.IGNORECASE)
        if len(mentions.findall(doc.text, line.end)) >= mentions_needed and as_brand.search(doc.text, line.end):
            draft.outlet = (line.start + start, line.start + end)
            return


# Furniture in which a site names itself: "Gothamist is funded by sponsors and member donations", "Tom's
# Hardware is supported by its audience", "Get Tone Deaf to your inbox daily", "Harbour Standard would like
# to keep you informed about offers ...", "How Do I Whitelist Observer?" (its plea to ad blockers)
_SITE_NAME = r"(?!(?:This|It|Our|We|The site|The page)\b)[A-Z][\w&'’\-]*(?:\.[a-z]{2,3})?(?:[ \t]+[A-Z][\w&'’\-]*){0,3}"
_NAMES_ITSELF = re.compile(rf"^[\s*_]*(?P<subject>{_SITE_NAME})[ \t]+(?i:is (?:funded|supported) by|would like to keep you informed|"
                           r"is a reader-supported publication)\b|"
                           # a newsletter's own line under the post: "Thanks for reading The Harbour Letter! Subscribe ..."
                           rf"^[\s*_]*(?i:thanks for reading)[ \t]+(?P<read>{_SITE_NAME})[ \t]*[!.]|"
                           rf"\b(?i:get)[ \t]+(?P<object>{_SITE_NAME})[ \t]+(?i:(?:delivered[ \t]+)?to your inbox)|"
                           rf"\b(?i:whitelist)[ \t]+(?P<blocked>{_SITE_NAME})|"
                           # a sign-up's consent: "I would like to be emailed about offers, events and updates from The Harbour Independent"
                           rf"\b(?i:to be e-?mailed about|to receive)\b[^.]{{0,60}}\b(?i:from)[ \t]+(?P<sender>{_SITE_NAME})")

SELF_NAMING_WORDS = 30  # a longer line is a paragraph, whose words name what the article is about


def outlet_from_own_furniture(doc: Document, lines: list[Line], draft: Draft) -> None:
    """A copied page's name where its furniture names the site (`_NAMES_ITSELF`) and nothing else
    named an outlet but a publishing company or the writer ("© 2024 Ann Roe" under her newsletter);
    never one of the article's authors."""
    holder = draft.outlet_in(doc.text)
    authors = draft.authors_in(doc.text)
    if holder and not _PUBLISHER.search(holder) and holder not in authors:
        return
    for line in lines:
        match = _NAMES_ITSELF.search(line.text) if line.words <= SELF_NAMING_WORDS else None  # (not inside a paragraph)
        group = match and next(g for g in ("subject", "object", "blocked", "sender", "read") if match[g])
        if group and match[group] not in authors:
            draft.outlet = (line.start + match.start(group), line.start + match.end(group))
            return


# A brand in the page's furniture: "More from The Telegraph", "Follow PCMag", "About WNYC", "... works for
# TechCrunch as a writer" (not "More on ...", a topic's link)
_BRAND_PHRASE = re.compile(rf"\b(?P<phrase>(?i:{_BRAND_LINKS}|writer for|writes for|works for))[ \t]+"
                           r"(?P<name>(?:The[ \t]+)?[A-Z][\w&'’\-]*(?:[ \t]+[A-Z][\w&'’\-]*){0,2})")
_NO_BRAND = re.compile(r"^(?:the[ \t]+)?(?:us|our|me|this|these|that|author|authors|topic|topics|newsletters?|the[ \t]+authors?)$",
                       re.IGNORECASE)
_BROADCASTER = re.compile(r"\b(?:radio|television|broadcasting|network)\b", re.IGNORECASE)  # "New York Public Radio" for WNYC
BRAND_MENTIONS = 3  # times the page names a brand, as whole words, before it counts as the site's
BRAND_PHRASES = 2  # in two kinds of furniture at least ("Follow PCMag", "About PCMag"; a topic has one: "More on Biden")


def outlet_from_brand(doc: Document, lines: list[Line], draft: Draft) -> None:
    """The site's brand where the furniture names the copyright's holder, a publishing or broadcasting
    company, without its company word ("More From Harbour Business" over "Harbour Business Media"), or
    names a brand in two kinds of phrase ("Follow HarbourMag", "About HarbourMag") at least
    `BRAND_MENTIONS` times and more often than the holder ("New York Public Radio" for WNYC); never an
    author or a section."""
    holder = draft.outlet_in(doc.text)
    if not holder or not (_PUBLISHER.search(holder) or _BROADCASTER.search(holder)):
        return  # (a holder that is no publishing company names the site: "Business Courier Inc.")
    authors = draft.authors_in(doc.text)
    phrases: dict[str, set[str]] = {}
    spans: dict[str, tuple[int, int]] = {}
    for line in lines:
        if line.words > SELF_NAMING_WORDS:
            continue
        for match in _BRAND_PHRASE.finditer(line.text):
            name = match["name"]
            if name in authors or _NO_BRAND.match(name) or _SECTION_WORDS.match(name):
                continue
            spans.setdefault(name, (line.start + match.start("name"), line.start + match.end("name")))
            phrases.setdefault(name, set()).add(match["phrase"].lower())
    for name, span in spans.items():
        if _names_its_publisher(name, holder):  # "More From Harbour Business" over "© Harbour Business Media LLC"
            draft.outlet = span
            return
    brands = [name for name in spans if len(phrases[name]) >= BRAND_PHRASES]
    mentions = {name: len(re.findall(as_words(_without_the(name)), doc.text)) for name in brands}
    best = max(brands, key=lambda name: mentions[name], default=None)  # (the first of equals)
    initials = "".join(word[0] for word in holder.split() if word[:1].isupper())
    if (best and mentions[best] >= BRAND_MENTIONS and mentions[best] > len(re.findall(as_words(holder), doc.text))
            and best != initials and best.lower() not in holder.lower()  # ("BI" is "Business Insider")
            and not is_person_name(best)):  # ("Follow Joe Biden", "About Joe Biden": a topic)
        draft.outlet = spans[best]


def _names_its_publisher(name: str, holder: str) -> bool:
    """Whether a masthead's name is part of its publishing company's ("The Harbour Conversation" of
    "The Harbour Conversation Media", "El Diario de Harbour" of "Ediciones El Diario de Harbour"), as
    whole words."""
    name = _without_the(name)  # "The Harbour Hill" of "Harbour Hill Media"
    return (bool(name) and len(name) < len(holder)
            and re.search(as_words(name), holder, re.IGNORECASE) is not None)


def _same_company(name: str, holder: str) -> bool:
    """Whether a masthead's name and the copyright's holder begin with the same word, as a company's
    brands do ("Harbour Sky News" and "Harbour Sky UK"), and are not the same name."""
    ours, theirs = _without_the(name).lower().split(), _without_the(holder).lower().split()
    return bool(ours and theirs) and ours[0] == theirs[0] and ours != theirs


def _without_the(name: str) -> str:
    return re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)


def as_words(name: str) -> str:
    """A pattern for `name` as whole words ("Harbour Hill" in "Harbour Hill Media", not in "Harbour Hills")."""
    return rf"(?<!\w){re.escape(name)}(?!\w)"


def from_reader(doc: Document, draft: Draft) -> None:
    """Fill what the text did not say from the reader's metadata (HTML meta tags, JSONL fields),
    where the value also occurs in the text (a span needs offsets)."""
    meta = doc.reader_meta
    if not draft.published and meta.get("date"):
        draft.published = normalise_date(str(meta["date"]))
    # (a page's own name over a station's call sign from its dateline: "ABC13 Houston", not "KTRK")
    if meta.get("sitename") and (not draft.outlet or re.fullmatch(CALL_SIGN, draft.outlet_in(doc.text))):
        draft.outlet = first_occurrence(doc.text, str(meta["sitename"])) or draft.outlet
    if not draft.authors and meta.get("author"):
        for name in str(meta["author"]).split(";"):
            span = first_occurrence(doc.text, name.strip())
            if span and not NEWS_AGENCY.match(name.strip()):  # (a page's author tag may name its agency: "AFP")
                draft.authors.append(span)
    if not draft.title and meta.get("title"):
        draft.title = first_occurrence(doc.text, str(meta["title"]))


def first_occurrence(text: str, value: str) -> tuple[int, int] | None:
    if not value:
        return None
    index = text.find(value)
    return (index, index + len(value)) if index >= 0 else None
