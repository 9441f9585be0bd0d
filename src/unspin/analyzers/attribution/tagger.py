"""A token tagger for attribution roles (source, cue, content) over the shared encoder states.

The tagger is a small MLP on the hidden states the technique model's encoder already computed
for the document, so attribution costs one matrix product per token, not a second encoder pass.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ... import model_sets
from ..activations import gelu, softmax
from ..encoder.states import TokenStates
from ..loading import LoadedOnce

ROLE_TAGS = ("O", "B-source", "I-source", "B-cue", "I-cue", "B-content", "I-content")
MODEL_DIR = model_sets.folder("attribution", strict=False)  # of the set chosen when this module was imported


@dataclass(frozen=True)
class RoleSpan:
    role: str
    start: int
    end: int
    score: float


class AttributionTagger(LoadedOnce):
    part = "attribution"

    def __init__(self, directory: Path | None = None):
        directory = directory or self.default_dir()
        self.config = json.loads((directory / "config.json").read_text())
        with np.load(directory / "tagger.npz") as arrays:
            self.layers = [(arrays[f"w{i}"].astype(np.float32), arrays[f"b{i}"].astype(np.float32))
                           for i in range(self.config["layers"])]
        self.name = self.config.get("name", "attribution")
        # Written by `python -m unspin.training.role_decoding` after training; 1.0 is plain argmax.
        self.outside_scale = float(self.config.get("decoding", {}).get("outside_scale", 1.0))

    def probabilities(self, hidden: np.ndarray, rows: int = 8192) -> np.ndarray:
        first = self._first_layer(hidden)
        out = np.empty((len(hidden), len(ROLE_TAGS)), dtype=np.float32)
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
        context, width = self.config["context"], hidden.shape[-1]
        out = np.broadcast_to(b, (len(hidden), len(b))).copy()
        for block, k in enumerate(range(-context, context + 1)):
            partial = hidden @ w[:, block * width : (block + 1) * width].T
            if k < 0:
                out[-k:] += partial[:k]
            elif k > 0:
                out[:-k] += partial[k:]
            else:
                out += partial
        return out

    def spans(self, text: str, states: TokenStates) -> list[RoleSpan]:
        return decode_roles(text, states, self.probabilities(states.hidden), self.outside_scale)


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


def decode_roles(text: str, states: TokenStates, probs: np.ndarray, outside_scale: float = 1.0) -> list[RoleSpan]:
    """Runs of tokens tagged with the same role; B- starts a new run. Sources and cues never
    cross a line break; contents may run across paragraphs. A token's tag is the most likely
    one after the probability of O (outside every role) is scaled by `outside_scale`: below 1,
    the tagger gives a role to tokens it is less sure about (it misses roles far more often than
    it invents them). A span's score is the (unscaled) probability of its most confident tag:
    with a lower scale, a cue such as "decided" takes in an unsure "on" that a mean would let
    drag it under the cue threshold."""
    tokens = states.tokens
    if len(probs):
        weights = np.ones(probs.shape[-1], dtype=probs.dtype)
        weights[ROLE_TAGS.index("O")] = outside_scale
        tags = (probs * weights).argmax(axis=-1)
    else:
        tags = np.zeros(0, dtype=int)
    out: list[RoleSpan] = []
    current: tuple[str, int, list[float]] | None = None

    def close(last: int) -> None:
        role, first, scores = current
        out.append(RoleSpan(role, int(tokens.starts[first]), int(tokens.ends[last]), float(np.max(scores))))

    for i, tag in enumerate(tags):
        name = ROLE_TAGS[tag]
        if name == "O":
            if current:
                close(i - 1)
                current = None
            continue
        prefix, role = name.split("-")
        if current and current[0] == role and prefix == "I":
            gap = text[tokens.ends[i - 1] : tokens.starts[i]]
            if "\n" not in gap or role == "content":
                current[2].append(float(probs[i, tag]))
                continue
        if current:
            close(i - 1)
        current = (role, i, [float(probs[i, tag])])
    if current:
        close(len(tags) - 1)
    return out
