"""Typed findings with the JSON contract's field names, and the one table that serialises them.

The Python API, the JSON renderer, the HTML and terminal views and the corpus store all read a
document's findings through these classes, so a new layer is added here, once:
`FINDINGS` lists, in the contract's order, each top-level JSON key and the class that reads it
from a `Document` and writes it as JSON.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from .document import Document, Layer, Relation, Relations, Span

# How every view names the source of an attribution that names none, and a sentence that cites no one.
UNNAMED_SOURCE = "unnamed source"
NO_SOURCE_GIVEN = "no source given"


def span_json(span: Span | None) -> dict | None:
    return span.to_json() if span is not None else None


@dataclass(frozen=True)
class Segment:
    """A part of the article: title, byline, body, quote_block, boilerplate (with its type)..."""

    start: int
    end: int
    text: str
    kind: str
    type: str | None = None
    layer: ClassVar[str] = Layer.SEGMENTS

    @classmethod
    def read(cls, doc: Document) -> list["Segment"]:
        return [cls(s.start, s.end, s.text, s.label or "", s.attrs.get("type")) for s in doc.layer(cls.layer)]

    def to_json(self) -> dict:
        out: dict[str, Any] = {"start": self.start, "end": self.end, "kind": self.kind, "text": self.text}
        if self.type is not None:
            out["type"] = self.type
        return out


@dataclass(frozen=True)
class Link:
    """A link kept from Markdown or HTML: its text in the article, and where it pointed."""

    start: int
    end: int
    text: str
    url: str | None
    layer: ClassVar[str] = Layer.LINKS

    @classmethod
    def read(cls, doc: Document) -> list["Link"]:
        return [cls(s.start, s.end, s.text, s.attrs.get("url")) for s in doc.layer(cls.layer)]

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "url": self.url}


@dataclass(frozen=True)
class Technique:
    """A persuasion technique found in a span; `technique` is the PTC label string."""

    start: int
    end: int
    text: str
    technique: str
    score: float
    layer: ClassVar[str] = Layer.TECHNIQUES

    @classmethod
    def read(cls, doc: Document) -> list["Technique"]:
        return [cls(s.start, s.end, s.text, s.label or "", float(s.score or 0.0)) for s in doc.layer(cls.layer)]

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "technique": self.technique, "score": self.score}


@dataclass(frozen=True)
class Attribution:
    """Who is quoted or cited: the source (a span, if the article names one), the cue ("said",
    "according to"), the content attributed, and the source resolved to a name and a type."""

    kind: str  # direct, indirect or mixed
    source: Span | None
    cue: Span | None
    content: tuple[Span, ...]
    source_name: str | None
    source_type: str | None
    group: ClassVar[str] = Relations.ATTRIBUTIONS

    @classmethod
    def from_relation(cls, relation: Relation) -> "Attribution":
        return cls(relation.label, relation.first("source"), relation.first("cue"), relation.role("content"),
                   relation.attrs.get("source_name"), relation.attrs.get("source_type"))

    @classmethod
    def read(cls, doc: Document) -> list["Attribution"]:
        return [cls.from_relation(r) for r in doc.related(cls.group)]

    def spans(self) -> list[Span]:
        return [s for s in (self.source, self.cue, *self.content) if s is not None]

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "source": span_json(self.source),
            "cue": span_json(self.cue),
            "content": [c.to_json() for c in self.content],
            "source_name": self.source_name,
            "source_type": self.source_type,
        }


@dataclass(frozen=True)
class Claim:
    """A sentence worth checking: its check-worthiness score, and whether (and to whom) the
    article attributes it; `attribution` indexes the document's attributions."""

    start: int
    end: int
    text: str
    score: float
    attributed: bool
    attribution: int | None
    source_name: str | None
    layer: ClassVar[str] = Layer.CLAIMS

    @classmethod
    def read(cls, doc: Document) -> list["Claim"]:
        return [cls(s.start, s.end, s.text, float(s.score or 0.0), s.attrs.get("attribution") is not None,
                    s.attrs.get("attribution"), s.attrs.get("source_name")) for s in doc.layer(cls.layer)]

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "score": self.score,
                "attributed": self.attributed, "attribution": self.attribution, "source_name": self.source_name}


# The contract's finding lists, in the order the JSON writes them.
FINDINGS: tuple[tuple[str, type], ...] = (
    ("segments", Segment),
    ("links", Link),
    ("techniques", Technique),
    ("attributions", Attribution),
    ("claims", Claim),
)


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


def findings_json(doc: Document) -> dict[str, list[dict]]:
    return {key: [f.to_json() for f in cls.read(doc)] for key, cls in FINDINGS}
