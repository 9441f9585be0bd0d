"""Analyses as Label Studio tasks, with unspin's findings as a prediction (pre-annotations).

A task is `{"data": {"text", "id", ...}, "predictions": [{"model_version", "score", "result"}]}`;
each finding is a region result `{"id", "from_name", "to_name", "type": "labels", "value":
{"start", "end", "text", "labels"}}` with UTF-16 offsets (`offsets.py`), and an attribution's
source and cue are tied to each part of its content by relation results.
"""

from __future__ import annotations

from typing import Any

from ..analysis import Analysis
from ..analyzers.claims.findings import min_claim_score
from ..analyzers.techniques.findings import min_technique_score
from ..analyzers.techniques.labels import DISPLAY_NAMES
from ..document import Span
from .config import ATTRIBUTES, CLAIM, CLAIMS, ROLE_NAMES, ROLES, TECHNIQUES, TEXT
from .offsets import OffsetMap


def model_version(engine: dict) -> str:
    """The engine's version and models (`Analysis.engine`, `Pipeline.engine()`), as Label Studio
    shows a prediction's origin."""
    models = ", ".join(f"{k}={v}" for k, v in (engine.get("models") or {}).items() if v)
    return f"unspin {engine.get('version', '')} {engine.get('model') or ''} ({models})".replace("  ", " ")


def prediction(analysis: Analysis, min_score: float | None = None) -> dict[str, Any]:
    """unspin's findings as one prediction: techniques from `min_score` (default: those the
    report shows), every attribution, the claims the report shows."""
    offsets = OffsetMap(analysis.text)
    results: list[dict] = []

    def region(ident: str, name: str, span: Span | Any, label: str, score: float | None = None) -> dict:
        result = {"id": ident, "from_name": name, "to_name": TEXT, "type": "labels", "origin": "prediction",
                  "value": {"start": offsets.to_utf16(span.start), "end": offsets.to_utf16(span.end),
                            "text": span.text, "labels": [label]}}
        if score is not None:
            result["score"] = score
        results.append(result)
        return result

    floor = min_technique_score(analysis) if min_score is None else min_score
    shown = [t for t in analysis.techniques if t.score >= floor]
    for i, t in enumerate(shown):
        region(f"t{i}", TECHNIQUES, t, DISPLAY_NAMES.get(t.technique, t.technique), t.score)
    for i, a in enumerate(analysis.attributions):
        contents = [region(f"a{i}c{k}", ROLES, part, ROLE_NAMES["content"]) for k, part in enumerate(a.content)]
        for role, span in (("source", a.source), ("cue", a.cue)):
            if span is None:
                continue
            ident = region(f"a{i}{role[0]}", ROLES, span, ROLE_NAMES[role])["id"]
            for content in contents:
                results.append({"from_id": ident, "to_id": content["id"], "type": "relation", "direction": "right",
                                "labels": [ATTRIBUTES]})
    claim_floor = min_claim_score(analysis)
    for i, c in enumerate(c for c in analysis.claims if c.score >= claim_floor):
        region(f"c{i}", CLAIMS, c, CLAIM, c.score)
    scores = [t.score for t in shown]
    return {"model_version": model_version(analysis.engine), "score": round(sum(scores) / len(scores), 4) if scores else 0.0,
            "result": results}


def task(analysis: Analysis, min_score: float | None = None) -> dict[str, Any]:
    """One task: the text exactly as analysed (offsets index it), its id and source, and the prediction."""
    doc = analysis.document
    data = {TEXT: analysis.text, "id": analysis.id, "format": doc.source.format, "path": doc.source.path,
            "url": doc.source.url}
    return {"data": {k: v for k, v in data.items() if v is not None},
            "predictions": [prediction(analysis, min_score)]}
