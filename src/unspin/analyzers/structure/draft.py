"""What structure analysis has found so far; written to the document's layers at the end."""

from __future__ import annotations

from dataclasses import dataclass, field

from .lines import Line


@dataclass
class Draft:
    segments: list[tuple[int, int, str, dict]] = field(default_factory=list)
    title: tuple[int, int] | None = None
    authors: list[tuple[int, int]] = field(default_factory=list)
    published: str | None = None
    published_updated: bool = False  # the date read so far only says when the article was last updated
    outlet: tuple[int, int] | None = None
    tags: list[tuple[int, int]] = field(default_factory=list)
    author_names: list[str] = field(default_factory=list)

    def outlet_in(self, text: str) -> str | None:
        """The outlet's words in the document's `text`, where one was found."""
        return text[slice(*self.outlet)] if self.outlet else None

    def authors_in(self, text: str) -> set[str]:
        """The authors' names as the document's `text` writes them."""
        return {text[a:b] for a, b in self.authors}

    def dated(self, value: str | None, updated: bool = False) -> None:
        """Take the article's date: the first one read, unless that one says only when the article was
        updated ("Updated 04 December 2024" / "ANN ROE" / "December 03, 2024 23:25")."""
        if value and (not self.published or (self.published_updated and not updated)):
            self.published, self.published_updated = value, updated

    def add(self, start: int, end: int, kind: str, **attrs) -> None:
        if end > start:
            self.segments.append((start, end, kind, attrs))

    def straddles(self, line: Line) -> bool:
        """Whether a segment runs across the line's edge (a quoted block of several lines): such a
        line is left as it is, so that segments never overlap."""
        return any(s < line.end and line.start < e and not (line.start <= s and e <= line.end)
                   for s, e, _, _ in self.segments)

    def drop_line(self, line: Line) -> None:
        """Drop the segments that lie within the line."""
        self.segments = [seg for seg in self.segments if not (line.start <= seg[0] and seg[1] <= line.end)]

    def set_line(self, line: Line, kind: str, **attrs) -> None:
        """Make the whole line one segment of `kind`, in place of what covered it."""
        self.drop_line(line)
        self.add(line.start, line.end, kind, **attrs)

    def touches(self, line: Line) -> bool:
        """Whether any segment covers part of the line."""
        return any(s < line.end and line.start < e for s, e, _, _ in self.segments)

    def covers(self, line: Line, kinds: tuple[str, ...]) -> bool:
        """Whether the line is still one of `kinds` (and no segment runs across its edge)."""
        return not self.straddles(line) and any(
            line.start <= s and e <= line.end and kind in kinds for s, e, kind, _ in self.segments)
