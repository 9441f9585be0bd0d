"""JSON (one object) and JSONL (one object per line) per the `unspin/analysis@1` contract."""

from __future__ import annotations

import json
from importlib import resources

from ..analysis import Analysis


def to_json(analysis: Analysis, indent: int | None = 2) -> str:
    return json.dumps(analysis.to_dict(), ensure_ascii=False, indent=indent)


def to_jsonl_line(analysis: Analysis) -> str:
    return json.dumps(analysis.to_dict(), ensure_ascii=False, separators=(",", ":"))


def schema() -> dict:
    """The JSON Schema of the analysis contract, as shipped in the package."""
    return json.loads(resources.files("unspin").joinpath("schema/analysis-1.schema.json").read_text(encoding="utf-8"))
