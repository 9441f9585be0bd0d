"""Corpus files: many documents a file, one per JSON Lines object or CSV row.

A record has `id`, `text` (or `html`) and optionally `url`; its other fields go to the
document's `reader_meta` (the corpus store keeps `outlet`, `author` and `published` in columns).
A bad record becomes a `Failure` naming the file and line, and the records after it are read.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from ..document import Document
from ..errors import Failure, InputError
from ..options import Options
from .documents import from_text
from .registry import Reader, register_reader


def jsonl_documents(lines: Iterable[bytes], path: Path, options: Options) -> Iterator[Document | Failure]:
    for number, line in enumerate(lines, 1):
        where = f"{path}:{number}"
        if not line.strip():
            continue
        try:
            yield _jsonl_document(line, path, number, where, options)
        except InputError as error:
            yield Failure(where, "read", str(error))


def _jsonl_document(line: bytes, path: Path, number: int, where: str, options: Options) -> Document:
    if len(line) > options.max_bytes:
        raise InputError(f"{where}: line is over the {options.max_bytes:,}-byte limit; raise it with --max-bytes")
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise InputError(f"{where}: not valid UTF-8 (byte {error.start}); re-encode the file as UTF-8") from None
    except json.JSONDecodeError as error:
        raise InputError(f"{where}: not valid JSON ({error.msg}); fix or remove that line") from None
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deeply") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object per line")
    return record_document(record, path, number, where, options)


def csv_documents(stream: BinaryIO, path: Path, options: Options) -> Iterator[Document | Failure]:
    """The rows of a CSV file with a header: the same columns as a JSONL corpus."""
    csv.field_size_limit(max(options.max_bytes, 1 << 20))
    handle = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    try:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or not {"text", "html"} & set(reader.fieldnames):
            yield Failure(str(path), "read", f"{path}: needs a header row with a 'text' or 'html' column")
            return
        for row in reader:
            where = f"{path}:{reader.line_num}"
            try:
                if None in row:
                    raise InputError(f"{where}: more fields than the header names; quote fields that hold commas")
                record = {k: v for k, v in row.items() if v not in (None, "")}
                yield record_document(record, path, reader.line_num, where, options)
            except InputError as error:
                yield Failure(where, "read", str(error))
    except UnicodeDecodeError as error:
        yield Failure(str(path), "read", f"{path}: not valid UTF-8 (byte {error.start}); re-encode the file as UTF-8")
    except csv.Error as error:
        yield Failure(str(path), "read", f"{path}: not a readable CSV file ({error})")
    finally:
        handle.detach()  # the caller owns the stream


def record_document(record: dict, path: Path, number: int, where: str, options: Options) -> Document:
    """A corpus record (a JSONL object or a CSV row) as a document."""
    body = record.get("text", record.get("html"))
    if not isinstance(body, str):
        raise InputError(f"{where}: needs a string 'text' or 'html' field")
    doc_id = record.get("id", f"{path.stem}-{number}")
    if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int, float)):
        raise InputError(f"{where}: 'id' must be a string or a number")
    if isinstance(doc_id, float):
        doc_id = repr(doc_id) if doc_id != int(doc_id) or abs(doc_id) >= 1e16 else str(int(doc_id))
    url = record.get("url")
    doc = from_text(body, id=str(doc_id), format="html" if "text" not in record else "auto",
                    path=str(path), url=url if isinstance(url, str) else None, options=options)
    doc.reader_meta.update({k: v for k, v in record.items() if k not in ("id", "text", "html", "url")})
    return doc


def _count_lines(path: Path) -> int:
    with open(path, "rb") as handle:
        return sum(1 for line in handle if line.strip())


def _count_rows(path: Path) -> int:
    with open(path, encoding="utf-8", errors="replace", newline="") as handle:
        return max(0, sum(1 for _ in csv.reader(handle)) - 1)


def _analysis_output(head: bytes) -> str | None:
    if b'"schema":"unspin/analysis@1"' in head.replace(b" ", b""):
        return "unspin output (unspin/analysis@1), not a corpus"
    return None


register_reader(Reader("jsonl", jsonl_documents, suffixes=(".jsonl",), media_types=("application/x-ndjson",),
                       many=True, count=_count_lines, refuse=_analysis_output))
register_reader(Reader("csv", csv_documents, suffixes=(".csv",), media_types=("text/csv",), many=True,
                       count=_count_rows))
