"""Bytes to text: BOMs, UTF-8, then detection; refuse binary data with a clear message."""

from __future__ import annotations

import codecs

from ..document import Document, Source
from ..errors import InputError
from .registry import Reader, register_reader

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_SIGNATURES = {
    b"%PDF": "a PDF file; convert it to text or HTML first (for example with pdftotext)",
    b"PK\x03\x04": "a ZIP archive (or a .docx/.epub); extract or convert it to text first",
    b"\x89PNG": "a PNG image, not an article",
    b"\xff\xd8\xff": "a JPEG image, not an article",
    b"GIF8": "a GIF image, not an article",
    b"\x1f\x8b": "a gzip archive; decompress it first",
}


def decode(data: bytes, name: str = "input") -> str:
    """Decode article bytes exactly: a BOM is removed, newlines and everything else are kept."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(f"{name}: starts with a {encoding} byte-order mark but is not valid {encoding} ({error.reason})") from None
    for signature, what in _SIGNATURES.items():
        if data.startswith(signature):
            raise InputError(f"{name}: looks like {what}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _detect(data, name)
    if _looks_binary(text):
        raise InputError(f"{name}: looks like a binary file, not text or HTML; pass a text, Markdown or HTML article")
    return text


def _detect(data: bytes, name: str) -> str:
    if b"\x00" in data:
        raise InputError(f"{name}: looks like a binary file, not text or HTML; pass a text, Markdown or HTML article")
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    # On a tie, prefer windows-1252: the most common legacy encoding of web text.
    best = min(matches, key=lambda m: (m.chaos, -m.coherence, m.encoding != "cp1252"), default=None)
    if best is None:
        raise InputError(f"{name}: cannot tell its text encoding; convert it to UTF-8 first (for example with iconv -t UTF-8)")
    return str(best)


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    control = sum(1 for c in sample if (c < " " and c not in "\n\r\t\f\v") or c == "\x7f")
    return "\x00" in sample or control / len(sample) > 0.05


def read_plain(text: str, *, id: str = "document", path: str | None = None, url: str | None = None) -> Document:
    return Document(text=text, id=id, source=Source(path=path, format="text", url=url))


register_reader(Reader("text", read_plain, suffixes=(".txt",), media_types=("text/plain",)))
