"""Training, export and evaluation of unspin's models (needs the `train` extra: torch, transformers)."""
