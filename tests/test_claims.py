"""Check-worthy claims: CheckThat file formats and scoring, the claims layer in articles, and the
commands."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from conftest import FIXTURES, SHARED_EXAMPLE, assert_offsets

import unspin
from unspin.analyzers.claims import ClaimsModel, pooled_sentences
from unspin.analyzers.encoder import TokenStates
from unspin.analyzers.encoder.tokens import TokenizedText
from unspin.checkthat.formats import (
    FormatError,
    read_predictions,
    read_sentences,
    write_predictions,
)
from unspin.checkthat.predict import score

needs_model = pytest.mark.skipif(not ClaimsModel.available(), reason="no claims model shipped in this checkout")


def _tsv(tmp_path, text: str):
    path = tmp_path / "sentences.tsv"
    path.write_text(text, encoding="utf-8")
    return path


def test_read_sentences_and_predictions_round_trip(tmp_path):
    path = _tsv(tmp_path, 'Sentence_id\tText\tclass_label\n1\tTaxes rose 4% last year.\tYes\n2\t"Thank you," he said.\tNo\n')
    rows = read_sentences(path)
    assert [(r.id, r.label) for r in rows] == [("1", "Yes"), ("2", "No")]
    assert rows[1].text == '"Thank you," he said.'  # quotes are text, not CSV quoting
    out = tmp_path / "pred.tsv"
    write_predictions(out, [("1", "Yes"), ("2", "Yes")])
    assert read_predictions(out) == {"1": "Yes", "2": "Yes"}
    result = score(rows, read_predictions(out))
    assert (result.precision, result.recall, round(result.f1, 4)) == (0.5, 1.0, 0.6667)


@pytest.mark.parametrize("content, message", [
    ("Text\tclass_label\nHello\tNo\n", "Sentence_id and Text"),
    ("Sentence_id\tText\n1\tOne\n2\n", ":3: expected 2 tab-separated fields"),
    ("Sentence_id\tText\n1\t   \n", ":2: sentence 1 has no text"),
    ("Sentence_id\tText\tclass_label\n1\tA claim.\tMaybe\n", ":2: class_label must be Yes or No"),
    ("Sentence_id\tText\n1\tOne\n1\tTwo\n", ":3: Sentence_id 1 appears twice"),
])
def test_malformed_tsv_names_the_line(tmp_path, content, message):
    with pytest.raises(FormatError, match=message):
        read_sentences(_tsv(tmp_path, content))


def test_lenient_reading_skips_a_broken_row_with_a_warning(tmp_path):
    path = _tsv(tmp_path, "Sentence_id\tText\tclass_label\n1\tOne.\tNo\n2\tTwo.\tNo3\tThree.\tYes\n4\tFour.\tYes\n")
    with pytest.warns(UserWarning, match=":3:"):
        rows = read_sentences(path, strict=False)
    assert [r.id for r in rows] == ["1", "4"]


def test_score_refuses_missing_predictions(tmp_path):
    rows = read_sentences(_tsv(tmp_path, "Sentence_id\tText\tclass_label\n1\tA.\tYes\n2\tB.\tNo\n"))
    with pytest.raises(unspin.InputError, match="no prediction"):
        score(rows, {"1": "Yes"})


def test_sentence_pooling_uses_the_tokens_inside_each_span():
    tokens = TokenizedText(np.arange(4), np.array([0, 4, 10, 14]), np.array([3, 8, 13, 18]))
    hidden = np.array([[1.0, 0], [3.0, 0], [0, 5.0], [0, 7.0]], dtype=np.float32)
    pooled, kept = pooled_sentences(TokenStates(tokens, np.zeros((4, 3)), hidden), [(0, 8), (9, 18), (19, 20)])
    assert kept == [0, 1]
    assert np.allclose(pooled, [[2.0, 0], [0, 6.0]])


@needs_model
def test_claims_layer_keeps_offsets_and_ties_claims_to_attributions():
    text = ("Council to close library\n\nBy Ana Ruiz\n\n"
            "The council voted 7-2 on Tuesday to close the Elm Street library, which cost $1.2 million a year to run. "
            "Unemployment in the county rose to 6.1 percent in March, the highest level since 2010.\n\n"
            "\"Closing it will save $400,000 in the first year alone,\" said finance director Mark Lee.\n\n"
            "Residents were unhappy.\n")
    analysis = unspin.analyze(text)
    assert_offsets(analysis)
    assert analysis.claims, "an article full of figures should have claims"
    for claim in analysis.claims:
        assert 0.0 <= claim.score <= 1.0 and claim.attributed == (claim.attribution is not None)
        if claim.attributed:
            assert analysis.attributions[claim.attribution].content
    summary = analysis.summary["claims"]
    assert summary["count"] == len(analysis.claims) and 0 <= summary["share_author_only"] <= 1
    assert [c["score"] for c in summary["top"]] == sorted((c.score for c in analysis.claims), reverse=True)[:5]


@needs_model
@pytest.mark.skipif(not SHARED_EXAMPLE.exists(), reason="../shared/examples is not beside this checkout")
def test_shared_example_claims_name_cnn_and_al_masdar_or_no_one():
    analysis = unspin.analyze_file(SHARED_EXAMPLE)
    cited = {c.source_name for c in analysis.claims if c.attributed}
    assert cited & {"CNN", "Al-Masdar News"}, cited
    assert any(not c.attributed for c in analysis.claims)


@needs_model
def test_claims_predict_and_score_commands(tmp_path):
    path = _tsv(tmp_path, "Sentence_id\tText\tclass_label\n"
                          "7\tThe unemployment rate fell to 3.5 percent, the lowest in fifty years.\tYes\n"
                          "8\tThank you all so much for coming tonight.\tNo\n"
                          "9\tWe spent $2 trillion on the war in Iraq.\tYes\n")
    out = tmp_path / "pred.tsv"
    result = subprocess.run([sys.executable, "-m", "unspin.cli", "claims", "predict", str(path), "-o", str(out)],
                            capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert list(read_predictions(out)) == ["7", "8", "9"]
    result = subprocess.run([sys.executable, "-m", "unspin.cli", "claims", "score", "--gold", str(path), "--pred", str(out)],
                            capture_output=True, timeout=300)
    assert result.returncode == 0 and b"F1 (Yes)" in result.stdout


def test_claims_predict_names_the_bad_line(tmp_path):
    path = _tsv(tmp_path, "Sentence_id\tText\n1\tFine.\n2\n")
    result = subprocess.run([sys.executable, "-m", "unspin.cli", "claims", "predict", str(path), "-o",
                             str(tmp_path / "p.tsv")], capture_output=True, timeout=300)
    assert result.returncode == 2 and b":3:" in result.stderr and b"Traceback" not in result.stderr


def test_bundled_example_claims_panel_only_with_claims():
    from unspin.render.html import to_html

    pipeline = unspin.Pipeline.from_options(unspin.Options(techniques=False, attribution=False, claims=False))
    page = to_html(unspin.analyze_file(FIXTURES / "structure" / "wire-ap.txt", pipeline=pipeline))
    assert "Claims to check" not in page
