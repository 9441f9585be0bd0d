"""The shipped model files agree with each other."""

import json

import pytest

from unspin.analyzers.attribution.tagger import MODEL_DIR as ATTRIBUTION_DIR
from unspin.analyzers.claims import MODEL_DIR as CLAIMS_DIR
from unspin.analyzers.encoder import EncoderModel
from unspin.analyzers.techniques.analyzer import MODEL_DIR as TECHNIQUES_DIR

# (model folder, config entry, the command that chooses it on the encoder's outputs)
CALIBRATIONS = [
    (TECHNIQUES_DIR, "span_text", "unspin.training.span_text"),
    (TECHNIQUES_DIR, "report", "unspin.training.calibrate"),
    (ATTRIBUTION_DIR, "decoding", "unspin.training.role_decoding"),
    (CLAIMS_DIR, "articles", "unspin.training.claims_news"),
]


@pytest.mark.parametrize("directory, key, command", CALIBRATIONS, ids=[key for _, key, _ in CALIBRATIONS])
def test_every_calibration_was_chosen_on_the_shipped_encoder(directory, key, command):
    recorded = json.loads((directory / "config.json").read_text())[key].get("encoder")
    assert recorded == EncoderModel.shared().fingerprint, (
        f"{directory.name}/config.json '{key}' was chosen on another encoder export: "
        f"rerun python -m {command}")
