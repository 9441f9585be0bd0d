"""Technique model plumbing: windows, decoding, offsets, and the shipped ONNX model."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import FIXTURES, assert_offsets
from hypothesis import given, settings
from hypothesis import strategies as st

import unspin
from unspin.analyzers.encoder import MODEL_DIR as ENCODER_DIR
from unspin.analyzers.encoder import EncoderModel, TokenStates
from unspin.analyzers.encoder.tokens import (
    SubwordTokenizer,
    TokenizedText,
    sliding_windows,
)
from unspin.analyzers.techniques import TECHNIQUE_LABELS, TechniqueModel
from unspin.analyzers.techniques.decoding import SpanDecoding, decode_spans, token_range
from unspin.analyzers.techniques.features import span_features
from unspin.options import Options

needs_model = pytest.mark.skipif(not TechniqueModel.available(), reason="no technique model shipped in this checkout")


@given(st.integers(min_value=0, max_value=3000), st.integers(min_value=8, max_value=300))
def test_windows_cover_every_token_within_the_size(n, size):
    stride = max(1, (size - 2) * 3 // 4)
    windows = sliding_windows(n, size, stride)
    covered = np.zeros(n, dtype=bool)
    for w in windows:
        assert 0 <= w.first < w.last <= n and w.last - w.first <= size - 2
        covered[w.first : w.last] = True
    assert covered.all()
    assert len(windows) == len({(w.first, w.last) for w in windows})


def _states(text: str, words: list[tuple[int, int]], inside: list[float], begins: list[float] | None = None):
    n = len(words)
    starts = np.array([a for a, _ in words]); ends = np.array([b for _, b in words])
    begins = begins or [0.0] * n
    probs = np.array([[1 - p, b * p, (1 - b) * p] for p, b in zip(inside, begins)], dtype=np.float32).reshape(-1, 3)
    return TokenStates(TokenizedText(np.zeros(n, dtype=np.int64), starts, ends), probs, np.zeros((n, 4), np.float32))


def test_decode_joins_runs_and_breaks_at_newlines_and_confident_starts():
    text = "aaaa bbbb cccc\ndddd eeee ffff gg"
    words = [(0, 4), (5, 9), (10, 14), (15, 19), (20, 24), (25, 29), (30, 32)]
    states = _states(text, words, [0.9, 0.8, 0.1, 0.9, 0.9, 0.9, 0.1], [0.9, 0.1, 0, 0.9, 0.1, 0.9, 0])
    spans = [(a, b) for a, b, _ in decode_spans(text, states, SpanDecoding(0.0, 0.0))]
    assert spans == [(0, 9), (15, 24), (25, 29)]
    for a, b in spans:
        assert text[a:b].strip() == text[a:b]


def test_a_span_never_continues_across_a_line_break():
    text = "aaaa\nbbbb"
    states = _states(text, [(0, 4), (5, 9)], [0.9, 0.9], [1.0, 0.0])  # "bbbb" looks like a continuation
    assert [(a, b) for a, b, _ in decode_spans(text, states, SpanDecoding(0.0, 0.0))] == [(0, 4)]


def test_inside_bias_lets_a_weak_token_join_its_neighbours():
    text = "alpha beta gamma"
    words = [(0, 5), (6, 10), (11, 16)]
    states = _states(text, words, [0.9, 0.4, 0.9], [1.0, 0.0, 0.5])
    assert [(a, b) for a, b, _ in decode_spans(text, states, SpanDecoding(0.0, 0.0))] == [(0, 5), (11, 16)]
    assert [(a, b) for a, b, _ in decode_spans(text, states, SpanDecoding(0.0, 0.5))] == [(0, 16)]


def test_spans_less_likely_than_keep_are_dropped():
    text = "alpha beta gamma delta"
    words = [(0, 5), (6, 10), (11, 16), (17, 22)]
    states = _states(text, words, [0.9, 0.1, 0.45, 0.45], [1.0, 0.0, 1.0, 0.0])
    decoded = decode_spans(text, states, SpanDecoding(1.0, 1.0))
    assert [(a, b) for a, b, _ in decoded] == [(0, 5), (11, 22)]
    assert [(a, b) for a, b, _ in decode_spans(text, states, SpanDecoding(1.0, 1.0, keep=0.5))] == [(0, 5)]


@given(st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1), st.booleans()), min_size=0, max_size=60),
       st.floats(-2, 2), st.floats(-2, 2))
@settings(max_examples=200, deadline=None)
def test_decoded_spans_are_ordered_disjoint_words_of_the_text(tokens, begin_bias, inside_bias):
    words, pieces, position = [], [], 0
    for i, (_, _, newline) in enumerate(tokens):
        word = f"w{i}x"
        words.append((position, position + len(word)))
        pieces.append(word + ("\n" if newline else " "))
        position += len(word) + 1
    text = "".join(pieces)
    states = _states(text, words, [p for p, _, _ in tokens], [b for _, b, _ in tokens])
    spans = decode_spans(text, states, SpanDecoding(begin_bias, inside_bias))
    previous_end = 0
    for start, end, mean in spans:
        assert previous_end <= start < end <= len(text)
        assert "\n" not in text[start:end] and text[start:end].strip() == text[start:end]
        assert 0.0 <= mean <= 1.0 + 1e-6
        previous_end = end


def test_token_range_finds_overlapping_tokens():
    tokens = TokenizedText(np.zeros(3, dtype=np.int64), np.array([0, 4, 9]), np.array([3, 8, 12]))
    assert token_range(tokens, 4, 8) == (1, 2)
    assert token_range(tokens, 2, 10) == (0, 3)
    assert token_range(tokens, 3, 4) == (1, 1)  # whitespace only: no token


def test_repetition_feature_sees_the_whole_document():
    text = "Build the wall! Many people agree. " + "filler " * 400 + "Build  the wall!"
    first = span_features(text, 0, 15)
    assert first[0] > 0 and first[1] == 0.0  # recurs later, not before
    last = span_features(text, len(text) - 16, len(text))
    assert last[1] == 1.0


@needs_model
def test_tokenizer_offsets_index_the_original_text():
    tokenizer = SubwordTokenizer(ENCODER_DIR / "tokenizer.json")
    text = "Café owners — “furious” — said: DON'T close 3,000 shops!\r\nNext line 😀 ok"
    tokens = tokenizer.tokenize(text, [(0, 20), (22, len(text))])
    assert len(tokens) > 10
    for a, b in zip(tokens.starts, tokens.ends):
        assert 0 <= a < b <= len(text) and text[a:b].strip() == text[a:b]
    assert all(b <= 20 or a >= 22 for a, b in zip(tokens.starts, tokens.ends))


@needs_model
def test_long_article_is_covered_without_truncation():
    model = EncoderModel.shared()
    sentence = "The corrupt elite will destroy our great nation unless patriots stand up now. "
    text = "Title\n\n" + sentence * 200
    states = model.encode(text, None)
    assert len(states.tokens) > 2000 and states.tokens.ends[-1] >= len(text) - 2
    assert np.allclose(states.bio_probs.sum(axis=1), 1.0, atol=1e-4)


@needs_model
def test_techniques_layer_on_an_article(structure_pipeline):
    analysis = unspin.analyze_file(FIXTURES / "structure" / "opinion-colon-quote.txt")
    assert analysis.engine["models"]["techniques"]
    spans = analysis.techniques
    assert spans, "the model should find some technique in an opinion piece"
    regions = analysis.document.content_regions()
    for s in spans:
        assert s.technique in TECHNIQUE_LABELS and 0.0 <= s.score <= 1.0
        assert any(a <= s.start and s.end <= b for a, b in regions), "techniques only on article text"
    profile = analysis.summary["techniques"]
    assert profile["count"] == len(spans) and profile["per_1000_words"] > 0
    assert 0 < profile["share_of_sentences"] <= 1
    assert_offsets(analysis)


@needs_model
@settings(max_examples=15, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc XYZ.,!?\"“”'\n\r\té😀-")), min_size=1, max_size=400))
def test_technique_spans_index_any_text(text):
    if not text.strip():
        return
    analysis = unspin.analyze(unspin.Document(text=text))
    assert_offsets(analysis)


@needs_model
def test_classify_returns_a_distribution_per_span():
    model = TechniqueModel.shared()
    text = "They are traitors and criminals. Make America great again!"
    probs = model.classify(text, [(9, 31), (33, 58)])
    assert probs.shape == (2, len(TECHNIQUE_LABELS))
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-4)


@needs_model
def test_text_too_long_for_the_models_is_a_clear_error():
    from unspin.errors import InputError

    pipeline = unspin.Pipeline.from_options(Options(max_tokens=50))
    with pytest.raises(InputError, match="more than the models take"):
        unspin.analyze(unspin.Document(text="Title\n\n" + "A long sentence about the council's budget. " * 40),
                       pipeline=pipeline)


def test_a_span_never_runs_over_text_outside_the_analysed_regions():
    text = "alpha [skipped boilerplate] beta"
    states = _states(text, [(0, 5), (28, 32)], [0.9, 0.9], [1.0, 0.0])
    assert [(a, b) for a, b, _ in decode_spans(text, states, SpanDecoding(0.0, 0.0))] == [(0, 5)]


@given(st.text(alphabet=st.sampled_from(list("aİbẞ  \n\tc.")), max_size=80), st.data())
@settings(max_examples=200, deadline=None)
def test_span_features_take_any_text_and_span(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    features = span_features(text, start, end)
    assert features.shape == (4,) and np.isfinite(features).all()


def test_repetition_is_found_after_characters_whose_lower_case_is_longer():
    text = "İİİİ abc then abc"
    assert span_features(text, 14, 17)[1] == 1.0  # "abc" occurred before


@given(st.lists(st.tuples(st.floats(0.01, 1), st.floats(0.01, 1), st.floats(0.01, 1), st.booleans()), min_size=1, max_size=7),
       st.floats(-1.5, 1.5), st.floats(-1.5, 1.5))
@settings(max_examples=300, deadline=None)
def test_best_path_is_the_best_of_all_allowed_tag_sequences(tokens, begin_bias, inside_bias):
    import itertools

    from unspin.analyzers.techniques.decoding import best_path

    text = "".join(f"w{i}" + ("\n" if newline else " ") for i, (*_, newline) in enumerate(tokens))
    words, position = [], 0
    for i, (*_, newline) in enumerate(tokens):
        words.append((position, position + len(f"w{i}")))
        position += len(f"w{i}") + 1
    raw = np.array([[o, b, i] for o, b, i, _ in tokens], dtype=np.float64)
    probs = (raw / raw.sum(axis=1, keepdims=True)).astype(np.float32)
    states = TokenStates(TokenizedText(np.zeros(len(tokens), dtype=np.int64), np.array([a for a, _ in words]),
                                       np.array([b for _, b in words])), probs, np.zeros((len(tokens), 4), np.float32))
    log = np.log(probs.astype(np.float64)) + np.array([0.0, begin_bias, inside_bias])

    def allowed(tags):
        return all(t != 2 or (k > 0 and tags[k - 1] != 0 and not tokens[k - 1][3]) for k, t in enumerate(tags))

    best_score = max(sum(log[k, t] for k, t in enumerate(tags))
                     for tags in itertools.product((0, 1, 2), repeat=len(tokens)) if allowed(tags))
    tags = [0] * len(tokens)  # the decoded path as O/B/I tags (ties may pick any best path)
    for first, last in best_path(text, states, begin_bias, inside_bias):
        tags[first : last] = [1] + [2] * (last - first - 1)
    assert allowed(tags)
    assert sum(log[k, t] for k, t in enumerate(tags)) == pytest.approx(best_score, abs=1e-4)


def test_span_words_model_matches_tfidf_arithmetic_and_round_trips(tmp_path):
    from unspin.analyzers.techniques.span_text import SpanTextModel, terms

    assert terms("Save the Meadows, save", 2) == ["save", "the", "meadows", "save", "save the", "the meadows", "meadows save"]
    vocabulary = {"save": 0, "the": 1, "meadows": 2, "save the": 3}
    idf = np.array([1.0, 1.0, 2.0, 1.5], dtype=np.float32)
    coef = np.zeros((len(TECHNIQUE_LABELS), 4), dtype=np.float32)
    coef[TECHNIQUE_LABELS.index("Slogans"), 2] = 3.0
    model = SpanTextModel(vocabulary, idf, coef, np.zeros(len(TECHNIQUE_LABELS), dtype=np.float32))
    index, weight = model.features("save SAVE meadows")
    raw = {0: 1 + np.log(2), 2: 2.0}  # sublinear term frequency times idf
    norm = np.sqrt(sum(v * v for v in raw.values()))
    assert dict(zip(index.tolist(), weight.tolist())) == pytest.approx({k: v / norm for k, v in raw.items()})
    probs = model.probabilities(["save the meadows", "nothing known here"])
    assert probs.sum(axis=1) == pytest.approx([1.0, 1.0])
    assert TECHNIQUE_LABELS[int(probs[0].argmax())] == "Slogans"
    assert probs[1] == pytest.approx(np.full(len(TECHNIQUE_LABELS), 1 / len(TECHNIQUE_LABELS)))
    model.save(tmp_path / "words.npz")
    again = SpanTextModel.load(tmp_path / "words.npz")
    assert again.vocabulary == vocabulary and again.probabilities(["save the meadows"]) == pytest.approx(probs[:1])


@needs_model
def test_shipped_span_words_model_is_blended_into_technique_classification():
    model = TechniqueModel.shared()
    assert model.head.text_model is not None and 0 < model.head.text_weight < 1
    text = "Either you support the bypass, or you support gridlock forever. Stop the bypass. Save the meadows."
    probs = model.classify(text, [(0, 62), (64, 98)])
    assert probs.sum(axis=1) == pytest.approx([1.0, 1.0], abs=1e-5)
    assert TECHNIQUE_LABELS[int(probs[0].argmax())] == "Black-and-White_Fallacy"
    assert TECHNIQUE_LABELS[int(probs[1].argmax())] == "Slogans"


@pytest.mark.parametrize("model_set", ["standard", "fast"])
def test_spans_are_decoded_from_the_sets_span_finder_where_it_ships_one(model_set):
    from unspin.model_sets import folder, installed

    if not installed(model_set):
        pytest.skip(f"the {model_set} set is not installed")
    model = TechniqueModel(folder("techniques", model_set))
    text = "They are traitors and criminals, and everyone knows it. Make America great again!"
    states = model.encoder.encode(text, None)
    found = model.found(states)
    if model.finder is None:
        assert found is states and "+span-finder" not in model.name
        return
    assert "+span-finder" in model.name and model.decoding == SpanDecoding.from_config(model.config["finder"]["decoding"])
    assert found.tokens is states.tokens and found.hidden is states.hidden
    assert found.bio_probs.shape == (len(states.tokens), 3)
    assert np.allclose(found.bio_probs.sum(axis=1), 1.0, atol=1e-4)
    assert not np.allclose(found.bio_probs, states.bio_probs[:, :3], atol=1e-3), "the finder's B/I/O replace the graph's"
    empty = model.encoder.encode("", None)
    assert model.found(empty).bio_probs.shape == (0, 3)
