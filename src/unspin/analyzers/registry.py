"""Named component factories, as spaCy's `@Language.factory`: the pipeline composes components
by name and by what they assign and require, without knowing their classes.

A component is a callable `(Document) -> Document` with `name`, `assigns` and `requires` (names
of layers, relation groups, `tensor:...` or `meta:...` entries). It may also have:
- `batch(docs) -> list[Exception | None]` to process several documents at once, returning each
  one's error or None;
- `info() -> dict` naming its model (the JSON's `engine.models`);
- `load()` to read its model files now rather than at its first document (`Pipeline.load`);
- `profile(doc, words) -> dict` adding its part of the JSON's `summary`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Protocol, runtime_checkable

from ..document import Document
from ..options import Options


@runtime_checkable
class Component(Protocol):
    name: str
    assigns: tuple[str, ...]
    requires: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


@dataclass(frozen=True)
class Factory:
    name: str
    create: Callable[[Options], Any]
    # The Options switch that turns the component on ("techniques", ...); None: on when needed.
    switch: str | None
    # Whether its model files are in this installation.
    available: Callable[[], bool]
    assigns: tuple[str, ...]
    requires: tuple[str, ...]


FACTORIES: dict[str, Factory] = {}


def register(name: str, *, assigns: tuple[str, ...], requires: tuple[str, ...] = (), switch: str | None = None,
             available: Callable[[], bool] = lambda: True):
    """Register a factory `(Options) -> component` under `name`."""

    def decorate(create: Callable[[Options], Any]) -> Callable[[Options], Any]:
        FACTORIES[name] = Factory(name, create, switch, available, assigns, requires)
        return create

    return decorate


def provider_of(requirement: str) -> Factory:
    for factory in FACTORIES.values():
        if requirement in factory.assigns:
            return factory
    raise LookupError(f"no registered component assigns {requirement!r}")
