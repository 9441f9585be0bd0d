"""The encoder's per-token outputs over sliding windows.

Each token's outputs come from the window where it sits most centrally. A document's windows
share encoder calls, but windows of different documents never do: the int8 encoder quantizes
its activations with one scale per call, computed over every row in it, so a window's outputs
would depend on the other documents it happened to be batched with (the same article scored
differently alone, in a corpus run, or on another Ray worker).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from ...options import Options
from ..activations import softmax
from .tokens import SubwordTokenizer, TokenizedText, Window, sliding_windows

# (input_ids, attention_mask) -> (bio_logits [B, T, tags], hidden [B, T, H])
EncoderFn = Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]

BATCH_WINDOWS = Options.batch_windows  # windows per call, when no options are given (encode() outside a pipeline)


@dataclass
class TokenStates:
    """Per-token outputs, each taken from the window where the token sits most centrally."""

    tokens: TokenizedText
    bio_probs: np.ndarray  # [n, tags]: B/I/O for techniques, more tags for other taggers
    hidden: np.ndarray  # [n, H]


def encode(
    text: str,
    regions: list[tuple[int, int]] | None,
    tokenizer: SubwordTokenizer,
    encoder: EncoderFn,
    batch_size: int = BATCH_WINDOWS,
) -> TokenStates:
    return encode_tokens(tokenizer.tokenize(text, regions), tokenizer, encoder, batch_size)


def encode_tokens(
    tokens: TokenizedText, tokenizer: SubwordTokenizer, encoder: EncoderFn, batch_size: int = BATCH_WINDOWS
) -> TokenStates:
    """Run the encoder over overlapping windows of already tokenized text."""
    return encode_many([tokens], tokenizer, encoder, batch_size)[0]


class _Collector:
    """One document's outputs, filled window by window."""

    def __init__(self, tokens: TokenizedText):
        self.tokens = tokens
        self.best_margin = np.full(len(tokens), -1, dtype=np.int64)
        self.bio: np.ndarray | None = None
        self.hidden: np.ndarray | None = None

    def take(self, window: Window, logits: np.ndarray, states: np.ndarray) -> None:
        n = len(self.tokens)
        if self.bio is None:
            self.bio = np.zeros((n, logits.shape[-1]), dtype=np.float32)
            self.hidden = np.zeros((n, states.shape[-1]), dtype=np.float32)
        idx = np.arange(window.first, window.last)
        margin = np.minimum(idx - window.first, window.last - 1 - idx)
        keep = margin > self.best_margin[idx]
        chosen = idx[keep]
        local = chosen - window.first + 1  # +1 skips [CLS]
        self.best_margin[chosen] = margin[keep]
        self.bio[chosen] = softmax(logits[local])
        self.hidden[chosen] = states[local]

    def states(self) -> TokenStates:
        if self.bio is None or self.hidden is None:
            return TokenStates(self.tokens, np.zeros((0, 3), dtype=np.float32), np.zeros((0, 1), dtype=np.float32))
        return TokenStates(self.tokens, self.bio, self.hidden)


def encode_many(
    documents: list[TokenizedText], tokenizer: SubwordTokenizer, encoder: EncoderFn, batch_size: int = BATCH_WINDOWS
) -> list[TokenStates]:
    """Encode the windows of each document, `batch_size` windows a call; one `TokenStates` each.
    A document's outputs do not depend on the other documents (see the module docstring)."""
    collectors = [_Collector(tokens) for tokens in documents]
    for d, tokens in enumerate(documents):
        # Long windows first, so a call pads little.
        windows = sorted(sliding_windows(len(tokens)), key=lambda w: w.last - w.first, reverse=True)
        for b in range(0, len(windows), batch_size):
            batch = windows[b : b + batch_size]
            input_ids, mask = window_inputs(tokenizer, [(tokens, w) for w in batch])
            logits, states = encoder(input_ids, mask)
            for row, w in enumerate(batch):
                collectors[d].take(w, logits[row], states[row])
    return [c.states() for c in collectors]


def window_inputs(tokenizer: SubwordTokenizer, windows: list[tuple[TokenizedText, Window]]) -> tuple[np.ndarray, np.ndarray]:
    """Batch windows (of one or several documents) as `input_ids`, `attention_mask`, padded to the
    longest window only."""
    width = max(w.last - w.first for _, w in windows) + 2
    input_ids = np.full((len(windows), width), tokenizer.pad_id, dtype=np.int64)
    mask = np.zeros((len(windows), width), dtype=np.int64)
    for row, (tokens, w) in enumerate(windows):
        n = w.last - w.first
        input_ids[row, 0] = tokenizer.cls_id
        input_ids[row, 1 : n + 1] = tokens.ids[w.first : w.last]
        input_ids[row, n + 1] = tokenizer.sep_id
        mask[row, : n + 2] = 1
    return input_ids, mask
