"""A token tagger over the shared encoder states: an MLP on each token with its neighbours.

Attribution roles (source, cue, content) and, in the `standard` set, the technique span finder
(B/I/O of "inside a technique span") are such taggers: one matrix product per token over states
the encoder already computed, no second pass over the text.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..activations import gelu, softmax


class TokenTagger:
    """Layers `(w, b)` of an MLP whose first layer reads a token's state and those of `context`
    tokens on each side (`with_neighbours`); GELU between layers, softmax over tags at the end."""

    def __init__(self, layers: list[tuple[np.ndarray, np.ndarray]], context: int):
        self.layers = layers
        self.context = context

    @classmethod
    def load(cls, path: Path, layers: int, context: int) -> "TokenTagger":
        with np.load(path) as arrays:
            return cls([(arrays[f"w{i}"].astype(np.float32), arrays[f"b{i}"].astype(np.float32))
                        for i in range(layers)], context)

    @property
    def tags(self) -> int:
        return self.layers[-1][0].shape[0]

    def probabilities(self, hidden: np.ndarray, rows: int = 8192) -> np.ndarray:
        """[tokens, tags] for states [tokens, width]."""
        out = np.empty((len(hidden), self.tags), dtype=np.float32)
        if not len(hidden):
            return out
        first = self._first_layer(hidden)
        for start in range(0, len(hidden), rows):  # bounded temporaries on very long texts
            x = first[start : start + rows]
            for i, (w, b) in enumerate(self.layers):
                if i > 0:
                    x = x @ w.T + b
                if i < len(self.layers) - 1:
                    x = gelu(x)
            out[start : start + rows] = softmax(x)
        return out

    def _first_layer(self, hidden: np.ndarray) -> np.ndarray:
        """`with_neighbours(hidden) @ w.T + b`, computed block by block on the unshifted states and
        shifted afterwards, so no [tokens, 5 x width] array is ever built."""
        w, b = self.layers[0]
        width = hidden.shape[-1]
        out = np.broadcast_to(b, (len(hidden), len(b))).copy()
        for block, k in enumerate(range(-self.context, self.context + 1)):
            partial = hidden @ w[:, block * width : (block + 1) * width].T
            if k < 0:
                out[-k:] += partial[:k]
            elif k > 0:
                out[:-k] += partial[k:]
            else:
                out += partial
        return out


def with_neighbours(hidden: np.ndarray, context: int) -> np.ndarray:
    """Each token's vector followed by those of `context` tokens on each side (zeros past the ends)."""
    parts = []
    for shift in range(-context, context + 1):
        shifted = np.zeros_like(hidden)
        if shift < 0:
            shifted[-shift:] = hidden[:shift]
        elif shift > 0:
            shifted[:-shift] = hidden[shift:]
        else:
            shifted = hidden
        parts.append(shifted)
    return np.concatenate(parts, axis=-1)
