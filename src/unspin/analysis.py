"""`Analysis`: a document with all its layers, plus the summary, as the JSON contract shapes it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .document import Document, Span
from .findings import Attribution, Claim, Link, Meta, Segment, Technique, findings_json

SCHEMA = "unspin/analysis@1"


@dataclass
class Analysis:
    """The result of analysing one document. Its properties are typed findings whose fields are
    the JSON's (`Technique.technique`, `Attribution.source`, ...); `to_dict()` is the JSON."""

    document: Document
    summary: dict[str, Any] = field(default_factory=dict)
    engine: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.document.id

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def meta(self) -> Meta:
        return Meta.read(self.document)

    @property
    def title(self) -> Span | None:
        return self.meta.title

    @property
    def segments(self) -> list[Segment]:
        return Segment.read(self.document)

    @property
    def links(self) -> list[Link]:
        return Link.read(self.document)

    @property
    def techniques(self) -> list[Technique]:
        return Technique.read(self.document)

    @property
    def attributions(self) -> list[Attribution]:
        return Attribution.read(self.document)

    @property
    def claims(self) -> list[Claim]:
        return Claim.read(self.document)

    def to_dict(self) -> dict[str, Any]:
        doc = self.document
        return {
            "schema": SCHEMA,
            "id": doc.id,
            "text": doc.text,
            "source": {"path": doc.source.path, "format": doc.source.format, "url": doc.source.url},
            "meta": self.meta.to_json(),
            **findings_json(doc),
            "summary": self.summary,
            "engine": self.engine,
        }
