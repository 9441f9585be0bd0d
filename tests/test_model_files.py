"""The shipped model files agree with each other, in every installed model set."""

import json

import pytest

from unspin import model_sets
from unspin.analyzers.encoder import EncoderModel

# (model part, config entry, the command that chooses it on the encoder's outputs)
CALIBRATIONS = [
    ("techniques", "span_text", "unspin.training.span_text"),
    ("techniques", "report", "unspin.training.calibrate"),
    ("techniques", "finder", "unspin.training.span_finder"),
    ("attribution", "decoding", "unspin.training.role_decoding"),
    ("claims", "articles", "unspin.training.claims_news"),
]
OPTIONAL = {"finder"}  # a set may decode spans from its encoder graph's own B/I/O
INSTALLED = [name for name in model_sets.NAMES if model_sets.installed(name)]


@pytest.mark.skipif(not INSTALLED, reason="no model set shipped in this checkout")
@pytest.mark.parametrize("model", INSTALLED or ["none"])
@pytest.mark.parametrize("part, key, command", CALIBRATIONS, ids=[key for _, key, _ in CALIBRATIONS])
def test_every_calibration_was_chosen_on_its_sets_encoder(model, part, key, command):
    directory = model_sets.folder(part, model)
    entry = json.loads((directory / "config.json").read_text()).get(key)
    if entry is None and key in OPTIONAL:
        pytest.skip(f"the {model} set ships no {key}")
    recorded = entry.get("encoder")
    assert recorded == EncoderModel.shared(model_sets.folder("encoder", model)).fingerprint, (
        f"{model}/{part}/config.json '{key}' was chosen on another encoder export: "
        f"rerun UNSPIN_MODEL={model} python -m {command}")


@pytest.mark.parametrize("model", INSTALLED or ["none"])
def test_every_shipped_file_fits_a_git_host(model):
    if model == "none":
        pytest.skip("no model set shipped in this checkout")
    for path in (model_sets.ROOT / model).rglob("*"):
        if path.is_file():
            assert path.stat().st_size <= 45_000_000, f"{path} is over 45 MB: shard it (training.export.shard)"
