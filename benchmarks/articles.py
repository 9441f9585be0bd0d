"""What every benchmark starts with: the articles it measures on, and a note, before any number,
when the environment itself makes the numbers worse than a user's."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path


def read_articles(folder: Path, limit: int | None = None) -> list[str]:
    """The .txt articles of `folder` in name order (the first `limit`); exits when there are none.

    spaCy's thinc imports torch whenever it is installed (the `train` extra): every process that
    splits sentences then pays 2-3 s of start-up and about 180 MB of memory that a user's install
    (the README's) does not, so that is said first."""
    if importlib.util.find_spec("torch") is not None:
        print("note: torch is installed here, and spaCy imports it: start-up and memory are measured "
              "higher than in the README's install (about +2 s and +180 MB)")
    paths = sorted(Path(folder).glob("*.txt"))[:limit]
    if not paths:
        sys.exit(f"no .txt articles in {folder}")
    return [p.read_text(encoding="utf-8") for p in paths]
