"""The SemEval-2020 Task 11 metrics on small cases computed by hand."""

from __future__ import annotations

import pytest

from unspin.ptc.formats import Annotation, read_labels, write_labels
from unspin.ptc.scoring import (
    full_task,
    merge_spans,
    span_identification,
    technique_classification,
)


def A(start, end, technique="Loaded_Language", article="1"):
    return Annotation(article, start, end, technique)


def test_merge_spans_joins_overlaps_but_not_neighbours():
    assert merge_spans([(0, 5), (3, 8), (8, 10), (20, 25)]) == [(0, 8), (8, 10), (20, 25)]


def test_si_perfect_match():
    score = span_identification([A(0, 10)], [A(0, 10)])
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)


def test_si_partial_overlap():
    # pred [0,10), gold [5,25): intersection 5 -> P = 5/10, R = 5/20
    score = span_identification([A(5, 25)], [A(0, 10)])
    assert score.precision == pytest.approx(0.5)
    assert score.recall == pytest.approx(0.25)
    assert score.f1 == pytest.approx(2 * 0.5 * 0.25 / 0.75)


def test_si_ignores_techniques_and_merges_overlapping_gold():
    gold = [A(0, 10, "Doubt"), A(5, 20, "Slogans")]  # merged to [0, 20)
    pred = [A(0, 20, "Repetition")]
    score = span_identification(gold, pred)
    assert (score.precision, score.recall) == (1.0, 1.0)


def test_si_coinciding_spans_count_once():
    gold = [A(0, 10, "Doubt"), A(0, 10, "Loaded_Language")]
    score = span_identification(gold, [A(0, 10)])
    assert (score.precision, score.recall) == (1.0, 1.0)


def test_si_one_prediction_covering_two_gold_spans():
    # gold [0,10) and [20,30); pred [0,30): P = (10+10)/30, R = (1 + 1)/2
    score = span_identification([A(0, 10), A(20, 30)], [A(0, 30)])
    assert score.precision == pytest.approx(20 / 30)
    assert score.recall == pytest.approx(1.0)


def test_si_separate_articles_never_match():
    score = span_identification([A(0, 10, article="1")], [A(0, 10, article="2")])
    assert score.f1 == 0.0


def test_full_task_needs_equal_techniques():
    gold = [A(0, 10, "Doubt"), A(20, 30, "Slogans")]
    pred = [A(0, 10, "Doubt"), A(20, 30, "Doubt")]
    score, per = full_task(gold, pred)
    # Doubt: pred spans [0,10) and [20,30) merged separately; one hits -> P = 1/2, R over 2 gold = 1/2
    assert score.precision == pytest.approx(0.5)
    assert score.recall == pytest.approx(0.5)
    assert per["Doubt"].precision == pytest.approx(0.5)
    assert per["Doubt"].recall == pytest.approx(1.0)
    assert per["Slogans"].recall == 0.0


def test_full_task_overlapping_predictions_of_one_technique_are_merged():
    gold = [A(0, 10)]
    pred = [A(0, 6), A(4, 10)]  # merged to [0, 10)
    score, _ = full_task(gold, pred)
    assert (score.precision, score.recall) == (1.0, 1.0)


def test_tc_micro_with_duplicate_spans_as_multisets():
    gold = [A(0, 10, "Doubt"), A(0, 10, "Slogans"), A(20, 30, "Repetition")]
    pred = [A(0, 10, "Doubt"), A(0, 10, "Doubt"), A(20, 30, "Repetition")]
    score, per = technique_classification(gold, pred)
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(2 / 3)
    assert per["Doubt"].precision == pytest.approx(0.5)
    assert per["Slogans"].recall == 0.0


def test_empty_predictions_score_zero():
    assert span_identification([A(0, 10)], []).f1 == 0.0


def test_labels_round_trip(tmp_path):
    rows = [A(1, 5, "Doubt", "111"), A(7, 9, "Name_Calling,Labeling", "222")]
    path = tmp_path / "labels.tsv"
    write_labels(path, rows)
    assert path.read_text() == "111\tDoubt\t1\t5\n222\tName_Calling,Labeling\t7\t9\n"
    assert read_labels(path) == rows


def test_malformed_labels_say_where(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("111\tDoubt\t1\n")
    with pytest.raises(ValueError, match="bad.tsv:1"):
        read_labels(path)
