"""Token taggers over the shared encoder states, run with numpy.

Attribution roles (source, cue, content) and technique spans (B/I/O of "inside a technique span",
the span finder) are tagged by one of two kinds: `TokenTagger`, an MLP on each token with its
neighbours (one matrix product per token; `fast`), or `SequenceTagger`, a bidirectional GRU over
runs of tokens (`standard`: who said what, and whether a phrase is a slogan, depend on more of
the sentence than two tokens each side). Both read states the encoder already computed, with no
second pass over the text. A config may list several `members` (the same training run with other
seeds): `MeanTagger` averages their probabilities.
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


class SequenceTagger:
    """Linear + GELU over each state, a one-layer bidirectional GRU over runs of `chunk` tokens,
    then a linear map of [projection, forward state, backward state] to tags, softmax at the end.
    Arrays as torch names them (`training/token_tagger.py` `SequenceHead`): `proj.weight`,
    `gru.weight_ih_l0`, `gru.weight_hh_l0_reverse`, ..., `out.bias`."""

    def __init__(self, arrays: dict[str, np.ndarray], chunk: int):
        self.arrays = {k: v.astype(np.float32) for k, v in arrays.items()}
        self.chunk = chunk

    @classmethod
    def load(cls, path: Path, chunk: int) -> "SequenceTagger":
        with np.load(path) as arrays:
            return cls(dict(arrays), chunk)

    @property
    def tags(self) -> int:
        return self.arrays["out.weight"].shape[0]

    def probabilities(self, hidden: np.ndarray) -> np.ndarray:
        """[tokens, tags] for states [tokens, width]; each run of `chunk` tokens is read on its own,
        as in training. The runs and both directions step through the recurrence together, so the
        loop is `chunk` steps long whatever the text's length."""
        a, n = self.arrays, len(hidden)
        if not n:
            return np.empty((0, self.tags), dtype=np.float32)
        projected = gelu(hidden @ a["proj.weight"].T + a["proj.bias"])
        runs = -(-n // self.chunk)
        steps = min(n, self.chunk)
        x = np.zeros((runs * steps, projected.shape[1]), dtype=np.float32)
        x[:n] = projected
        x = x.reshape(runs, steps, -1)
        lengths = [steps] * (runs - 1) + [n - (runs - 1) * steps]
        backward_x = np.zeros_like(x)
        for i, length in enumerate(lengths):  # each run read from its own last token
            backward_x[i, :length] = x[i, :length][::-1]
        states = self._gru(np.stack([x, backward_x]))  # [2, runs, steps, hidden]
        backward = np.zeros_like(states[1])
        for i, length in enumerate(lengths):
            backward[i, :length] = states[1, i, :length][::-1]
        features = np.concatenate([x, states[0], backward], axis=2).reshape(runs * steps, -1)[:n]
        return softmax(features @ a["out.weight"].T + a["out.bias"])

    def _gru(self, x: np.ndarray) -> np.ndarray:
        """torch.nn.GRU's recurrence (gates r, z, n in that order) over x [2 directions, runs,
        steps, width], the forward weights for x[0] and the reverse ones for x[1]."""
        a = self.arrays
        names = ("", "_reverse")
        w_ih = np.stack([a[f"gru.weight_ih_l0{d}"].T for d in names])  # [2, width, 3 hidden]
        w_hh = np.stack([a[f"gru.weight_hh_l0{d}"].T for d in names])  # [2, hidden, 3 hidden]
        b_ih = np.stack([a[f"gru.bias_ih_l0{d}"] for d in names])[:, None, None, :]
        b_hh = np.stack([a[f"gru.bias_hh_l0{d}"] for d in names])[:, None, :]
        size = w_hh.shape[1]
        inputs = np.matmul(x, w_ih[:, None]) + b_ih  # [2, runs, steps, 3 hidden]
        states = np.empty(x.shape[:3] + (size,), dtype=np.float32)
        h = np.zeros((2, x.shape[1], size), dtype=np.float32)
        for t in range(x.shape[2]):
            recurrent = np.matmul(h, w_hh) + b_hh  # [2, runs, 3 hidden]
            step = inputs[:, :, t]
            r = _sigmoid(step[..., :size] + recurrent[..., :size])
            z = _sigmoid(step[..., size : 2 * size] + recurrent[..., size : 2 * size])
            candidate = np.tanh(step[..., 2 * size :] + r * recurrent[..., 2 * size :])
            h = (1.0 - z) * candidate + z * h
            states[:, :, t] = h
        return states


class MeanTagger:
    """The mean of several taggers' probabilities. One training run's tagger moves by a point or
    two with its seed; the mean of a few is steadier and better than any of them."""

    def __init__(self, members: list[TokenTagger | SequenceTagger]):
        self.members = members

    @property
    def tags(self) -> int:
        return self.members[0].tags

    def probabilities(self, hidden: np.ndarray) -> np.ndarray:
        return np.mean([m.probabilities(hidden) for m in self.members], axis=0, dtype=np.float32)


Tagger = TokenTagger | SequenceTagger | MeanTagger


def load_tagger(directory: Path, settings: dict, file: str) -> Tagger:
    """The tagger a config describes (`kind`: "bigru" or the MLP's `layers` and `context`), read
    from `file`, or from each file of `members` where there are several."""
    def one(path: Path) -> TokenTagger | SequenceTagger:
        if settings.get("kind") == "bigru":
            return SequenceTagger.load(path, settings["chunk"])
        return TokenTagger.load(path, settings["layers"], settings["context"])

    members = settings.get("members") or [file]
    return one(directory / members[0]) if len(members) == 1 else MeanTagger([one(directory / m) for m in members])


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


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
