"""Command-line flags made from the `Options` declarations, for every command that runs analyses.

`@with_options("analyze")` adds one flag for each `Options` field scoped to `analyze` to the
command it decorates and hands the command an `options` argument: `Options.from_env()` with
the flags a person gave on top. A flag left out is None, so an `UNSPIN_*` variable still counts.
"""

from __future__ import annotations

import functools
import inspect
from dataclasses import MISSING, Field
from typing import Callable, Optional

import typer

from .options import Options, scoped, value_type


def flag_name(field: Field) -> str:
    return field.metadata.get("flag") or "--" + field.name.replace("_", "-")


def _default_text(field: Field) -> str | None:
    default = field.default if field.default is not MISSING else None
    if isinstance(default, bool):
        return "on" if default else "off"
    if default is None:
        return None
    return f"{default:,}" if isinstance(default, int) else str(default)


def _parameter(field: Field) -> inspect.Parameter:
    kind = value_type(field)
    name = flag_name(field)
    declared = [f"{name}/--no-{name[2:]}"] if kind is bool else [name]
    annotation = Optional[kind]
    shown = _default_text(field)
    option = typer.Option(None, *declared, help=field.metadata["help"], metavar=field.metadata.get("metavar"),
                          show_default=shown if shown is not None else False)
    return inspect.Parameter(field.name, inspect.Parameter.KEYWORD_ONLY, default=option, annotation=annotation)


def with_options(scope: str) -> Callable:
    """Decorate a typer command that takes `options: Options` (see the module's docstring)."""
    knobs = scoped(scope)

    def decorate(command: Callable) -> Callable:
        signature = inspect.signature(command)
        own = [p for p in signature.parameters.values() if p.name != "options"]
        taken = {p.name for p in own}
        added = [_parameter(f) for f in knobs if f.name not in taken]

        @functools.wraps(command)
        def run(*args, **kwargs):
            given = {p.name: kwargs.pop(p.name) for p in added}
            return command(*args, options=Options.from_env().replace(**given), **kwargs)

        run.__signature__ = signature.replace(parameters=own + added)
        return run

    return decorate
