"""A new input format, a new layer and the flags that switch them: each plugs in through one
declaration, as CONTRIBUTING.md describes, without touching the formats and layers already there."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pytest
from conftest import assert_offsets
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from unspin.analysis import Analysis
from unspin.analyzers.registry import Analyzer
from unspin.document import Document, Layer, Source
from unspin.errors import Failure, InputError
from unspin.findings import (
    Finding,
    Mark,
    register_finding,
    span_from_json,
    unregister_finding,
)
from unspin.layers import registered
from unspin.options import Options, scoped
from unspin.pipeline import Pipeline
from unspin.readers import documents_in, from_bytes, read_all
from unspin.readers.registry import (
    Reader,
    register_reader,
    unregister_reader,
    upload_types,
)

# --- a binary input format -------------------------------------------------------------------

MAGIC = b"TOY\x00"


def read_toy(data: bytes, *, id: str = "document", path: str | None = None, url: str | None = None) -> Document:
    """A made-up binary format: a magic number, then UTF-16 text (so no text reader could read it)."""
    return Document(text=data[len(MAGIC):].decode("utf-16-le"), id=id, source=Source(path, "toy", url))


@pytest.fixture
def toy_format():
    register_reader(Reader("toy", read_toy, suffixes=(".toy",), media_types=("application/x-toy",),
                           sniff=lambda data: data.startswith(MAGIC), binary=True))
    yield
    unregister_reader("toy")


def toy_bytes(text: str) -> bytes:
    return MAGIC + text.encode("utf-16-le")


ARTICLE = "Council closes library\n\nThe council voted on Tuesday to close the library, the mayor said."


def test_a_binary_format_reads_bytes_before_any_decoding(toy_format):
    doc = from_bytes(toy_bytes(ARTICLE), id="a")  # auto: sniffed from the magic number
    assert doc.text == ARTICLE and doc.source.format == "toy"
    # Without the reader the same bytes are refused, not misread.
    unregister_reader("toy")
    with pytest.raises(InputError, match="binary"):
        from_bytes(toy_bytes(ARTICLE), id="a")


def test_the_folder_walk_count_and_engines_pick_up_a_new_format(toy_format, tmp_path):
    from unspin.corpus.runner import count_inputs

    (tmp_path / "one.toy").write_bytes(toy_bytes(ARTICLE))
    (tmp_path / "two.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "three.pdf").write_bytes(b"%PDF-1.4")
    items = list(read_all([tmp_path]))
    docs = [i for i in items if isinstance(i, Document)]
    skipped = [i for i in items if isinstance(i, Failure)]
    assert sorted(d.id for d in docs) == ["one", "two"]
    assert [d.source.format for d in docs if d.id == "one"] == ["toy"]
    assert len(skipped) == 1 and ".toy" in skipped[0].message  # the message lists the registered suffixes
    assert count_inputs([str(tmp_path)]) == 2
    [doc] = documents_in(tmp_path / "one.toy", toy_bytes(ARTICLE))  # how the Ray engine reads files
    assert doc.text == ARTICLE


def test_the_server_accepts_uploads_of_a_new_format(toy_format):
    from unspin.server import create_app

    assert upload_types()["application/x-toy"] == "toy"
    options = Options(techniques=False, attribution=False, claims=False)
    with TestClient(create_app(options)) as client:
        response = client.post("/api/analyze", files={"file": ("a.toy", toy_bytes(ARTICLE), "application/x-toy")},
                               data={"techniques": "false", "attribution": "false", "claims": "false"})
    assert response.status_code == 200, response.text
    assert response.json()["text"] == ARTICLE and response.json()["source"]["format"] == "toy"


# --- a new layer -----------------------------------------------------------------------------

EXCLAMATIONS = "exclamations"


@dataclass(frozen=True)
class Exclamation(Finding):
    """A sentence that ends in an exclamation mark, and how many it has (registered by a fixture)."""

    start: int
    end: int
    text: str
    count: int

    key = EXCLAMATIONS
    layer = EXCLAMATIONS
    analyzer = "exclaimer"
    summary = "exclamations"
    columns = (("char_start", "INTEGER"), ("char_end", "INTEGER"), ("text", "VARCHAR"), ("count", "INTEGER"))

    @classmethod
    def read(cls, doc: Document) -> list["Exclamation"]:
        return [cls(s.start, s.end, s.text, s.attrs["count"]) for s in doc.layer(cls.layer)]

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "count": self.count}

    @classmethod
    def write(cls, doc: Document, values: list[dict]) -> None:
        doc.set_layer(cls.layer, [span_from_json(doc, v, count=v["count"]) for v in values])

    @classmethod
    def rows(cls, doc_id: str, values: list[dict], text: str) -> list[tuple]:
        return [(doc_id, v["start"], v["end"], v["text"], v["count"]) for v in values]

    @classmethod
    def marks(cls, analysis) -> list[Mark]:
        return [Mark(cls.key, e.start, e.end, "exclamation", css="x", style="bold red", title="Exclamation")
                for e in analysis.findings(cls.key)]


class Exclaimer(Analyzer):
    name = "exclaimer"
    assigns = (EXCLAMATIONS,)
    requires = (Layer.SENTENCES,)

    def __call__(self, doc: Document) -> Document:
        doc.set_layer(EXCLAMATIONS, [doc.span(s.start, s.end, count=s.text.count("!"))
                                     for s in doc.layer(Layer.SENTENCES) if s.text.rstrip().endswith("!")])
        return doc

    def info(self) -> dict:
        return {"exclaimer": "rules"}

    def profile(self, doc: Document, words: int) -> dict:
        return {"exclamations": {"count": len(doc.layer(EXCLAMATIONS))}}


@pytest.fixture
def exclamations_layer(structure_pipeline):
    from unspin.analyzers.sentences import Sentencizer

    register_finding(Exclamation)
    yield Pipeline([*structure_pipeline.components, Sentencizer(), Exclaimer()], structure_pipeline.options)
    unregister_finding(EXCLAMATIONS)


SHOUTING = "Stop the closure\n\nThe council voted to close the library. Residents are furious!! Save it now!"


def test_a_new_layer_reaches_the_json_both_ways(exclamations_layer):
    analysis = exclamations_layer(Document(text=SHOUTING, id="shout"))
    data = analysis.to_dict()
    keys = list(data)
    assert keys.index(EXCLAMATIONS) == keys.index("claims") + 1  # after the built-in layers
    assert [e["count"] for e in data[EXCLAMATIONS]] == [2, 1]
    assert data["summary"]["exclamations"] == {"count": 2} and data["engine"]["models"]["exclaimer"] == "rules"
    assert_offsets(analysis)
    again = Analysis.from_dict(json.loads(json.dumps(data)))
    assert again.to_dict() == data and again.findings(EXCLAMATIONS) == analysis.findings(EXCLAMATIONS)


def test_a_new_layer_gets_a_corpus_table_and_report_marks(exclamations_layer, tmp_path):
    from rich.console import Console

    from unspin.corpus.rows import analysed, finding_columns
    from unspin.corpus.store import CorpusStore
    from unspin.render.html import to_html
    from unspin.render.terminal import article_text

    analysis = exclamations_layer(Document(text=SHOUTING, id="shout"))
    assert finding_columns()[EXCLAMATIONS][0] == ("document_id", "VARCHAR")
    rows = analysed(analysis.to_dict(), {})
    assert rows.findings[EXCLAMATIONS] == [("shout", e.start, e.end, e.text, e.count)
                                           for e in analysis.findings(EXCLAMATIONS)]
    with CorpusStore(tmp_path / "c.duckdb") as store:
        store.write([rows])
        columns, stored = store.query("SELECT text, count FROM exclamations ORDER BY char_start")
    assert stored == [("Residents are furious!!", 2), ("Save it now!", 1)]
    page = to_html(analysis)
    assert re.search(r'class="[^"]*\bx\b[^"]*" title="[^"]*Exclamation', page)
    styled = article_text(analysis)
    console = Console(record=True, width=100, color_system="truecolor")
    console.print(styled)
    assert "\x1b[1;31m" in console.export_text(styles=True)


def test_the_built_in_layers_are_unchanged_without_the_plugin():
    assert [f.key for f in registered()] == ["segments", "links", "techniques", "attributions", "claims"]


# --- flags and the component protocol --------------------------------------------------------


def test_every_option_a_command_takes_is_a_flag_of_it():
    from unspin.cli import app
    from unspin.flags import flag_name

    for command, scope in (("analyze", "analyze"), ("serve", "serve"), ("corpus run", "corpus")):
        page = CliRunner().invoke(app, [*command.split(), "--help"], terminal_width=200).output
        for field in scoped(scope):
            assert flag_name(field) in page, (command, field.name)


def test_a_flag_overrides_the_environment_and_a_missing_flag_does_not(monkeypatch):
    import typer

    from unspin.flags import with_options

    seen: list[Options] = []
    app = typer.Typer()

    @app.command()
    @with_options("analyze")
    def run(*, options: Options) -> None:
        seen.append(options)

    monkeypatch.setenv("UNSPIN_MAX_CHARS", "5000")
    monkeypatch.setenv("UNSPIN_CLAIMS", "false")
    assert CliRunner().invoke(app, ["--threads", "1", "--claims"]).exit_code == 0
    assert CliRunner().invoke(app, []).exit_code == 0
    assert (seen[0].threads, seen[0].claims, seen[0].max_chars) == (1, True, 5000)
    assert (seen[1].threads, seen[1].claims, seen[1].max_chars) == (None, False, 5000)


def test_the_options_reach_worker_processes_through_the_environment():
    options = Options(max_body=1000, allow_urls=True, api_key="s3cret-key", model="fast", threads=1)
    assert Options.from_env(options.to_env()) == options
    assert "s3cret-key" not in repr(options)  # the API key never lands in a log line


def test_a_pipeline_refuses_what_is_not_a_component():
    class NoHooks:
        name, assigns, requires = "bare", (), ()

        def __call__(self, doc):
            return doc

    with pytest.raises(TypeError, match="subclass"):
        Pipeline([NoHooks()])
