"""`unspin serve`: the web page and REST API over the analysis pipeline."""

from .app import create_app

__all__ = ["create_app"]
