"""The SemEval-2020 Task 11 metrics, implemented from their published definitions.

* SI (span identification): techniques ignored, overlapping spans merged on each side;
  P = sum_s sum_t |s∩t|/|s| / |S|, R = sum_s sum_t |s∩t|/|t| / |T|.
* Full task: the same, but a predicted and a gold span only count together when their
  techniques are equal (overlaps merged within each technique).
* TC (technique classification on given spans): micro P/R/F1 over (span, technique) pairs,
  duplicates matched as multisets.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .formats import Annotation


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, precision: float, recall: float) -> "PRF":
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(precision, recall, f1)


@dataclass
class Scores:
    si: PRF | None = None
    full: PRF | None = None
    tc: PRF | None = None
    per_technique: dict[str, PRF] = field(default_factory=dict)
    per_technique_support: dict[str, int] = field(default_factory=dict)


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of half-open intervals; spans that overlap (share a character) become one."""
    merged: list[list[int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def _overlap_sums(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> tuple[float, float]:
    """(sum_s sum_t |s∩t|/|s|, sum_s sum_t |s∩t|/|t|) for two sorted disjoint span lists."""
    p_sum = r_sum = 0.0
    j0 = 0
    for s_start, s_end in pred:
        while j0 < len(gold) and gold[j0][1] <= s_start:
            j0 += 1
        j = j0
        while j < len(gold) and gold[j][0] < s_end:
            inter = min(s_end, gold[j][1]) - max(s_start, gold[j][0])
            if inter > 0:
                p_sum += inter / (s_end - s_start)
                r_sum += inter / (gold[j][1] - gold[j][0])
            j += 1
    return p_sum, r_sum


def _span_score(pred_groups: dict, gold_groups: dict) -> PRF:
    n_pred = n_gold = 0
    p_sum = r_sum = 0.0
    for key in set(pred_groups) | set(gold_groups):
        pred = merge_spans(pred_groups.get(key, []))
        gold = merge_spans(gold_groups.get(key, []))
        n_pred += len(pred)
        n_gold += len(gold)
        p, r = _overlap_sums(pred, gold)
        p_sum += p
        r_sum += r
    precision = p_sum / n_pred if n_pred else 0.0
    recall = r_sum / n_gold if n_gold else 0.0
    return PRF.of(precision, recall)


def _group(rows: list[Annotation], by_technique: bool) -> dict:
    groups: dict = defaultdict(list)
    for row in rows:
        key = (row.article_id, row.technique) if by_technique else row.article_id
        groups[key].append((row.start, row.end))
    return groups


def span_identification(gold: list[Annotation], pred: list[Annotation]) -> PRF:
    return _span_score(_group(pred, False), _group(gold, False))


def full_task(gold: list[Annotation], pred: list[Annotation]) -> tuple[PRF, dict[str, PRF]]:
    """Full-task P/R/F1 and the same measure restricted to each technique."""
    overall = _span_score(_group(pred, True), _group(gold, True))
    per_technique = {}
    for technique in sorted({r.technique for r in gold} | {r.technique for r in pred}):
        per_technique[technique] = _span_score(
            _group([r for r in pred if r.technique == technique], True),
            _group([r for r in gold if r.technique == technique], True),
        )
    return overall, per_technique


def technique_classification(gold: list[Annotation], pred: list[Annotation]) -> tuple[PRF, dict[str, PRF]]:
    """Micro P/R/F1 over (article, start, end, technique), matched as multisets."""
    gold_bag = Counter((r.article_id, r.start, r.end, r.technique) for r in gold)
    pred_bag = Counter((r.article_id, r.start, r.end, r.technique) for r in pred)
    correct = sum((gold_bag & pred_bag).values())
    n_pred, n_gold = sum(pred_bag.values()), sum(gold_bag.values())
    overall = PRF.of(correct / n_pred if n_pred else 0.0, correct / n_gold if n_gold else 0.0)
    per_technique = {}
    for technique in sorted({r.technique for r in gold} | {r.technique for r in pred}):
        g = Counter({k: v for k, v in gold_bag.items() if k[3] == technique})
        p = Counter({k: v for k, v in pred_bag.items() if k[3] == technique})
        hit = sum((g & p).values())
        n_p, n_g = sum(p.values()), sum(g.values())
        per_technique[technique] = PRF.of(hit / n_p if n_p else 0.0, hit / n_g if n_g else 0.0)
    return overall, per_technique


def looks_like_tc_prediction(gold: list[Annotation], pred: list[Annotation]) -> bool:
    """A TC prediction labels exactly the gold spans; anything else is a span prediction."""
    return Counter((r.article_id, r.start, r.end) for r in gold) == Counter(
        (r.article_id, r.start, r.end) for r in pred
    )
