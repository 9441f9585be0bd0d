"""`Analysis`: a document with all its layers, plus the summary, as the JSON contract shapes it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .document import ATTRIBUTIONS, CLAIMS, LINKS, SEGMENTS, TECHNIQUES, Document, Span

SCHEMA = "unspin/analysis@1"


@dataclass
class Analysis:
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
    def title(self) -> Span | None:
        return self.document.meta.get("title")

    @property
    def segments(self) -> list[Span]:
        return self.document.layer(SEGMENTS)

    @property
    def techniques(self) -> list[Span]:
        return self.document.layer(TECHNIQUES)

    @property
    def attributions(self) -> list[dict[str, Any]]:
        return self.document.meta.get(ATTRIBUTIONS, [])

    @property
    def claims(self) -> list[Span]:
        return self.document.layer(CLAIMS)

    @property
    def links(self) -> list[Span]:
        return self.document.layer(LINKS)

    def to_dict(self) -> dict[str, Any]:
        doc = self.document
        meta = doc.meta

        def span(value: Span | None) -> dict | None:
            return value.to_json() if value is not None else None

        return {
            "schema": SCHEMA,
            "id": doc.id,
            "text": doc.text,
            "source": {"path": doc.source.path, "format": doc.source.format, "url": doc.source.url},
            "meta": {
                "title": span(meta.get("title")),
                "authors": [span(a) for a in meta.get("authors", [])],
                "published": meta.get("published"),
                "outlet": span(meta.get("outlet")),
                "tags": [span(t) for t in meta.get("tags", [])],
            },
            "segments": [
                {"start": s.start, "end": s.end, "kind": s.label, "text": s.text,
                 **({"type": s.attrs["type"]} if "type" in s.attrs else {})}
                for s in self.segments
            ],
            "links": [{"start": s.start, "end": s.end, "text": s.text, "url": s.attrs.get("url")} for s in self.links],
            "techniques": [
                {"start": s.start, "end": s.end, "text": s.text, "technique": s.label, "score": s.score}
                for s in self.techniques
            ],
            "attributions": self.attributions,
            "claims": [
                {"start": s.start, "end": s.end, "text": s.text, "score": s.score, "attributed": bool(s.attrs.get("attributed"))}
                for s in self.claims
            ],
            "summary": self.summary,
            "engine": self.engine,
        }
