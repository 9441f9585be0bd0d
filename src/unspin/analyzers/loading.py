"""Model files shipped in the package, loaded lazily, once per process and folder."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import ClassVar, TypeVar

from .. import model_sets

T = TypeVar("T", bound="LoadedOnce")


class LoadedOnce:
    """Base for a model read from a folder with a `config.json`; `shared()` caches instances.
    `part` names the folder in a model set (`model_sets.folder`)."""

    part: ClassVar[str]
    _lock = threading.Lock()
    _loaded: ClassVar[dict[tuple[type, Path], "LoadedOnce"]] = {}

    @classmethod
    def default_dir(cls) -> Path:
        """The folder of this part in the model set the run uses (`UNSPIN_MODEL` or the default)."""
        return model_sets.folder(cls.part)

    @classmethod
    def shared(cls: type[T], directory: Path | None = None, **settings) -> T:
        """One instance per class, folder and settings (e.g. the encoder's `threads`) in a process."""
        key = (cls, directory or cls.default_dir(), tuple(sorted(settings.items())))
        with LoadedOnce._lock:
            if key not in LoadedOnce._loaded:
                LoadedOnce._loaded[key] = cls(key[1], **settings)
            return LoadedOnce._loaded[key]  # type: ignore[return-value]

    @classmethod
    def available(cls, directory: Path | None = None) -> bool:
        return ((directory or cls.default_dir()) / "config.json").exists()
