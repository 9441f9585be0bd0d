"""Readers turn an input (file, folder, stdin, URL, corpus line) into a `Document`.

`from_text`, `read_file` and `read_url` each read one kind of input; `read` is the command
line's convenience that tells a path, a URL and `-` (stdin) apart; `read_all` walks any mix of
inputs and yields a `Document` or a `Failure` for each, so one bad file never stops a batch.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sys
from pathlib import Path
from typing import Iterable, Iterator

from ..document import Document, Source
from ..errors import Failure, InputError
from ..options import DEFAULT_MAX_BYTES, Options
from .html import looks_like_html, read_html
from .markdown import looks_like_markdown, read_markdown
from .text import decode
from .url import fetch, is_url

DEFAULT_MAX_CHARS = Options.max_chars
FORMATS = ("auto", "text", "markdown", "html")
_SUFFIX_FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".xhtml": "html", ".txt": "text"}
_FOLDER_SUFFIXES = set(_SUFFIX_FORMATS) | {".jsonl", ".csv"}


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_WORDLIKE = re.compile(r"[^\W_]")  # a letter or a digit, in any script
HTML_PER_TEXT = 20  # raw HTML may be this many times the readable-text limit


def replace_lone_surrogates(text: str) -> str:
    """Lone surrogates (from JSON escapes or `surrogateescape` decoding) cannot be written as
    UTF-8; each becomes U+FFFD, one character for one, so offsets are unchanged."""
    return _LONE_SURROGATE.sub("\ufffd", text) if _LONE_SURROGATE.search(text) else text


def from_text(text: str, *, id: str = "document", format: str = "auto", path: str | None = None, url: str | None = None,
              max_chars: int = DEFAULT_MAX_CHARS) -> Document:
    """A document from an already decoded string. `auto` sniffs HTML and Markdown copies."""
    text = replace_lone_surrogates(text)
    if not text.strip():
        raise InputError(f"{id}: is empty; there is nothing to analyse")
    if not _WORDLIKE.search(text):
        raise InputError(f"{id}: holds no letters or digits (only control characters or symbols); "
                         "there is nothing to analyse")
    if format == "auto":
        format = "html" if looks_like_html(text) else "markdown" if looks_like_markdown(text) else "text"
    elif format == "text" and looks_like_markdown(text) and path and path.endswith(".txt"):
        format = "markdown"
    if format == "html":
        # The limit is on the readable text; the markup around it may be many times longer (the
        # byte limit bounds it), so it is checked after extraction.
        if len(text) > HTML_PER_TEXT * max_chars:
            raise InputError(f"{id}: {len(text):,} characters of HTML is over {HTML_PER_TEXT} times the "
                             f"{max_chars:,}-character limit for one article; raise the limit (--max-chars)")
        doc = read_html(text, id=id, path=path, url=url)
        _check_length(doc.text, id, max_chars, "of readable text ")
        return doc
    _check_length(text, id, max_chars)
    if format == "markdown":
        return read_markdown(text, id=id, path=path, url=url)
    if format != "text":
        raise InputError(f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
    return Document(text=text, id=id, source=Source(path=path, format="text", url=url))


def _check_length(text: str, id: str, max_chars: int, what: str = "") -> None:
    if len(text) > max_chars:
        raise InputError(f"{id}: {len(text):,} characters {what}is over the {max_chars:,}-character limit for one "
                         "article; split it into articles or raise the limit (--max-chars)")


def from_bytes(data: bytes, *, id: str = "document", format: str = "auto", path: str | None = None,
               url: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES, max_chars: int = DEFAULT_MAX_CHARS) -> Document:
    if len(data) > max_bytes:
        raise InputError(f"{id}: {len(data):,} bytes is over the {max_bytes:,}-byte limit; raise it with --max-bytes")
    if not data.strip():
        raise InputError(f"{id}: is empty; there is nothing to analyse")
    return from_text(decode(data, id), id=id, format=format, path=path, url=url, max_chars=max_chars)


def read(source: str | os.PathLike, *, format: str = "auto", id: str | None = None,
         max_bytes: int = DEFAULT_MAX_BYTES, max_chars: int = DEFAULT_MAX_CHARS) -> Document:
    """Read one article from what a person typed: a path, a URL, or `-` (stdin)."""
    name = str(source)
    if name == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        return from_bytes(data, id=id or "stdin", format=format, max_bytes=max_bytes, max_chars=max_chars)
    if is_url(name):
        return read_url(name, format=format, id=id, options=Options(max_bytes=max_bytes, max_chars=max_chars))
    return read_file(name, format=format, id=id, max_bytes=max_bytes, max_chars=max_chars)


def read_url(url: str, *, format: str = "auto", id: str | None = None, options: Options | None = None) -> Document:
    """Fetch a page (http or https only) within the options' size limit and deadline."""
    options = options or Options()
    data, fetched_format, final_url = fetch(url, max_bytes=options.max_bytes, timeout=options.fetch_timeout,
                                            guard=options.guard_urls)
    return from_bytes(data, id=id or _url_id(final_url), format=fetched_format if format == "auto" else format,
                      url=final_url, max_bytes=options.max_bytes, max_chars=options.max_chars)


def read_file(source: str | os.PathLike, *, format: str = "auto", id: str | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES, max_chars: int = DEFAULT_MAX_CHARS) -> Document:
    """Read one article file; the format comes from the extension, else from the content."""
    name = str(source)
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
    return from_bytes(data, id=id or path.stem, format=format, path=str(path), max_bytes=max_bytes, max_chars=max_chars)


def read_all(sources: Iterable[str | os.PathLike], *, format: str = "auto", max_bytes: int = DEFAULT_MAX_BYTES,
             max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Document | Failure]:
    """Every document in files, folders (recursively), JSONL corpora, URLs and stdin.

    A file a folder walk does not read (another format, or an output of unspin's) comes as a
    `Failure` with stage "skipped", so callers can list it without counting it as an error."""
    for source in sources:
        name = str(source)
        try:
            path = Path(name)
            if name != "-" and not is_url(name) and path.is_dir():
                for file in folder_files(path):
                    if isinstance(file, Failure):
                        yield file
                    else:
                        yield from read_all([file], format=format, max_bytes=max_bytes, max_chars=max_chars)
            elif path.suffix.lower() == ".jsonl" and not is_url(name):
                yield from read_jsonl(path, max_bytes=max_bytes, max_chars=max_chars)
            elif path.suffix.lower() == ".csv" and not is_url(name):
                yield from read_csv(path, max_bytes=max_bytes, max_chars=max_chars)
            else:
                yield read(name, format=format, max_bytes=max_bytes, max_chars=max_chars)
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


def documents_in(path: str | os.PathLike, data: bytes, *, format: str = "auto", max_bytes: int = DEFAULT_MAX_BYTES,
                 max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Document | Failure]:
    """The documents in one file's bytes, read as `read_all` reads that file: one article, or
    one per line (.jsonl) or row (.csv). For engines that move bytes rather than paths."""
    import io

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from jsonl_documents(io.BytesIO(data), path, max_bytes=max_bytes, max_chars=max_chars)
        return
    if suffix == ".csv":
        with io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline="") as handle:
            yield from csv_documents(handle, path, max_bytes=max_bytes, max_chars=max_chars)
        return
    if len(data) > max_bytes:
        yield Failure(path.stem, "read", f"{path}: {len(data):,} bytes is over the {max_bytes:,}-byte limit; "
                                         "raise it with --max-bytes", str(path))
        return
    try:
        yield from_bytes(data, id=path.stem, format=_SUFFIX_FORMATS.get(suffix, "auto") if format == "auto" else format,
                         path=str(path), max_bytes=max_bytes, max_chars=max_chars)
    except InputError as error:
        yield Failure(path.stem, "read", str(error), str(path))


def _skip_reason(path: Path) -> str | None:
    """Why a folder walk leaves a file out, or None to read it."""
    suffix = path.suffix.lower()
    if suffix not in _FOLDER_SUFFIXES:
        kind = f"{suffix} files are" if suffix else "files without an extension are"
        return f"{kind} not read (only .txt, .md, .html, .jsonl and .csv); convert it to text, Markdown or HTML"
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return None  # reading it will report the error
    if suffix in (".html", ".htm", ".xhtml") and b'<meta name="generator" content="unspin' in head:
        return "an unspin report, not an article"
    if suffix == ".jsonl" and b'"schema":"unspin/analysis@1"' in head.replace(b" ", b""):
        return "unspin output (unspin/analysis@1), not a corpus"
    return None


def read_jsonl(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
               max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Document | Failure]:
    """One document per line: `{"id", "text" | "html", "url"?}`; other keys go to reader_meta.

    A bad line (invalid UTF-8 or JSON, no text, too large) becomes a `Failure` naming the file
    and line, and the lines after it are still read."""
    if not path.exists():
        yield Failure(str(path), "read", f"{path}: no such file; check the path")
        return
    with open(path, "rb") as handle:
        yield from jsonl_documents(handle, path, max_bytes=max_bytes, max_chars=max_chars)


def jsonl_documents(lines: Iterable[bytes], path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
                    max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Document | Failure]:
    for number, line in enumerate(lines, 1):
        where = f"{path}:{number}"
        if not line.strip():
            continue
        try:
            yield _jsonl_document(line, path, number, where, max_bytes, max_chars)
        except InputError as error:
            yield Failure(where, "read", str(error))


def _jsonl_document(line: bytes, path: Path, number: int, where: str, max_bytes: int, max_chars: int) -> Document:
    if len(line) > max_bytes:
        raise InputError(f"{where}: line is over the {max_bytes:,}-byte limit; raise it with --max-bytes")
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
    return _record_document(record, path, number, where, max_chars)


def read_csv(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
             max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Document | Failure]:
    """One document per row of a CSV file with a header: the same columns as a JSONL corpus
    (`id`, `text` or `html`, `url`; others go to reader_meta). A bad row becomes a `Failure`."""
    if not path.exists():
        yield Failure(str(path), "read", f"{path}: no such file; check the path")
        return
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            yield from csv_documents(handle, path, max_bytes=max_bytes, max_chars=max_chars)
    except OSError as error:
        yield Failure(str(path), "read", f"{path}: cannot be read ({error.strerror}); check its permissions")


def csv_documents(handle: Iterable[str], path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
                  max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Document | Failure]:
    """The rows of an open CSV text stream (newline=""), read as `read_csv` reads them."""
    csv.field_size_limit(max(max_bytes, 1 << 20))
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
                yield _record_document(record, path, reader.line_num, where, max_chars)
            except InputError as error:
                yield Failure(where, "read", str(error))
    except UnicodeDecodeError as error:
        yield Failure(str(path), "read", f"{path}: not valid UTF-8 (byte {error.start}); re-encode the file as UTF-8")
    except csv.Error as error:
        yield Failure(str(path), "read", f"{path}: not a readable CSV file ({error})")


def _record_document(record: dict, path: Path, number: int, where: str, max_chars: int) -> Document:
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
                    path=str(path), url=url if isinstance(url, str) else None, max_chars=max_chars)
    doc.reader_meta.update({k: v for k, v in record.items() if k not in ("id", "text", "html", "url")})
    return doc


def _url_id(url: str) -> str:
    tail = url.rstrip("/").rsplit("/", 1)[-1] or "page"
    return tail.split("?")[0][:80] or "page"
