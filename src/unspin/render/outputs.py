"""Where rendered analyses go, by the usual command-line conventions.

- no `-o`: standard output (JSON Lines when there are several documents);
- `-o FILE`: one file holding every document (JSON for one, JSON Lines for several; an HTML
  report or text view only for a single document);
- `-o DIR/` or an existing directory: one file per document, named after its id, made unique
  when two documents share an id;
- an existing file is never overwritten unless `force` is set.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from ..analysis import Analysis
from ..errors import UnspinError

EXTENSIONS = {"json": ".json", "jsonl": ".jsonl", "html": ".html", "text": ".txt"}


class OutputError(UnspinError):
    """The output cannot be written where it was asked to go."""


def is_directory_target(output: Path | str | None) -> bool:
    return output is not None and (str(output).endswith(("/", "\\")) or Path(output).is_dir())


MAX_NAME_BYTES = 100  # of a file name's stem in UTF-8: file systems allow 255 bytes, not characters


def safe_name(value: str) -> str:
    """A file name stem for a document id: letters, digits, "-", "_" and "." kept, at most
    `MAX_NAME_BYTES` bytes. When the id had to change, 8 hex digits of its hash follow, so that
    "a/b" and "a_b", or two long ids that share their first 100 bytes, never share a file."""
    import hashlib

    cleaned = "".join(c if c.isalnum() or c in "-_." else "_" for c in value).strip("._")
    short = cleaned.encode("utf-8")[:MAX_NAME_BYTES].decode("utf-8", "ignore")
    if short == value and short:
        return short
    return f"{short or 'document'}-{hashlib.sha1(value.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"


def render(analysis: Analysis, format: str, *, several: bool) -> str:
    from .json import to_json, to_jsonl_line

    if format == "html":
        from .html import to_html

        return to_html(analysis)
    if format == "text":
        from io import StringIO

        from rich.console import Console

        from .terminal import render as render_terminal

        buffer = StringIO()
        render_terminal(analysis, Console(file=buffer, width=100, force_terminal=False, color_system=None))
        return buffer.getvalue()
    if format == "jsonl" or several:
        return to_jsonl_line(analysis) + "\n"
    return to_json(analysis) + "\n"


class Sink:
    """Writes rendered analyses to stdout, one file or one file per document."""

    def __init__(self, output: Path | str | None, format: str, *, several: bool, force: bool = False,
                 stdout: TextIO | None = None):
        self.format = format
        self.several = several
        self.force = force
        self.stdout = stdout or sys.stdout
        self.written: list[Path] = []
        self._directory: Path | None = None
        self._file: Path | None = None
        self._handle: TextIO | None = None
        self._used: set[str] = set()
        self._count = 0
        if output is None:
            if format == "html" and self.stdout.isatty():
                raise OutputError("an HTML report is a file: give -o report.html (or -o DIR/ for several documents)")
            return
        if is_directory_target(output):
            self._directory = Path(output)
            if self._directory.exists() and not self._directory.is_dir():
                raise OutputError(f"{output}: exists and is not a folder")
            self._directory.mkdir(parents=True, exist_ok=True)
        else:
            self._file = Path(output)
            if self._file.exists() and not force:
                raise OutputError(f"{output}: already exists; pass --force to overwrite it")
            if several and format in ("html", "text"):
                raise OutputError(f"several documents do not fit in one {format} file: give a folder, -o {output}/")
            if not self._file.parent.exists():
                raise OutputError(f"{self._file.parent}: no such folder for the output file")

    def write(self, analysis: Analysis) -> None:
        several = self.several or self._count > 0
        content = render(analysis, self.format, several=several if self._directory is None else False)
        self._count += 1
        if self._directory is not None:
            self._write_file(self._unique_path(analysis.id), content)
        elif self._file is not None:
            if self._handle is None:
                self._handle = open(self._file, "w", encoding="utf-8", newline="\n")
                self.written.append(self._file)
            self._handle.write(content)
        else:
            self.stdout.write(content)
            self.stdout.flush()

    def _unique_path(self, doc_id: str) -> Path:
        assert self._directory is not None
        base = safe_name(doc_id)
        name, k = base, 1
        while name in self._used:  # two documents with one id in this run
            k += 1
            name = f"{base}-{k}"
        self._used.add(name)
        path = self._directory / (name + EXTENSIONS[self.format])
        if path.exists() and not self.force:
            raise OutputError(f"{path}: already exists; pass --force to overwrite it")
        return path

    def _write_file(self, path: Path, content: str) -> None:
        path.write_text(content, encoding="utf-8", newline="\n")
        self.written.append(path)

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
