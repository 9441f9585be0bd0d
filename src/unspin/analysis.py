"""`Analysis`: a document with all its layers, plus the summary, as the JSON contract shapes it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .analyzers.structure.findings import Meta
from .document import Document, Source, Span
from .layers import finding, findings_json, registered

if TYPE_CHECKING:
    from .analyzers.attribution.findings import Attribution
    from .analyzers.claims.findings import Claim
    from .analyzers.structure.findings import Segment
    from .analyzers.techniques.findings import Technique
    from .readers.links import Link

SCHEMA = "unspin/analysis@1"


@dataclass
class Analysis:
    """The result of analysing one document. Each registered finding type is an attribute named
    by its JSON key (`analysis.techniques`, `analysis.claims`, ...): typed findings whose fields
    are the JSON's (`Technique.technique`, `Attribution.source`, ...); `to_dict()` is the JSON."""

    document: Document
    summary: dict[str, Any] = field(default_factory=dict)
    engine: dict[str, Any] = field(default_factory=dict)

    if TYPE_CHECKING:
        segments: list[Segment]
        links: list[Link]
        techniques: list[Technique]
        attributions: list[Attribution]
        claims: list[Claim]

    def __getattr__(self, key: str) -> list:
        if key.startswith("_") or key in ("document", "summary", "engine"):
            raise AttributeError(key)
        try:
            return finding(key).read(self.document)
        except KeyError as error:
            raise AttributeError(f"'Analysis' has no attribute {key!r} ({error.args[0]})") from None

    def findings(self, key: str) -> list:
        """The findings of one layer by its JSON key, registered by a plugin or built in."""
        return getattr(self, key)

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
        Meta.write(doc, data.get("meta") or {})
        for kind in registered():
            kind.write(doc, data.get(kind.key, []))
        return cls(doc, data.get("summary") or {}, data.get("engine") or {})
