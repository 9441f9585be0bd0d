"""The one data model every reader produces and every analyzer extends.

A `Document` holds the readable `text` of an article, named layers of `Span`s over it (every
span-valued finding, article metadata included), and named groups of `Relation`s that tie spans
together (an attribution: its source, cue and content). Offsets are Python `str` indices into
`text`, end exclusive, and every span satisfies `text[span.start:span.end] == span.text`;
`Document.add`, `Document.set_layer` and `Document.relate` refuse a span that does not.
For Markdown and HTML inputs, `raw_offsets` maps each position of `text` back to the raw input.

A span's `label` means, per layer: the segment kind (`segments`), the PTC technique label
(`techniques`), the markup kind (`markup`); it is None elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator


class Layer:
    """Names of span layers. Readers add `links` and `markup`; analyzers the rest."""

    SEGMENTS = "segments"
    TITLE = "title"
    AUTHORS = "authors"
    OUTLET = "outlet"
    TAGS = "tags"
    LINKS = "links"
    MARKUP = "markup"
    SENTENCES = "sentences"
    TECHNIQUES = "techniques"
    CLAIMS = "claims"


class Relations:
    """Names of relation groups."""

    ATTRIBUTIONS = "attributions"


# Segment kinds whose text is the article itself, as opposed to its frame.
CONTENT_KINDS = ("title", "subtitle", "heading", "body", "quote_block")


@dataclass(frozen=True)
class Span:
    """A stretch of a document's text, with an optional label, score and attributes."""

    start: int
    end: int
    text: str
    label: str | None = None
    score: float | None = None
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Relation:
    """Spans tied together by one finding, by role (an attribution: source, cue, content).

    Like a spaCy `SpanGroup` entry with named members: `roles` maps each role to its spans, in
    text order; `attrs` holds the finding's other fields (kind, resolved source name...).
    """

    label: str
    roles: dict[str, tuple[Span, ...]]
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def role(self, name: str) -> tuple[Span, ...]:
        return self.roles.get(name, ())

    def first(self, name: str) -> Span | None:
        spans = self.roles.get(name, ())
        return spans[0] if spans else None

    def spans(self) -> Iterator[Span]:
        for spans in self.roles.values():
            yield from spans


@dataclass
class Source:
    """Where a document came from."""

    path: str | None = None
    format: str = "text"
    url: str | None = None


@dataclass
class Document:
    text: str
    id: str = "document"
    source: Source = field(default_factory=Source)
    # Metadata found by readers (HTML meta tags, JSONL fields) before any analysis.
    reader_meta: dict[str, Any] = field(default_factory=dict)
    # raw_offsets[i] is the index in the raw input of text[i]; len(text) + 1 entries.
    raw_offsets: list[int] | None = None
    layers: dict[str, list[Span]] = field(default_factory=dict)
    relations: dict[str, list[Relation]] = field(default_factory=dict)
    # Findings that are not spans (the published date).
    meta: dict[str, Any] = field(default_factory=dict)
    # Per-token model outputs shared between analyzers (like spaCy's Doc.tensor), by name.
    tensors: dict[str, Any] = field(default_factory=dict, repr=False)

    def span(self, start: int, end: int, label: str | None = None, score: float | None = None, **attrs: Any) -> Span:
        """A span over `text[start:end]`; raises ValueError if the offsets are out of range."""
        if not (0 <= start <= end <= len(self.text)):
            raise ValueError(f"span [{start}, {end}) outside text of length {len(self.text)}")
        return Span(start, end, self.text[start:end], label, score, attrs)

    def add(self, layer: str, span: Span) -> Span:
        check_span(self.text, span)
        self.layers.setdefault(layer, []).append(span)
        return span

    def set_layer(self, name: str, spans: Iterable[Span]) -> list[Span]:
        """Replace a layer; every span is checked against the text."""
        spans = list(spans)
        for span in spans:
            check_span(self.text, span)
        self.layers[name] = spans
        return spans

    def layer(self, name: str) -> list[Span]:
        return self.layers.get(name, [])

    def first(self, name: str) -> Span | None:
        """The layer's only (or first) span, for single-valued layers such as `title`."""
        spans = self.layers.get(name)
        return spans[0] if spans else None

    def relate(self, group: str, label: str, roles: dict[str, Iterable[Span]], **attrs: Any) -> Relation:
        """Add a relation to a group; every span of every role is checked against the text."""
        relation = Relation(label, {role: tuple(spans) for role, spans in roles.items()}, attrs)
        for span in relation.spans():
            check_span(self.text, span)
        self.relations.setdefault(group, []).append(relation)
        return relation

    def related(self, group: str) -> list[Relation]:
        return self.relations.get(group, [])

    def segments(self, *kinds: str) -> list[Span]:
        return [s for s in self.layer(Layer.SEGMENTS) if not kinds or s.label in kinds]

    def content_regions(self) -> list[tuple[int, int]]:
        """The article's own text (title, headings, body, quoted blocks), in order; not the code or
        data it shows (segments of the type "code").

        Analyzers of techniques, attribution and claims read these regions only, so share
        appeals and disclaimers never count as the article's rhetoric. Before structure analysis
        has run, the whole text is content.
        """
        segments = self.layer(Layer.SEGMENTS)
        if not segments:
            return [(0, len(self.text))] if self.text else []
        return sorted((s.start, s.end) for s in segments if s.label in CONTENT_KINDS and s.attrs.get("type") != "code")

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Offsets of `text[start:end]` in the raw input (identity for plain text)."""
        if self.raw_offsets is None:
            return start, end
        raw_end = self.raw_offsets[end - 1] + 1 if end > start else self.raw_offsets[start]
        return self.raw_offsets[start], raw_end

    def all_spans(self) -> Iterator[tuple[str, Span]]:
        """Every span of every layer and relation, with the name of its layer or group."""
        for name, spans in self.layers.items():
            for span in spans:
                yield name, span
        for name, relations in self.relations.items():
            for relation in relations:
                for span in relation.spans():
                    yield name, span


def check_span(text: str, span: Span) -> None:
    if not (0 <= span.start <= span.end <= len(text)) or text[span.start : span.end] != span.text:
        raise ValueError(
            f"span {span.start}:{span.end} {span.text!r} does not match the text at those offsets"
        )


def strip_span(text: str, start: int, end: int, chars: str | None = None) -> tuple[int, int]:
    """Narrow [start, end) so it neither begins nor ends with whitespace (or `chars`)."""
    while start < end and (text[start].isspace() if chars is None else text[start] in chars or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1].isspace() if chars is None else text[end - 1] in chars or text[end - 1].isspace()):
        end -= 1
    return start, end


def lines(text: str, start: int = 0, end: int | None = None) -> Iterable[tuple[int, int]]:
    """(start, end) of each line of text[start:end], without its line break."""
    end = len(text) if end is None else end
    position = start
    while position < end:
        newline = text.find("\n", position, end)
        stop = end if newline < 0 else newline
        line_end = stop - 1 if stop > position and text[stop - 1] == "\r" else stop
        yield position, line_end
        position = stop + 1
