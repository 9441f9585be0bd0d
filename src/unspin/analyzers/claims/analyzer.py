"""Check-worthy claims: a head over the shared encoder states scores each body sentence, and
sentences above the threshold become claims, tied to the attribution whose content holds them.

A sentence's vector is the mean of its tokens' encoder states (as in training, see
`training/claims.py`); a two-layer MLP in numpy gives P(check-worthy).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from ... import model_sets
from ...document import Document, Layer, Relations, Span
from ..activations import gelu
from ..encoder import TokenStates, states_of
from ..loading import LoadedOnce
from ..registry import Analyzer

MODEL_DIR = model_sets.folder("claims", strict=False)  # of the set chosen when this module was imported
CLAIM_SEGMENTS = ("body", "quote_block")  # not titles, headings or boilerplate
INSIDE = 0.5  # share of a claim's characters inside an attribution's content for it to count
TOP_CLAIMS = 5

# A product rule, not a calibration: an article's default view shows at most this share of its
# sentences as claims, the highest scoring first (the views apply it: claims/findings.py min_claim_score).
MAX_SHOWN_SHARE = 0.4


class ClaimsModel(LoadedOnce):
    part = "claims"

    def __init__(self, directory: Path | None = None):
        directory = directory or self.default_dir()
        self.config = json.loads((directory / "config.json").read_text())
        with np.load(directory / "claims_head.npz") as arrays:
            self.w1, self.b1, self.w2, self.b2 = (arrays[k].astype(np.float32) for k in ("w1", "b1", "w2", "b2"))
        self.name = self.config.get("name", "claims")
        # Inside news articles the layer uses the threshold calibrated on news sentences when there
        # is one (training/claims_news.py); CheckThat's sentences use the one chosen on its dev set.
        self.checkthat_threshold = float(self.config["threshold"])
        self.threshold = float(self.config.get("articles", {}).get("threshold", self.checkthat_threshold))

    def scores(self, pooled: np.ndarray) -> np.ndarray:
        """P(check-worthy) for each row of mean-pooled sentence states."""
        if not len(pooled):
            return np.zeros(0, dtype=np.float32)
        logits = gelu(pooled @ self.w1.T + self.b1) @ self.w2.T + self.b2
        return 1.0 / (1.0 + np.exp(-logits[:, 0]))


def pooled_sentences(states: TokenStates, spans: list[tuple[int, int]]) -> tuple[np.ndarray, list[int]]:
    """Mean encoder state of each span's tokens; also the indices of spans that have tokens."""
    tokens = states.tokens
    rows, kept = [], []
    for k, (start, end) in enumerate(spans):
        first = int(np.searchsorted(tokens.ends, start, side="right"))
        last = int(np.searchsorted(tokens.starts, end, side="left"))
        if last > first:
            rows.append(states.hidden[first:last].mean(0))
            kept.append(k)
    width = states.hidden.shape[1] if states.hidden.ndim == 2 else 0
    return (np.stack(rows) if rows else np.zeros((0, width), dtype=np.float32)), kept


def pooled_texts(encoder, texts: list[str], width: int | None = None, batch: int = 256) -> np.ndarray:
    """Mean encoder state of each text encoded on its own (CheckThat's sentences: one call
    each, so that no sentence's score depends on its neighbours); a text with no tokens gets
    zeros. `width` is the encoder's state size (default: read off its first output)."""
    from ..encoder import encode_many

    means: list[np.ndarray | None] = []
    for start in range(0, len(texts), batch):
        tokens = [encoder.tokenizer.tokenize(t) for t in texts[start : start + batch]]
        means += [s.hidden.mean(0) if len(s.tokens) else None
                  for s in encode_many(tokens, encoder.tokenizer, encoder.run, batch_size=32)]
    width = width or next((m.shape[0] for m in means if m is not None), 0)
    out = np.zeros((len(texts), width), dtype=np.float32)
    for k, mean in enumerate(means):
        if mean is not None:
            out[k] = mean
    return out


class ClaimsAnalyzer(Analyzer):
    """Adds the `claims` layer: body sentences worth checking, with who (if anyone) is cited."""

    name = "claims"
    assigns = (Layer.CLAIMS,)
    requires = ("tensor:encoder", Layer.SENTENCES)

    def __init__(self, model: ClaimsModel | None = None, threshold: float | None = None):
        self._model = model
        self._threshold = threshold

    @property
    def model(self) -> ClaimsModel:
        if self._model is None:
            self._model = ClaimsModel.shared()
        return self._model

    @property
    def threshold(self) -> float:
        return self.model.threshold if self._threshold is None else self._threshold

    def info(self) -> dict:
        return {"claims": self.model.name}

    def load(self) -> None:
        self.model  # noqa: B018

    def shown_by_default(self) -> dict | None:
        """The score above which reports show a claim by default, and how often such claims
        were check-worthy by the teacher's verdict on news articles (training/claims_news.py);
        None when not calibrated or when the threshold was set by hand."""
        shown = self.model.config.get("articles", {}).get("shown")
        if not shown or self._threshold is not None:
            return None
        return {**{key: shown[key] for key in ("min_score", "precision", "per_article", "share_of_sentences")},
                "max_share": MAX_SHOWN_SHARE}

    def __call__(self, doc: Document) -> Document:
        regions = [(s.start, s.end) for s in doc.segments(*CLAIM_SEGMENTS)]
        # A line introducing a quotation ("CNN also claims:") states nothing itself.
        candidates = [s for s in doc.layer(Layer.SENTENCES)
                      if any(a <= s.start and s.end <= b for a, b in regions) and not s.text.rstrip().endswith(":")]
        claims = []
        if candidates:
            pooled, kept = pooled_sentences(states_of(doc), [(s.start, s.end) for s in candidates])
            for k, score in zip(kept, self.model.scores(pooled)):
                if score >= self.threshold:
                    claims.append(self._claim(doc, candidates[k], float(score)))
        doc.set_layer(Layer.CLAIMS, claims)
        return doc

    @staticmethod
    def _claim(doc: Document, sentence: Span, score: float) -> Span:
        attribution, source_name = None, None
        for index, relation in enumerate(doc.related(Relations.ATTRIBUTIONS)):
            inside = sum(max(0, min(c.end, sentence.end) - max(c.start, sentence.start)) for c in relation.role("content"))
            cue = relation.first("cue")
            reported = cue is not None and sentence.start <= cue.start < sentence.end and inside > 0  # "X said Y."
            if inside >= INSIDE * len(sentence) or reported:
                source = relation.first("source")
                attribution = index
                source_name = relation.attrs.get("source_name") or (source.text if source else None)
                break
        return doc.span(sentence.start, sentence.end, "claim", round(score, 4),
                        attribution=attribution, source_name=source_name)

    def profile(self, doc: Document, words: int) -> dict:
        claims = doc.layer(Layer.CLAIMS)
        alone = sum(1 for c in claims if c.attrs.get("attribution") is None)
        top = sorted(claims, key=lambda c: -(c.score or 0.0))[:TOP_CLAIMS]
        return {"claims": {
            "count": len(claims),
            "per_1000_words": round(1000 * len(claims) / words, 2) if words else 0.0,
            "share_author_only": round(alone / len(claims), 3) if claims else 0.0,
            "top": [{**c.to_json(), "score": c.score, "source_name": c.attrs.get("source_name")} for c in top],
        }}
