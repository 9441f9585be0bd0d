"""Lower case one character at a time, keeping positions.

`str.lower()` can lengthen a string ('İ'.lower() is 'i' plus a combining dot), which shifts
every later position of a lowered copy against the original. Code that searches a lowered copy
and maps hits back to the original folds with `lower_char` instead.
"""

from __future__ import annotations


def lower_char(c: str) -> str:
    """`c` lower-cased when that stays one character, else `c` unchanged."""
    low = c.lower()
    return low if len(low) == 1 else c


def lower_same_length(text: str) -> str:
    """`text` lower-cased character by character, the same length as `text`."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(map(lower_char, text))
