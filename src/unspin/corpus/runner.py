"""`run_corpus`: analyse a stream of inputs into a corpus store, resuming where a run stopped.

Inputs are read in a background thread (reading HTML and hashing overlap the model's work,
which releases the GIL), documents already stored with the same content hash are skipped, the
rest go through `Pipeline.pipe` a batch at a time, and each batch is written in one transaction.
"""

from __future__ import annotations

import csv
import os
import queue
import threading
import time
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..analysis import Analysis
from ..document import Document
from ..errors import Failure
from ..options import Options
from ..readers import count_documents, folder_files, read_all
from ..readers.url import is_url
from .rows import StoredDocument, analysed, content_hash, failed
from .store import CorpusStore

Progress = Callable[[int, int], None]  # (documents done in this call, documents stored so far)


@dataclass
class RunSummary:
    """What one `run_corpus` call did."""

    analysed: int = 0  # stored with status ok
    failed: int = 0  # stored with status error
    unchanged: int = 0  # already stored with the same text: skipped
    skipped: list[str] = field(default_factory=list)  # files a folder walk does not read
    duplicates: list[str] = field(default_factory=list)  # ids seen earlier in this run: not stored again
    seconds: float = 0.0

    def count(self, rows: list[StoredDocument]) -> None:
        """Count rows just written: analysed (status ok) or failed."""
        ok = sum(1 for row in rows if row.status == "ok")
        self.analysed += ok
        self.failed += len(rows) - ok


def count_inputs(sources: Iterable[str]) -> int | None:
    """How many documents the inputs hold, cheaply (for a progress bar); None if unknown."""
    total = 0
    for source in sources:
        if source == "-" or is_url(source):
            return None
        path = Path(source)
        # The files the folder walk reads (skipped files do not advance the bar either).
        files = [f for f in folder_files(path) if not isinstance(f, Failure)] if path.is_dir() else [path]
        for file in files:
            try:
                total += count_documents(file)
            except (OSError, csv.Error):  # counted as one; reading it reports the error
                total += 1
    return total


def prefetch(items: Iterable, size: int) -> Iterator:
    """Iterate `items` in a background thread, at most `size` ahead."""
    buffer: queue.Queue = queue.Queue(maxsize=max(1, size))
    end = object()
    errors: list[BaseException] = []

    def fill() -> None:
        try:
            for item in items:
                buffer.put(item)
        except BaseException as error:  # surfaced in the consuming thread
            errors.append(error)
        finally:
            buffer.put(end)

    threading.Thread(target=fill, daemon=True, name="unspin-reader").start()
    while (item := buffer.get()) is not end:
        yield item
    if errors:
        raise errors[0]


def source_of(doc: Document) -> str | None:
    return doc.source.url or doc.source.path


def analyse_rows(pipeline, documents: list[Document], version: str | None) -> list[StoredDocument]:
    """The rows of `documents` run through `pipeline`: analysed, or failed with the stage and reason."""
    by_id = {d.id: d for d in documents}
    rows = []
    for result in pipeline.pipe(documents, batch_size=len(documents) or 1):
        if isinstance(result, Analysis):
            rows.append(analysed(result.to_dict(), result.document.reader_meta, source=source_of(result.document)))
        else:
            doc = by_id.get(result.id)
            rows.append(failed(result.id, result.stage, result.message, source=doc and source_of(doc),
                               text=doc and doc.text, reader_meta=doc and doc.reader_meta, engine_version=version))
    return rows


def store_rows(store: CorpusStore, rows: list[StoredDocument], summary: RunSummary) -> None:
    """Write a batch's rows in one transaction and count them (both engines)."""
    store.write(rows)
    summary.count(rows)


def run_corpus(inputs: Iterable[str | os.PathLike], store: CorpusStore, *, pipeline=None,
               options: Options | None = None, batch_size: int | None = None, input_format: str = "auto",
               progress: Progress | None = None) -> RunSummary:
    """Analyse every document of `inputs` into `store`; see the module docstring."""
    from ..pipeline import Pipeline

    pipeline = pipeline or Pipeline.from_options(options)
    options = pipeline.options
    size = max(1, batch_size or options.batch_size)
    summary = RunSummary()
    started = time.monotonic()
    seen: set[str] = set()
    version = pipeline.engine()["version"]
    stream = prefetch(read_all([str(s) for s in inputs], format=input_format, options=options), 2 * size)
    while batch := list(islice(stream, size)):
        rows: list[StoredDocument] = []
        fresh: list[Document] = []
        documents = [item for item in batch if isinstance(item, Document)]
        stored = store.stored_hashes(d.id for d in documents)
        for item in batch:
            if isinstance(item, Failure):
                if item.stage == "skipped":
                    summary.skipped.append(item.message)
                else:
                    rows.append(failed(item.id, item.stage, item.message, source=item.name, engine_version=version))
                continue
            if item.id in seen:
                summary.duplicates.append(f"{item.id} ({source_of(item)})")
                continue
            seen.add(item.id)
            if stored.get(item.id) == content_hash(item.text):
                summary.unchanged += 1
                continue
            fresh.append(item)
        rows += analyse_rows(pipeline, fresh, version)
        store_rows(store, rows, summary)
        if progress:
            progress(len([i for i in batch if not (isinstance(i, Failure) and i.stage == "skipped")]), summary.analysed)
    summary.seconds = time.monotonic() - started
    return summary
