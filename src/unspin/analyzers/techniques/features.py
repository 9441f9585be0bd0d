"""Hand-made span features the encoder cannot see inside one window.

Repetition needs the whole document: a phrase is repeated when it occurs elsewhere in the
article, possibly thousands of tokens away.
"""

from __future__ import annotations

import math
import re

import numpy as np

from ...folding import collapse_and_lower, lower_same_length

N_SPAN_FEATURES = 4
_SPACE = re.compile(r"\s+")


def _normalise(fragment: str) -> str:
    return _SPACE.sub(" ", lower_same_length(fragment.strip()))


class SpanFeatures:
    """Features of many spans of one text; the text is normalised once."""

    def __init__(self, text: str):
        self.text = text
        self._haystack, self._index = collapse_and_lower(text)

    def __call__(self, start: int, end: int) -> np.ndarray:
        """[log occurrences elsewhere, occurred before, log length in chars, share of capitals]."""
        fragment = _normalise(self.text[start:end])
        occurrences = before = 0
        if len(fragment) >= 3:
            position = self._haystack.find(fragment)
            while position >= 0:
                original = self._index[position]
                if original != start:
                    occurrences += 1
                    before += original < start
                position = self._haystack.find(fragment, position + 1)
        span = self.text[start:end]
        letters = [c for c in span if c.isalpha()]
        capitals = sum(c.isupper() for c in letters) / len(letters) if letters else 0.0
        return np.array(
            [math.log1p(occurrences), float(before > 0), math.log1p(len(span)) / 6.0, capitals],
            dtype=np.float32,
        )


def span_features(text: str, start: int, end: int) -> np.ndarray:
    """Features of one span; for many spans of one text, use `SpanFeatures`."""
    return SpanFeatures(text)(start, end)
