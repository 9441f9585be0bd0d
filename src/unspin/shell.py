"""What every command-line shell of unspin shares: its help style, how it fails, its progress bar."""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from typing import Callable, Iterator

import typer

from .errors import UnspinError

# Help is plain text: rich markup would eat "[train]" in "unspin[train]" and article-like brackets.
PLAIN = {"no_args_is_help": True, "rich_markup_mode": None}


def fail(message: str, code: int = 2) -> None:
    """One line on stderr and exit code 2: an error in the input or the setting, said plainly."""
    typer.echo(f"unspin: error: {message}", err=True)
    raise typer.Exit(code)


@contextmanager
def user_errors() -> Iterator[None]:
    """An `UnspinError` (bad input, a store that cannot be opened): one line and exit code 2."""
    try:
        yield
    except UnspinError as error:
        fail(str(error))


@contextmanager
def progress_bar(enabled: bool, total: int | None = None) -> Iterator[Callable[..., None]]:
    """A progress bar on stderr, only when asked for and stderr is a terminal (a bar in a log
    file is noise). Yields `advance(count=1, analysed=None)`: `count` documents passed; the
    rate counts `analysed` documents when given (on a resumed corpus run the unchanged ones pass
    in no time and would inflate it), else every one. With a `total`, a bar and an ETA."""
    if not enabled or not sys.stderr.isatty():
        yield lambda count=1, analysed=None: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    known = total is not None
    columns = [TextColumn("analysing"), BarColumn() if known else SpinnerColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"), TimeElapsedColumn()]
    if known:
        columns += [TextColumn("ETA"), TimeRemainingColumn()]
    with Progress(*columns, console=Console(stderr=True), transient=not known) as bar:
        task = bar.add_task("analyse", total=total, rate="")
        started = time.monotonic()
        done = 0

        def advance(count: int = 1, analysed: int | None = None) -> None:
            nonlocal done
            done += count
            rate = (done if analysed is None else analysed) / max(time.monotonic() - started, 1e-6)
            bar.update(task, advance=count, rate=f"{rate:.1f} {'docs' if analysed is None else 'analysed'}/s")

        yield advance
