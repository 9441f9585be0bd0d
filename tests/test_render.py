"""Renderers: JSON against the shipped schema, JSONL, the HTML report's escaping, the terminal."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from conftest import FIXTURES, assert_json_offsets

import unspin
from unspin.readers import from_text
from unspin.render.html import safe_href, to_html
from unspin.render.json import schema, to_json, to_jsonl_line

HOSTILE = """<script>document.body.dataset.pwned = "1"</script> Breaking: "><img src=x onerror="document.body.dataset.pwned=2">

By [Eve <b>Hacker</b>](javascript:alert(1)) and [Mallory](https://example.org/m?a=1&b=<2>)

Hostile Times, May 1, 2024

Tags: [</textarea><script>alert(3)</script>](#), ' onmouseover='alert(4)

The city council voted on Tuesday to approve the plan, officials said </title></style></textarea><svg onload=alert(5)>.

Critics called the plan "a <iframe src=//evil.example></iframe> disaster" and vowed to fight it in court.

A third paragraph mentions {{ template }} and {% raw %} syntax, plus ${js} and `backticks`.

Copyright © 2024 Hostile Times
"""


@pytest.fixture(scope="module")
def hostile(structure_pipeline):
    return structure_pipeline(from_text(HOSTILE, id="hostile\"><script>", format="markdown"))


@pytest.fixture(scope="module")
def fixture_json(structure_pipeline):
    """Each structure fixture's analysis as the JSON unspin writes, read back."""
    return [json.loads(to_json(unspin.analyze_file(path, pipeline=structure_pipeline)))
            for path in sorted((FIXTURES / "structure").iterdir())]


def test_json_validates_against_shipped_schema(fixture_json):
    for data in fixture_json:
        jsonschema.validate(data, schema())
        assert data["schema"] == "unspin/analysis@1"
        assert data["attributions"] == [] and data["claims"] == []
        assert_json_offsets(data)


def test_every_segment_type_the_fixtures_show_is_named_in_the_schemas_description(fixture_json):
    """A consumer reads what each `type` means from the schema: a new one must be listed there."""
    described = schema()["properties"]["segments"]["items"]["properties"]["type"]["description"]
    named = set(re.findall(r"[a-z]+", described))
    seen = {segment["type"] for data in fixture_json for segment in data["segments"] if "type" in segment}
    assert {"code", "page", "navigation", "share"} <= seen  # (the fixtures show each family)
    assert seen <= named, sorted(seen - named)


def test_schema_rejects_a_broken_analysis(structure_pipeline):
    data = unspin.analyze_file(FIXTURES / "structure" / "wire-reuters.txt", pipeline=structure_pipeline).to_dict()
    data["segments"][0]["kind"] = "advert"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema())


def test_jsonl_is_one_line_per_document(structure_pipeline):
    line = to_jsonl_line(unspin.analyze_file(FIXTURES / "structure" / "crlf-windows.txt", pipeline=structure_pipeline))
    assert "\n" not in line
    assert "\r\n" in json.loads(line)["text"]


def test_html_escapes_every_piece_of_article_text(hostile):
    page = to_html(hostile)
    # Only the report's own script, carrying its nonce, may appear.
    scripts = re.findall(r"<script[^>]*>", page)
    assert len(scripts) == 1 and "nonce=" in scripts[0]
    for dangerous in ("<img src=x", "<svg onload", "<iframe", "</textarea><script>", "<b>Hacker</b>"):
        assert dangerous not in page
    assert "&lt;script&gt;document.body.dataset.pwned" in page
    assert 'href="javascript:' not in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    tags = re.findall(r"<[a-zA-Z][^>]*>", page)
    external = [t for t in tags if re.search(r"""\s(src|href)=["']?(https?:)?//""", t)]
    # The one clickable link is the article's own https link; nothing loads from elsewhere.
    assert external and all(t.startswith('<a class="') and "https://example.org/m" in t for t in external)
    assert not [t for t in tags if re.search(r"\son\w+=", t)]


def test_only_web_links_are_clickable():
    assert safe_href("https://a.b/c") == "https://a.b/c"
    assert safe_href(" JavaScript:alert(1)") is None
    assert safe_href("data:text/html,<script>") is None
    assert safe_href("#") is None


def test_html_report_shows_layers_and_metadata(structure_pipeline):
    from unspin.cli import example_path

    page = to_html(unspin.analyze_file(example_path(), pipeline=structure_pipeline))
    assert "How the Millbrook Bypass Was Sold" in page
    assert "Dana Whitfield, Omar Reyes" in page and "2025-10-14" in page
    assert 'class="seg-quote_block"' in page and "seg-boilerplate" in page
    for layer in ("structure", "techniques", "attributions"):
        assert f'id="show-{layer}"' in page
    assert 'id="show-claims"' not in page, "no claims chip without claims"


def test_terminal_view_prints_metadata_and_text(structure_pipeline):
    from io import StringIO

    from rich.console import Console

    from unspin.render.terminal import render

    buffer = StringIO()
    render(unspin.analyze_file(FIXTURES / "structure" / "wire-reuters.txt", pipeline=structure_pipeline),
           Console(file=buffer, width=100))
    out = buffer.getvalue()
    assert "Maria Lenz, Tom Ashby" in out and "Reuters" in out and "stopgap funding bill" in out


def test_less_certain_techniques_are_hidden_by_default_with_a_toggle():
    from unspin.analysis import Analysis
    from unspin.document import Document, Layer

    doc = Document(text="Title\n\nThey are traitors and the plan is a disaster.")
    doc.set_layer(Layer.SEGMENTS, [doc.span(0, 5, "title"), doc.span(7, len(doc.text), "body")])
    doc.set_layer(Layer.TECHNIQUES, [doc.span(16, 24, "Name_Calling,Labeling", 0.9),
                                     doc.span(43, 51, "Loaded_Language", 0.2)])
    engine = {"version": "x", "analyzers": ["techniques"], "models": {"techniques": "m"},
              "shown_by_default": {"techniques": {"min_score": 0.5, "precision": 0.61, "spans": 31,
                                                         "meets_two_to_one": False}}}
    page = to_html(Analysis(doc, {"words": 9}, engine))
    assert '<input type="checkbox" class="toggle" id="show-low">' in page  # unchecked: hidden by default
    assert "Show less certain findings" in page and "the 31 spans that would be shown by default" in page
    assert "right 61% of the time" in page and "short of the two-to-one" in page
    assert 't low t0" data-score="0.2000" title="Body\nLoaded language (0.20, less certain)' in page
    assert '<tr data-score="0.2000" class="low"><td>disaster</td>' in page
    plain = to_html(Analysis(doc, {"words": 9}, {**engine, "shown_by_default": {}}))
    assert 'id="show-low"' not in plain and "low" not in plain.split("<article>")[1].split("</article>")[0]
