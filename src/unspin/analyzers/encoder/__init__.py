"""The shared encoder pass: one MiniLM run per document, read by every model head.

Like spaCy's tok2vec setting `doc.tensor`, the `Encoder` component tokenizes each document's
content regions, runs the ONNX encoder over sliding windows (a document's windows share calls;
documents never do, see `states.py`) and stores a `TokenStates` under
`doc.tensors["encoder"]`. Techniques, attribution and claims are heads over those states; none
of them runs a model of its own over the text.
"""

from __future__ import annotations

import json
from functools import cached_property
from pathlib import Path

import numpy as np

from ... import model_sets
from ...document import Document
from ...errors import InputError
from ...options import Options
from ..loading import LoadedOnce
from ..registry import Analyzer
from .states import (
    BATCH_WINDOWS,
    EncoderFn,
    TokenStates,
    encode,
    encode_many,
    encode_tokens,
)
from .tokens import SubwordTokenizer, TokenizedText

MODEL_DIR = model_sets.folder("encoder", strict=False)  # of the set chosen when this module was imported
TENSOR = "encoder"


class EncoderModel(LoadedOnce):
    """The shipped ONNX encoder and its tokenizer, loaded on first use, once per process."""

    part = "encoder"

    def __init__(self, directory: Path | None = None, threads: int | None = None):
        self.directory = directory or self.default_dir()
        self.config = json.loads((directory / "config.json").read_text())
        self.threads = threads

    @property
    def name(self) -> str:
        return self.config.get("name", "encoder")

    @cached_property
    def session(self):
        import onnxruntime as ort

        options = ort.SessionOptions()
        threads = self.threads or Options.from_env().threads
        if threads:
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # Idle ONNX threads would otherwise spin and steal the cores from the decoding that follows.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        return ort.InferenceSession(str(self.directory / self.config["model_file"]), options,
                                    providers=["CPUExecutionProvider"])

    @cached_property
    def fingerprint(self) -> str:
        """The first 16 hex digits of the SHA-256 of the ONNX graph and its external-data files,
        in order. Every calibration that reads the encoder's outputs records it, so a calibration
        left over from another export shows."""
        import hashlib

        digest = hashlib.sha256((self.directory / self.config["model_file"]).read_bytes())
        for name in self.config.get("data_files", []):
            digest.update((self.directory / name).read_bytes())
        return digest.hexdigest()[:16]

    @cached_property
    def tokenizer(self) -> SubwordTokenizer:
        return SubwordTokenizer(self.directory / "tokenizer.json")

    def run(self, input_ids: np.ndarray, attention_mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        logits, hidden = self.session.run(["bio_logits", "hidden"], {"input_ids": input_ids, "attention_mask": attention_mask})
        return logits, hidden

    def encode(self, text: str, regions: list[tuple[int, int]] | None) -> TokenStates:
        """Encode a text outside any pipeline (the SemEval commands, training evaluation)."""
        return encode(text, regions, self.tokenizer, self.run)


class Encoder(Analyzer):
    """Sets `doc.tensors["encoder"]`: the encoder's states over the document's content."""

    name = "encoder"
    assigns = ("tensor:encoder",)
    requires = ("segments",)

    def __init__(self, model: EncoderModel | None = None, options: Options | None = None):
        self._model = model
        self.options = options or Options()

    @property
    def model(self) -> EncoderModel:
        if self._model is None:
            self._model = EncoderModel.shared()
        return self._model

    def load(self) -> None:
        self.model.session, self.model.tokenizer  # noqa: B018

    def models(self) -> dict[str, str]:
        return {"encoder": self.model.name}

    def tokens(self, doc: Document) -> TokenizedText:
        """The document's content tokens; refuses a text longer than the models take."""
        tokens = self.model.tokenizer.tokenize(doc.text, doc.content_regions())
        if len(tokens) > self.options.max_tokens:
            raise InputError(
                f"{doc.id}: {len(tokens):,} sub-word tokens of article text is more than the models take "
                f"({self.options.max_tokens:,}); split it into articles, or analyse its structure only "
                f"(--no-techniques --no-attribution --no-claims)")
        return tokens

    def __call__(self, doc: Document) -> Document:
        if TENSOR not in doc.tensors:
            doc.tensors[TENSOR] = encode_tokens(self.tokens(doc), self.model.tokenizer, self.model.run,
                                                self.options.batch_windows)
        return doc

    def batch(self, docs: list[Document]) -> list[Exception | None]:
        """Encode several documents. Returns, per document, the error that stopped it (too
        long) or None."""
        errors: list[Exception | None] = [None] * len(docs)
        todo: list[tuple[int, TokenizedText]] = []
        for i, doc in enumerate(docs):
            if TENSOR in doc.tensors:
                continue
            try:
                todo.append((i, self.tokens(doc)))
            except InputError as error:
                errors[i] = error
        states = encode_many([t for _, t in todo], self.model.tokenizer, self.model.run, self.options.batch_windows)
        for (i, _), s in zip(todo, states):
            docs[i].tensors[TENSOR] = s
        return errors


def states_of(doc: Document) -> TokenStates:
    """The encoder states a head reads; the pipeline puts the encoder before every head."""
    try:
        return doc.tensors[TENSOR]
    except KeyError:
        raise RuntimeError(f"{doc.id}: no encoder states; put the 'encoder' component before the model heads") from None


__all__ = ["Encoder", "EncoderModel", "TokenStates", "EncoderFn", "encode", "encode_many", "encode_tokens",
           "states_of", "BATCH_WINDOWS", "MODEL_DIR", "TENSOR"]
