"""Readers turn an input (file, folder, stdin, URL, corpus line) into a `Document`.

`read` returns one document; `read_all` walks any mix of inputs and yields a `Document` or a
`ReadFailure` for each, so one bad file never stops a batch.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from ..document import Document, Source
from ..errors import InputError
from .html import looks_like_html, read_html
from .markdown import looks_like_markdown, read_markdown
from .text import decode
from .url import fetch, is_url

DEFAULT_MAX_BYTES = 20_000_000
FORMATS = ("auto", "text", "markdown", "html")
_SUFFIX_FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".xhtml": "html", ".txt": "text"}
_FOLDER_SUFFIXES = set(_SUFFIX_FORMATS) | {".jsonl"}


@dataclass(frozen=True)
class ReadFailure:
    """An input that could not be read, and why."""

    name: str
    message: str


def from_text(text: str, *, id: str = "document", format: str = "auto", path: str | None = None, url: str | None = None) -> Document:
    """A document from an already decoded string. `auto` sniffs HTML and Markdown copies."""
    if not text.strip():
        raise InputError(f"{id}: is empty; there is nothing to analyse")
    if format == "auto":
        format = "html" if looks_like_html(text) else "markdown" if looks_like_markdown(text) else "text"
    elif format == "text" and looks_like_markdown(text) and path and path.endswith(".txt"):
        format = "markdown"
    if format == "html":
        return read_html(text, id=id, path=path, url=url)
    if format == "markdown":
        return read_markdown(text, id=id, path=path, url=url)
    if format != "text":
        raise InputError(f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
    return Document(text=text, id=id, source=Source(path=path, format="text", url=url))


def from_bytes(data: bytes, *, id: str = "document", format: str = "auto", path: str | None = None,
               url: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    if len(data) > max_bytes:
        raise InputError(f"{id}: {len(data):,} bytes is over the {max_bytes:,}-byte limit; raise it with --max-bytes")
    if not data.strip():
        raise InputError(f"{id}: is empty; there is nothing to analyse")
    return from_text(decode(data, id), id=id, format=format, path=path, url=url)


def read(source: str | os.PathLike, *, format: str = "auto", id: str | None = None,
         max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one article from a path, a URL, or `-` (stdin)."""
    name = str(source)
    if name == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        return from_bytes(data, id=id or "stdin", format=format, max_bytes=max_bytes)
    if is_url(name):
        data, fetched_format, final_url = fetch(name, max_bytes=max_bytes)
        return from_bytes(data, id=id or _url_id(final_url), format=fetched_format if format == "auto" else format,
                          url=final_url, max_bytes=max_bytes)
    path = Path(name)
    if not path.exists():
        raise InputError(f"{name}: no such file or directory; check the path")
    if path.is_dir() or path.suffix.lower() == ".jsonl":
        raise InputError(f"{name}: holds several documents; use read_all() (the CLI does this for you)")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(f"{name}: {size:,} bytes is over the {max_bytes:,}-byte limit; raise it with --max-bytes")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{name}: cannot be read ({error.strerror}); check its permissions") from None
    if format == "auto":
        format = _SUFFIX_FORMATS.get(path.suffix.lower(), "auto")
    return from_bytes(data, id=id or path.stem, format=format, path=str(path), max_bytes=max_bytes)


def read_all(sources: Iterable[str | os.PathLike], *, format: str = "auto",
             max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | ReadFailure]:
    """Every document in files, folders (recursively), JSONL corpora, URLs and stdin."""
    for source in sources:
        name = str(source)
        path = Path(name)
        if name != "-" and not is_url(name) and path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _FOLDER_SUFFIXES)
            if not files:
                yield ReadFailure(name, f"{name}: no .txt, .md, .html or .jsonl files in this folder")
            for file in files:
                yield from read_all([file], format=format, max_bytes=max_bytes)
        elif path.suffix.lower() == ".jsonl" and not is_url(name):
            yield from read_jsonl(path, max_bytes=max_bytes)
        else:
            try:
                yield read(name, format=format, max_bytes=max_bytes)
            except InputError as error:
                yield ReadFailure(name, str(error))


def read_jsonl(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | ReadFailure]:
    """One document per line: `{"id", "text" | "html", "url"?}`; other keys go to reader_meta."""
    if not path.exists():
        yield ReadFailure(str(path), f"{path}: no such file; check the path")
        return
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, 1):
            where = f"{path}:{number}"
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise InputError(f"{where}: expected a JSON object per line")
                body = record.get("text", record.get("html"))
                if not isinstance(body, str):
                    raise InputError(f"{where}: needs a string 'text' or 'html' field")
                if len(body.encode("utf-8", "surrogatepass")) > max_bytes:
                    raise InputError(f"{where}: document is over the {max_bytes:,}-byte limit; raise it with --max-bytes")
                doc_id = str(record.get("id", f"{path.stem}-{number}"))
                doc = from_text(body, id=doc_id, format="html" if "text" not in record else "auto",
                                path=str(path), url=record.get("url"))
                doc.reader_meta.update({k: v for k, v in record.items() if k not in ("id", "text", "html", "url")})
                yield doc
            except json.JSONDecodeError as error:
                yield ReadFailure(where, f"{where}: not valid JSON ({error.msg}); fix or remove that line")
            except InputError as error:
                yield ReadFailure(where, str(error))


def _url_id(url: str) -> str:
    tail = url.rstrip("/").rsplit("/", 1)[-1] or "page"
    return tail.split("?")[0][:80] or "page"
