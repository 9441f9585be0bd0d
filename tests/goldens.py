"""Comparing an analysis with its golden file where the model's numerics allow it to differ.

The int8 encoder does not compute the same numbers on every x86 CPU. Its integer products are
the same everywhere (7-bit weights), but ONNX Runtime's float kernels (attention, softmax, layer
norm) sum in another order with AVX2 than with AVX-512, and the dynamic quantization between
layers turns those last-bit differences into other roundings: scores drift, and where a tagger
was near a tie a span's edge moves ("Inconvenient Report" against "Inconvenient Report Nobody
Wants to Read"). So each family of CPU has its golden files where its answers differ beyond the
tolerance below (`golden/avx2/`, written by `scripts/golden.py --family avx2` under QEMU's
Haswell model), and:

- everything the rules decide (text, source, metadata, segments, links, sentence counts, the
  engine block) must be identical;
- a finding of the models with the same offsets on both sides must have a score within
  `SCORE_TOLERANCE`;
- a finding whose edges moved, or that one side has and the other lacks, counts as a
  difference; at most `MAY_DIFFER` of a layer's findings (and at least one) may differ, and a
  moved technique span must still carry the same technique and overlap its golden span.

Real regressions still fail: a lost layer, shifted scores, relabelled spans, a rule change.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

SCORE_TOLERANCE = 0.03
MAY_DIFFER = 0.15

MODEL_LAYERS = ("techniques", "attributions", "claims")
MODEL_SUMMARY = ("techniques", "sourcing", "claims")


def kernel_family() -> str:
    """"avx512" or "avx2": which float kernels ONNX Runtime and OpenBLAS pick on this CPU. Read
    through CPUID (numpy's record of it), as they read it, so that an emulated CPU counts as what
    it emulates (/proc/cpuinfo describes the host)."""
    try:
        from numpy._core._multiarray_umath import __cpu_features__
    except ImportError:
        try:  # numpy 1
            from numpy.core._multiarray_umath import __cpu_features__
        except ImportError:  # no record of it: the kernel's
            flags = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
            __cpu_features__ = {"AVX512F": " avx512f" in flags}
    return "avx512" if __cpu_features__.get("AVX512F") else "avx2"


def golden_for_this_cpu(golden: Path) -> Path:
    """The golden file of this CPU's family where it has one of its own, else the common one."""
    own = golden.parent / kernel_family() / golden.name
    return own if own.exists() else golden


def _rules_part(data: dict) -> dict:
    out = {k: v for k, v in data.items() if k not in MODEL_LAYERS and k != "summary"}
    out["summary"] = {k: v for k, v in data.get("summary", {}).items() if k not in MODEL_SUMMARY}
    out["summary_keys"] = sorted(data.get("summary", {}))
    return out


def _allowed(n: int) -> int:
    return max(1, int(MAY_DIFFER * n))


def _scored_differences(layer: str, golden: list[dict], actual: list[dict], key) -> list[str]:
    """Problems between two lists of scored spans, paired by `key` (offsets and label)."""
    problems = []
    actual_by_key: dict = {}
    for item in actual:
        actual_by_key.setdefault(key(item), []).append(item)
    unpaired_golden = []
    for item in golden:
        candidates = actual_by_key.get(key(item))
        if not candidates:
            unpaired_golden.append(item)
            continue
        other = candidates.pop(0)
        if abs(other["score"] - item["score"]) > SCORE_TOLERANCE:
            problems.append(f"{layer}: {item['text']!r} scored {other['score']} against {item['score']}")
        rest = {k: v for k, v in item.items() if k != "score"}
        if rest != {k: v for k, v in other.items() if k != "score"}:
            problems.append(f"{layer}: {item['text']!r} differs beyond its score: {other} against {item}")
    unpaired_actual = [item for items in actual_by_key.values() for item in items]
    if layer == "techniques":
        for item in unpaired_golden:
            if not any(o["technique"] == item["technique"] and o["start"] < item["end"] and item["start"] < o["end"]
                       for o in unpaired_actual) and item["score"] > 0.5:
                problems.append(f"techniques: {item['text']!r} ({item['technique']}, {item['score']}) is gone")
    moved = max(len(unpaired_golden), len(unpaired_actual))
    if moved > _allowed(len(golden)):
        problems.append(f"{layer}: {moved} of {len(golden)} findings differ (at most {_allowed(len(golden))} may): "
                        f"golden only {[i['text'] for i in unpaired_golden]}, new {[i['text'] for i in unpaired_actual]}")
    return problems


def _attribution_key(a: dict) -> str:
    return json.dumps(a, sort_keys=True)


def differences(golden: dict, actual: dict) -> list[str]:
    """What keeps `actual` from matching `golden` within the numerics' tolerance (empty: a match)."""
    problems = []
    if _rules_part(golden) != _rules_part(actual):
        g, a = _rules_part(golden), _rules_part(actual)
        keys = [k for k in sorted(set(g) | set(a)) if g.get(k) != a.get(k)]
        problems.append(f"rule-made parts differ: {keys}")
    problems += _scored_differences("techniques", golden["techniques"], actual["techniques"],
                                    lambda t: (t["start"], t["end"], t["technique"]))
    problems += _scored_differences("claims", golden["claims"], actual["claims"], lambda c: (c["start"], c["end"]))
    g, a = Counter(map(_attribution_key, golden["attributions"])), Counter(map(_attribution_key, actual["attributions"]))
    moved = max(sum((g - a).values()), sum((a - g).values()))
    if moved > _allowed(len(golden["attributions"])):
        problems.append(f"attributions: {moved} of {len(golden['attributions'])} differ")
    return problems
