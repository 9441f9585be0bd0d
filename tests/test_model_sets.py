"""Model sets: a shipped one by name, or a folder of the same layout outside the package (the copy
that `unspin train ... --extra --output FOLDER` retrains heads into), chosen the same way."""

from __future__ import annotations

import json

import pytest

from unspin import model_sets
from unspin.errors import SettingError
from unspin.options import Options
from unspin.pipeline import Pipeline, analyze

ARTICLE = ("Tax plan divides the council\n\nBy Jane Roe\n\n"
           "The mayor said on Monday that taxes would rise next year. Critics called the plan a disaster "
           "for families who are already struggling, and warned that the city would lose its best people.\n")


@pytest.mark.skipif(not model_sets.installed("fast"), reason="the fast model set is not installed")
def test_a_model_set_folder_runs_like_the_set_it_was_copied_from(tmp_path):
    models = model_sets.copy_of(tmp_path / "my-models", "fast")
    config_path = models / "claims" / "config.json"
    config = json.loads(config_path.read_text())
    config["name"] += "+retrained"  # as a head retrained into the copy is named
    config_path.write_text(json.dumps(config))

    copied = analyze(ARTICLE, pipeline=Pipeline.from_options(Options(model=str(models))))
    shipped = analyze(ARTICLE, pipeline=Pipeline.from_options(Options(model="fast")))
    assert copied.engine["model"] == str(models.resolve())
    assert copied.engine["models"]["claims"] == shipped.engine["models"]["claims"] + "+retrained"
    assert copied.engine["models"]["techniques"] == shipped.engine["models"]["techniques"]
    strip = lambda analysis: {k: v for k, v in analysis.to_dict().items() if k != "engine"}  # noqa: E731
    assert strip(copied) == strip(shipped)
    assert model_sets.copy_of(models) == models  # an existing set is written into, not copied over


def test_a_folder_that_is_not_a_model_set_is_refused_with_what_to_choose(tmp_path):
    with pytest.raises(SettingError, match="standard, fast, or the folder of a model set"):
        Pipeline.from_options(Options(model=str(tmp_path)))
