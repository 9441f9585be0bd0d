"""One options object for a run: every knob declared once, with its flag, its help and where it applies.

Modelled on trafilatura's extraction settings: which layers to compute and with which model set,
the limits that protect a process from huge inputs, the encoder's threads and batches, and a
server's limits. Each field says where a person can set it (`scopes`): the `analyze`, `corpus`
(`corpus run`) and `serve` commands, whose flags `unspin.flags.with_options` makes from these
declarations, and `request` (a field of a REST request, per article). Every field can also be
set with an `UNSPIN_<FIELD>` environment variable, which a flag overrides.

>>> Options(claims=False).layers()
('techniques', 'attribution')
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from typing import Any

DEFAULT_MAX_BYTES = 20_000_000


def knob(default: Any, help: str, *, scopes: tuple[str, ...] = (), flag: str | None = None,
         metavar: str | None = None, repr: bool = True) -> Any:
    """A field of `Options` with what its command-line flag needs (`flag` defaults to --field-name)."""
    return field(default=default, repr=repr,
                 metadata={"help": help, "scopes": scopes, "flag": flag, "metavar": metavar})


@dataclass(frozen=True)
class Options:
    model: str | None = knob(None, "Which models run: standard (the default where installed; more accurate), "
                                   "fast (MiniLM, about 2.4 times faster, for corpora), or the folder of a set "
                                   "retrained on your corrections (`unspin train ... --extra`).",
                             scopes=("analyze", "corpus", "serve"), metavar="standard|fast|FOLDER")
    # Layers beyond structure, which always runs.
    techniques: bool = knob(True, "Find persuasion techniques.", scopes=("analyze", "corpus", "request"))
    attribution: bool = knob(True, "Find quotes and their sources.", scopes=("analyze", "corpus", "request"))
    claims: bool = knob(True, "Rank check-worthy claims.", scopes=("analyze", "corpus", "request"))
    # Limits, checked before any expensive work: bytes as read, then characters of readable text,
    # then sub-word tokens of article text.
    max_bytes: int = knob(DEFAULT_MAX_BYTES, "Refuse inputs larger than this many bytes.",
                          scopes=("analyze", "corpus"), metavar="BYTES")
    max_chars: int = knob(100_000, "Refuse articles longer than this many characters of readable text.",
                          scopes=("analyze", "corpus", "serve"), metavar="CHARS")
    max_tokens: int = knob(30_000, "Refuse articles longer than this many sub-word tokens.")
    threads: int | None = knob(None, "ONNX Runtime threads per analysing process (default: one per core).",
                               scopes=("analyze", "corpus", "serve"), metavar="N")
    batch_windows: int = knob(8, "Encoder windows (of one document) per ONNX Runtime call: larger batches cost "
                                 "memory and gain little on 2 cores.")
    batch_size: int = knob(16, "Documents per pipeline batch and per stored transaction.", scopes=("corpus",),
                           metavar="N")
    min_score: float | None = knob(None, "Show technique spans from this score in reports (default: the calibrated "
                                         "0.5, more likely right than wrong).", scopes=("analyze",), metavar="SCORE")
    claims_threshold: float | None = knob(None, "Check-worthiness above which a sentence is a claim (default: the "
                                                "shipped model's, chosen on dev).")
    guard_urls: bool = knob(False, "Refuse URLs that resolve to loopback, private, link-local or reserved addresses.")
    fetch_timeout: float = knob(20.0, "Whole-fetch deadline for a URL, in seconds.")
    # A server's limits (`unspin serve`).
    max_body: int = knob(5_000_000, "Largest request or upload, in bytes.", scopes=("serve",), metavar="BYTES")
    running: int = knob(2, "Analyses at once per server process.", scopes=("serve",), metavar="N")
    waiting: int = knob(100, "Requests that may wait for a slot; more get 503.", scopes=("serve",), metavar="N")
    timeout: float = knob(120.0, "Longest analysis before 504, in seconds.", scopes=("serve",), metavar="SECONDS")
    allow_urls: bool = knob(False, "Let requests give a URL to fetch (public addresses only, checked after DNS and "
                                   "on every redirect).", scopes=("serve",))
    label_studio: bool = knob(False, "Also answer Label Studio's ML backend protocol (/health, /setup, /predict), "
                                     "so a connected project pre-annotates its tasks.", scopes=("serve",))
    api_key: str | None = knob(None, "Require this key (X-API-Key header) on /api/*.", scopes=("serve",),
                               metavar="KEY", repr=False)

    def layers(self) -> tuple[str, ...]:
        """The layers switched on (structure always runs): the switches a request may set."""
        return tuple(f.name for f in scoped("request") if getattr(self, f.name))

    def replace(self, **changes) -> "Options":
        """A copy with the given fields changed; None leaves a field as it is."""
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
            kind = value_type(f)
            try:
                changes[f.name] = _parse(kind, raw)
            except ValueError:
                from .errors import SettingError

                raise SettingError(f"UNSPIN_{f.name.upper()}={raw!r} is not a valid {kind.__name__}; fix or unset it") from None
        return cls(**changes)

    def to_env(self) -> dict[str, str]:
        """The environment variables that `from_env` reads back as these options (the fields set
        away from their defaults): how `unspin serve` hands them to its worker processes."""
        default = Options()
        return {f"UNSPIN_{f.name.upper()}": str(getattr(self, f.name)) for f in fields(self)
                if getattr(self, f.name) != getattr(default, f.name) and getattr(self, f.name) is not None}


def scoped(scope: str) -> list:
    """The `Options` fields a person can set in `scope` (analyze, corpus, serve, request)."""
    return [f for f in fields(Options) if scope in f.metadata.get("scopes", ())]


def value_type(field) -> type:
    """The type an `Options` field holds (bool, str, float or int; None aside): what the
    environment, the flags and the REST request parse its values as."""
    kind = str(field.type)
    return next((t for t in (bool, str, float) if t.__name__ in kind), int)


def _parse(kind: type, raw: str) -> Any:
    if kind is bool:
        return raw.strip().lower() in ("1", "true", "yes", "on")
    return raw.strip() if kind is str else kind(raw)
