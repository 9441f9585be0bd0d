"""From encoder outputs over sliding windows to technique spans with exact character offsets.

Shared by the ONNX analyzer and by training-time evaluation, so that the numbers in the model
card come from the very code that runs in `unspin analyze`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..activations import gelu, softmax
from ..encoder.states import TokenStates
from ..encoder.tokens import TokenizedText
from ..words import only_function_words, snap_to_words
from .features import SpanFeatures
from .labels import TECHNIQUE_LABELS
from .span_text import SpanTextModel

O, B, I = 0, 1, 2


@dataclass(frozen=True)
class SpanHead:
    """A two-layer MLP over pooled span vectors, applied with numpy; optionally averaged with a
    classifier of the span's own words (`span_text.py`): `text_weight` of it for given spans
    (the TC task), `found_text_weight` for the spans the decoder found, which are often partial
    and where the words alone mislead more (both chosen on validation)."""

    w1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: np.ndarray
    text_model: SpanTextModel | None = None
    text_weight: float = 0.0
    found_text_weight: float = 0.0

    @classmethod
    def load(cls, path, text_model: SpanTextModel | None = None, text_weight: float = 0.0,
             found_text_weight: float = 0.0) -> "SpanHead":
        with np.load(path) as arrays:
            return cls(*(arrays[k].astype(np.float32) for k in ("w1", "b1", "w2", "b2")), text_model, text_weight,
                       found_text_weight)

    def probabilities(self, pooled: np.ndarray) -> np.ndarray:
        return softmax(gelu(pooled @ self.w1.T + self.b1) @ self.w2.T + self.b2)


@dataclass(frozen=True)
class ScoredSpan:
    start: int
    end: int
    technique: str
    score: float


MIN_SPAN_CHARS = 4


@dataclass(frozen=True)
class SpanDecoding:
    """How per-token B/I/O probabilities become spans and labels; chosen on validation.

    The biases are added to the log-probabilities of B and I before the best path is taken:
    the SI metric rewards recall, so the best settings lean towards tagging (a bias of 1.0 lets
    a token whose I probability is e times lower than its O probability still tie).
    """

    begin_bias: float = 1.0
    inside_bias: float = 1.0
    keep: float = 0.0  # a span is kept when its mean inside-probability reaches this
    second_label_min: float = 0.45  # a span gets a second technique this likely

    @classmethod
    def from_config(cls, config: dict) -> "SpanDecoding":
        return cls(**{k: float(config[k]) for k in ("begin_bias", "inside_bias", "keep", "second_label_min") if k in config})


def _breaks_before(text: str, tokens: TokenizedText) -> list[bool]:
    """For each token, whether a span may not run on into it from the token before: a line break
    or text the model did not see (outside the analysed regions) lies between them."""
    breaks = [False] * len(tokens)
    if len(tokens) > 1:
        for i in (np.nonzero(tokens.starts[1:] > tokens.ends[:-1])[0] + 1).tolist():
            gap = text[tokens.ends[i - 1] : tokens.starts[i]]
            breaks[i] = "\n" in gap or not gap.isspace()
    return breaks


def best_path(text: str, states: TokenStates, begin_bias: float, inside_bias: float) -> list[tuple[int, int]]:
    """Token runs [first, last) of the most likely B/I/O sequence (Viterbi), where I only
    follows B or I and never crosses a line break or unseen text: the decoding a CRF layer would do.

    With these transitions the recurrence needs only two scores per token (best path ending
    inside a span, best path overall), so it runs in one plain loop."""
    n = len(states.tokens)
    if n == 0:
        return []
    log = np.log(np.clip(states.bio_probs[:, :3], 1e-9, None))
    e_out = log[:, O].tolist()
    e_begin = (log[:, B] + begin_bias).tolist()
    e_inside = (log[:, I] + inside_bias).tolist()
    breaks = _breaks_before(text, states.tokens)
    starts_here = [False] * n
    ends_inside = [False] * n
    best, inside = 0.0, -np.inf
    for i in range(n):
        begin = best + e_begin[i]
        carry = -np.inf if breaks[i] else inside + e_inside[i]
        if carry >= begin:
            inside = carry
        else:
            inside = begin
            starts_here[i] = True
        out = best + e_out[i]
        if inside > out:
            best = inside
            ends_inside[i] = True
        else:
            best = out
    runs: list[tuple[int, int]] = []
    in_span, last = ends_inside[n - 1], n
    for i in range(n - 1, -1, -1):
        if in_span and starts_here[i]:
            runs.append((i, last))
        if not in_span or starts_here[i]:
            in_span = i > 0 and ends_inside[i - 1]
            last = i
    return runs[::-1]


def decode_spans(text: str, states: TokenStates, decoding: SpanDecoding) -> list[tuple[int, int, float]]:
    """Spans of the best B/I/O path, widened to whole words, without the ones too short, made of
    function words only, or less likely on average than `decoding.keep`.
    Returns (start, end, mean inside-probability)."""
    tokens = states.tokens
    inside = states.bio_probs[:, B] + states.bio_probs[:, I]
    spans: list[tuple[int, int, float]] = []
    for first, last in best_path(text, states, decoding.begin_bias, decoding.inside_bias):
        start, end = snap_to_words(text, int(tokens.starts[first]), int(tokens.ends[last - 1]))
        mean = float(inside[first:last].mean())
        if mean >= decoding.keep and end - start >= MIN_SPAN_CHARS and not only_function_words(text[start:end]):
            spans.append((start, end, mean))
    return spans


def token_range(tokens: TokenizedText, start: int, end: int) -> tuple[int, int]:
    """Indices [first, last) of the tokens that overlap characters [start, end)."""
    first = int(np.searchsorted(tokens.ends, start, side="right"))
    last = int(np.searchsorted(tokens.starts, end, side="left"))
    return first, last


def pool_span(states: TokenStates, text: str, start: int, end: int, features: SpanFeatures | None = None) -> np.ndarray | None:
    first, last = token_range(states.tokens, start, end)
    if last <= first:
        return None
    h = states.hidden[first:last]
    return np.concatenate([h.mean(axis=0), h[0], h[-1], (features or SpanFeatures(text))(start, end)])


def classify(states: TokenStates, text: str, spans: list[tuple[int, int]], head: SpanHead,
             found: bool = False) -> np.ndarray:
    """Technique probabilities [len(spans), 14]; uniform for a span with no token. `found`: the
    spans come from the decoder rather than from a given list."""
    probs = np.full((len(spans), len(TECHNIQUE_LABELS)), 1.0 / len(TECHNIQUE_LABELS), dtype=np.float32)
    pooled, rows = [], []
    features = SpanFeatures(text)
    for row, (start, end) in enumerate(spans):
        vector = pool_span(states, text, start, end, features)
        if vector is not None:
            pooled.append(vector)
            rows.append(row)
    if pooled:
        probs[rows] = head.probabilities(np.stack(pooled).astype(np.float32))
    weight = head.found_text_weight if found else head.text_weight
    if head.text_model is not None and weight > 0 and spans:
        words = head.text_model.probabilities([text[start:end] for start, end in spans])
        probs = (1.0 - weight) * probs + weight * words
    return probs


def label_spans(text: str, states: TokenStates, head: SpanHead, decoding: SpanDecoding) -> list[ScoredSpan]:
    """The full task: find spans, then name their technique(s). A span gets its most likely
    technique, and a second one when the model gives that one at least `second_label_min`."""
    found = decode_spans(text, states, decoding)
    probs = classify(states, text, [(s, e) for s, e, _ in found], head, found=True)
    out = []
    for (start, end, span_p), p in zip(found, probs):
        ranked = np.argsort(-p)
        out.append(ScoredSpan(start, end, TECHNIQUE_LABELS[ranked[0]], span_p * float(p[ranked[0]])))
        if p[ranked[1]] >= decoding.second_label_min:
            out.append(ScoredSpan(start, end, TECHNIQUE_LABELS[ranked[1]], span_p * float(p[ranked[1]])))
    return out
