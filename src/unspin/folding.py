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


def collapse_and_lower(text: str) -> tuple[str, list[int]]:
    """`text` lower-cased, each run of whitespace as one space, and for each character of the
    result the index in `text` it came from."""
    chars: list[str] = []
    index: list[int] = []
    previous_space = False
    for i, c in enumerate(text):
        if c.isspace():
            if previous_space:
                continue
            c, previous_space = " ", True
        else:
            previous_space = False
        chars.append(lower_char(c))
        index.append(i)
    return "".join(chars), index
