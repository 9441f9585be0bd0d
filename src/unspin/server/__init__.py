"""`unspin serve`: the web page and REST API over the analysis pipeline."""

from .app import ServerSettings, create_app

__all__ = ["create_app", "ServerSettings"]
