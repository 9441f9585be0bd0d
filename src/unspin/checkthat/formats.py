"""Reading and writing CheckThat! check-worthiness TSVs.

Input files have a header with `Sentence_id`, `Text` and optionally `class_label` (`Yes`/`No`),
one sentence per line, tab-separated and unquoted. Predictions are `Sentence_id<TAB>class_label`.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

LABELS = ("Yes", "No")


class FormatError(ValueError):
    """A CheckThat TSV that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class Sentence:
    id: str
    text: str
    label: str | None = None  # "Yes", "No", or None when the file has no labels


def read_sentences(path: Path, strict: bool = True) -> list[Sentence]:
    """Every row of a CheckThat TSV, in file order.

    With `strict=False` a malformed row is skipped with a warning instead of raising (the
    official training file has one line where two rows ran together).
    """
    path = Path(path)
    with open(path, encoding="utf-8", newline="") as handle:
        lines = handle.read().split("\n")
    header = lines[0].lstrip("\ufeff").rstrip("\r").split("\t") if lines else []
    if "Sentence_id" not in header or "Text" not in header:
        raise FormatError(f"{path}:1: the header must name the columns Sentence_id and Text (got {header!r})")
    id_col, text_col = header.index("Sentence_id"), header.index("Text")
    label_col = header.index("class_label") if "class_label" in header else None
    rows, seen = [], set()
    for number, line in enumerate(lines[1:], 2):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        try:
            rows.append(_row(line, len(header), id_col, text_col, label_col, seen))
        except FormatError as error:
            message = f"{path}:{number}: {error}"
            if strict:
                raise FormatError(message) from None
            warnings.warn(f"skipped {message}", stacklevel=2)
    return rows


def _row(line: str, width: int, id_col: int, text_col: int, label_col: int | None, seen: set) -> Sentence:
    fields = line.split("\t")
    if len(fields) != width:
        raise FormatError(f"expected {width} tab-separated fields, got {len(fields)}")
    sentence_id, text = fields[id_col].strip(), fields[text_col]
    if not sentence_id:
        raise FormatError("empty Sentence_id")
    if sentence_id in seen:
        raise FormatError(f"Sentence_id {sentence_id} appears twice")
    seen.add(sentence_id)
    if not text.strip():
        raise FormatError(f"sentence {sentence_id} has no text")
    label = None
    if label_col is not None:
        label = fields[label_col].strip()
        if label not in LABELS:
            raise FormatError(f"class_label must be Yes or No, got {label!r}")
    return Sentence(sentence_id, text, label)


def read_predictions(path: Path) -> dict[str, str]:
    """A predictions TSV (`Sentence_id<TAB>class_label`, header optional): id -> Yes/No."""
    path = Path(path)
    out: dict[str, str] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for number, line in enumerate(handle.read().split("\n"), 1):
            line = line.rstrip("\r")
            if not line.strip() or (number == 1 and line.lstrip("\ufeff").startswith("Sentence_id")):
                continue
            fields = line.split("\t")
            if len(fields) < 2 or fields[-1].strip() not in LABELS:
                raise FormatError(f"{path}:{number}: expected Sentence_id<TAB>Yes|No, got {line[:60]!r}")
            out[fields[0].strip()] = fields[-1].strip()
    return out


def write_predictions(path: Path, predictions: list[tuple[str, str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("Sentence_id\tclass_label\n")
        for sentence_id, label in predictions:
            handle.write(f"{sentence_id}\t{label}\n")
