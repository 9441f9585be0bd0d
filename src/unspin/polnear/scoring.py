"""Attribution metrics: per role (source, cue, content), exact and overlap matching, and
end-to-end attribution F1.

* A role span set is the union of that role's fragments in one attribution.
* Exact: a predicted role matches a gold role when their fragment sets are identical.
* Overlap: when they share at least one character.
* End to end: a predicted attribution matches a gold one when its content covers at least half
  of the gold content's characters and its source overlaps the gold source (or both have none).
Matching is one-to-one, greedy by overlap size, within each document.
"""

from __future__ import annotations

from dataclasses import dataclass

from .formats import ROLES, GoldAttribution


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float
    predicted: int
    gold: int


def _prf(hits_p: int, hits_g: int, n_pred: int, n_gold: int) -> PRF:
    p = hits_p / n_pred if n_pred else 0.0
    r = hits_g / n_gold if n_gold else 0.0
    return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0, n_pred, n_gold)


def _chars(spans: list[tuple[int, int]]) -> set[int]:
    return {i for a, b in spans for i in range(a, b)}


def _match(pred: list[set[int]], gold: list[set[int]], ok) -> int:
    """Greedy one-to-one matching by overlap size; returns the number of matched pairs."""
    pairs = sorted(((len(p & g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold) if ok(p, g)), reverse=True)
    used_p, used_g = set(), set()
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p)


def score(gold: dict[str, list[GoldAttribution]], pred: dict[str, list[GoldAttribution]]) -> dict:
    results: dict = {}
    for role in ROLES:
        for mode in ("exact", "overlap"):
            hits = n_pred = n_gold = 0
            for doc in gold.keys() | pred.keys():
                p = [_chars(a.role(role)) for a in pred.get(doc, []) if a.role(role)]
                g = [_chars(a.role(role)) for a in gold.get(doc, []) if a.role(role)]
                # Roles shared by several attributions (one cue, two contents) count once.
                p = [s for k, s in enumerate(p) if s not in p[:k]]
                g = [s for k, s in enumerate(g) if s not in g[:k]]
                ok = (lambda a, b: a == b) if mode == "exact" else (lambda a, b: bool(a & b))
                hits += _match(p, g, ok)
                n_pred += len(p)
                n_gold += len(g)
            results[f"{role}_{mode}"] = _prf(hits, hits, n_pred, n_gold)
    hits = n_pred = n_gold = 0
    for doc in gold.keys() | pred.keys():
        p = [(_chars(a.content), _chars(a.source)) for a in pred.get(doc, [])]
        g = [(_chars(a.content), _chars(a.source)) for a in gold.get(doc, [])]

        def ok(x, y):
            (pc, ps), (gc, gs) = x, y
            content_ok = bool(gc) and len(pc & gc) >= 0.5 * len(gc)
            source_ok = (not ps and not gs) or bool(ps & gs)
            return content_ok and source_ok

        pairs = sorted(((len(x[0] & y[0]), i, j) for i, x in enumerate(p) for j, y in enumerate(g) if ok(x, y)), reverse=True)
        used_p, used_g = set(), set()
        for _, i, j in pairs:
            if i not in used_p and j not in used_g:
                used_p.add(i)
                used_g.add(j)
        hits += len(used_p)
        n_pred += len(p)
        n_gold += len(g)
    results["attribution_end_to_end"] = _prf(hits, hits, n_pred, n_gold)
    return results
