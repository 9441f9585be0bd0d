"""One options object for a run, built from CLI flags, a request body, the environment or Python.

Modelled on trafilatura's extraction settings: which layers to compute, the limits that protect
a process from huge inputs, and the threads and batch sizes of the encoder.

>>> Options(claims=False).layers()
('techniques', 'attribution')
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace

DEFAULT_MAX_BYTES = 20_000_000


@dataclass(frozen=True)
class Options:
    # Which model set runs: "standard" or "fast" (None: UNSPIN_MODEL, else standard where installed).
    model: str | None = None
    # Layers beyond structure, which always runs.
    techniques: bool = True
    attribution: bool = True
    claims: bool = True
    # Limits, checked before any expensive work: bytes as read, then characters of readable text,
    # then sub-word tokens of article text.
    max_bytes: int = DEFAULT_MAX_BYTES
    max_chars: int = 100_000
    max_tokens: int = 30_000
    # ONNX Runtime threads (None: one per core) and windows per encoder call.
    threads: int | None = None
    batch_windows: int = 8
    # Documents per `Pipeline.pipe` batch: their windows share encoder calls.
    batch_size: int = 16
    # Score from which reports show a technique span by default (None: the calibrated 0.5).
    min_score: float | None = None
    # Check-worthiness above which a sentence is a claim (None: the shipped model's, chosen on dev).
    claims_threshold: float | None = None
    # Refuse URLs that resolve to loopback, private, link-local or reserved addresses (servers).
    guard_urls: bool = False
    # Whole-fetch deadline for a URL, in seconds.
    fetch_timeout: float = 20.0

    def layers(self) -> tuple[str, ...]:
        return tuple(name for name in ("techniques", "attribution", "claims") if getattr(self, name))

    def replace(self, **changes) -> "Options":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @classmethod
    def from_env(cls, environ: dict | None = None) -> "Options":
        """Options from `UNSPIN_<FIELD>` environment variables (e.g. UNSPIN_THREADS=2)."""
        environ = os.environ if environ is None else environ
        changes = {}
        for f in fields(cls):
            raw = environ.get(f"UNSPIN_{f.name.upper()}")
            if raw is None or raw == "":
                continue
            kind = str(f.type)
            if "bool" in kind:
                changes[f.name] = raw.strip().lower() in ("1", "true", "yes", "on")
            elif "str" in kind:
                changes[f.name] = raw.strip()
            elif "float" in kind:
                changes[f.name] = float(raw)
            else:
                changes[f.name] = int(raw)
        return cls(**changes)
