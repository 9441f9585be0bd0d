"""The check-worthiness head and its threshold, for training.

A sentence's vector is the mean of the shared encoder's token states over the sentence; a small
MLP scores it. The same mean and MLP run in numpy in the claims analyzer.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import torch
from torch import nn


class ClaimsHead(nn.Module):
    def __init__(self, width: int, hidden: int):
        super().__init__()
        self.layers = nn.Sequential(nn.Dropout(0.1), nn.Linear(width, hidden), nn.GELU(), nn.Dropout(0.1), nn.Linear(hidden, 1))

    def forward(self, pooled: torch.Tensor) -> torch.Tensor:
        return self.layers(pooled).squeeze(-1)

    def save(self, directory: Path, config: dict) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        first, last = self.layers[1], self.layers[4]
        np.savez(directory / "claims_head.npz", w1=first.weight.detach().numpy(), b1=first.bias.detach().numpy(),
                 w2=last.weight.detach().numpy(), b2=last.bias.detach().numpy())
        (directory / "config.json").write_text(json.dumps(config, indent=2) + "\n")


def f1_at(gold: list[bool], scores: np.ndarray, threshold: float) -> float:
    predicted = np.asarray(scores) >= threshold
    truth = np.asarray(gold, dtype=bool)
    tp = int((predicted & truth).sum())
    if tp == 0:
        return 0.0
    precision, recall = tp / predicted.sum(), tp / truth.sum()
    return float(2 * precision * recall / (precision + recall))


def best_threshold(gold: list[bool], scores: np.ndarray) -> float:
    """The threshold (on a 0.01 grid) with the best F1 of Yes; ties go to the middle of the plateau."""
    grid = np.round(np.arange(0.05, 0.96, 0.01), 2)
    f1s = np.array([f1_at(gold, scores, t) for t in grid])
    best = np.flatnonzero(f1s == f1s.max())
    return float(grid[best[len(best) // 2]])
