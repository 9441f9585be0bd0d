"""Corpus runs: analyse many articles into a DuckDB store, resume, report and query.

    from unspin.corpus import CorpusStore, run_corpus
    with CorpusStore("corpus.duckdb") as store:
        summary = run_corpus(["articles/"], store)
"""

from typing import Any

__all__ = ["CorpusStore", "RunSummary", "run_corpus"]


def __getattr__(name: str) -> Any:
    # Lazy, so that `unspin --help` does not import the readers and DuckDB.
    if name in ("RunSummary", "run_corpus"):
        from . import runner

        return getattr(runner, name)
    if name == "CorpusStore":
        from .store import CorpusStore

        return CorpusStore
    raise AttributeError(name)
