"""Writers of the settings chosen after training (calibrations), into a model folder's `config.json`.

Training-only: run-time code reads these settings through `analyzers/loading.py` and never writes them.
"""

from __future__ import annotations

import json
from pathlib import Path

RETRAINED = "+retrained"  # the suffix of the name of a head continued on a user's corrections (engine.models shows it)


def record_in_config(directory: Path, key: str, value) -> None:
    """Set one entry of a model folder's `config.json` (a calibration written after training)."""
    path = directory / "config.json"
    config = json.loads(path.read_text())
    config[key] = value
    path.write_text(json.dumps(config, indent=2) + "\n")


def record_calibration(directory: Path, key: str, value: dict) -> None:
    """Record a setting chosen on the outputs of the encoder of the same model set, with that
    encoder's fingerprint: after a new export, a calibration not rerun no longer matches (the
    tests check)."""
    from ..analyzers.encoder import EncoderModel

    record_in_config(directory, key, {**value, "encoder": EncoderModel.shared(directory.parent / "encoder").fingerprint})
