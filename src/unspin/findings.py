"""Finding types: the base every layer's findings declare, and their registry.

A finding type (a subclass of `Finding`) is the whole of a layer outside its analyzer: how its
findings are read from a `Document` and written as the JSON contract's objects, how that JSON
is read back into a document, its corpus table and rows, its marks in the HTML report and the
terminal, and the summary and engine keys its analyzer fills. Each is declared next to the
code that finds it (`analyzers/techniques/findings.py`, `readers/links.py`, ...) with
`@register_finding`; `layers.py` orders them, and `Analysis`, the corpus rows, the renderers
and the pipeline loop over `layers.registered()`. A new layer names its findings module in
`layers.BUILTIN`; a plugin's types come after the built-in ones, in the order registered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from .document import Document, Span

# How every view names the source of an attribution that names none, and a sentence that cites no one.
UNNAMED_SOURCE = "unnamed source"
NO_SOURCE_GIVEN = "no source given"


@dataclass(frozen=True)
class Mark:
    """A stretch of text a report shows, with what each renderer needs to show it.

    `css`: classes in the HTML report; `style`: a rich style for the terminal; `title`: hover
    text. Marks with the same `exclusive` key compete in a piece of text: only the first, by
    `rank`, gives its classes and style (one colour for overlapping techniques). `href`,
    `anchor` and `score` land on the report's piece; `focusable` makes it reachable by keyboard.
    """

    layer: str
    start: int
    end: int
    label: str
    css: str = ""
    style: str = ""
    title: str = ""
    exclusive: str | None = None
    rank: int = 0
    href: str | None = None
    anchor: str | None = None
    score: float | None = None
    focusable: bool = False


class Finding:
    """The declaration of one layer of findings (see the module's docstring)."""

    key: ClassVar[str]  # the JSON's top-level key, and the corpus table's name
    layer: ClassVar[str]  # the `Document` layer or relation group that holds it
    analyzer: ClassVar[str | None] = None  # the component that adds it (its `engine.models` entry); None: readers
    summary: ClassVar[str | None] = None  # the `summary` key the analyzer's profile writes
    # The corpus table's columns after `document_id`, as (name, DuckDB type); none: no table.
    columns: ClassVar[tuple[tuple[str, str], ...]] = ()

    @classmethod
    def read(cls, doc: Document) -> list[Any]:
        raise NotImplementedError

    def to_json(self) -> dict:
        raise NotImplementedError

    @classmethod
    def write(cls, doc: Document, values: list[dict]) -> None:
        """Put findings read back from their JSON into `doc` (`Analysis.from_dict`)."""
        raise NotImplementedError

    @classmethod
    def rows(cls, doc_id: str, values: list[dict], text: str) -> list[tuple]:
        """The corpus table's rows, from the findings' JSON (both corpus engines build from it)."""
        return []

    @classmethod
    def marks(cls, analysis: Any) -> list[Mark]:
        """What the report and the terminal highlight in an `Analysis`'s text."""
        return []

    @classmethod
    def empty_summary(cls, doc: Document, words: int) -> dict | None:
        """The summary part written when the analyzer did not run (None: the key is left out)."""
        return None


# Every finding type, by JSON key; `layers.registered()` orders them.
REGISTERED: dict[str, type[Finding]] = {}


def register_finding(cls: type[Finding]) -> type[Finding]:
    """Register a finding type (a class decorator); registering a key again replaces it."""
    REGISTERED[cls.key] = cls
    return cls


def unregister_finding(key: str) -> None:
    """Remove a plugin's finding type (tests, and a plugin that unloads)."""
    REGISTERED.pop(key, None)


def span_json(span: Span | None) -> dict | None:
    return span.to_json() if span is not None else None


def span_from_json(doc: Document, value: dict, label: str | None = None, score: float | None = None,
                   **attrs: Any) -> Span:
    """A span read back from its JSON; its text must be the document's at its offsets."""
    made = doc.span(value["start"], value["end"], label, score, **{k: v for k, v in attrs.items() if v is not None})
    if made.text != value["text"]:
        raise ValueError(f"span text does not match the text at [{value['start']}, {value['end']})")
    return made


def span_columns(value: dict | None) -> tuple:
    """A span's (start, end, text) in a corpus row, or three NULLs."""
    return (value["start"], value["end"], value["text"]) if value else (None, None, None)

