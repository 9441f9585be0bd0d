"""Command-line flags shared by several commands (`analyze`, `serve`, `corpus run`), declared once."""

from __future__ import annotations

from typing import Optional

import typer

from .model_sets import ENVIRONMENT, NAMES

MODEL: Optional[str] = typer.Option(
    None, "--model", envvar=ENVIRONMENT, metavar="|".join(NAMES),
    help="Which models run: standard (the default where installed; more accurate) or fast (MiniLM, about "
         "2.4 times faster, for corpora).")
