"""Cut a text into pieces at every span boundary, each piece knowing the spans that cover it.

Renderers that colour text (HTML, terminal) use this so overlapping layers need no nesting.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable


@dataclass(frozen=True)
class Marked:
    """A span to show: its layer, label, and anything a renderer wants to say about it."""

    layer: str
    start: int
    end: int
    label: str
    info: dict[str, Any]


@dataclass
class Piece:
    start: int
    end: int
    text: str
    marks: list[Marked]


def pieces(text: str, marks: Iterable[Marked]) -> list[Piece]:
    marks = [m for m in marks if m.end > m.start]
    cuts = {0, len(text)}
    for m in marks:
        cuts.update((m.start, m.end))
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    starts: dict[int, list[Marked]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    out: list[Piece] = []
    active: list[Marked] = []
    for a, b in zip(bounds, bounds[1:]):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        out.append(Piece(a, b, text[a:b], list(active)))
    return out
