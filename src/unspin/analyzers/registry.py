"""Components and their named factories, as spaCy's `@Language.factory`: the pipeline composes
components by name and by what they assign and require, without knowing their classes.

A component (see `Component`) is a callable `(Document) -> Document` that declares its `name`,
what it `assigns` and what it `requires` (names of layers, relation groups, `tensor:...` or
`meta:...` entries) on its class, once. Its optional hooks have defaults in `Analyzer`, the base
class of every built-in component:
- `batch(docs) -> list[Exception | None]` processes several documents at once (the encoder
  shares its ONNX calls), returning each one's error or None;
- `load()` reads its model files now rather than at its first document (`Pipeline.load`);
- `info() -> dict` names the model behind its layer (the JSON's `engine.models`);
- `models() -> dict` names every model it runs (the server's health check);
- `profile(doc, words) -> dict` adds its part of the JSON's `summary`;
- `shown_by_default() -> dict | None` is the calibrated threshold reports show its findings from.

A factory is registered with `register(name, "module:Class", ...)`: the class is imported only
when the pipeline needs its declarations, so a structure-only run never loads a model runtime.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Any, Callable, Protocol, runtime_checkable

from ..document import Document
from ..options import Options


@runtime_checkable
class Component(Protocol):
    name: str
    assigns: tuple[str, ...]
    requires: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...

    def batch(self, docs: list[Document]) -> list[Exception | None]: ...

    def load(self) -> None: ...

    def info(self) -> dict[str, str]: ...

    def models(self) -> dict[str, str]: ...

    def profile(self, doc: Document, words: int) -> dict: ...

    def shown_by_default(self) -> dict | None: ...


class Analyzer:
    """The base of a component: every optional hook with its default."""

    name: str = ""
    assigns: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()

    def __call__(self, doc: Document) -> Document:
        raise NotImplementedError

    def batch(self, docs: list[Document]) -> list[Exception | None]:
        errors: list[Exception | None] = []
        for doc in docs:
            try:
                self(doc)
                errors.append(None)
            except Exception as error:  # noqa: BLE001  the pipeline turns it into that document's Failure
                errors.append(error)
        return errors

    def load(self) -> None:
        return None

    def info(self) -> dict[str, str]:
        return {}

    def models(self) -> dict[str, str]:
        return {key: value for key, value in self.info().items() if value}

    def profile(self, doc: Document, words: int) -> dict:
        return {}

    def shown_by_default(self) -> dict | None:
        return None


@dataclass(frozen=True)
class Factory:
    name: str
    # "module:Class": where the component's class (and its assigns and requires) is declared.
    component: str
    create: Callable[[Options], Any]
    # The Options switch that turns the component on ("techniques", ...); None: on when needed.
    switch: str | None
    # Whether its model files are in this installation.
    available: Callable[[], bool]

    @property
    def cls(self) -> type:
        module, _, name = self.component.partition(":")
        return getattr(import_module(module), name)

    @property
    def assigns(self) -> tuple[str, ...]:
        return self.cls.assigns

    @property
    def requires(self) -> tuple[str, ...]:
        return self.cls.requires


FACTORIES: dict[str, Factory] = {}


def register(name: str, component: str, *, switch: str | None = None, available: Callable[[], bool] = lambda: True):
    """Register a factory `(Options) -> component` under `name`; `component` is "module:Class"."""

    def decorate(create: Callable[[Options], Any]) -> Callable[[Options], Any]:
        FACTORIES[name] = Factory(name, component, create, switch, available)
        return create

    return decorate


def provider_of(requirement: str) -> Factory:
    for factory in FACTORIES.values():
        if requirement in factory.assigns:
            return factory
    raise LookupError(f"no registered component assigns {requirement!r}")
