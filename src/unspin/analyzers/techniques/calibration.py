"""What a technique span's score means: the probability that it is right.

The span decoder's raw score (the span head's probability of its technique, blended with the
span's own words) ranks spans, but a raw 0.4 is right about half the time for one technique and
a fifth for another. `training/calibrate.py` fits, on the held-out validation articles, a
logistic map from the raw score's logit to P(right) (right: it overlaps an annotator's span of
the same technique), with an intercept per technique where that technique has enough spans
(Platt scaling). The analyzer reports the mapped probability as the span's score, and reports
show a span by default from 0.5: more likely right than wrong.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

SHOWN_FROM = 0.5  # a span more likely right than wrong is shown by default


def logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


@dataclass(frozen=True)
class ScoreCalibration:
    slope: float
    intercept: float
    by_technique: dict[str, float] = field(default_factory=dict)  # each technique's own intercept

    @classmethod
    def from_config(cls, config: dict | None) -> "ScoreCalibration | None":
        if not config or "slope" not in config:
            return None
        return cls(float(config["slope"]), float(config["intercept"]), dict(config.get("by_technique", {})))

    def __call__(self, score: float, technique: str) -> float:
        z = self.slope * logit(score) + self.by_technique.get(technique, self.intercept)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
