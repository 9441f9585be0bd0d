"""The Ray engine of `unspin corpus run`, on a local Ray the test starts (2 CPUs): the same
tables as the local engine for the same input."""

from __future__ import annotations

import shutil

import pytest
from test_corpus import ARTICLES, assert_stored_offsets, table_rows
from typer.testing import CliRunner

from unspin.cli import app
from unspin.corpus import CorpusStore, run_corpus

ray = pytest.importorskip("ray", reason="Ray is not installed: pip install 'unspin[ray]'")


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, logging_level="ERROR", log_to_driver=False)
    yield
    ray.shutdown()


def test_ray_engine_stores_the_same_tables_as_the_local_engine(tmp_path, local_ray):
    from unspin.corpus.ray_engine import run_on_ray

    folder = tmp_path / "mixed"
    folder.mkdir()
    for path in ARTICLES[:5]:
        shutil.copy(path, folder / path.name)
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 40)
    (folder / "lines.jsonl").write_text('{"id": "j1", "text": "The council said the vote was delayed.", "outlet": "Ledger"}\n'
                                       "not json\n")
    (folder / "skipped.pdf").write_bytes(b"%PDF")
    local_db, ray_db = tmp_path / "local.duckdb", tmp_path / "ray.duckdb"
    with CorpusStore(local_db) as store:
        local = run_corpus([folder], store)
    with CorpusStore(ray_db) as store:
        remote = run_on_ray([folder], store, actors=2, batch_size=4, files_per_batch=2)
    assert (remote.analysed, remote.failed, len(remote.skipped)) == (local.analysed, local.failed, len(local.skipped)) == (6, 2, 1)
    assert table_rows(ray_db) == table_rows(local_db)
    assert assert_stored_offsets(ray_db) > 0
    with CorpusStore(ray_db) as store:  # resuming on Ray skips what is stored
        again = run_on_ray([folder], store, actors=1)
    assert (again.analysed, again.unchanged) == (0, 6)


def test_cli_ray_engine_runs_on_the_started_ray(tmp_path, local_ray):
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(ARTICLES[0], folder / ARTICLES[0].name)
    result = CliRunner().invoke(app, ["corpus", "run", str(folder), "--db", str(tmp_path / "c.duckdb"), "--engine", "ray",
                                      "--actors", "1", "--quiet"])
    assert result.exit_code == 0, result.output
    assert "1 analysed" in result.output
