"""The structure layer's findings: segments (the article's parts) and its metadata."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...document import Document, Layer, Span
from ...findings import Finding, Mark, register_finding, span_from_json, span_json

SEGMENT_NAMES = {
    "title": "Title", "subtitle": "Subtitle", "byline": "Byline", "dateline": "Dateline", "tag": "Tag",
    "heading": "Subheading", "body": "Body", "quote_block": "Quoted block", "boilerplate": "Boilerplate",
}
TERMINAL_STYLES = {
    "title": "bold", "subtitle": "italic", "heading": "bold underline", "byline": "cyan", "dateline": "cyan",
    "tag": "magenta", "quote_block": "green", "boilerplate": "dim", "body": "",
}


@register_finding
@dataclass(frozen=True)
class Segment(Finding):
    """A part of the article: title, byline, body, quote_block, boilerplate (with its type)..."""

    start: int
    end: int
    text: str
    kind: str
    type: str | None = None

    key = "segments"
    layer = Layer.SEGMENTS
    analyzer = "structure"
    summary = "segments"
    columns = (("char_start", "INTEGER"), ("char_end", "INTEGER"), ("text", "VARCHAR"), ("kind", "VARCHAR"),
               ("type", "VARCHAR"))

    @classmethod
    def read(cls, doc: Document) -> list["Segment"]:
        return [cls(s.start, s.end, s.text, s.label or "", s.attrs.get("type")) for s in doc.layer(cls.layer)]

    def to_json(self) -> dict:
        out: dict[str, Any] = {"start": self.start, "end": self.end, "kind": self.kind, "text": self.text}
        if self.type is not None:
            out["type"] = self.type
        return out

    @classmethod
    def write(cls, doc: Document, values: list[dict]) -> None:
        doc.set_layer(cls.layer, [span_from_json(doc, s, s["kind"], type=s.get("type")) for s in values])

    @classmethod
    def rows(cls, doc_id: str, values: list[dict], text: str) -> list[tuple]:
        return [(doc_id, s["start"], s["end"], s["text"], s["kind"], s.get("type")) for s in values]

    @classmethod
    def marks(cls, analysis) -> list[Mark]:
        marks = []
        for s in analysis.segments:
            detail = SEGMENT_NAMES.get(s.kind, s.kind)
            if s.type:
                detail += f" ({s.type})"
            css = f"seg-{s.kind}" + (" seg-code" if s.type == "code" else "")  # (code or data the article shows)
            marks.append(Mark(cls.key, s.start, s.end, s.kind, css=css,
                              style=TERMINAL_STYLES.get(s.kind, ""), title=detail))
        return marks


@dataclass(frozen=True)
class Meta:
    """Article metadata: spans where the text names them, and the published date."""

    title: Span | None
    authors: tuple[Span, ...]
    published: str | None
    outlet: Span | None
    tags: tuple[Span, ...]

    @classmethod
    def read(cls, doc: Document) -> "Meta":
        return cls(doc.first(Layer.TITLE), tuple(doc.layer(Layer.AUTHORS)), doc.meta.get("published"),
                   doc.first(Layer.OUTLET), tuple(doc.layer(Layer.TAGS)))

    def to_json(self) -> dict:
        return {
            "title": span_json(self.title),
            "authors": [a.to_json() for a in self.authors],
            "published": self.published,
            "outlet": span_json(self.outlet),
            "tags": [t.to_json() for t in self.tags],
        }

    @staticmethod
    def write(doc: Document, meta: dict) -> None:
        for layer, values in ((Layer.TITLE, [meta.get("title")]), (Layer.AUTHORS, meta.get("authors") or []),
                              (Layer.OUTLET, [meta.get("outlet")]), (Layer.TAGS, meta.get("tags") or [])):
            spans = [span_from_json(doc, v) for v in values if v]
            if spans:
                doc.set_layer(layer, spans)
        if meta.get("published"):
            doc.meta["published"] = meta["published"]
