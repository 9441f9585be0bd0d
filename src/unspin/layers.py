"""The layers of an analysis, in the JSON contract's order: every finding type, and what the
views derive from them (the JSON's finding keys, `engine.models` and `summary` keys).

`BUILTIN` names the modules that declare the built-in finding types; importing one registers
its types (`findings.register_finding`). A plugin's types follow the built-in ones.
"""

from __future__ import annotations

from importlib import import_module

from .document import Document
from .findings import REGISTERED, Finding

BUILTIN = (
    "unspin.analyzers.structure.findings",
    "unspin.readers.links",
    "unspin.analyzers.techniques.findings",
    "unspin.analyzers.attribution.findings",
    "unspin.analyzers.claims.findings",
)


def registered() -> tuple[type[Finding], ...]:
    """Every finding type: the built-in ones in the contract's order, then plugins'."""
    for module in BUILTIN:
        import_module(module)  # registers its types the first time
    builtin = [cls for module in BUILTIN for cls in REGISTERED.values() if cls.__module__ == module]
    return (*builtin, *(cls for cls in REGISTERED.values() if cls.__module__ not in BUILTIN))


def finding(key: str) -> type[Finding]:
    for cls in registered():
        if cls.key == key:
            return cls
    raise KeyError(f"no finding type {key!r}; registered: {', '.join(c.key for c in registered())}")


def findings_json(doc: Document) -> dict[str, list[dict]]:
    return {cls.key: [f.to_json() for f in cls.read(doc)] for cls in registered()}


def model_keys() -> tuple[str, ...]:
    """The `engine.models` entries, in the contract's order: one per analyzing component."""
    return tuple(dict.fromkeys(cls.analyzer for cls in registered() if cls.analyzer))


def summary_keys() -> tuple[str, ...]:
    """The `summary` parts, in the contract's order: the word count, then each layer's."""
    return ("words", *dict.fromkeys(cls.summary for cls in registered() if cls.summary))
