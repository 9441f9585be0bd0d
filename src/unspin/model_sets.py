"""The model sets shipped in the package, and which one a run uses.

Each set is one encoder with its heads, in `models/<set>/{encoder,techniques,attribution,claims}`:

- `standard`: MPNet-base (all-mpnet-base-v2) cut to its first 6 layers; the default, for a person
  reading an article;
- `fast`: MiniLM-L6 (all-MiniLM-L6-v2), about 2.4 times faster, for corpora.

A run chooses with `Options(model=...)`, `--model` on the command line, or `UNSPIN_MODEL`;
without a choice it takes `standard` where it is installed, else `fast`. Calibrations and
thresholds live in each set's own config files, so each set is judged on its own numbers.

A set may also be a folder of the same layout outside the package: the copy that `unspin train
... --extra corrections/ --output my-models/` makes with the heads retrained on a user's
corrections, chosen with `--model my-models/`.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import SettingError

ROOT = Path(__file__).resolve().parent / "models"
NAMES = ("standard", "fast")
PARTS = ("encoder", "techniques", "attribution", "claims")
ENVIRONMENT = "UNSPIN_MODEL"


def installed(model: str) -> bool:
    """Whether a set's encoder is in this installation (its heads are checked one by one)."""
    return (ROOT / model / "encoder" / "config.json").exists()


def chosen(model: str | None = None) -> str:
    """The set a run uses: `model` if given, else `UNSPIN_MODEL`, else the default; a set's name,
    or the absolute path of a set's folder outside the package."""
    model = model or os.environ.get(ENVIRONMENT) or default()
    if model in NAMES:
        return model
    if (Path(model).expanduser() / "encoder" / "config.json").exists():
        return str(Path(model).expanduser().resolve())  # ROOT / an absolute path is that path
    raise SettingError(f"unknown model {model!r}: choose one of {', '.join(NAMES)}, or the folder of a model set "
                       "(--model, UNSPIN_MODEL)")


def copy_of(output: Path, model: str | None = None) -> Path:
    """`output` as a model set folder: made as a copy of the set in use when it is not one yet,
    so that a head retrained into it runs with the encoder it was trained on (`--model output`)."""
    import shutil

    if not (output / "encoder" / "config.json").exists():
        shutil.copytree(ROOT / chosen(model), output, dirs_exist_ok=True)
    return output


def default() -> str:
    return next((name for name in NAMES if installed(name)), NAMES[-1])


def folder(part: str, model: str | None = None, *, strict: bool = True) -> Path:
    """The folder of one part (`encoder`, `techniques`, `attribution`, `claims`) of a set. With
    `strict=False` an unknown set falls back to the default (for module constants, which must not
    fail at import: the pipeline refuses the setting with a clear message)."""
    if part not in PARTS:
        raise ValueError(f"unknown model part {part!r}")
    try:
        return ROOT / chosen(model) / part
    except SettingError:
        if strict:
            raise
        return ROOT / default() / part
