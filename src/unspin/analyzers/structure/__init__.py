"""Structure: which parts of the text are the article, and which are its frame.

Finds the title, byline (authors), dateline (published date, outlet), tags, body paragraphs,
subheadings, quoted blocks and boilerplate (share/subscribe/donate appeals, notes to readers,
author bios, disclaimers, copyright notices, related-article lists, social buttons). Segments go
to the `segments` layer; metadata to the `title`, `authors`, `outlet` and `tags` layers and the
published date to `doc.meta["published"]`.

The parts: `patterns` (the tables), `lines` (the line model), `segmenter` (header, body and
footer), `quotes` (quoted blocks), `metadata` (bylines, datelines, tags, reader metadata), `social`
(a social network's post).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter

from ...document import Document, Layer
from ..attribution.entities import is_person_name
from ..dates import unordered_date_on_page
from ..registry import Analyzer
from .boilerplate import CANDIDATES, LineModel, furniture, line_kinds, looks_copied
from .draft import Draft
from .headline import HeadlineModel, read_copied_header
from .lines import Line, is_prose, read_lines, verses
from .metadata import (
    from_reader,
    outlet_from_brand,
    outlet_from_copyright,
    outlet_from_masthead,
    outlet_from_own_furniture,
    owned_brand,
)
from .patterns import CODE_LINE, CODE_SIGN, boilerplate_kind
from .segmenter import read_copied_tags, read_sign_off, segment
from .social import read_labelled_post, read_social_post


class StructureAnalyzer(Analyzer):
    """Adds the `segments` layer and the article metadata (title, authors, date, outlet, tags)."""

    name = "structure"
    assigns = (Layer.SEGMENTS, Layer.TITLE, Layer.AUTHORS, Layer.OUTLET, Layer.TAGS, "meta:published")
    requires = ()

    def __init__(self, line_model: LineModel | None = None, headline_model: HeadlineModel | None = None):
        self._line_model = line_model
        self._headline_model = headline_model

    @property
    def line_model(self) -> LineModel | None:
        return self._line_model or LineModel.shipped()

    @property
    def headline_model(self) -> HeadlineModel | None:
        return self._headline_model or HeadlineModel.shipped()

    def info(self) -> dict:
        learned = [name for name, model in (("line classifier", self.line_model), ("headline model", self.headline_model))
                   if model is not None and not model.is_off]
        return {"structure": "rules" + (f" + {' and '.join(learned)} (copies)" if learned else "")}

    def __call__(self, doc: Document) -> Document:
        lines = read_lines(doc)
        draft = Draft()
        copied = bool(lines) and doc.source.format != "html" and looks_copied(lines)
        if lines:
            verse = verses(lines)  # (a song's or a poem's lines, which every pass reads as the article's)
            segment(doc, lines, draft, verse)
            if doc.source.format != "html":  # trafilatura already chose the article of a page's HTML
                self._move_furniture(lines, draft, verse)
                read_copied_header(doc, lines, draft, self.headline_model, verse)
                if copied and not read_social_post(doc, lines, draft):
                    read_labelled_post(doc, lines, draft)
                if not draft.authors:  # the header's authors were the page's top's, not the article's
                    read_sign_off(lines, draft, cards=copied)
                if copied and self.line_model is not None and not self.line_model.is_off:
                    read_copied_tags(doc, lines, draft)  # under the article the classifier found
        if not draft.published:
            draft.published = _page_ordered_date(doc, draft)
        from_reader(doc, draft)
        # A copied page's footer that says whose the site is ("INTELLIGENCER IS A VOX MEDIA NETWORK")
        # names it over a dateline's words ("CONSERVATISM MAY 16, 2020" is the piece's section).
        owned = owned_brand(lines) if copied else None
        draft.outlet = owned or draft.outlet
        named = draft.outlet is not None  # by the article (a dateline, a notice) or the reader
        outlet_from_copyright(doc, draft)
        if not named and copied:
            outlet_from_masthead(doc, lines, draft)
            outlet_from_own_furniture(doc, lines, draft)
            outlet_from_brand(doc, lines, draft)
        outlet_from_copyright(doc, draft, long=True)
        _author_cards_below(doc, draft)
        _code_and_data(lines, draft)
        doc.set_layer(Layer.SEGMENTS, [
            doc.span(s, e, kind, **attrs) for s, e, kind, attrs in sorted(draft.segments, key=lambda x: (x[0], x[1]))
        ])
        unique_authors = {doc.text[a:b]: (a, b) for a, b in reversed(draft.authors)}  # first mention wins
        outlet = draft.outlet_in(doc.text)
        if outlet in unique_authors and not is_person_name(outlet):
            # the outlet after the writer is no second author ("by Ann Roe, Harbour Public"); a person's
            # name may be both, a blog named after its writer ("© 2024 Wolfgang Roe")
            unique_authors.pop(outlet)
        doc.set_layer(Layer.TITLE, [doc.span(*draft.title)] if draft.title else [])
        doc.set_layer(Layer.AUTHORS, [doc.span(*a) for a in sorted(unique_authors.values())])
        doc.set_layer(Layer.OUTLET, [doc.span(*draft.outlet)] if draft.outlet else [])
        doc.set_layer(Layer.TAGS, [doc.span(*t) for t in draft.tags])
        doc.meta["published"] = draft.published
        return doc

    def _move_furniture(self, lines: list[Line], draft: Draft, verse: set[int]) -> None:
        """Body and heading lines that the line classifier takes for page furniture become
        boilerplate of type "page"."""
        kinds = line_kinds(lines, [(s, e, kind) for s, e, kind, _ in draft.segments])
        verdicts = furniture(lines, kinds, self.line_model, verse)
        moved = {(line.start, line.end) for line, out in zip(lines, verdicts) if out}
        if moved:
            draft.segments = [(s, e, "boilerplate", {"type": "page"}) if kind in CANDIDATES and (s, e) in moved else
                              (s, e, kind, attrs) for s, e, kind, attrs in draft.segments]

    def profile(self, doc: Document, words: int) -> dict:
        kinds = Counter(s.label for s in doc.layer(Layer.SEGMENTS))
        return {"words": words, "segments": dict(sorted(kinds.items()))}


def _author_cards_below(doc: Document, draft: Draft) -> None:
    """A heading below the article's first paragraph that is one of its authors' names alone, or
    "By" and the name, is the name on the writer's card ("Follow me on Twitter or LinkedIn." / "Ann
    Roe"; a fact-check's "Sources" / ... / "By Ann Roe" / "Ann Roe is a fact-checker at ..."), not a
    subheading."""
    names = draft.authors_in(doc.text)
    first_body = min((s for s, _, kind, _ in draft.segments if kind == "body"), default=None)
    if not names or first_body is None:
        return
    draft.segments = [(s, e, "boilerplate", {"type": "bio"}) if kind == "heading" and s > first_body
                      and _BY.sub("", doc.text[s:e].strip()) in names else (s, e, kind, attrs)
                      for s, e, kind, attrs in draft.segments]


_BY = re.compile(r"^by\s+", re.IGNORECASE)


def _code_and_data(lines: list[Line], draft: Draft) -> None:
    """A paragraph or heading of the article that is code or data it shows, every line of it ("$ pipenv
    shell", "\"Confidence\": \"96%\"", "result = []"), is a body segment of the type "code" (not a
    subheading, however short): it is the article's, but techniques, quotes and claims read prose only
    (`Document.content_regions`; "\"Confidence\": \"71%\"" is no claim to check). Not a line that
    reads as a sentence, though it ends on a semicolon as code does ("Requiring prohibited domestic
    abusers to turn in firearms they already own;"), nor one with no sign of code ("CBC = Fake
    News.\u201d" ends on a full stop). A line of a Markdown copy's fenced block of code is code
    whatever it reads as (markup "code")."""
    def fenced(line: Line) -> bool:
        return "code" in line.markup

    def code(line: Line) -> bool:
        return fenced(line) or (bool(CODE_LINE.match(line.text) and CODE_SIGN.search(line.text)) and not is_prose(line))

    starts = [line.start for line in lines]

    def all_lines(start: int, end: int, test) -> bool:
        inside = [line for line in lines[bisect_left(starts, start):bisect_right(starts, end)]
                  if line.end <= end and line.text.strip()]
        return bool(inside) and all(map(test, inside))

    # (a fenced comment that reads as a sentence under "Here is the code:" is no quoted block either)
    draft.segments = [(s, e, "body", {**attrs, "type": "code"})
                      if (kind in CANDIDATES and all_lines(s, e, code)) or (kind == "quote_block" and all_lines(s, e, fenced))
                      else (s, e, kind, attrs) for s, e, kind, attrs in draft.segments]


def _page_ordered_date(doc: Document, draft: Draft) -> str | None:
    """A dateline's "12/04/2020", read in the order the page's other slashed dates show."""
    for start, end, kind, _ in sorted(draft.segments):
        if kind in ("dateline", "byline") and (found := unordered_date_on_page(doc.text, start, end)):
            return found
    return None


__all__ = ["StructureAnalyzer", "boilerplate_kind"]
