"""Model files shipped in the package, loaded lazily, once per process and folder."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import ClassVar, TypeVar

T = TypeVar("T", bound="LoadedOnce")


class LoadedOnce:
    """Base for a model read from a folder with a `config.json`; `shared()` caches instances."""

    default_dir: ClassVar[Path]
    _lock = threading.Lock()
    _loaded: ClassVar[dict[tuple[type, Path], "LoadedOnce"]] = {}

    @classmethod
    def shared(cls: type[T], directory: Path | None = None) -> T:
        key = (cls, directory or cls.default_dir)
        with LoadedOnce._lock:
            if key not in LoadedOnce._loaded:
                LoadedOnce._loaded[key] = cls(key[1])
            return LoadedOnce._loaded[key]  # type: ignore[return-value]

    @classmethod
    def available(cls, directory: Path | None = None) -> bool:
        return ((directory or cls.default_dir) / "config.json").exists()
