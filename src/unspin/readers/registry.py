"""The input formats unspin reads, each declared once: its name, file suffixes, media types,
how to recognise it, and whether a file holds one document or many.

The folder walk, `corpus run`'s document count, the CLI's `--input-format` choices and the
server's accepted upload types all come from here, so a new format is one `register_reader`
call next to its reading function (see CONTRIBUTING.md). Three kinds of reader:

- one document from text (`binary=False`, `many=False`): `read(text, *, id, path, url) -> Document`,
  after unspin has decoded the bytes (BOMs, UTF-8, detection);
- one document from bytes (`binary=True`): `read(data, *, id, path, url) -> Document`, for
  formats that are not text (PDF, EPUB, DOCX);
- many documents a file (`many=True`): `read(stream, path, options) -> Iterator[Document | Failure]`,
  from an open binary stream, so a corpus file is never read whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..errors import InputError


@dataclass(frozen=True)
class Reader:
    name: str
    read: Callable
    suffixes: tuple[str, ...] = ()
    media_types: tuple[str, ...] = ()
    # Recognises the format from its content, for `--input-format auto`: text (or bytes, when
    # binary). Sniffers run highest `priority` first; a text no sniffer claims is plain text.
    sniff: Callable | None = None
    priority: int = 0
    many: bool = False
    binary: bool = False
    # How many characters of raw input one character of readable text may cost (markup): the
    # raw input is refused beyond this many times the readable-text limit, before reading it.
    markup_ratio: int = 1
    # A cheap count of the documents in a file (many-document readers), for progress bars.
    count: Callable[[Path], int] | None = None
    # Why a folder walk should leave a file out, from its first 4 KB (an output of unspin's), or None.
    refuse: Callable[[bytes], str | None] | None = None


READERS: dict[str, Reader] = {}


def register_reader(reader: Reader) -> Reader:
    """Add a format (or replace one of the same name)."""
    READERS[reader.name] = reader
    return reader


def unregister_reader(name: str) -> None:
    """Remove a format (tests, and a plugin that unloads)."""
    READERS.pop(name, None)


def readers() -> list[Reader]:
    """Every format; importing `unspin.readers` registers the built-in ones."""
    return list(READERS.values())


def reader_named(name: str) -> Reader:
    if name not in READERS:
        raise InputError(f"unknown format {name!r}; use one of {', '.join(('auto', *READERS))}")
    return READERS[name]


def sniffers(binary: bool) -> list[Reader]:
    return sorted((r for r in readers() if r.sniff and r.binary == binary and not r.many), key=lambda r: -r.priority)


def reader_for(path: str | Path) -> Reader | None:
    """The reader a file's suffix names, or None."""
    suffix = Path(path).suffix.lower()
    return next((r for r in readers() if suffix in r.suffixes), None)


def single_formats() -> tuple[str, ...]:
    """Formats of one document a file: the CLI's `--input-format` and an upload's `format`."""
    return tuple(sorted(r.name for r in readers() if not r.many))


def text_formats() -> tuple[str, ...]:
    """Formats a request's `text` field may be read as."""
    return tuple(sorted(r.name for r in readers() if not r.many and not r.binary))


def upload_types() -> dict[str, str]:
    """Media type -> format, for uploads; anything unnamed is sniffed ("auto")."""
    types = {media: r.name for r in readers() if not r.many for media in r.media_types}
    return {**types, "application/octet-stream": "auto", "": "auto"}


def folder_suffixes() -> list[str]:
    """The suffixes a folder walk reads, the first of each format first (for messages)."""
    return [suffix for r in readers() for suffix in r.suffixes]


def main_suffixes() -> list[str]:
    return [r.suffixes[0] for r in sorted(readers(), key=lambda r: r.many) if r.suffixes]
