"""Corpus runs into a DuckDB store: resume after SIGKILL, bad documents, offsets, CLI, report."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from unspin.cli import app
from unspin.corpus import CorpusStore, run_corpus
from unspin.corpus.rows import finding_columns

FIXTURES = Path(__file__).parent / "fixtures" / "structure"
ARTICLES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md", ".html") and "utf16" not in p.name)
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def corpus_folder(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in ARTICLES[:count]:
        shutil.copy(path, folder / path.name)
    return folder


def table_rows(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows in a stable order, without the time each document was stored."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in ("documents", *finding_columns()):
            columns = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall() if r[0] != "analysed_at"]
            quoted = ", ".join(f'"{c}"' for c in columns)
            out[table] = sorted(con.execute(f"SELECT {quoted} FROM {table}").fetchall(), key=repr)
        return out
    finally:
        con.close()


def assert_stored_offsets(db: Path) -> int:
    """Every stored span indexes its document's stored text exactly."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    checked = 0
    try:
        texts = dict(con.execute("SELECT id, text FROM documents WHERE text IS NOT NULL").fetchall())
        spans = [("techniques", "char_start", "char_end", "text"), ("claims", "char_start", "char_end", "text"),
                 ("segments", "char_start", "char_end", "text"), ("attributions", "source_start", "source_end", "source_text"),
                 ("attributions", "cue_start", "cue_end", "cue_text"),
                 ("attributions", "content_start", "content_end", "content_text")]
        for table, start, end, text in spans:
            for doc_id, a, b, value in con.execute(f"SELECT document_id, {start}, {end}, {text} FROM {table}").fetchall():
                if a is None:
                    continue
                assert texts[doc_id][a:b] == value, (table, doc_id, a, b)
                checked += 1
        for doc_id, analysis in con.execute("SELECT id, analysis FROM documents WHERE status = 'ok'").fetchall():
            assert json.loads(analysis)["text"] == texts[doc_id]
    finally:
        con.close()
    return checked


@pytest.fixture(scope="module")
def pipeline():
    from unspin.pipeline import Pipeline

    return Pipeline.from_options()


def test_run_stores_every_document_with_findings_and_skips_unchanged_ones(tmp_path, pipeline):
    folder = corpus_folder(tmp_path, 4)
    db = tmp_path / "corpus.duckdb"
    with CorpusStore(db) as store:
        first = run_corpus([folder], store, pipeline=pipeline, batch_size=3)
        assert (first.analysed, first.failed, first.unchanged) == (4, 0, 0)
        assert store.counts() == {"ok": 4}
        again = run_corpus([folder], store, pipeline=pipeline)
        assert (again.analysed, again.unchanged) == (0, 4)
        (folder / ARTICLES[0].name).write_text("A changed article. The mayor said the plan was a betrayal.\n")
        changed = run_corpus([folder], store, pipeline=pipeline)
        assert (changed.analysed, changed.unchanged) == (1, 3)
        ids = [r[0] for r in store.query("SELECT id FROM documents ORDER BY id")[1]]
        assert ids == sorted(p.stem for p in ARTICLES[:4])
        _, rows = store.query(f"SELECT count(*) FROM segments WHERE document_id = '{ARTICLES[0].stem}'")
        assert rows[0][0] >= 1  # the old segments were replaced, not kept beside the new ones
        _, rows = store.query(f"SELECT text FROM documents WHERE id = '{ARTICLES[0].stem}'")
        assert rows[0][0].startswith("A changed article.")
    assert assert_stored_offsets(db) > 20


def test_bad_documents_are_stored_with_their_errors_and_the_exit_code_says_so(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(ARTICLES[0], folder / "good.txt")
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (folder / "broken.html").write_text("<html><body><div><p>Unclosed <b>tags <script>alert(1)</script>" * 3)
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    (folder / "lines.jsonl").write_text('{"id": "j1", "text": "The council said the vote was delayed.", "outlet": "Ledger"}\n'
                                       "not json\n" '{"id": "j2"}\n')
    (folder / "rows.csv").write_text('id,text,author\nc1,"Critics said the plan, once again, failed.",Ann\n')
    db = tmp_path / "mixed.duckdb"
    result = CliRunner().invoke(app, ["corpus", "run", str(folder), "--db", str(db), "--quiet"])
    assert result.exit_code == 1, result.output
    assert "failed" in result.output and "skipped" in result.output and "notes.pdf" in result.output
    with CorpusStore(db, read_only=True) as store:
        status = dict(store.query("SELECT id, status FROM documents")[1])
        assert status["good"] == "ok" and status["j1"] == "ok" and status["c1"] == "ok"
        assert status["empty"] == "error" and status["binary"] == "error"  # the ids a success would have had
        sources = dict(store.query("SELECT id, source FROM documents WHERE status = 'error'")[1])
        assert sources["empty"] == str(folder / "empty.txt")
        assert status[str(folder / "lines.jsonl") + ":2"] == "error"
        assert status[str(folder / "lines.jsonl") + ":3"] == "error"
        assert "broken" in status  # malformed HTML is read as well as it can be
        errors = {doc_id: message for doc_id, _, message in store.first_errors(20)}
        assert "binary" in errors["binary"]
        _, rows = store.query("SELECT outlet, author FROM documents WHERE id IN ('j1', 'c1') ORDER BY id")
        assert rows == [(None, "Ann"), ("Ledger", None)]
    assert assert_stored_offsets(db) > 0
    status_output = CliRunner().invoke(app, ["corpus", "status", "--db", str(db)]).output
    assert "error" in status_output and "binary" in status_output


def test_a_run_killed_with_sigkill_resumes_with_nothing_lost_or_twice(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for k in range(4):  # copies of each fixture under new names: enough batches to kill one in flight
        for path in ARTICLES[:12]:
            shutil.copy(path, folder / f"{path.stem}-{k}{path.suffix}")
    expected = sorted(p.stem for p in folder.iterdir())
    db = tmp_path / "killed.duckdb"
    command = [sys.executable, "-m", "unspin.cli", "corpus", "run", str(folder), "--db", str(db), "--batch-size", "1", "--quiet"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wal = db.with_name(db.name + ".wal")
    deadline = time.monotonic() + 120
    # Kill once some batches are committed (the write-ahead log grows) and more are in flight.
    while time.monotonic() < deadline and process.poll() is None and (not wal.exists() or wal.stat().st_size < 40_000):
        time.sleep(0.05)
    assert process.poll() is None, "the run finished before it could be killed; give it more documents"
    process.send_signal(signal.SIGKILL)
    process.wait()
    with CorpusStore(db, read_only=True) as store:
        partial = [r[0] for r in store.query("SELECT id FROM documents")[1]]
        assert 0 < len(partial) < len(expected)
        # Every stored document is whole: it has its segments.
        _, rows = store.query("SELECT count(*) FROM documents d WHERE NOT EXISTS "
                              "(SELECT 1 FROM segments s WHERE s.document_id = d.id)")
        assert rows[0][0] == 0
    resumed = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert f"{len(partial)} unchanged" in resumed.stderr
    with CorpusStore(db, read_only=True) as store:
        ids = [r[0] for r in store.query("SELECT id FROM documents ORDER BY id")[1]]
    assert ids == expected  # none lost, none twice
    straight = tmp_path / "straight.duckdb"
    subprocess.run([*command[:7], str(straight), *command[8:]], env=env, check=True, capture_output=True, timeout=600)
    assert table_rows(db) == table_rows(straight)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=400), min_size=1, max_size=4))
def test_every_stored_span_indexes_the_stored_text(tmp_path_factory, structure_pipeline, texts):
    folder = tmp_path_factory.mktemp("corpus")
    with open(folder / "texts.jsonl", "w", encoding="utf-8") as handle:
        for i, text in enumerate(texts):
            handle.write(json.dumps({"id": f"t{i}", "text": text.replace("\ud800", "?")}) + "\n")
    db = folder / "texts.duckdb"
    with CorpusStore(db) as store:
        summary = run_corpus([folder / "texts.jsonl"], store, pipeline=structure_pipeline)
        assert summary.analysed + summary.failed == len(texts)
    assert_stored_offsets(db)


def test_sql_prints_a_table_or_csv_and_errors_say_what_to_do(tmp_path, pipeline):
    db = tmp_path / "c.duckdb"
    with CorpusStore(db) as store:
        run_corpus([corpus_folder(tmp_path, 2)], store, pipeline=pipeline)
    runner = CliRunner()
    out = runner.invoke(app, ["corpus", "sql", "--db", str(db), "--csv", "SELECT id, status FROM documents ORDER BY id"])
    assert out.exit_code == 0
    assert out.stdout.splitlines()[0] == "id,status" and len(out.stdout.splitlines()) == 3
    bad = runner.invoke(app, ["corpus", "sql", "--db", str(db), "SELECT nothing FROM nowhere"])
    assert bad.exit_code == 2 and "SQL error" in bad.output
    missing = runner.invoke(app, ["corpus", "status", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2 and "unspin corpus run" in missing.output
    parquet = runner.invoke(app, ["corpus", "run", str(tmp_path / "articles"), "--db", str(db), "--parquet",
                                  str(tmp_path / "tables"), "--quiet"])
    assert parquet.exit_code == 0, parquet.output
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == [
        "attributions.parquet", "claims.parquet", "documents.parquet", "segments.parquet", "techniques.parquet"]


def test_sql_reads_the_store_and_nothing_else(tmp_path, pipeline):
    db = tmp_path / "c.duckdb"
    with CorpusStore(db) as store:
        run_corpus([corpus_folder(tmp_path, 1)], store, pipeline=pipeline)
    secret = tmp_path / "secret.csv"
    secret.write_text("a,b\n1,2\n")
    runner = CliRunner()
    for query in (f"COPY documents TO '{tmp_path / 'out.csv'}'", f"EXPORT DATABASE '{tmp_path / 'dump'}'",
                  f"SELECT * FROM read_csv('{secret}')", f"SELECT * FROM glob('{tmp_path}/*')", "INSTALL httpfs",
                  f"ATTACH '{tmp_path / 'other.duckdb'}' AS other", "SET enable_external_access = true"):
        refused = runner.invoke(app, ["corpus", "sql", "--db", str(db), query])
        assert refused.exit_code == 2 and "SQL error" in refused.output, (query, refused.output)
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "dump").exists()
    assert not (tmp_path / "other.duckdb").exists()
    ok = runner.invoke(app, ["corpus", "sql", "--db", str(db), "--csv", "SELECT count(*) AS n FROM documents"])
    assert ok.exit_code == 0 and ok.stdout.splitlines() == ["n", "1"]


HOSTILE_OUTLET = "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>"


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="Chromium is not installed (apt-get install chromium)")
def test_report_renders_charts_in_chromium_and_escapes_names(tmp_path, pipeline):
    from playwright.sync_api import sync_playwright

    corpus = tmp_path / "corpus.jsonl"
    with open(corpus, "w", encoding="utf-8") as handle:
        for i, path in enumerate(ARTICLES[:6]):
            handle.write(json.dumps({"id": path.stem, "text": path.read_text(encoding="utf-8"),
                                     "outlet": [HOSTILE_OUTLET, "The Ledger"][i % 2], "author": "A <b>Writer</b>",
                                     "published": f"2024-0{1 + i % 3}-15"}) + "\n")
    db = tmp_path / "c.duckdb"
    with CorpusStore(db) as store:
        run_corpus([corpus], store, pipeline=pipeline)
    report = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["corpus", "report", "--db", str(db), "-o", str(report), "--reports", str(tmp_path / "r"),
                                      "--min-words", "10"])
    assert result.exit_code == 0, result.output
    html = report.read_text()
    assert "<script" not in html and "&lt;script&gt;" in html and "http" not in html.split("</head>")[0].lower().replace("http-equiv", "")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.goto(report.as_uri())
        assert page.title().startswith("unspin corpus report")
        bars = page.locator("svg rect")
        assert bars.count() > 20
        assert sum(1 for i in range(bars.count()) if (bars.nth(i).bounding_box() or {}).get("width", 0) > 1) > 10
        assert page.get_by_text(HOSTILE_OUTLET).count() >= 1  # shown as text
        links = page.locator("a[href$='.html']")
        assert links.count() >= 1
        links.first.click()
        assert page.locator("article, main, body").first.inner_text()
        browser.close()


def test_the_corpus_report_counts_what_reports_show_and_says_which_columns_make_a_chart(tmp_path, structure_pipeline):
    from unspin.corpus.report import write_report

    db = tmp_path / "c.duckdb"
    with CorpusStore(db) as store:
        run_corpus([corpus_folder(tmp_path, 3)], store, pipeline=structure_pipeline)
        ids = [i for (i,) in store.connection.execute("SELECT id FROM documents ORDER BY id").fetchall()]
        store.connection.execute("UPDATE documents SET outlet = CASE WHEN id = ? THEN 'A' ELSE 'B' END, author = NULL, "
                                 "published = NULL", [ids[0]])
        for k, document in enumerate(ids):  # one sure span and one less certain span an article
            for n, score in enumerate((0.9, 0.1)):
                store.connection.execute("INSERT INTO techniques VALUES (?, ?, ?, 'x', 'Loaded_Language', ?)",
                                         [document, 10 * n, 10 * n + 1, score])
        page = write_report(store, tmp_path / "report.html")
    html = Path(page).read_text(encoding="utf-8")
    assert "score at least 0.5" in html
    assert "No comparison by author" in html and "`author` column" in html
    with CorpusStore(db, read_only=True) as store:
        from unspin.corpus.report import QUERIES, SHOWN

        rows = store.query(QUERIES["density"].format(group="coalesce(d.outlet, '(unknown)')", shown=SHOWN))[1]
        words = dict(store.query("SELECT outlet, sum(words) FROM documents GROUP BY 1")[1])
    density = {name: value for name, _, value in rows}
    assert density["A"] == pytest.approx(1000 * 1 / words["A"], abs=1e-3)  # the 0.1 span is not counted


def test_an_interrupted_run_says_how_to_resume_and_no_bar_draws_off_a_terminal(tmp_path, monkeypatch):
    import unspin.corpus.runner as runner

    folder = corpus_folder(tmp_path, 2)
    db = tmp_path / "c.duckdb"
    quiet_run = CliRunner().invoke(app, ["corpus", "run", str(folder), "--db", str(db), "--no-techniques",
                                         "--no-attribution", "--no-claims"])
    assert quiet_run.exit_code == 0 and "analysing" not in quiet_run.output  # stderr is no terminal here

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "run_corpus", interrupted)
    stopped = CliRunner().invoke(app, ["corpus", "run", str(folder), "--db", str(db)])
    assert stopped.exit_code == 130 and "Run the same command again to resume" in stopped.output
