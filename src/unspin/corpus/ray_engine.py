"""The Ray engine of `unspin corpus run`: the same rows as the local engine, from a Ray cluster.

This process reads the input files (as bytes, so a cluster needs no shared file system) and
hands them, a few files at a time, to a pool of actors, each holding one CPU slot, loading the
models once and running ONNX Runtime on one thread; each actor turns its documents into the rows
`rows.py` builds for the local engine, and this process writes them to the DuckDB store as they
come back, one transaction a batch. At most two batches an actor are in flight, so memory stays
bounded on a corpus of any size. (Ray Data's reader and actor pool did the same with twice the
cost per document on 2 cores: its scheduler and read tasks took a core from the actors.)
"""

from __future__ import annotations

import os
import time
from dataclasses import asdict
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import Failure, UnspinError
from ..options import Options
from .rows import StoredDocument, content_hash, failed
from .runner import Progress, RunSummary, analyse_rows, store_rows
from .store import CorpusStore

INSTALL = "the Ray engine needs Ray: pip install 'unspin[ray]' (or use the default --engine local)"
IN_FLIGHT_PER_ACTOR = 2


def _ray():
    try:
        import ray
    except ImportError:
        raise UnspinError(INSTALL) from None
    return ray


def input_files(inputs: Iterable[str | os.PathLike]) -> tuple[list[str], list[Failure]]:
    """The files a local run would read, and what it would skip or fail to find."""
    from ..readers import folder_files
    from ..readers.url import is_url

    files: list[str] = []
    left_out: list[Failure] = []
    for source in inputs:
        name = str(source)
        if name == "-" or is_url(name):
            raise UnspinError(f"{name}: the Ray engine reads files and folders only; use --engine local for URLs and stdin")
        path = Path(name)
        if path.is_dir():
            for item in folder_files(path):
                (left_out.append if isinstance(item, Failure) else files.append)(item if isinstance(item, Failure) else str(item))
        elif path.is_file():
            files.append(str(path))
        else:
            left_out.append(Failure(name, "read", f"{name}: no such file or directory; check the path"))
    return files, left_out


class AnalyseFiles:
    """A Ray actor's work: a batch of files' bytes into documents, analysed into rows."""

    def __init__(self, options: dict, known: dict[str, str]):
        from ..pipeline import Pipeline

        self.pipeline = Pipeline.from_options(Options(**options))
        self.version = self.pipeline.engine()["version"]
        self.known = known  # {id: content hash} of the documents stored with status ok

    def __call__(self, files: list[tuple[str, bytes]]) -> list[tuple[str, str, StoredDocument | None]]:
        """(id, "analysed" | "failed" | "unchanged", rows) for every document of the files."""
        from ..document import Document
        from ..readers import documents_in

        out: list[tuple[str, str, StoredDocument | None]] = []
        documents: list[Document] = []
        for path, data in files:
            for item in documents_in(path, data, options=self.pipeline.options):
                if isinstance(item, Failure):
                    out.append((item.id, "failed", failed(item.id, item.stage, item.message, source=item.name,
                                                         engine_version=self.version)))
                elif self.known.get(item.id) == content_hash(item.text):
                    out.append((item.id, "unchanged", None))
                else:
                    documents.append(item)
        for stored in analyse_rows(self.pipeline, documents, self.version):
            out.append((stored.id, "analysed" if stored.status == "ok" else "failed", stored))
        return out


def _file_batches(files: list[str], size: int) -> Iterator[list[tuple[str, bytes]] | Failure]:
    """Batches of (path, bytes); a file that cannot be read is a `Failure` of its own."""
    batch: list[tuple[str, bytes]] = []
    for name in files:
        try:
            batch.append((name, Path(name).read_bytes()))
        except OSError as error:
            yield Failure(Path(name).stem, "read", f"{name}: cannot be read ({error.strerror}); check its permissions", name)
            continue
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_on_ray(inputs: Iterable[str | os.PathLike], store: CorpusStore, *, options: Options | None = None,
               address: str | None = None, actors: int = 2, batch_size: int = 16, files_per_batch: int = 8,
               progress: Progress | None = None) -> RunSummary:
    """Analyse `inputs` on Ray into `store`; see the module docstring. A Ray already started in
    this process (`ray.init`) is used as it is; otherwise one is started, or joined at `address`."""
    ray = _ray()
    from ray.util import ActorPool

    options = (options or Options()).replace(batch_size=batch_size)
    started = time.monotonic()
    summary = RunSummary()
    files, left_out = input_files(inputs)
    pending: list[StoredDocument] = []
    for item in left_out:
        if item.stage == "skipped":
            summary.skipped.append(item.message)
        else:
            pending.append(failed(item.id, item.stage, item.message, source=item.name))
    if files:
        if not ray.is_initialized():
            ray.init(address=address, logging_level="ERROR", log_to_driver=False, include_dashboard=False)
        known = ray.put(store.stored_hashes())
        per_actor = asdict(options.replace(threads=1))  # one core per actor, as its slot says
        actor = ray.remote(num_cpus=1)(AnalyseFiles)
        pool = ActorPool([actor.remote(per_actor, known) for _ in range(max(1, actors))])
        seen: set[str] = set()

        def collect(results: list[tuple[str, str, StoredDocument | None]]) -> None:
            for doc_id, kind, stored in results:
                if kind == "unchanged":
                    summary.unchanged += 1
                elif doc_id in seen and kind == "analysed":
                    summary.duplicates.append(doc_id)
                else:
                    seen.add(doc_id)
                    pending.append(stored)
            if len(pending) >= batch_size:
                store_rows(store, pending, summary)
                pending.clear()
            if progress:
                progress(len(results), summary.analysed)

        in_flight = 0
        for batch in _file_batches(files, files_per_batch):
            if isinstance(batch, Failure):
                pending.append(failed(batch.id, batch.stage, batch.message, source=batch.name))
                continue
            if in_flight >= IN_FLIGHT_PER_ACTOR * max(1, actors):
                collect(pool.get_next_unordered())
                in_flight -= 1
            pool.submit(lambda a, files: a.__call__.remote(files), batch)
            in_flight += 1
        while pool.has_next():
            collect(pool.get_next_unordered())
    store_rows(store, pending, summary)
    summary.seconds = time.monotonic() - started
    return summary

