"""The claims layer's findings: sentences worth checking, with whom (if anyone) they are attributed to."""

from __future__ import annotations

from dataclasses import dataclass

from ...document import Document, Layer
from ...findings import (
    NO_SOURCE_GIVEN,
    UNNAMED_SOURCE,
    Finding,
    Mark,
    register_finding,
    span_from_json,
)


def min_claim_score(analysis) -> float:
    """Claims scoring below this are shown only on request (0: all are shown): the calibrated
    `min_score`, raised where needed so that at most `max_share` of the article's sentences are
    shown by default, the highest scoring first (an opinion piece asserts a lot)."""
    shown = analysis.engine.get("shown_by_default", {}).get("claims", {})
    floor = float(shown.get("min_score", 0.0))
    sentences = analysis.summary.get("techniques", {}).get("sentences", 0)
    if shown.get("max_share") and sentences:
        room = max(1, int(shown["max_share"] * sentences))
        above = sorted((c.score for c in analysis.claims if c.score >= floor), reverse=True)
        if len(above) > room:
            floor = max(floor, above[room - 1] + 1e-9 if above[room - 1] == above[room] else above[room - 1])
    return floor


def claim_anchor(index: int) -> str:
    return f"claim-{index + 1}"


@register_finding
@dataclass(frozen=True)
class Claim(Finding):
    """A sentence worth checking: its check-worthiness score, and whether (and to whom) the
    article attributes it; `attribution` indexes the document's attributions."""

    start: int
    end: int
    text: str
    score: float
    attributed: bool
    attribution: int | None
    source_name: str | None

    key = "claims"
    layer = Layer.CLAIMS
    analyzer = "claims"
    summary = "claims"
    columns = (("char_start", "INTEGER"), ("char_end", "INTEGER"), ("text", "VARCHAR"), ("score", "DOUBLE"),
               ("attributed", "BOOLEAN"), ("attribution", "INTEGER"), ("source_name", "VARCHAR"))

    @classmethod
    def read(cls, doc: Document) -> list["Claim"]:
        return [cls(s.start, s.end, s.text, float(s.score or 0.0), s.attrs.get("attribution") is not None,
                    s.attrs.get("attribution"), s.attrs.get("source_name")) for s in doc.layer(cls.layer)]

    @property
    def cited(self) -> str:
        """Whom the claim is attributed to, as every view names it."""
        return self.source_name or (UNNAMED_SOURCE if self.attributed else NO_SOURCE_GIVEN)

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "score": self.score,
                "attributed": self.attributed, "attribution": self.attribution, "source_name": self.source_name}

    @classmethod
    def write(cls, doc: Document, values: list[dict]) -> None:
        doc.set_layer(cls.layer, [span_from_json(doc, c, None, c["score"], attribution=c.get("attribution"),
                                                 source_name=c.get("source_name")) for c in values])

    @classmethod
    def rows(cls, doc_id: str, values: list[dict], text: str) -> list[tuple]:
        return [(doc_id, c["start"], c["end"], c["text"], c["score"], c["attributed"], c["attribution"], c["source_name"])
                for c in values]

    @classmethod
    def marks(cls, analysis) -> list[Mark]:
        floor = min_claim_score(analysis)
        marks = []
        for index, c in enumerate(analysis.claims):
            cited = f"attributed to {c.source_name or UNNAMED_SOURCE}" if c.attributed else NO_SOURCE_GIVEN
            low = c.score < floor
            marks.append(Mark(cls.key, c.start, c.end, "claim", css="c low-claim" if low else "c", focusable=True,
                              title=f"Check-worthy claim ({c.score:.2f}{', less certain' if low else ''}), {cited}",
                              anchor=claim_anchor(index)))
        return marks
