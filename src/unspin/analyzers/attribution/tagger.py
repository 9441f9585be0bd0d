"""The attribution roles (source, cue, content) of each token, and the role spans they make.

The tagger reads the hidden states the encoder already computed for the document, with no second
encoder pass: a `SequenceTagger` (a bidirectional GRU over runs of tokens) in `standard`, a
`TokenTagger` (a small MLP on each token's state with its neighbours) in `fast`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ... import model_sets
from ..encoder.states import TokenStates
from ..encoder.tagger import load_tagger, with_neighbours
from ..loading import LoadedOnce

__all__ = ["AttributionTagger", "RoleSpan", "ROLE_TAGS", "decode_roles", "with_neighbours"]

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
        self.tagger = load_tagger(directory, self.config, "tagger.npz")
        self.name = self.config.get("name", "attribution")
        # Written by `python -m unspin.training.role_decoding` after training; 1.0 is plain argmax.
        self.outside_scale = float(self.config.get("decoding", {}).get("outside_scale", 1.0))

    def probabilities(self, hidden: np.ndarray) -> np.ndarray:
        return self.tagger.probabilities(hidden)

    def spans(self, text: str, states: TokenStates) -> list[RoleSpan]:
        return decode_roles(text, states, self.probabilities(states.hidden), self.outside_scale)


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
