"""The logistic regressions that structure reads copied pages with (which lines are furniture,
which line is the headline): standardised features, weights and a threshold, from a JSON file
that `training/` writes."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np


class Logistic:
    """P(yes) = sigmoid(((x - mean) / scale) @ weights + bias); `threshold` decides. A threshold
    above 1 turns the model off."""

    file: Path  # where the shipped model of a subclass lies

    def __init__(self, config: dict):
        self.mean = np.asarray(config["mean"], dtype=np.float32)
        self.scale = np.asarray(config["scale"], dtype=np.float32)
        self.weights = np.asarray(config["weights"], dtype=np.float32)
        self.bias = float(config["bias"])
        self.threshold = float(config["threshold"])

    @classmethod
    def shipped(cls):
        """The model the package ships, read once (None where its file is missing)."""
        if "_shipped" not in cls.__dict__:
            cls._shipped = cls(json.loads(cls.file.read_text())) if cls.file.exists() else None
        return cls._shipped

    @classmethod
    def off(cls):
        """A model that says no to everything."""
        return cls({"mean": [0.0], "scale": [1.0], "weights": [0.0], "bias": -30.0, "threshold": 2.0})

    @property
    def is_off(self) -> bool:
        return self.threshold > 1

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        if self.is_off or not len(rows):
            return np.zeros(len(rows), dtype=np.float32)
        z = ((rows - self.mean) / self.scale) @ self.weights + self.bias
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
