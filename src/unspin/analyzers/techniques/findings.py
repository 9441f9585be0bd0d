"""The techniques layer's findings: spans that use a persuasion technique, with its PTC label."""

from __future__ import annotations

from dataclasses import dataclass

from ...document import Document, Layer
from ...findings import Finding, Mark, register_finding, span_from_json
from .labels import DEFINITIONS, DISPLAY_NAMES, TECHNIQUE_COLOURS, TECHNIQUE_INDEX

TERMINAL_STYLES = [f"black on {colour}" for colour in TECHNIQUE_COLOURS]
LESS_CERTAIN_STYLE = "underline"  # a span below the report's threshold: no colour, underlined


def min_technique_score(analysis) -> float:
    """Technique spans scoring below this are shown only on request (0: all are shown)."""
    return float(analysis.engine.get("shown_by_default", {}).get("techniques", {}).get("min_score", 0.0))


@register_finding
@dataclass(frozen=True)
class Technique(Finding):
    """A persuasion technique found in a span; `technique` is the PTC label string."""

    start: int
    end: int
    text: str
    technique: str
    score: float

    key = "techniques"
    layer = Layer.TECHNIQUES
    analyzer = "techniques"
    summary = "techniques"
    columns = (("char_start", "INTEGER"), ("char_end", "INTEGER"), ("text", "VARCHAR"), ("technique", "VARCHAR"),
               ("score", "DOUBLE"))

    @classmethod
    def read(cls, doc: Document) -> list["Technique"]:
        return [cls(s.start, s.end, s.text, s.label or "", float(s.score or 0.0)) for s in doc.layer(cls.layer)]

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "technique": self.technique, "score": self.score}

    @classmethod
    def write(cls, doc: Document, values: list[dict]) -> None:
        doc.set_layer(cls.layer, [span_from_json(doc, t, t["technique"], t["score"]) for t in values])

    @classmethod
    def rows(cls, doc_id: str, values: list[dict], text: str) -> list[tuple]:
        return [(doc_id, t["start"], t["end"], t["text"], t["technique"], t["score"]) for t in values]

    @classmethod
    def marks(cls, analysis) -> list[Mark]:
        floor = min_technique_score(analysis)
        marks = []
        for t in analysis.techniques:
            index = TECHNIQUE_INDEX.get(t.technique, 0)
            low = t.score < floor
            # The colour of a stretch is that of its first span shown by default (rank 0).
            marks.append(Mark(cls.key, t.start, t.end, t.technique, css=f"t low t{index}" if low else f"t t{index}",
                              style=LESS_CERTAIN_STYLE if low else TERMINAL_STYLES[index],
                              title=f"{DISPLAY_NAMES.get(t.technique, t.technique)} ({t.score:.2f}"
                                    f"{', less certain' if low else ''}): {DEFINITIONS.get(t.technique, '')}",
                              exclusive="technique", rank=1 if low else 0, score=t.score, focusable=True))
        return marks

    @classmethod
    def empty_summary(cls, doc: Document, words: int) -> dict:
        # analysis@1 has always carried a technique profile, zero when the layer was not computed.
        from .analyzer import technique_profile

        return technique_profile(doc, words)
