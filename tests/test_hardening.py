"""Regression tests for the reproducers of the hardening issue: each input shape that crashed
or surprised, written anew."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from conftest import assert_offsets
from rich.console import Console

import unspin
from unspin.errors import Failure
from unspin.readers import from_text, read_all
from unspin.render.html import to_html
from unspin.render.json import to_json
from unspin.render.terminal import render


def test_lone_surrogates_become_replacement_characters(structure_pipeline):
    analysis = unspin.analyze("Title\n\nThe mayor said \ud800 it and \udfff that.", pipeline=structure_pipeline)
    assert "\ud800" not in analysis.text and analysis.text.count("\ufffd") == 2
    assert len(analysis.text) == len("Title\n\nThe mayor said \ud800 it and \udfff that.")
    to_json(analysis).encode("utf-8")
    to_html(analysis).encode("utf-8")
    assert_offsets(analysis)


def test_jsonl_with_surrogates_and_invalid_utf8_keeps_going(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(b'{"id": "a", "text": "Title\\n\\nA \\ud800 body."}\n'
                     b'{"id": "b", "text": "Title\\n\\nBad \xff\xfe bytes."}\n'
                     b'{"id": "c", "text": "Title\\n\\nLast body."}\n')
    items = list(read_all([path]))
    assert [type(i).__name__ for i in items] == ["Document", "Failure", "Document"]
    assert items[0].text == "Title\n\nA \ufffd body."
    assert "not valid UTF-8" in items[1].message and items[1].id.endswith(":2")


def test_cli_jsonl_batch_lists_failures_and_exits_2(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(b'{"id": "a", "text": "Title\\n\\nA \\ud800 body."}\n{"id": "b", "text": "x \xff"}\n')
    result = subprocess.run([sys.executable, "-m", "unspin.cli", "analyze", str(path), "--no-techniques",
                             "--no-attribution", "--no-claims"], capture_output=True, timeout=300)
    assert result.returncode == 2
    assert json.loads(result.stdout.decode().splitlines()[0])["id"] == "a"
    assert "1 input(s) could not be analysed" in result.stderr.decode() and "Traceback" not in result.stderr.decode()


def _terminal(analysis) -> str:
    buffer = io.StringIO()
    render(analysis, Console(file=buffer, width=100, force_terminal=True, color_system="truecolor"))
    return buffer.getvalue()


def test_terminal_view_prints_article_text_as_text(structure_pipeline):
    text = "[link=https://evil.example]Click[/link] title [/b]\n\nBody with \x1b]8;;https://evil\x07 and \x1b[2J [/b] end."
    out = _terminal(unspin.analyze(text, pipeline=structure_pipeline))
    assert "[/b]" in out and "[link=https://evil.example]" in out
    assert "\x1b]8;;https://evil" not in out and "\x1b[2J" not in out and "\x07" not in out
    assert "␛" in out
    assert "\x1b]8;" not in out, "no terminal hyperlink escape from a title"


def test_unsafe_link_targets_are_dropped_but_text_kept(structure_pipeline):
    analysis = unspin.analyze("# Title\n\nSee [this](javascript:alert(1)) and [that](https://example.org/x) and "
                              "[more](data:text/html,<script>x</script>).\n", pipeline=structure_pipeline)
    links = {link.text: link.url for link in analysis.links}
    assert links == {"this": None, "that": "https://example.org/x", "more": None}


def test_hostile_html_never_reaches_the_report_unescaped():
    doc = from_text("<html><head><title>T</title></head><body><article><h1>Title</h1>"
                    "<p>Text <img src=x onerror=alert(1)> and &lt;script&gt;alert(2)&lt;/script&gt; "
                    "with enough words to be an article body paragraph here.</p></article></body></html>")
    page = to_html(unspin.Pipeline.from_options(unspin.Options(techniques=False, attribution=False, claims=False))(doc))
    assert "<script>alert(2)" not in page and "onerror=alert" not in page


def test_failure_is_a_value_not_an_exception():
    failure = Failure("x", "read", "x: is empty")
    assert failure.id == "x" and failure.stage == "read"
