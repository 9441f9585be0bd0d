"""The techniques analyzer: a span head over the shared encoder states, spans mapped to exact
offsets, and the technique profile of the article."""

from __future__ import annotations

import json
from collections import Counter
from functools import cached_property
from pathlib import Path

import numpy as np

from ... import model_sets
from ...document import Document, Layer
from ..encoder import EncoderModel, TokenStates, states_of
from ..encoder.tagger import Tagger, load_tagger
from ..loading import LoadedOnce
from ..registry import Analyzer
from .calibration import ScoreCalibration
from .decoding import SpanDecoding, SpanHead, classify, label_spans
from .span_text import SpanTextModel

MODEL_DIR = model_sets.folder("techniques", strict=False)  # of the set chosen when this module was imported


class TechniqueModel(LoadedOnce):
    """The shipped technique heads and their decoding, loaded once per process.

    Spans are found from per-token B/I/O probabilities: the encoder graph's own B/I/O layer
    (`bio_logits`), or, where the set ships one (`finder.npz`), a span finder trained afterwards
    over the encoder's frozen states (`training/span_finder.py`): a bidirectional GRU in
    `standard`, an MLP over each token and its neighbours in `fast`, which a GRU would slow by a
    fifth for no gain. The span head then names each span's technique."""

    part = "techniques"

    def __init__(self, directory: Path | None = None, encoder: EncoderModel | None = None):
        self.directory = directory or self.default_dir()
        self.config = json.loads((self.directory / "config.json").read_text())
        self._encoder = encoder

    @property
    def name(self) -> str:
        return self.config.get("name", "techniques") + ("+span-finder" if self.config.get("finder") else "")

    @property
    def encoder(self) -> EncoderModel:
        if self._encoder is None:
            self._encoder = EncoderModel.shared(self.directory.parent / "encoder")
        return self._encoder

    @cached_property
    def head(self) -> SpanHead:
        words = self.config.get("span_text")
        text_model = SpanTextModel.load(self.directory / "span_text.npz") if words else None
        return SpanHead.load(self.directory / "span_head.npz", text_model, words["weight"] if words else 0.0,
                             words.get("weight_found", 0.0) if words else 0.0)

    @cached_property
    def calibration(self) -> ScoreCalibration | None:
        """The map from a raw span score to P(right), where `training.calibrate` fitted one."""
        return ScoreCalibration.from_config(self.config.get("report", {}).get("calibration"))

    @cached_property
    def finder(self) -> Tagger | None:
        """The span finder, where the set ships one (its B/I/O replace the encoder graph's)."""
        settings = self.config.get("finder")
        return load_tagger(self.directory, settings, "finder.npz") if settings else None

    @cached_property
    def decoding(self) -> SpanDecoding:
        """Chosen on validation for the B/I/O probabilities in use (the finder's, where shipped)."""
        return SpanDecoding.from_config((self.config.get("finder") or self.config)["decoding"])

    def label(self, text: str, states: TokenStates):
        return label_spans(text, self.found(states), self.head, self.decoding)

    def found(self, states: TokenStates) -> TokenStates:
        """The states with the B/I/O probabilities that spans are decoded from."""
        if self.finder is None:
            return states
        return TokenStates(states.tokens, self.finder.probabilities(states.hidden), states.hidden)

    def predict(self, text: str, regions: list[tuple[int, int]] | None):
        return self.label(text, self.encoder.encode(text, regions))

    def classify(self, text: str, spans: list[tuple[int, int]]) -> np.ndarray:
        """Technique probabilities for given spans, in the context of the whole text."""
        return classify(self.encoder.encode(text, None), text, spans, self.head)


class TechniqueAnalyzer(Analyzer):
    """Adds the `techniques` layer: spans of the article's own text, each with a PTC label."""

    name = "techniques"
    assigns = (Layer.TECHNIQUES,)
    requires = ("tensor:encoder", Layer.SENTENCES)

    def __init__(self, model: TechniqueModel | None = None, calibrated: bool = True):
        """`calibrated=False` keeps the decoder's raw scores (what `training.calibrate` reads)."""
        self._model = model
        self.calibrated = calibrated

    @property
    def model(self) -> TechniqueModel:
        if self._model is None:
            self._model = TechniqueModel.shared()
        return self._model

    def info(self) -> dict:
        return {"techniques": self.model.name}

    def load(self) -> None:
        self.model.head, self.model.finder, self.model.decoding  # noqa: B018

    def shown_by_default(self) -> dict | None:
        """The score above which reports show a span by default, and how often such spans were
        right on validation (see training/calibrate.py); None when not calibrated."""
        report = self.model.config.get("report")
        if not report or report.get("threshold") is None:
            return None
        shown = {"min_score": report["threshold"], "precision": report["precision_shown"], "spans": report["shown"],
                 "meets_two_to_one": report.get("meets_wanted", False)}
        if "per_article" in report:
            shown["per_article"] = report["per_article"]
        return shown

    def __call__(self, doc: Document) -> Document:
        spans = self.model.label(doc.text, states_of(doc)) if doc.content_regions() else []
        calibration = self.model.calibration if self.calibrated else None
        doc.set_layer(Layer.TECHNIQUES, [
            doc.span(s.start, s.end, s.technique, round(calibration(s.score, s.technique) if calibration else s.score, 4))
            for s in sorted(spans, key=lambda s: (s.start, s.end))
        ])
        return doc

    def profile(self, doc: Document, words: int) -> dict:
        return {"techniques": technique_profile(doc, words)}


def technique_profile(doc: Document, words: int) -> dict:
    spans = doc.layer(Layer.TECHNIQUES)
    sentences = doc.layer(Layer.SENTENCES)
    counts = Counter(s.label for s in spans)
    with_technique = sum(1 for s in sentences if any(t.start < s.end and s.start < t.end for t in spans))
    return {
        "count": len(spans),
        "per_1000_words": round(1000 * len(spans) / words, 2) if words else 0.0,
        "by_technique": dict(counts.most_common()),
        "sentences": len(sentences),
        "share_of_sentences": round(with_technique / len(sentences), 3) if sentences else 0.0,
    }


__all__ = ["TechniqueAnalyzer", "TechniqueModel", "MODEL_DIR", "technique_profile"]
