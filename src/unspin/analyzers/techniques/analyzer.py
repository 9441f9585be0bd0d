"""The techniques analyzer: ONNX Runtime over sliding windows, spans mapped to exact offsets."""

from __future__ import annotations

import json
import os
from functools import cached_property
from pathlib import Path

import numpy as np

from ...document import TECHNIQUES as TECHNIQUES_LAYER
from ...document import Document
from ...errors import InputError
from ..loading import LoadedOnce
from .decoding import (
    SpanDecoding,
    SpanHead,
    TokenStates,
    classify,
    encode,
    encode_tokens,
    label_spans,
)
from .labels import TECHNIQUES
from .tokens import SubwordTokenizer

MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "techniques"
# About 800,000 characters of article text, far beyond any article; the per-token states of one
# document must fit in memory (this many tokens take about 300 MB).
MAX_TOKENS = 200_000


class TechniqueModel(LoadedOnce):
    """The shipped model files, loaded on first use and shared by every analyzer in a process."""

    default_dir = MODEL_DIR

    def __init__(self, directory: Path = MODEL_DIR, model_file: str | None = None, threads: int | None = None):
        self.directory = directory
        self.config = json.loads((directory / "config.json").read_text())
        self.model_file = model_file or self.config["model_file"]
        self.threads = threads

    @cached_property
    def session(self):
        import onnxruntime as ort

        options = ort.SessionOptions()
        threads = self.threads or int(os.environ.get("UNSPIN_THREADS", "0")) or None
        if threads:
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # Idle ONNX threads would otherwise spin and steal the cores from the decoding that follows.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        return ort.InferenceSession(str(self.directory / self.model_file), options, providers=["CPUExecutionProvider"])

    @cached_property
    def tokenizer(self) -> SubwordTokenizer:
        return SubwordTokenizer(self.directory / "tokenizer.json")

    @cached_property
    def head(self) -> SpanHead:
        return SpanHead.load(self.directory / "span_head.npz")

    def encoder(self, input_ids: np.ndarray, attention_mask: np.ndarray):
        logits, hidden = self.session.run(["bio_logits", "hidden"], {"input_ids": input_ids, "attention_mask": attention_mask})
        return logits, hidden

    def encode(self, text: str, regions: list[tuple[int, int]] | None) -> TokenStates:
        return encode(text, regions, self.tokenizer, self.encoder)

    def states(self, doc: Document) -> TokenStates:
        """The encoder's per-token outputs over the document's content, computed once per
        document and shared with every analyzer that reads the same encoder."""
        key = f"encoder:{self.name}"
        if key not in doc.tensors:
            tokens = self.tokenizer.tokenize(doc.text, doc.content_regions())
            if len(tokens) > MAX_TOKENS:
                raise InputError(
                    f"{doc.id}: {len(tokens):,} sub-word tokens of article text is more than the models take "
                    f"({MAX_TOKENS:,}); split it into articles, or pass --no-techniques --no-attribution"
                )
            doc.tensors[key] = encode_tokens(tokens, self.tokenizer, self.encoder)
        return doc.tensors[key]

    def predict(self, text: str, regions: list[tuple[int, int]] | None):
        return self.label(text, self.encode(text, regions))

    def label(self, text: str, states: TokenStates):
        return label_spans(text, states, self.head, self.decoding)

    @cached_property
    def decoding(self) -> SpanDecoding:
        return SpanDecoding.from_config(self.config["decoding"])

    def classify(self, text: str, spans: list[tuple[int, int]]) -> np.ndarray:
        """Technique probabilities for given spans, in the context of the whole text."""
        return classify(self.encode(text, None), text, spans, self.head)

    @property
    def name(self) -> str:
        return self.config.get("name", "techniques")


class TechniqueAnalyzer:
    """Adds the `techniques` layer: spans of the article's own text, each with a PTC label."""

    name = "techniques"

    def __init__(self, model: TechniqueModel | None = None):
        self._model = model

    @property
    def model(self) -> TechniqueModel:
        if self._model is None:
            self._model = TechniqueModel.shared()
        return self._model

    def __call__(self, doc: Document) -> Document:
        spans = self.model.label(doc.text, self.model.states(doc)) if doc.content_regions() else []
        doc.layers[TECHNIQUES_LAYER] = [
            doc.span(s.start, s.end, s.technique, round(s.score, 4)) for s in sorted(spans, key=lambda s: (s.start, s.end))
        ]
        return doc


__all__ = ["TechniqueAnalyzer", "TechniqueModel", "TECHNIQUES", "MODEL_DIR"]
