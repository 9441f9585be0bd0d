"""Reading and writing the PTC / SemEval-2020 Task 11 file formats.

Articles are `article<ID>.txt`, read as UTF-8 with newlines untouched so that offsets are
Python `str` indices into the file. Labels are `article_id<TAB>technique<TAB>start<TAB>end`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_ARTICLE_NAME = re.compile(r"^article(\d+)\.txt$")


@dataclass(frozen=True, order=True)
class Annotation:
    article_id: str
    start: int
    end: int
    technique: str  # "?" in a span template


def read_article_texts(directory: Path) -> dict[str, str]:
    """All `article<ID>.txt` files of a directory, by article id, in id order."""
    articles = {}
    for path in sorted(Path(directory).iterdir()):
        match = _ARTICLE_NAME.match(path.name)
        if match:
            articles[match.group(1)] = read_article(path)
    return articles


def read_article(path: Path) -> str:
    """An article exactly as the PTC offsets see it: UTF-8, newlines untouched."""
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def read_labels(path: Path) -> list[Annotation]:
    """Rows of a labels/predictions/template TSV; blank lines are skipped."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            fields = line.split("\t")
            if len(fields) != 4:
                raise ValueError(f"{path}:{number}: expected 4 tab-separated fields, got {len(fields)}")
            article_id, technique, start, end = fields
            try:
                rows.append(Annotation(article_id, int(start), int(end), technique))
            except ValueError:
                raise ValueError(f"{path}:{number}: start and end must be integers") from None
    return rows


def write_labels(path: Path, rows: list[Annotation]) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for row in rows:
            handle.write(f"{row.article_id}\t{row.technique}\t{row.start}\t{row.end}\n")
