"""Structure: which parts of the text are the article, and which are its frame.

Finds the title, byline (authors), dateline (published date, outlet), tags, body paragraphs,
subheadings, quoted blocks and boilerplate (share/subscribe/donate appeals, notes to readers,
author bios, disclaimers, copyright notices, related-article lists, social buttons), and adds
them to the `segments` layer. Article metadata goes to `doc.meta` as spans.

The analysis works on lines: web copies put one paragraph per line, PTC files one sentence per
line. The header runs from the top to the first prose line, the footer is the trailing run of
lines that are boilerplate or not prose, and everything between is the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import LINKS, MARKUP, SEGMENTS, Document, Span, strip_span
from .dates import find_date, normalise_date

# --- line patterns -------------------------------------------------------------------------

_BYLINE = re.compile(
    r"^(?:by|written by|words by|posted by|reported by|story by|authors?\s*:)\s+(?=\S)", re.IGNORECASE
)
_TAG_LINE = re.compile(
    r"^(?P<label>region|regions|theme|themes|topic|topics|tags?|tagged(?: with)?|filed under|categor(?:y|ies)|"
    r"sections?|keywords|subjects?|in-depth report|related topics|country|countries)\s*:\s*(?=\S)",
    re.IGNORECASE,
)
_WIRE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][A-Za-z.'\- ]{1,30})?)\s*"
    r"\((?P<agency>Reuters|AP|AFP|UPI|Bloomberg|dpa|Xinhua|TASS|Sputnik|IANS|PTI|ANI|CNN|RT)\)\s*[-—–:]+\s*"
)
_SEPARATOR = re.compile(r"^[\s*#~=_\-–—•·.]+$")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$")

_BOILERPLATE_START = [
    ("note", r"note to readers|editor'?s note|editors'? note|a note from"),
    ("share", r"share (?:this|on|via)\b|share:|share\s*$|tweet this|please share|click the share|forward this"),
    ("subscribe", r"subscribe\b|sign up\b|get (?:our|the) .{0,40}newsletter|join our (?:mailing|email) list|newsletter\b"),
    ("donate", r"donate\b|support (?:us|our|independent)|become a (?:member|patron|supporter)|please support|make a donation"),
    ("disclaimer", r"disclaimer\b|the views expressed|the opinions expressed|views and opinions|this article does not"),
    ("copyright", r"copyright\b|©|\(c\) \d{4}|all rights reserved|the original source of this article|"
                  r"this (?:article|story) (?:was|is|has been) (?:originally |first )?(?:published|reprinted|republished)|"
                  r"originally published|reprinted (?:with|from)|republished (?:with|from)"),
    ("related", r"related(?: articles| stories| posts| coverage| reading| content)?\s*(?::|$)|read (?:more|also|next)\b|see also\b|also read\b|"
                r"you (?:may|might) also like|recommended(?: for you)?\s*:?$|more from\b|most (?:read|popular)\b|trending\b"),
    ("social", r"follow us\b|like us on|leave a comment\b|find us on|comment on .{0,60}(?:facebook|twitter)|join the (?:discussion|conversation)|"
               r"(?:facebook|twitter|whatsapp|linkedin|reddit|telegram|email|print|pinterest|tumblr|follow|listen)\s*$"),
    ("credit", r"featured image\b|image\s*(?:credit|source)?\s*:|photo\s*(?:credit)?\s*:|photograph:|illustration:|"
               r"\(?reporting by\b|editing by\b|additional reporting\b|writing by\b|articles by\s*:|"
               r"for media inquiries|media contact|contact us\b"),
    ("advertisement", r"advertisement\s*$|sponsored\b|promoted\s*(?:content|stories)?\s*$"),
    ("bio", r"about the authors?\b"),
    ("notice", r"for immediate release\b|embargoed\b"),
]
_BOILERPLATE_START_RE = [(kind, re.compile(r"^[\s*_\[(]*(?:" + p + ")", re.IGNORECASE)) for kind, p in _BOILERPLATE_START]
# Phrases that mark a line as boilerplate wherever they stand, even in a long line.
_BOILERPLATE_ANYWHERE = [
    ("disclaimer", re.compile(r"of sole responsibility of the author|will not be responsible for any inaccurate|"
                              r"do(?:es)? not necessarily (?:reflect|represent)|for (?:informational|educational) purposes only", re.I)),
    ("copyright", re.compile(r"contains copyrighted material|provisions of .fair use.|grants permission to cross-post|"
                             r"may not be (?:reproduced|republished|reprinted|redistributed)|all rights reserved|"
                             r"you must request permission from the copyright owner", re.I)),
    ("share", re.compile(r"click the share buttons|forward this article to|share this (?:article|story|post)", re.I)),
    ("subscribe", re.compile(r"subscribe to our newsletter|sign up for our newsletter", re.I)),
    ("donate", re.compile(r"please (?:consider )?(?:donat|support)|become a (?:member|patron)", re.I)),
]
_CUE_BEFORE_COLON = re.compile(
    r"\b(?:claim(?:s|ed)?|not(?:e|es|ed)|writ(?:es|ing)|wrote|sa(?:ys|id)|stat(?:es|ed)|report(?:s|ed)?|"
    r"expla(?:ins|ined)|argu(?:es|ed)|add(?:s|ed)|declar(?:es|ed)|continu(?:es|ed)|observ(?:es|ed)|conclud(?:es|ed)|"
    r"reads?|tweet(?:s|ed)|post(?:s|ed)|insist(?:s|ed)|assert(?:s|ed)|warn(?:s|ed)|admit(?:s|ted)|"
    r"as follows|the following|put it|told|according to .{0,80})\b[^:]{0,80}:\s*$",
    re.IGNORECASE,
)
_BACK_REFERENCE = re.compile(
    r"^(?:the (?:article|report|piece|story|statement|paper|op-ed|study|post)\b|it (?:also|further|then|goes on)\b|"
    r"in other words|of course|clearly|obviously|indeed|this (?:is|was|means|claim|statement)\b|such\b|however\b|"
    r"but\b|yet\b|what\b|so\b|thus\b|note\b|here\b|meanwhile\b|instead\b|still\b|again\b|that is\b|this\b|these\b|those\b)",
    re.IGNORECASE,
)
# "RICK SALAS Associated Press": wire bylines put the agency right after a capitalised name.
_CAPS_NAME_THEN_ORG = re.compile(r"^((?:[A-Z][A-Z'.\-]+\s+){1,3}[A-Z][A-Z'.\-]+)\s+([A-Z][a-z][\w .&'\-]*)$")
# "PHOENIX, Ariz., May 2, 2023 -- ": press-release and newspaper datelines with a date.
_PLACE_DATE_DATELINE = re.compile(r"^[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][\w.'\- ]{0,30}?)*,?\s+[^-—–]{4,30}?\d{4}\s*(?:--|—|–|-)\s*")
_WEEKDAY_AT_END = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                             r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s*$", re.IGNORECASE)
_ABOUT_HEADING = re.compile(r"^(?:about\s+(?!the authors?\b)|written by\s+)\S.{0,60}$", re.IGNORECASE)
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_NAME_WORD = rf"(?:[{_UPPER}][\w'’.\-]*|de|da|del|van|von|der|bin|al|el|la|le|du|dos|ibn)"
_PERSON = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}$")
_BIO = re.compile(
    rf"^[*_\s]*(?:{_NAME_WORD}\s+){{1,4}}(?:is|was|has been|writes|teaches|serves)\b.{{0,120}}"
    r"\b(?:writer|journalist|author|columnist|contributor|editor|correspondent|reporter|professor|fellow|researcher|"
    r"analyst|commentator|blogger|founder|director|lecturer|economist|historian|activist|expert|member|editor-in-chief)",
)
_QUOTE_OPEN = "\"“‘'«„"
_QUOTE_MARKS = "\"“”«»„"
_QUOTE_CLOSE = "\"”’'»“"
_SPLIT_VALUES = re.compile(r"\s*(?:,|;|\||·|•|/)\s*")
_SPLIT_NAMES = re.compile(r"\s*(?:,|;|\||&|\band\b|\bwith\b)\s*")


@dataclass
class Line:
    start: int
    end: int
    text: str
    blank_before: bool
    links: list[Span] = field(default_factory=list)
    markup: set[str] = field(default_factory=set)

    @property
    def words(self) -> int:
        return len(self.text.split())


def _lines(doc: Document) -> list[Line]:
    out: list[Line] = []
    position = 0
    blank = True
    for raw_line in doc.text.split("\n"):
        start, end = strip_span(doc.text, position, position + len(raw_line))
        if end > start:
            out.append(Line(start, end, doc.text[start:end], blank))
            blank = False
        else:
            blank = True
        position += len(raw_line) + 1
    links = sorted(doc.layer(LINKS), key=lambda s: s.start)
    markup = doc.layer(MARKUP)
    for line in out:
        line.links = [s for s in links if line.start <= s.start and s.end <= line.end]
        line.markup = {s.label for s in markup if s.start < line.end and line.start < s.end and s.label}
    return out


def boilerplate_kind(text: str) -> str | None:
    """The kind of boilerplate a line is (share, copyright, ...), or None for article text."""
    for kind, pattern in _BOILERPLATE_START_RE:
        if pattern.match(text):
            # A long sentence that merely starts with "Support ..." or "Read ..." is prose.
            if kind in ("donate", "subscribe", "related", "social") and len(text) > 240:
                continue
            return kind
    for kind, pattern in _BOILERPLATE_ANYWHERE:
        if pattern.search(text):
            return kind
    return None


def _is_prose(line: Line) -> bool:
    if _SEPARATOR.match(line.text):
        return False
    if line.words >= 12:
        return True
    return line.words >= 4 and bool(_SENTENCE_END.search(line.text))


def _is_heading_like(line: Line) -> bool:
    if "heading" in line.markup:
        return True
    text = line.text
    return 1 <= line.words <= 14 and not _SENTENCE_END.search(text.rstrip("?")) and not text.endswith(":") and len(text) < 120


@dataclass
class _Found:
    segments: list[tuple[int, int, str, dict]] = field(default_factory=list)
    title: tuple[int, int] | None = None
    authors: list[tuple[int, int]] = field(default_factory=list)
    published: str | None = None
    outlet: tuple[int, int] | None = None
    tags: list[tuple[int, int]] = field(default_factory=list)
    author_names: list[str] = field(default_factory=list)

    def add(self, start: int, end: int, kind: str, **attrs) -> None:
        if end > start:
            self.segments.append((start, end, kind, attrs))


class StructureAnalyzer:
    """Adds the `segments` layer and the article metadata (title, authors, date, outlet, tags)."""

    name = "structure"

    def __call__(self, doc: Document) -> Document:
        lines = _lines(doc)
        found = _Found()
        if lines:
            body_start = self._header(doc, lines, found)
            found.author_names = [doc.text[a:b] for a, b in found.authors]
            footer_start = self._footer_start(lines, body_start, found)
            self._body(doc, lines[body_start:footer_start], found)
            for line in lines[footer_start:]:
                found.add(line.start, line.end, "boilerplate", type=self._footer_kind(doc, line, found))
                self._outlet_from_notice(doc, line, found)
        self._fallbacks(doc, found)
        doc.layers[SEGMENTS] = [
            doc.span(s, e, kind, **attrs) for s, e, kind, attrs in sorted(found.segments, key=lambda x: (x[0], x[1]))
        ]
        unique_authors = {doc.text[a:b]: (a, b) for a, b in reversed(found.authors)}  # first mention wins
        doc.meta.update(
            title=doc.span(*found.title) if found.title else None,
            authors=[doc.span(*a) for a in sorted(unique_authors.values())],
            published=found.published,
            outlet=doc.span(*found.outlet) if found.outlet else None,
            tags=[doc.span(*t) for t in found.tags],
        )
        return doc

    # --- header ----------------------------------------------------------------------------

    def _header(self, doc: Document, lines: list[Line], found: _Found) -> int:
        """Classify lines from the top until the body begins; return the body's first line."""
        i = 0
        limit = min(len(lines), 25)
        title_index = None
        headings = [k for k in range(min(limit, 6)) if "heading" in lines[k].markup]
        while i < limit:
            line = lines[i]
            if self._meta_line(doc, line, found):
                i += 1
                continue
            kind = boilerplate_kind(line.text)
            if kind and not (title_index is None and headings and i == headings[0]):
                found.add(line.start, line.end, "boilerplate", type=kind)
                i += 1
                continue
            if title_index is None and headings and i < headings[0]:
                # Lines above the page's main heading: skip links, section names, menus.
                found.add(line.start, line.end, "boilerplate", type="navigation")
                i += 1
                continue
            if title_index is None and (not headings or i == headings[0]) and not _SEPARATOR.match(line.text):
                title_index = i
                found.title = (line.start, line.end)
                found.add(line.start, line.end, "title")
                i += 1
                continue
            if title_index is not None and "heading" in line.markup and any(
                _BYLINE.match(l.text) or self._is_dateline(l) or self._link_byline(l) for l in lines[i + 1 : i + 4]
            ):
                found.add(line.start, line.end, "subtitle")
                i += 1
                continue
            if title_index is not None and self._link_byline(line):
                found.add(line.start, line.end, "byline")
                found.authors.append((line.links[0].start, line.links[0].end))
                i += 1
                continue
            if title_index is None or _is_prose(line) or "heading" in line.markup:
                break
            # Short lines between title and body: kickers, standfirsts, navigation.
            if line.words >= 6:
                found.add(line.start, line.end, "subtitle")
            i += 1
        # A prose line directly followed by a byline or dateline is a standfirst, not body.
        if i + 1 < len(lines) and _is_prose(lines[i]) and (
            _BYLINE.match(lines[i + 1].text) or self._is_dateline(lines[i + 1])
        ):
            found.add(lines[i].start, lines[i].end, "subtitle")
            i += 1
            while i < len(lines) and self._meta_line(doc, lines[i], found):
                i += 1
        return i

    @staticmethod
    def _link_byline(line: Line) -> bool:
        """A line that is nothing but a link to a person's name (Substack, Medium)."""
        return (len(line.links) == 1 and line.links[0].start == line.start and line.links[0].end == line.end
                and bool(_PERSON.match(line.text)) and 2 <= line.words <= 4)

    def _is_dateline(self, line: Line) -> bool:
        date = find_date(line.text)
        return date is not None and line.words <= 12

    def _meta_line(self, doc: Document, line: Line, found: _Found) -> bool:
        """Byline, dateline or tag line: record what it says and return True."""
        text = line.text
        byline = _BYLINE.match(text)
        if byline:
            self._byline(doc, line, line.start + byline.end(), found)
            return True
        tag = _TAG_LINE.match(text)
        if tag:
            self._tags(doc, line, line.start + tag.end(), found)
            return True
        if self._is_dateline(line) and (not _is_prose(line) or line.words <= 8):
            self._dateline(doc, line, found)
            return True
        return False

    def _byline(self, doc: Document, line: Line, names_start: int, found: _Found) -> None:
        found.add(line.start, line.end, "byline")
        link_names = [s for s in line.links if s.start >= names_start]
        date = find_date(doc.text, names_start, line.end)
        names_end = date[0] if date else line.end
        if date and not found.published:
            found.published = date[2]
        if link_names:
            for s in link_names:
                if s.end <= names_end and _PERSON.match(s.text.strip()):
                    found.authors.append(strip_span(doc.text, s.start, s.end))
            if found.authors:
                return
        position = names_start
        pieces = []
        for separator in _SPLIT_NAMES.finditer(doc.text, names_start, names_end):
            pieces.append((position, separator.start()))
            position = separator.end()
        pieces.append((position, names_end))
        for k, (a, b) in enumerate(pieces):
            a, b = strip_span(doc.text, a, b, chars="*_|-–—.,:()")
            value = doc.text[a:b]
            if not value:
                continue
            caps_then_org = _CAPS_NAME_THEN_ORG.match(value)
            if caps_then_org:
                found.authors.append((a, a + caps_then_org.end(1)))
                found.outlet = found.outlet or (a + caps_then_org.start(2), b)
                continue
            if _PERSON.match(value) and len(value.split()) >= 2 or (k == 0 and _PERSON.match(value)):
                if found.authors and k == len(pieces) - 1 and self._looks_like_outlet(value):
                    found.outlet = found.outlet or (a, b)
                else:
                    found.authors.append((a, b))
            elif found.authors and not found.outlet and self._looks_like_outlet(value):
                found.outlet = (a, b)

    @staticmethod
    def _looks_like_outlet(value: str) -> bool:
        return bool(re.search(r"\b(?:news|times|post|press|herald|journal|tribune|daily|reuters|associated|agency|"
                              r"media|research|report|review|magazine|gazette|guardian|telegraph|network|tv|radio|"
                              r"online|\.com|\.org|\.net)\b", value, re.IGNORECASE)) or value.isupper()

    def _dateline(self, doc: Document, line: Line, found: _Found) -> None:
        found.add(line.start, line.end, "dateline")
        date = find_date(doc.text, line.start, line.end)
        if date and not found.published:
            found.published = date[2]
        if date and not found.outlet:
            a, b = strip_span(doc.text, line.start, date[0], chars=",|-–—·•:")
            prefix = doc.text[a:b]
            prefix = re.sub(r"^(?:published|posted|updated|first published)(?: on)?\s*", "", prefix, flags=re.I)
            prefix = _WEEKDAY_AT_END.sub("", prefix).strip(" ,|-–—")
            if prefix and 1 <= len(prefix.split()) <= 6 and not re.search(r"\d", prefix):
                a = doc.text.index(prefix, a, b)
                found.outlet = (a, a + len(prefix))

    def _tags(self, doc: Document, line: Line, values_start: int, found: _Found) -> None:
        values = [s for s in line.links if s.start >= values_start]
        if values:
            spans = [strip_span(doc.text, s.start, s.end) for s in values]
        else:
            spans, position = [], values_start
            for separator in _SPLIT_VALUES.finditer(doc.text, values_start, line.end):
                spans.append(strip_span(doc.text, position, separator.start()))
                position = separator.end()
            spans.append(strip_span(doc.text, position, line.end))
        for a, b in spans:
            a, b = strip_span(doc.text, a, b, chars="#*_")
            if b > a:
                found.tags.append((a, b))
                found.add(a, b, "tag")

    # --- footer ----------------------------------------------------------------------------

    def _footer_start(self, lines: list[Line], body_start: int, found: _Found) -> int:
        """First line of the trailing run of boilerplate, bios, separators and non-prose lines.

        The run only counts as a footer if it holds at least one line that is boilerplate for
        sure; an "About <organisation>" heading takes the paragraph under it along.
        """
        j = len(lines)
        marked = False
        while j - 1 > body_start:
            line = lines[j - 1]
            sure = bool(boilerplate_kind(line.text) or _SEPARATOR.match(line.text) or self._is_bio(line, found))
            if sure or not _is_prose(line):
                marked = marked or sure
                j -= 1
            elif (about := self._about_heading_above(lines, j - 1, body_start)) is not None:
                marked = True
                j = about
            else:
                break
        if not marked:
            return len(lines)
        return j

    @staticmethod
    def _about_heading_above(lines: list[Line], index: int, body_start: int) -> int | None:
        """The index of an "About X" / "Written by X" heading at most three lines above a prose
        line, with only non-prose lines ("143 Followers") in between."""
        for k in range(index - 1, max(body_start, index - 4), -1):
            if _ABOUT_HEADING.match(lines[k].text):
                return k
            if _is_prose(lines[k]):
                return None
        return None

    @staticmethod
    def _is_bio(line: Line, found: _Found) -> bool:
        if boilerplate_kind(line.text) == "bio" or _BIO.match(line.text):
            return True
        # "<Author name> is ..." or "<Author name>'s latest book ..." after the article.
        text = line.text.lstrip("*_ ")
        return any(text.startswith(name) and len(name) > 3 for name in found.author_names)

    def _footer_kind(self, doc: Document, line: Line, found: _Found) -> str:
        kind = boilerplate_kind(line.text)
        if kind:
            return kind
        if _SEPARATOR.match(line.text):
            return "separator"
        authors = [doc.text[a:b] for a, b in found.authors]
        if self._is_bio(line, found) or any(line.text.lstrip("*_ ").startswith(name) for name in authors if name):
            return "bio"
        return "footer"

    # --- body ------------------------------------------------------------------------------

    def _body(self, doc: Document, lines: list[Line], found: _Found) -> None:
        paragraph_layout = sum(line.blank_before for line in lines) >= len(lines) * 0.5
        i = 0
        first_body = True
        while i < len(lines):
            line = lines[i]
            kind = boilerplate_kind(line.text)
            short_appeal = kind in ("share", "subscribe", "donate", "advertisement", "related", "credit") and len(line.text) < 200
            if (kind and not _is_prose(line)) or short_appeal:
                found.add(line.start, line.end, "boilerplate", type=kind)
                i += 1
                continue
            if "blockquote" in line.markup:
                found.add(line.start, line.end, "quote_block")
                i += 1
                continue
            if _is_heading_like(line) and i + 1 < len(lines) and not _SEPARATOR.match(line.text):
                found.add(line.start, line.end, "heading")
                i += 1
                continue
            if _SEPARATOR.match(line.text):
                i += 1
                continue
            start = line.start
            if first_body:
                wire = _WIRE_DATELINE.match(line.text)
                placed = None if wire else _PLACE_DATE_DATELINE.match(line.text)
                if placed and find_date(line.text, 0, placed.end()):
                    found.add(line.start, line.start + placed.end(), "dateline")
                    found.published = found.published or find_date(line.text, 0, placed.end())[2]
                    start = line.start + placed.end()
                if wire:
                    found.add(line.start, line.start + wire.end(), "dateline")
                    agency = line.start + wire.start("agency"), line.start + wire.end("agency")
                    found.outlet = found.outlet or agency
                    start = line.start + wire.end()
                first_body = False
            found.add(start, line.end, "body")
            i += 1
            if _CUE_BEFORE_COLON.search(line.text) or line.text.endswith(":"):
                i = self._quote_block(doc, lines, i, line, paragraph_layout, found)

    def _quote_block(self, doc: Document, lines: list[Line], i: int, intro: Line, paragraph_layout: bool,
                     found: _Found) -> int:
        """Paragraphs quoted after an introduction ending in a colon ("CNN ... claims:")."""
        source_words = self._intro_subject(intro.text)
        marked_up = i < len(lines) and "blockquote" in lines[i].markup
        taken = 0
        while i < len(lines) and taken < 4:
            line = lines[i]
            starts_quoted = line.text[:1] in _QUOTE_OPEN
            if taken == 0:
                if not (paragraph_layout or starts_quoted) or not _is_prose(line) or boilerplate_kind(line.text):
                    break
            elif marked_up:
                if "blockquote" not in line.markup:
                    break
            else:
                if (
                    not paragraph_layout
                    or line.links
                    or _BACK_REFERENCE.match(line.text)
                    or line.text.endswith(":")
                    or any(q in line.text for q in _QUOTE_MARKS)  # the author quoting someone else
                    or not _is_prose(line)
                    or boilerplate_kind(line.text)
                    or any(w in line.text for w in source_words)
                ):
                    break
            found.add(line.start, line.end, "quote_block", introduced_by=[intro.start, intro.end])
            taken += 1
            i += 1
            if line.text.endswith(":"):
                break
        return i

    @staticmethod
    def _intro_subject(text: str) -> list[str]:
        """Capitalised words at the start of the introduction: usually the quoted source."""
        words = []
        for word in re.findall(r"[\w'’\-]+", text)[:6]:
            if word[:1].isupper() and word.lower() not in ("the", "a", "an", "in", "as", "and", "but", "its", "it"):
                words.append(word)
            elif words:
                break
        return words

    # --- fallbacks -------------------------------------------------------------------------

    def _outlet_from_notice(self, doc: Document, line: Line, found: _Found) -> None:
        if found.outlet:
            return
        match = re.search(r"original source of this article is\s+((?:[A-Z][\w.'&\-]*)(?:\s+(?:[A-Z][\w.'&\-]*|of|the|and|de|del))*)",
                          line.text)
        if match:
            a = line.start + match.start(1)
            found.outlet = strip_span(doc.text, a, line.start + match.end(1))

    def _fallbacks(self, doc: Document, found: _Found) -> None:
        meta = doc.reader_meta
        if not found.published and meta.get("date"):
            found.published = normalise_date(str(meta["date"]))
        if not found.outlet and meta.get("sitename"):
            found.outlet = _first_occurrence(doc.text, str(meta["sitename"]))
        if not found.authors and meta.get("author"):
            for name in str(meta["author"]).split(";"):
                span = _first_occurrence(doc.text, name.strip())
                if span:
                    found.authors.append(span)
        if not found.title and meta.get("title"):
            found.title = _first_occurrence(doc.text, str(meta["title"]))


def _first_occurrence(text: str, value: str) -> tuple[int, int] | None:
    if not value:
        return None
    index = text.find(value)
    return (index, index + len(value)) if index >= 0 else None
