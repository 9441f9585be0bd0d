"""The corpus store: one DuckDB file with a `documents` table and long finding tables.

Each batch of documents is written in one transaction (delete the batch's ids, insert their
rows), so a run killed at any moment leaves every document either fully stored or absent, and
never twice. The schema is in `rows.py` and the README.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import UnspinError
from .rows import DOCUMENT_COLUMNS, StoredDocument, finding_columns


def tables() -> tuple[str, ...]:
    return ("documents", *finding_columns())


def _duckdb():
    try:
        import duckdb
    except ImportError:  # a broken install; duckdb is a core dependency
        raise UnspinError("the corpus store needs duckdb: pip install duckdb") from None
    return duckdb


def _column_type(sql_type: str) -> str:
    return sql_type.split()[0]


SANDBOX = {"enable_external_access": False, "autoinstall_known_extensions": False,
           "autoload_known_extensions": False, "lock_configuration": True}


class CorpusStore:
    """A DuckDB corpus store. `CorpusStore(path)` creates the tables if they are missing;
    `read_only=True` opens an existing store for queries; `sandboxed=True` (with it) also
    shuts DuckDB off from everything but the store: no file read or written (COPY, EXPORT,
    read_csv, glob), no extension installed or loaded, no other database attached, and the
    settings locked, so that a query given by anyone can only read the store."""

    def __init__(self, path: str | os.PathLike, *, read_only: bool = False, sandboxed: bool = False):
        duckdb = _duckdb()
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise UnspinError(f"{self.path}: no such corpus store; create it with: unspin corpus run INPUT --db {self.path}")
        try:
            self.connection = duckdb.connect(str(self.path), read_only=read_only, config=SANDBOX if sandboxed else {})
        except duckdb.IOException as error:
            raise UnspinError(f"{self.path}: cannot open the store ({error}); is another run writing to it?") from None
        except duckdb.Error as error:
            raise UnspinError(f"{self.path}: not a DuckDB corpus store ({error})") from None
        if not read_only:
            self._create()
        elif "documents" not in self.tables():
            raise UnspinError(f"{self.path}: not an unspin corpus store (no documents table)")

    def __enter__(self) -> "CorpusStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    def _create(self) -> None:
        columns = ", ".join(f'"{name}" {kind}' for name, kind in DOCUMENT_COLUMNS)
        self.connection.execute(f"CREATE TABLE IF NOT EXISTS documents ({columns})")
        for table, spec in finding_columns().items():
            columns = ", ".join(f'"{name}" {kind}' for name, kind in spec)
            self.connection.execute(f"CREATE TABLE IF NOT EXISTS {table} ({columns})")

    def tables(self) -> list[str]:
        return [row[0] for row in self.connection.execute("SELECT table_name FROM information_schema.tables").fetchall()]

    def stored_hashes(self, ids: Iterable[str] | None = None) -> dict[str, str]:
        """The content hash of each of `ids` (None: of every document) stored with status ok
        (errors are tried again)."""
        if ids is None:
            return dict(self.connection.execute("SELECT id, content_hash FROM documents WHERE status = 'ok'").fetchall())
        ids = list(dict.fromkeys(ids))
        if not ids:
            return {}
        rows = self.connection.execute(
            "SELECT id, content_hash FROM documents WHERE status = 'ok' AND id IN (SELECT unnest($1::VARCHAR[]))",
            [ids]).fetchall()
        return dict(rows)

    def write(self, documents: list[StoredDocument]) -> None:
        """Replace these documents' rows, all in one transaction."""
        if not documents:
            return
        latest = {d.id: d for d in documents}  # an id twice in one batch: the later one wins
        ids = list(latest)
        con = self.connection
        con.begin()
        try:
            con.execute("DELETE FROM documents WHERE id IN (SELECT unnest($1::VARCHAR[]))", [ids])
            for table in finding_columns():
                con.execute(f"DELETE FROM {table} WHERE document_id IN (SELECT unnest($1::VARCHAR[]))", [ids])
            self._insert("documents", DOCUMENT_COLUMNS, [d.document for d in latest.values()])
            for table, spec in finding_columns().items():
                self._insert(table, spec, [row for d in latest.values() for row in d.findings.get(table, [])])
            con.commit()
        except BaseException:
            con.rollback()
            raise

    def _insert(self, table: str, spec: tuple[tuple[str, str], ...], rows: list[tuple]) -> None:
        if not rows:
            return
        # One columnar statement per table: far faster than a row at a time.
        columns = [list(column) for column in zip(*rows)]
        selects = ", ".join(f"unnest(${i + 1}::{_column_type(kind)}[])" for i, (_, kind) in enumerate(spec))
        self.connection.execute(f"INSERT INTO {table} SELECT {selects}", columns)

    def counts(self) -> dict[str, int]:
        return dict(self.connection.execute("SELECT status, count(*) FROM documents GROUP BY status ORDER BY status").fetchall())

    def first_errors(self, limit: int = 10) -> list[tuple[str, str, str]]:
        return self.connection.execute(
            "SELECT id, stage, error FROM documents WHERE status = 'error' ORDER BY analysed_at, id LIMIT ?", [limit]).fetchall()

    def query(self, sql: str) -> tuple[list[str], list[tuple]]:
        """Run one SQL statement; returns the column names and rows."""
        duckdb = _duckdb()
        try:
            result = self.connection.execute(sql)
        except duckdb.Error as error:
            raise UnspinError(f"SQL error: {error}".splitlines()[0]) from None
        if result.description is None:
            return [], []
        return [d[0] for d in result.description], result.fetchall()

    def analyses(self, batch: int = 256) -> Iterator[dict]:
        """The stored analyses (JSON) of the documents analysed without error, in id order, read a
        batch at a time so that a corpus never has to fit in memory."""
        result = self.connection.execute("SELECT analysis FROM documents WHERE status = 'ok' ORDER BY id")
        while rows := result.fetchmany(batch):
            for (analysis,) in rows:
                yield json.loads(analysis)

    def export_parquet(self, folder: str | os.PathLike) -> list[Path]:
        """Every table as `folder/<table>.parquet`."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for table in tables():
            target = folder / f"{table}.parquet"
            path = str(target).replace("'", "''")
            self.connection.execute(f"COPY {table} TO '{path}' (FORMAT parquet)")
            written.append(target)
        return written
