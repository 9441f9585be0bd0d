"""One document from a string or from bytes, read by the format given or recognised.

`from_text` reads text formats (plain text, Markdown, HTML); `from_bytes` lets a binary
format's reader have the bytes as they are, and decodes them (BOMs, UTF-8, detection) for the
text formats. Both check the limits of `Options` before and after reading.
"""

from __future__ import annotations

import re

from ..document import Document
from ..errors import InputError
from ..options import Options
from .registry import reader_named, sniffers
from .text import decode

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_WORDLIKE = re.compile(r"[^\W_]")  # a letter or a digit, in any script
DEFAULT_OPTIONS = Options()


def replace_lone_surrogates(text: str) -> str:
    """Lone surrogates (from JSON escapes or `surrogateescape` decoding) cannot be written as
    UTF-8; each becomes U+FFFD, one character for one, so offsets are unchanged."""
    return _LONE_SURROGATE.sub("\ufffd", text) if _LONE_SURROGATE.search(text) else text


def from_text(text: str, *, id: str = "document", format: str = "auto", path: str | None = None, url: str | None = None,
              options: Options | None = None) -> Document:
    """A document from an already decoded string. `auto` sniffs HTML and Markdown copies."""
    options = options or DEFAULT_OPTIONS
    text = replace_lone_surrogates(text)
    if not text.strip():
        raise InputError(f"{id}: is empty; there is nothing to analyse")
    if not _WORDLIKE.search(text):
        raise InputError(f"{id}: holds no letters or digits (only control characters or symbols); "
                         "there is nothing to analyse")
    if format == "auto":
        format = next((r.name for r in sniffers(binary=False) if r.sniff(text)), "text")
    elif format == "text" and path and path.endswith(".txt") and reader_named("markdown").sniff(text):
        format = "markdown"  # a .txt file that is a Markdown copy
    reader = reader_named(format)
    if reader.many or reader.binary:
        raise InputError(f"{id}: the {format} format is not read from a string; use read_all() or from_bytes()")
    limit = options.max_chars
    if reader.markup_ratio > 1 and len(text) > reader.markup_ratio * limit:
        raise InputError(f"{id}: {len(text):,} characters of {format.upper()} is over {reader.markup_ratio} times the "
                         f"{limit:,}-character limit for one article; raise the limit (--max-chars)")
    if reader.markup_ratio == 1:
        _check_length(text, id, limit)
    doc = reader.read(text, id=id, path=path, url=url)
    _check_length(doc.text, id, limit, "of readable text ")
    return doc


def _check_length(text: str, id: str, max_chars: int, what: str = "") -> None:
    if len(text) > max_chars:
        raise InputError(f"{id}: {len(text):,} characters {what}is over the {max_chars:,}-character limit for one "
                         "article; split it into articles or raise the limit (--max-chars)")


def from_bytes(data: bytes, *, id: str = "document", format: str = "auto", path: str | None = None,
               url: str | None = None, options: Options | None = None) -> Document:
    """A document from raw bytes: a binary format's reader reads them as they are; text formats
    get them decoded (BOMs, UTF-8, detection) first."""
    options = options or DEFAULT_OPTIONS
    if len(data) > options.max_bytes:
        raise InputError(f"{id}: {len(data):,} bytes is over the {options.max_bytes:,}-byte limit; raise it with --max-bytes")
    if not data.strip():
        raise InputError(f"{id}: is empty; there is nothing to analyse")
    reader = (next((r for r in sniffers(binary=True) if r.sniff(data)), None) if format == "auto"
              else reader_named(format))
    if reader is not None and reader.binary:
        doc = reader.read(data, id=id, path=path, url=url)
        _check_length(doc.text, id, options.max_chars, "of readable text ")
        return doc
    return from_text(decode(data, id), id=id, format=format, path=path, url=url, options=options)
