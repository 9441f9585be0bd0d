"""The attribution layer's findings: who is quoted or cited, how, and what is attributed to them."""

from __future__ import annotations

from dataclasses import dataclass

from ...document import Document, Relation, Relations, Span
from ...findings import (
    UNNAMED_SOURCE,
    Finding,
    Mark,
    register_finding,
    span_columns,
    span_from_json,
    span_json,
)

ROLE_CSS = {"content": "a", "source": "as", "cue": "ac"}


@register_finding
@dataclass(frozen=True)
class Attribution(Finding):
    """Who is quoted or cited: the source (a span, if the article names one), the cue ("said",
    "according to"), the content attributed, and the source resolved to a name and a type."""

    kind: str  # direct, indirect or mixed
    source: Span | None
    cue: Span | None
    content: tuple[Span, ...]
    source_name: str | None
    source_type: str | None

    key = "attributions"
    layer = Relations.ATTRIBUTIONS
    analyzer = "attribution"
    summary = "sourcing"
    columns = (
        ("attribution", "INTEGER"), ("kind", "VARCHAR"), ("source_name", "VARCHAR"),
        ("source_type", "VARCHAR"), ("source_start", "INTEGER"), ("source_end", "INTEGER"), ("source_text", "VARCHAR"),
        ("cue_start", "INTEGER"), ("cue_end", "INTEGER"), ("cue_text", "VARCHAR"),
        # From the first content part to the last; the parts themselves are in the analysis JSON.
        ("content_start", "INTEGER"), ("content_end", "INTEGER"), ("content_text", "VARCHAR"),
    )

    @classmethod
    def from_relation(cls, relation: Relation) -> "Attribution":
        return cls(relation.label, relation.first("source"), relation.first("cue"), relation.role("content"),
                   relation.attrs.get("source_name"), relation.attrs.get("source_type"))

    @classmethod
    def read(cls, doc: Document) -> list["Attribution"]:
        return [cls.from_relation(r) for r in doc.related(cls.layer)]

    def spans(self) -> list[Span]:
        return [s for s in (self.source, self.cue, *self.content) if s is not None]

    @property
    def speaker(self) -> str:
        """The source's name, else its words in the text, else `UNNAMED_SOURCE`."""
        return self.source_name or (self.source.text if self.source else None) or UNNAMED_SOURCE

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "source": span_json(self.source),
            "cue": span_json(self.cue),
            "content": [c.to_json() for c in self.content],
            "source_name": self.source_name,
            "source_type": self.source_type,
        }

    @classmethod
    def write(cls, doc: Document, values: list[dict]) -> None:
        for a in values:
            roles = {"source": [span_from_json(doc, a["source"])] if a.get("source") else [],
                     "cue": [span_from_json(doc, a["cue"])] if a.get("cue") else [],
                     "content": [span_from_json(doc, c) for c in a.get("content", [])]}
            doc.relate(cls.layer, a["kind"], roles,
                       **{k: a[k] for k in ("source_name", "source_type") if a.get(k) is not None})

    @classmethod
    def rows(cls, doc_id: str, values: list[dict], text: str) -> list[tuple]:
        rows = []
        for index, a in enumerate(values):
            parts = a.get("content") or []
            content = ((parts[0]["start"], parts[-1]["end"], text[parts[0]["start"] : parts[-1]["end"]])
                       if parts else (None, None, None))
            rows.append((doc_id, index, a["kind"], a.get("source_name"), a.get("source_type"),
                         *span_columns(a.get("source")), *span_columns(a.get("cue")), *content))
        return rows

    @classmethod
    def marks(cls, analysis) -> list[Mark]:
        marks = []
        for a in analysis.attributions:
            speaker = a.speaker
            for part in a.content:
                marks.append(Mark(cls.key, part.start, part.end, "content", css=ROLE_CSS["content"], focusable=True,
                                  title=f"{a.kind.capitalize()} attribution to {speaker} ({a.source_type or 'unknown'})"))
            for role, span in (("source", a.source), ("cue", a.cue)):
                if span is not None:
                    marks.append(Mark(cls.key, span.start, span.end, role, css=ROLE_CSS[role], focusable=True,
                                      title=f"{'Source' if role == 'source' else 'Cue'}: {speaker}"))
        for s in analysis.summary.get("sourcing", {}).get("author_only_sentences", []):
            marks.append(Mark("author", s["start"], s["end"], "author", css="u", focusable=True,
                              title="Asserted by the author; no source cited"))
        return marks
