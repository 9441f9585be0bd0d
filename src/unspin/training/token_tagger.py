"""The torch side of `analyzers/encoder/tagger.py`, for taggers trained over the shipped encoder's
frozen states (attribution roles, the technique span finder): the MLP and the neighbour rows it
trains on, the bidirectional GRU and the padded runs it trains on, and loading a shipped one of
either to continue from."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Callable, Iterator

import numpy as np
import torch
from torch import nn


class SavedHead(nn.Module):
    """A torch tagger whose `arrays()` are what its numpy twin loads from an `.npz`."""

    def arrays(self) -> dict[str, np.ndarray]:
        raise NotImplementedError

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez(path, **self.arrays())


class TaggerHead(SavedHead):
    """Linear, GELU, dropout, linear: the torch twin of a two-layer `TokenTagger`."""

    def __init__(self, width: int, hidden: int, tags: int):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(width, hidden), nn.GELU(), nn.Dropout(0.2), nn.Linear(hidden, tags))

    def forward(self, x):
        return self.layers(x)

    def arrays(self) -> dict[str, np.ndarray]:
        """A copy of the weights as `TokenTagger.load` reads them (`.numpy()` alone would share memory
        with the parameters, which later training steps change)."""
        first, last = self.layers[0], self.layers[3]
        return {name: tensor.detach().cpu().numpy().copy() for name, tensor in
                (("w0", first.weight), ("b0", first.bias), ("w1", last.weight), ("b1", last.bias))}

    @classmethod
    def load(cls, path: Path) -> "TaggerHead":
        """A tagger written by `save` (or shipped), to continue training from."""
        with np.load(path) as arrays:
            (hidden, width), tags = arrays["w0"].shape, arrays["w1"].shape[0]
            head = cls(width, hidden, tags)
            for layer, i in ((head.layers[0], 0), (head.layers[3], 1)):
                layer.weight.data = torch.from_numpy(arrays[f"w{i}"].astype(np.float32))
                layer.bias.data = torch.from_numpy(arrays[f"b{i}"].astype(np.float32))
        return head


class TokenRows:
    """The tokens of many documents, each with `context` neighbours on each side, gathered batch
    by batch: the [tokens, (2 context + 1) x width] array of a whole corpus would not fit in memory
    (PolNeAR train on MPNet's 768 dimensions: 13 GB). Zero rows between documents, as
    `with_neighbours` pads one document."""

    def __init__(self, states: list[np.ndarray], context: int):
        width = states[0].shape[1]
        pad = np.zeros((context, width), dtype=np.float16)
        pieces, index, offset = [pad], [], context
        for hidden in states:
            pieces += [hidden.astype(np.float16), pad]
            index.append(np.arange(offset, offset + len(hidden)))
            offset += len(hidden) + context
        self.states = torch.from_numpy(np.concatenate(pieces))
        self.index = torch.from_numpy(np.concatenate(index))
        self.shifts = torch.arange(-context, context + 1)

    def __len__(self) -> int:
        return len(self.index)

    @property
    def width(self) -> int:
        """Columns of a gathered row."""
        return self.states.shape[1] * len(self.shifts)

    def rows(self, positions: torch.Tensor) -> torch.Tensor:
        gathered = self.states[self.index[positions][:, None] + self.shifts]
        return gathered.reshape(len(positions), -1).float()


class SequenceHead(SavedHead):
    """The torch twin of `SequenceTagger`: linear + GELU, a bidirectional GRU, linear to tags."""

    def __init__(self, width: int, projection: int, hidden: int, tags: int):
        super().__init__()
        self.proj = nn.Linear(width, projection)
        self.dropout = nn.Dropout(0.2)
        self.gru = nn.GRU(projection, hidden, batch_first=True, bidirectional=True)
        self.out = nn.Linear(projection + 2 * hidden, tags)

    def forward(self, x):
        """Logits [batch, tokens, tags] for states [batch, tokens, width]."""
        projected = self.dropout(nn.functional.gelu(self.proj(x)))
        states, _ = self.gru(projected)
        return self.out(torch.cat([projected, states], -1))

    def arrays(self) -> dict[str, np.ndarray]:
        """A copy of the weights, named as `SequenceTagger` reads them."""
        return {name: tensor.detach().cpu().numpy().copy() for name, tensor in self.state_dict().items()}

    @classmethod
    def load(cls, path: Path) -> "SequenceHead":
        """A tagger written by `save` (or shipped), to continue training from."""
        with np.load(path) as arrays:
            weights = {name: torch.from_numpy(arrays[name].astype(np.float32)) for name in arrays.files}
        projection, width = weights["proj.weight"].shape
        head = cls(width, projection, weights["gru.weight_hh_l0"].shape[1], weights["out.weight"].shape[0])
        head.load_state_dict(weights)
        return head


def member_files(name: str, members: int) -> list[str]:
    """The files of a tagger's members: `name.npz`, then `name-2.npz`, `name-3.npz`, ..."""
    return [f"{name}.npz"] + [f"{name}-{i}.npz" for i in range(2, members + 1)]


def runs(hidden: np.ndarray, tags: np.ndarray, size: int, soft: np.ndarray | None = None) -> list[tuple]:
    """(states, tags, soft targets) of each run of `size` tokens of one document, as a sequence
    tagger reads them; soft targets are NaN where there are none."""
    if soft is None:
        soft = np.full((len(tags), 1), np.nan, dtype=np.float32)
    return [(hidden[a : a + size], tags[a : a + size], soft[a : a + size]) for a in range(0, len(tags), size)]


def padded(pieces: list[tuple]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Runs padded to the longest: tag -1 and soft target NaN where there is no token."""
    longest, width, columns = max(len(t) for _, t, _ in pieces), pieces[0][0].shape[1], pieces[0][2].shape[1]
    states = torch.zeros(len(pieces), longest, width)
    tags = torch.full((len(pieces), longest), -1, dtype=torch.long)
    soft = torch.full((len(pieces), longest, columns), float("nan"))
    for i, (h, t, s) in enumerate(pieces):
        states[i, : len(t)] = torch.from_numpy(h.astype(np.float32))
        tags[i, : len(t)] = torch.from_numpy(t)
        soft[i, : len(t)] = torch.from_numpy(s)
    return states, tags, soft


# loss(logits [n, tags], tags [n] with -1 where there is no token, soft targets [n, columns] or None)
Loss = Callable[[torch.Tensor, torch.Tensor, "torch.Tensor | None"], torch.Tensor]


def fit_rows(head: TaggerHead, rows: TokenRows, tags: torch.Tensor, soft: torch.Tensor | None, loss: Loss,
             epochs: int, lr: float, batch_tokens: int) -> Iterator[float]:
    """Train an MLP tagger on shuffled neighbour rows with AdamW; after each epoch, with the head
    in eval mode, yield the mean loss of a batch."""
    optimizer = torch.optim.AdamW(head.parameters(), lr=lr, weight_decay=0.01)
    for _ in range(epochs):
        head.train()
        order = torch.randperm(len(rows))
        total, batches = 0.0, 0
        for b in range(0, len(rows), batch_tokens):
            idx = order[b : b + batch_tokens]
            value = loss(head(rows.rows(idx)), tags[idx], None if soft is None else soft[idx])
            total, batches = total + _step(optimizer, value), batches + 1
        head.eval()
        yield total / batches


def fit_runs(head: SequenceHead, pieces: list[tuple], loss: Loss, epochs: int, lr: float,
             batch_runs: int) -> Iterator[float]:
    """Train a GRU tagger on shuffled runs of tokens (`runs`) with AdamW; after each epoch, with
    the head in eval mode, yield the mean loss of a batch."""
    optimizer = torch.optim.AdamW(head.parameters(), lr=lr, weight_decay=0.01)
    for _ in range(epochs):
        head.train()
        random.shuffle(pieces)
        total, batches = 0.0, 0
        for b in range(0, len(pieces), batch_runs):
            states, tags, soft = padded(pieces[b : b + batch_runs])
            logits = head(states)
            value = loss(logits.reshape(-1, logits.shape[-1]), tags.reshape(-1), soft.reshape(-1, soft.shape[-1]))
            total, batches = total + _step(optimizer, value), batches + 1
        head.eval()
        yield total / batches


def _step(optimizer: torch.optim.Optimizer, loss: torch.Tensor) -> float:
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()


def cross_entropy(logits: torch.Tensor, tags: torch.Tensor, soft: torch.Tensor | None = None) -> torch.Tensor:
    """The gold tags' cross-entropy, skipping positions tagged -1 (a `Loss` that reads no soft targets)."""
    return nn.functional.cross_entropy(logits, tags, ignore_index=-1)
