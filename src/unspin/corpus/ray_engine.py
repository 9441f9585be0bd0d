"""The Ray engine of `unspin corpus run`: the same rows as the local engine, from a Ray cluster.

Ray Data reads the input files (as bytes, so a cluster reads them where they are), an actor
pool runs the pipeline (each actor loads the models once) and turns each document into the rows
`rows.py` builds for the local engine, Ray writes them as Parquet shards, and this process loads
the shards into the DuckDB store batch by batch, one transaction each.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Iterable

from ..errors import Failure, UnspinError
from ..options import Options
from .rows import DOCUMENT_COLUMNS, StoredDocument, content_hash, failed
from .runner import RunSummary, analyse_rows
from .store import CorpusStore

_ANALYSED_AT = [name for name, _ in DOCUMENT_COLUMNS].index("analysed_at")  # a timestamp, sent as text
INSTALL = "the Ray engine needs Ray: pip install 'unspin[ray]' (or use the default --engine local)"


def _ray():
    try:
        import ray
        import ray.data  # noqa: F401
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
    """A Ray actor: reads a batch of files' bytes into documents and analyses them."""

    def __init__(self, options: dict, known):
        from ..pipeline import Pipeline

        self.pipeline = Pipeline.from_options(Options(**options))
        self.version = self.pipeline.engine()["version"]
        import ray

        # {id: content hash} of the documents stored with status ok, shared through the object store.
        self.known = ray.get(known) if isinstance(known, ray.ObjectRef) else known

    def __call__(self, batch: dict) -> dict:
        from ..document import Document
        from ..readers import documents_in

        options = self.pipeline.options
        out: dict[str, list] = {"id": [], "kind": [], "rows": []}

        def emit(doc_id: str, kind: str, stored: StoredDocument | None = None) -> None:
            out["id"].append(doc_id)
            out["kind"].append(kind)
            out["rows"].append(json.dumps({"document": stored.document, "findings": stored.findings}, default=_iso)
                               if stored else "")

        documents: list[Document] = []
        for path, data in zip(batch["path"], batch["bytes"]):
            for item in documents_in(path, bytes(data), options=options):
                if isinstance(item, Failure):
                    emit(item.id, "failed", failed(item.id, item.stage, item.message, source=item.name,
                                                   engine_version=self.version))
                elif self.known.get(item.id) == content_hash(item.text):
                    emit(item.id, "unchanged")
                else:
                    documents.append(item)
        for stored in analyse_rows(self.pipeline, documents, self.version):
            emit(stored.id, "analysed" if stored.status == "ok" else "failed", stored)
        return out


def _iso(value):
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"cannot store {type(value).__name__}")


def _stored(rows_json: str) -> StoredDocument:
    record = json.loads(rows_json)
    document = list(record["document"])
    for i, value in enumerate(document):
        if isinstance(value, str) and i == _ANALYSED_AT:
            document[i] = datetime.fromisoformat(value)
    return StoredDocument(tuple(document), {k: [tuple(r) for r in v] for k, v in record["findings"].items()})


def run_on_ray(inputs: Iterable[str | os.PathLike], store: CorpusStore, *, options: Options | None = None,
               address: str | None = None, actors: int = 2, batch_size: int = 16, files_per_batch: int = 8,
               progress: bool = False) -> RunSummary:
    """Analyse `inputs` on Ray into `store`; see the module docstring. A Ray already started in
    this process (`ray.init`) is used as it is; otherwise one is started, or joined at `address`."""
    ray = _ray()
    options = (options or Options()).replace(batch_size=batch_size)
    started = time.monotonic()
    summary = RunSummary()
    files, left_out = input_files(inputs)
    if not ray.is_initialized():
        ray.init(address=address, logging_level="ERROR", log_to_driver=False, include_dashboard=False)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = progress
    version = None
    rows: list[StoredDocument] = []
    for item in left_out:
        if item.stage == "skipped":
            summary.skipped.append(item.message)
        else:
            rows.append(failed(item.id, item.stage, item.message, source=item.name, engine_version=version))
    if files:
        known = ray.put(store.stored_hashes())
        # Reading takes no CPU slot of its own: with every slot held by an actor, a read task
        # that needed one would wait for ever.
        dataset = ray.data.read_binary_files(files, include_paths=True, num_cpus=0,
                                             override_num_blocks=max(1, -(-len(files) // files_per_batch)))
        per_actor = options.replace(threads=1)  # one core per actor, as its slot says
        results = dataset.map_batches(
            AnalyseFiles, fn_constructor_kwargs={"options": asdict(per_actor), "known": known},
            batch_size=files_per_batch, compute=ray.data.ActorPoolStrategy(size=max(1, actors)), num_cpus=1)
        with tempfile.TemporaryDirectory(prefix="unspin-ray-") as shards:
            results.write_parquet(shards, ray_remote_args={"num_cpus": 0})
            _load_shards(Path(shards), store, rows, summary, batch_size)
    elif rows:
        _write(store, rows, summary)
    summary.seconds = time.monotonic() - started
    return summary


def _load_shards(shards: Path, store: CorpusStore, pending: list[StoredDocument], summary: RunSummary,
                 batch_size: int) -> None:
    import pyarrow.parquet as pq

    seen: set[str] = set()
    for shard in sorted(shards.glob("*.parquet")):
        for record_batch in pq.ParquetFile(shard).iter_batches(batch_size=batch_size, columns=["id", "kind", "rows"]):
            for doc_id, kind, rows_json in zip(*(record_batch.column(i).to_pylist() for i in range(3))):
                if kind == "unchanged":
                    summary.unchanged += 1
                    continue
                if doc_id in seen and kind == "analysed":
                    summary.duplicates.append(doc_id)
                    continue
                seen.add(doc_id)
                pending.append(_stored(rows_json))
                if len(pending) >= batch_size:
                    _write(store, pending, summary)
                    pending.clear()
    _write(store, pending, summary)


def _write(store: CorpusStore, rows: list[StoredDocument], summary: RunSummary) -> None:
    store.write(rows)
    summary.count(rows)
