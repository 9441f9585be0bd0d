"""What structure analysis has found so far; written to the document's layers at the end."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Draft:
    segments: list[tuple[int, int, str, dict]] = field(default_factory=list)
    title: tuple[int, int] | None = None
    authors: list[tuple[int, int]] = field(default_factory=list)
    published: str | None = None
    outlet: tuple[int, int] | None = None
    tags: list[tuple[int, int]] = field(default_factory=list)
    author_names: list[str] = field(default_factory=list)

    def add(self, start: int, end: int, kind: str, **attrs) -> None:
        if end > start:
            self.segments.append((start, end, kind, attrs))
