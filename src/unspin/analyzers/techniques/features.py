"""Hand-made span features the encoder cannot see inside one window.

Repetition needs the whole document: a phrase is repeated when it occurs elsewhere in the
article, possibly thousands of tokens away.
"""

from __future__ import annotations

import math
import re

import numpy as np

N_SPAN_FEATURES = 4
_SPACE = re.compile(r"\s+")


def _normalise(fragment: str) -> str:
    return _SPACE.sub(" ", fragment.strip().lower())


def span_features(text: str, start: int, end: int) -> np.ndarray:
    """[log occurrences elsewhere, occurred before, log length in chars, share of capitals]."""
    fragment = _normalise(text[start:end])
    haystack = text.lower()
    occurrences = before = 0
    if len(fragment) >= 3:
        needle = re.escape(fragment).replace(r"\ ", r"\s+")
        for match in re.finditer(needle, haystack):
            if match.start() == start:
                continue
            occurrences += 1
            before += match.start() < start
    span = text[start:end]
    letters = [c for c in span if c.isalpha()]
    capitals = sum(c.isupper() for c in letters) / len(letters) if letters else 0.0
    return np.array(
        [math.log1p(occurrences), float(before > 0), math.log1p(len(span)) / 6.0, capitals],
        dtype=np.float32,
    )
