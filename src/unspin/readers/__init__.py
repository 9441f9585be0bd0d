"""Readers turn an input (file, folder, stdin, URL, corpus line) into a `Document`.

`from_text`, `from_bytes`, `read_file` and `read_url` each read one kind of input; `read` is the
command line's convenience that tells a path, a URL and `-` (stdin) apart; `read_all` walks any
mix of inputs and yields a `Document` or a `Failure` for each, so one bad file never stops a
batch. The formats themselves (text, Markdown, HTML, JSONL and CSV corpora) are declared in
`registry.py`'s table, each next to its reading function.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import Iterable, Iterator

from ..document import Document
from ..errors import Failure, InputError
from ..options import Options
from . import corpus_files, html, markdown, text  # noqa: F401  (importing a format's module registers it)
from .documents import DEFAULT_OPTIONS as _DEFAULT
from .documents import from_bytes, from_text, replace_lone_surrogates
from .registry import (
    Reader,
    main_suffixes,
    reader_for,
    readers,
    register_reader,
    single_formats,
)
from .url import fetch, is_url

__all__ = ["from_text", "from_bytes", "read", "read_file", "read_url", "read_all", "documents_in", "folder_files",
           "holds_several", "count_documents", "Reader", "register_reader", "readers", "single_formats",
           "replace_lone_surrogates"]


def read(source: str | os.PathLike, *, format: str = "auto", id: str | None = None,
         options: Options | None = None) -> Document:
    """Read one article from what a person typed: a path, a URL, or `-` (stdin)."""
    options = options or _DEFAULT
    name = str(source)
    if name == "-":
        data = sys.stdin.buffer.read(options.max_bytes + 1)
        return from_bytes(data, id=id or "stdin", format=format, options=options)
    if is_url(name):
        return read_url(name, format=format, id=id, options=options)
    return read_file(name, format=format, id=id, options=options)


def read_url(url: str, *, format: str = "auto", id: str | None = None, options: Options | None = None) -> Document:
    """Fetch a page (http or https only) within the options' size limit and deadline."""
    options = options or _DEFAULT
    data, fetched_format, final_url = fetch(url, max_bytes=options.max_bytes, timeout=options.fetch_timeout,
                                            guard=options.guard_urls)
    return from_bytes(data, id=id or _url_id(final_url), format=fetched_format if format == "auto" else format,
                      url=final_url, options=options)


def read_file(source: str | os.PathLike, *, format: str = "auto", id: str | None = None,
              options: Options | None = None) -> Document:
    """Read one article file; the format comes from the extension, else from the content."""
    options = options or _DEFAULT
    name = str(source)
    path = Path(name)
    if not path.exists():
        raise InputError(f"{name}: no such file or directory; check the path")
    if holds_several(name):
        raise InputError(f"{name}: holds several documents; use read_all() (the CLI does this for you)")
    by_suffix = reader_for(path)
    size = path.stat().st_size
    if size > options.max_bytes:
        raise InputError(f"{name}: {size:,} bytes is over the {options.max_bytes:,}-byte limit; raise it with --max-bytes")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{name}: cannot be read ({error.strerror}); check its permissions") from None
    if format == "auto" and by_suffix is not None:
        format = by_suffix.name
    return from_bytes(data, id=id or path.stem, format=format, path=str(path), options=options)


def read_all(sources: Iterable[str | os.PathLike], *, format: str = "auto",
             options: Options | None = None) -> Iterator[Document | Failure]:
    """Every document in files, folders (recursively), corpus files, URLs and stdin.

    A file a folder walk does not read (another format, or an output of unspin's) comes as a
    `Failure` with stage "skipped", so callers can list it without counting it as an error."""
    options = options or _DEFAULT
    for source in sources:
        name = str(source)
        try:
            path = Path(name)
            by_suffix = None if name == "-" or is_url(name) else reader_for(path)
            if name != "-" and not is_url(name) and path.is_dir():
                for file in folder_files(path):
                    if isinstance(file, Failure):
                        yield file
                    else:
                        yield from read_all([file], format=format, options=options)
            elif by_suffix is not None and by_suffix.many:
                if not path.exists():
                    yield Failure(name, "read", f"{path}: no such file; check the path")
                    continue
                with open(path, "rb") as stream:
                    yield from by_suffix.read(stream, path, options)
            else:
                yield read(name, format=format, options=options)
        except InputError as error:
            yield Failure(_input_id(name), "read", str(error), name)
        except (OSError, ValueError) as error:
            yield Failure(_input_id(name), "read", f"{name}: cannot be read ({error})", name)
        except Exception as error:  # noqa: BLE001  one input that breaks a reader must not end the batch
            yield Failure(_input_id(name), "read", f"{name}: cannot be read ({type(error).__name__}: {error})", name)


def _input_id(name: str) -> str:
    """The id a document read from `name` would have: a file's stem, a URL's last part, "stdin"."""
    if name == "-":
        return "stdin"
    if is_url(name):
        return _url_id(name)
    return Path(name).stem or name


def folder_files(folder: Path) -> Iterator[Path | Failure]:
    """The files a folder walk reads, in name order; a `Failure` (stage "skipped") for each file
    it leaves out, and one (stage "read") for an empty folder."""
    files = sorted(p for p in Path(folder).rglob("*") if p.is_file())
    if not files:
        yield Failure(str(folder), "read", f"{folder}: the folder is empty")
    for file in files:
        reason = _skip_reason(file)
        yield Failure(str(file), "skipped", f"{file}: {reason}") if reason else file


def documents_in(path: str | os.PathLike, data: bytes, *, format: str = "auto",
                 options: Options | None = None) -> Iterator[Document | Failure]:
    """The documents in one file's bytes, read as `read_all` reads that file: one article, or
    one per record of a corpus file. For engines that move bytes rather than paths."""
    options = options or _DEFAULT
    path = Path(path)
    by_suffix = reader_for(path)
    if by_suffix is not None and by_suffix.many:
        yield from by_suffix.read(io.BytesIO(data), path, options)
        return
    if len(data) > options.max_bytes:
        yield Failure(path.stem, "read", f"{path}: {len(data):,} bytes is over the {options.max_bytes:,}-byte limit; "
                                         "raise it with --max-bytes", str(path))
        return
    try:
        yield from_bytes(data, id=path.stem, format=by_suffix.name if by_suffix and format == "auto" else format,
                         path=str(path), options=options)
    except InputError as error:
        yield Failure(path.stem, "read", str(error), str(path))


def holds_several(name: str) -> bool:
    """Whether an input names several documents: a folder, or a file of a many-document format."""
    if name == "-" or is_url(name):
        return False
    reader = reader_for(name)
    return Path(name).is_dir() or (reader is not None and reader.many)


def count_documents(path: Path) -> int:
    """How many documents a file holds, cheaply (one, unless a corpus file's reader counts them)."""
    by_suffix = reader_for(path)
    if by_suffix is None or by_suffix.count is None:
        return 1
    return by_suffix.count(path)


def _skip_reason(path: Path) -> str | None:
    """Why a folder walk leaves a file out, or None to read it."""
    reader = reader_for(path)
    if reader is None:
        suffix = path.suffix.lower()
        kind = f"{suffix} files are" if suffix else "files without an extension are"
        known = main_suffixes()
        return (f"{kind} not read (only {', '.join(known[:-1])} and {known[-1]}); "
                "convert it to text, Markdown or HTML")
    if reader.refuse is None:
        return None
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return None  # reading it will report the error
    return reader.refuse(head)


def _url_id(url: str) -> str:
    tail = url.rstrip("/").rsplit("/", 1)[-1] or "page"
    return tail.split("?")[0][:80] or "page"
