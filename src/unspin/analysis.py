"""`Analysis`: a document with all its layers, plus the summary, as the JSON contract shapes it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .document import Document, Layer, Relations, Source, Span
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

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Analysis":
        """The inverse of `to_dict()`: an analysis read back from its JSON (a corpus store, a
        JSONL file), ready to render. Every span is checked against the text."""
        if data.get("schema") != SCHEMA:
            raise ValueError(f"not an {SCHEMA} object (schema: {data.get('schema')!r})")
        source = data.get("source") or {}
        doc = Document(text=data["text"], id=data["id"],
                       source=Source(source.get("path"), source.get("format") or "text", source.get("url")))

        def span(value: dict, label: str | None = None, score: float | None = None, **attrs: Any) -> Span:
            made = doc.span(value["start"], value["end"], label, score, **{k: v for k, v in attrs.items() if v is not None})
            if made.text != value["text"]:
                raise ValueError(f"span text does not match the text at [{value['start']}, {value['end']})")
            return made

        meta = data.get("meta") or {}
        for layer, values in ((Layer.TITLE, [meta.get("title")]), (Layer.AUTHORS, meta.get("authors") or []),
                              (Layer.OUTLET, [meta.get("outlet")]), (Layer.TAGS, meta.get("tags") or [])):
            spans = [span(v) for v in values if v]
            if spans:
                doc.set_layer(layer, spans)
        if meta.get("published"):
            doc.meta["published"] = meta["published"]
        doc.set_layer(Layer.SEGMENTS, [span(s, s["kind"], type=s.get("type")) for s in data.get("segments", [])])
        doc.set_layer(Layer.LINKS, [span(link, url=link.get("url")) for link in data.get("links", [])])
        doc.set_layer(Layer.TECHNIQUES, [span(t, t["technique"], t["score"]) for t in data.get("techniques", [])])
        for a in data.get("attributions", []):
            roles = {"source": [span(a["source"])] if a.get("source") else [],
                     "cue": [span(a["cue"])] if a.get("cue") else [],
                     "content": [span(c) for c in a.get("content", [])]}
            doc.relate(Relations.ATTRIBUTIONS, a["kind"], roles,
                       **{k: a[k] for k in ("source_name", "source_type") if a.get(k) is not None})
        doc.set_layer(Layer.CLAIMS, [span(c, None, c["score"], attribution=c.get("attribution"),
                                          source_name=c.get("source_name")) for c in data.get("claims", [])])
        return cls(doc, data.get("summary") or {}, data.get("engine") or {})
