"""The pipeline: composition from the registry, batched pipe with contained failures, and the
analysis@1 JSON kept byte-identical across the architecture change."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from conftest import FIXTURES, assert_offsets
from goldens import SCORE_TOLERANCE, differences, golden_for_this_cpu, kernel_family

import unspin
from unspin.analyzers.encoder import EncoderModel
from unspin.analyzers.registry import FACTORIES, Analyzer
from unspin.document import Document, Layer
from unspin.errors import Failure, InputError
from unspin.options import Options
from unspin.pipeline import Pipeline
from unspin.readers import read_file
from unspin.render.json import to_json

GOLDEN = FIXTURES / "golden"
ROOT = FIXTURES.parents[1]
needs_encoder = pytest.mark.skipif(not EncoderModel.available(), reason="no encoder model shipped in this checkout")


def _source(stem: str, monkeypatch) -> Path:
    """The input of a golden file, as the relative path it was written with (source.path)."""
    monkeypatch.chdir(ROOT)
    candidates = [ROOT / "src/unspin/examples" / f"{stem}.md", *(FIXTURES / "structure").glob(f"{stem}.*")]
    return next(p for p in candidates if p.exists()).relative_to(ROOT)


@pytest.mark.parametrize("golden", sorted(GOLDEN.glob("*.structure.json")), ids=lambda p: p.name)
def test_structure_json_is_byte_identical(golden, monkeypatch):
    pipeline = Pipeline.from_options(Options(techniques=False, attribution=False, claims=False))
    stem = golden.name[: -len(".structure.json")]
    assert to_json(pipeline(read_file(_source(stem, monkeypatch)))) + "\n" == golden.read_text(encoding="utf-8")


@needs_encoder
@pytest.mark.parametrize("golden", sorted(GOLDEN.glob("*.full.json")), ids=lambda p: p.name)
def test_full_json_matches_its_golden_within_the_models_numerics(golden, monkeypatch):
    """Golden files of the shipped models: regenerate them (scripts/golden.py) when a model ships.
    The rules' output must be identical; the models' within `goldens.SCORE_TOLERANCE` of this
    CPU family's golden (the int8 encoder's numbers differ between AVX2 and AVX-512)."""
    pipeline = Pipeline.from_options(Options(claims=False))
    stem = golden.name[: -len(".full.json")]
    actual = json.loads(to_json(pipeline(read_file(_source(stem, monkeypatch)))))
    expected = golden_for_this_cpu(golden)
    print(f"compared with {expected.relative_to(FIXTURES)} ({kernel_family()} kernels)")
    assert differences(json.loads(expected.read_text(encoding="utf-8")), actual) == []


def test_each_cpu_familys_goldens_share_the_rules_output():
    """What the rules decide is the same on every CPU: a family's own golden differs from the
    common one in the models' findings alone."""
    from goldens import _rules_part

    # golden.py keeps a family's file only where its answers differ; none at all is possible.
    for path in sorted(GOLDEN.glob("*/*.full.json")):
        assert _rules_part(json.loads(path.read_text(encoding="utf-8"))) == \
            _rules_part(json.loads((GOLDEN / path.name).read_text(encoding="utf-8"))), path.name


def test_the_golden_comparison_fails_on_real_regressions():
    golden = json.loads((GOLDEN / "how-the-bypass-was-sold.full.json").read_text(encoding="utf-8"))
    assert golden["techniques"] and golden["attributions"]
    assert differences(golden, copy.deepcopy(golden)) == []
    nudged = copy.deepcopy(golden)
    for t in nudged["techniques"]:
        t["score"] = round(t["score"] + SCORE_TOLERANCE / 2, 4)
    assert differences(golden, nudged) == []

    def changed(edit) -> list[str]:
        data = copy.deepcopy(golden)
        edit(data)
        return differences(golden, data)

    assert changed(lambda d: d["techniques"].clear())
    assert changed(lambda d: [t.update(score=t["score"] + 0.1) for t in d["techniques"]])
    assert changed(lambda d: [t.update(technique="Slogans") for t in d["techniques"]])
    assert changed(lambda d: d["attributions"].clear())
    assert changed(lambda d: d["segments"].pop())
    assert changed(lambda d: d["meta"].update(title=None))


def test_composition_follows_requirements():
    structure_only = Pipeline.from_options(Options(techniques=False, attribution=False, claims=False))
    assert structure_only.names == ["structure"]
    if FACTORIES["techniques"].available():
        names = Pipeline.from_options(Options(attribution=False, claims=False)).names
        assert names == ["structure", "sentences", "encoder", "techniques"]


@needs_encoder
def test_load_reads_every_model_before_the_first_document():
    encoder = EncoderModel(EncoderModel.default_dir())
    from unspin.analyzers.encoder import Encoder

    pipeline = Pipeline.from_options(Options(techniques=False, attribution=False, claims=False))
    pipeline = Pipeline([*pipeline.components, Encoder(encoder)])
    assert "session" not in vars(encoder) and "tokenizer" not in vars(encoder)
    assert pipeline.load() is pipeline
    assert "session" in vars(encoder) and "tokenizer" in vars(encoder)  # cached properties, now set


def test_a_component_missing_its_requirement_is_refused():
    from unspin.analyzers.techniques import TechniqueAnalyzer

    with pytest.raises(ValueError, match="needs"):
        Pipeline([TechniqueAnalyzer()])


class _Explodes(Analyzer):
    name = "explodes"
    assigns = ("nothing",)
    requires = ()

    def __call__(self, doc: Document) -> Document:
        if "boom" in doc.text:
            raise RuntimeError("bad luck")
        return doc


def test_pipe_contains_each_failure_and_keeps_order(structure_pipeline):
    pipeline = Pipeline([*structure_pipeline.components, _Explodes()])
    read_failure = Failure("missing.txt", "read", "missing.txt: no such file")
    items = [Document(text="First\n\nFine body."), read_failure, Document(text="Second\n\nboom", id="b"),
             Document(text="Third\n\nAlso fine.", id="c")]
    results = list(pipeline.pipe(items, batch_size=2))
    assert [type(r).__name__ for r in results] == ["Analysis", "Failure", "Failure", "Analysis"]
    assert results[1] is read_failure
    assert results[2].id == "b" and results[2].stage == "explodes" and "bad luck" in results[2].message
    assert results[3].id == "c"
    with pytest.raises(RuntimeError):
        list(pipeline.pipe(items[2:3], on_error="raise"))


@needs_encoder
def test_pipe_batches_match_one_at_a_time_and_bound_length():
    docs = [read_file(p) for p in sorted((FIXTURES / "structure").glob("wire-*.txt"))]
    pipeline = Pipeline.from_options(Options(claims=False, max_tokens=60))
    results = list(pipeline.pipe(docs, batch_size=8))
    too_long = [r for r in results if isinstance(r, Failure)]
    assert too_long and all("more than the models take" in f.message and f.stage == "encoder" for f in too_long)
    pipeline = Pipeline.from_options(Options(claims=False))
    batched = list(pipeline.pipe([read_file(p) for p in sorted((FIXTURES / "structure").glob("*.txt"))], batch_size=8))
    for result in batched:
        assert_offsets(result)
        assert not isinstance(result, Failure)
        assert not result.document.tensors, "encoder states are dropped once the batch is done"


def test_analyze_takes_text_and_never_a_path(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("Title\n\nThe council voted.", encoding="utf-8")
    pipeline = Pipeline.from_options(Options(techniques=False, attribution=False, claims=False))
    as_text = unspin.analyze(str(path), pipeline=pipeline)
    assert as_text.text == str(path)  # a one-line string is article text
    assert unspin.analyze_file(path, pipeline=pipeline).text == "Title\n\nThe council voted."
    with pytest.raises(InputError, match="no such file"):
        unspin.analyze_file(tmp_path / "typo.txt", pipeline=pipeline)
    assert unspin.analyze("a" * 256, pipeline=pipeline).text == "a" * 256
    with pytest.raises(TypeError):
        unspin.analyze(path, pipeline=pipeline)
    with pytest.raises(InputError, match="http"):
        unspin.analyze_url("file:///etc/passwd", pipeline=pipeline)


def test_options_from_environment():
    options = Options.from_env({"UNSPIN_THREADS": "2", "UNSPIN_CLAIMS": "no", "UNSPIN_CLAIMS_THRESHOLD": "0.7"})
    assert options.threads == 2 and options.claims is False and options.claims_threshold == 0.7
    assert options.layers() == ("techniques", "attribution")


def test_typed_findings_use_the_json_field_names(structure_pipeline):
    analysis = unspin.analyze_file(FIXTURES / "structure" / "wire-reuters.txt", pipeline=structure_pipeline)
    data = analysis.to_dict()
    assert [s.kind for s in analysis.segments] == [s["kind"] for s in data["segments"]]
    assert analysis.meta.outlet.text == data["meta"]["outlet"]["text"]
    assert analysis.document.first(Layer.OUTLET) == analysis.meta.outlet


def test_past_its_deadline_an_analysis_stops_before_the_next_component():
    import time

    from unspin.errors import AnalysisTimeout

    pipeline = Pipeline.from_options(Options(techniques=False, attribution=False, claims=False))
    doc = Document(text="Council votes\n\nThe council voted 7-2 on Tuesday to close the library.")
    with pytest.raises(AnalysisTimeout, match="ran out of time"):
        pipeline(doc, deadline=time.monotonic() - 1)
    assert pipeline(Document(text=doc.text), deadline=time.monotonic() + 60).segments
