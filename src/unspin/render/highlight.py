"""Cut a text into pieces at every span boundary, each piece knowing the spans that cover it.

Renderers that colour text (HTML, terminal) use this so overlapping layers need no nesting.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..findings import Mark


@dataclass
class Piece:
    start: int
    end: int
    text: str
    marks: list[Mark]


def pieces(text: str, marks: Iterable[Mark]) -> list[Piece]:
    marks = [m for m in marks if m.end > m.start]
    cuts = {0, len(text)}
    for m in marks:
        cuts.update((m.start, m.end))
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    out: list[Piece] = []
    active: list[Mark] = []
    for a, b in zip(bounds, bounds[1:]):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        out.append(Piece(a, b, text[a:b], list(active)))
    return out
