"""Offsets between Python and Label Studio.

unspin's offsets count Unicode code points (Python `str` indices). Label Studio's annotators work
in a browser, whose strings count UTF-16 code units: a character outside the Basic Multilingual
Plane (most emoji, many CJK extensions, mathematical letters) is one code point and two code
units, so every offset after it drifts by one. Combining marks, `\\r\\n` and runs of spaces are
one code unit per code point in both and do not drift (a task's text goes to Label Studio as it
is, `\\r` included). Tasks are written with UTF-16 offsets and read back through them; a span
whose text does not match after the conversion (an editor that normalised the text) is looked
for near its offset by its own text, and counted when it has to be.
"""

from __future__ import annotations

from bisect import bisect_right


class OffsetMap:
    """Code point <-> UTF-16 code unit offsets of one text."""

    def __init__(self, text: str):
        self.text = text
        # Code point positions of the astral characters, each of which is two code units.
        self.astral = [i for i, c in enumerate(text) if ord(c) > 0xFFFF]
        self.astral_units = [i + k + 1 for k, i in enumerate(self.astral)]  # their second unit, in units

    def to_utf16(self, index: int) -> int:
        return index + bisect_right(self.astral, index - 1)

    def from_utf16(self, unit: int) -> int:
        """The code point at a code unit offset; an offset inside a surrogate pair (which a
        correct client never gives) rounds down to the character's start."""
        return unit - bisect_right(self.astral_units, unit)

    @property
    def utf16_length(self) -> int:
        return self.to_utf16(len(self.text))


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def anchor(text: str, start: int, end: int, expected: str | None, reach: int = 200) -> tuple[int, int] | None:
    """(start, end) in code points of a span said to hold `expected` near [start, end): the given
    offsets when they do, else the nearest occurrence of `expected` within `reach` characters;
    None when there is none (the span is reported, never guessed)."""
    if expected is None or text[start:end] == expected:
        return (start, end) if 0 <= start <= end <= len(text) else None
    if not expected:
        return None
    lo = max(0, start - reach)
    best = None
    position = text.find(expected, lo, min(len(text), end + reach + len(expected)))
    while position != -1:
        if best is None or abs(position - start) < abs(best - start):
            best = position
        position = text.find(expected, position + 1, min(len(text), end + reach + len(expected)))
    return (best, best + len(expected)) if best is not None else None
