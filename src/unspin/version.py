"""unspin's version: one place, read by the package metadata (pyproject) and every module that reports it."""

__version__ = "0.1.0"
