"""Reading PolNeAR: `text/<name>.txt` and brat standoff `attributions/<name>_<annotator>.ann`.

An attribution ties a Source (optional), a Cue and a Content together through an `E` line;
Content may be discontinuous (`start end;start end`). Offsets are `str` indices into the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

ROLES = ("source", "cue", "content")


@dataclass
class GoldAttribution:
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)
    content: list[tuple[int, int]] = field(default_factory=list)

    def role(self, name: str) -> list[tuple[int, int]]:
        return getattr(self, name)


def read_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def _fragments(offsets: str) -> list[tuple[int, int]]:
    out = []
    for part in offsets.split(";"):
        start, end = part.split()
        out.append((int(start), int(end)))
    return out


def read_ann(path: Path) -> list[GoldAttribution]:
    """Attributions of one .ann file (brat standoff)."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[str] = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            fields = line.split("\t")
            if line.startswith("T") and len(fields) >= 2 and " " in fields[1]:
                kind, offsets = fields[1].split(" ", 1)
                try:
                    spans[fields[0]] = (kind, _fragments(offsets))
                except ValueError:
                    continue  # a malformed offset list: skip that one span
            elif line.startswith("E") and len(fields) >= 2:
                events.append(fields[1])
    out = []
    for event in events:
        attribution = GoldAttribution()
        for argument in event.split():
            role, ident = argument.split(":")
            role = re.sub(r"\d+$", "", role).lower()
            if role in ROLES and ident in spans:
                attribution.role(role).extend(spans[ident][1])
        if attribution.cue or attribution.content:
            out.append(attribution)
    return out


def read_corpus(directory: Path) -> dict[str, tuple[str, list[GoldAttribution]]]:
    """Each text with the attributions of its first annotator (alphabetically), by file stem."""
    directory = Path(directory)
    annotations: dict[str, Path] = {}
    for ann in sorted((directory / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        annotations.setdefault(stem, ann)
    corpus = {}
    for text_path in sorted((directory / "text").glob("*.txt")):
        ann = annotations.get(text_path.stem)
        corpus[text_path.stem] = (read_text(text_path), read_ann(ann) if ann else [])
    return corpus
