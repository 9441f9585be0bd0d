from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SHARED_EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "examples" / "opinion-article-syria-2019.txt"


@pytest.fixture(scope="session")
def structure_pipeline():
    from unspin.pipeline import default_pipeline

    return default_pipeline(techniques=False, attribution=False, claims=False)


def assert_offsets(doc_or_analysis) -> int:
    """Every span of every layer, and every span in the JSON, indexes the text exactly."""
    analysis = doc_or_analysis
    doc = getattr(analysis, "document", analysis)
    checked = 0
    for _, span in doc.all_spans():
        assert doc.text[span.start : span.end] == span.text
        checked += 1
    for key, value in doc.meta.items():
        values = value if isinstance(value, list) else [value]
        for v in values:
            if hasattr(v, "start"):
                assert doc.text[v.start : v.end] == v.text, key
                checked += 1
    if hasattr(analysis, "to_dict"):
        checked += assert_json_offsets(analysis.to_dict())
    return checked


def assert_json_offsets(data: dict) -> int:
    text = data["text"]
    checked = 0

    def visit(node):
        nonlocal checked
        if isinstance(node, dict):
            if {"start", "end", "text"} <= node.keys() and node is not data:
                assert text[node["start"] : node["end"]] == node["text"], node
                checked += 1
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit({k: v for k, v in data.items() if k != "text"})
    return checked
