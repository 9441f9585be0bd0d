"""Sub-word tokenization with character offsets, and the sliding windows the encoder sees.

Training and inference share this module so that a model always sees windows cut the same way.
The tokenizer is the `tokenizers` library only: no transformers at run time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

WINDOW_TOKENS = 256
STRIDE_TOKENS = 192


@dataclass(frozen=True)
class TokenizedText:
    """Sub-word ids of a text and each token's character span in that text."""

    ids: np.ndarray  # int64 [n]
    starts: np.ndarray  # int64 [n], character offsets into the text
    ends: np.ndarray  # int64 [n], exclusive

    def __len__(self) -> int:
        return len(self.ids)


@dataclass(frozen=True)
class Window:
    """A slice of the token sequence, `[first, last)`, fed to the encoder with [CLS]/[SEP]."""

    first: int
    last: int


# The markers around a window and for padding, in RoBERTa's (MPNet) or BERT's (MiniLM) spelling.
# RoBERTa's come first: MPNet's vocabulary also holds "[CLS]" and "[SEP]" as ordinary tokens.
_SPECIAL_TOKENS = {"cls": ("<s>", "[CLS]"), "sep": ("</s>", "[SEP]"), "pad": ("<pad>", "[PAD]")}


class SubwordTokenizer:
    """A WordPiece tokenizer loaded from a `tokenizer.json`, without special tokens."""

    def __init__(self, path: Path):
        self._tokenizer = Tokenizer.from_file(str(path))
        self._tokenizer.no_truncation()
        self._tokenizer.no_padding()
        self.cls_id, self.sep_id, self.pad_id = (self._special(*names) for names in _SPECIAL_TOKENS.values())

    def _special(self, *names: str) -> int:
        for name in names:
            token_id = self._tokenizer.token_to_id(name)
            if token_id is not None:
                return token_id
        raise ValueError(f"the tokenizer has none of the special tokens {names}")

    def tokenize(self, text: str, regions: list[tuple[int, int]] | None = None) -> TokenizedText:
        """Tokenize `text`, keeping only tokens inside `regions` (all of it when None).

        Each region is tokenized on its own so no token straddles a region boundary; offsets
        stay in the coordinates of the whole text.
        """
        if regions is None:
            regions = [(0, len(text))]
        ids: list[np.ndarray] = []
        starts: list[np.ndarray] = []
        ends: list[np.ndarray] = []
        pieces = [text[a:b] for a, b in regions]
        for (a, _), enc in zip(regions, self._tokenizer.encode_batch(pieces, add_special_tokens=False)):
            if not enc.ids:
                continue
            offsets = np.asarray(enc.offsets, dtype=np.int64).reshape(-1, 2)
            ids.append(np.asarray(enc.ids, dtype=np.int64))
            starts.append(offsets[:, 0] + a)
            ends.append(offsets[:, 1] + a)
        if not ids:
            empty = np.zeros(0, dtype=np.int64)
            return TokenizedText(empty, empty, empty)
        return TokenizedText(np.concatenate(ids), np.concatenate(starts), np.concatenate(ends))


def sliding_windows(n_tokens: int, size: int = WINDOW_TOKENS, stride: int = STRIDE_TOKENS) -> list[Window]:
    """Overlapping windows of at most `size - 2` tokens that cover every token at least once."""
    body = size - 2
    if n_tokens == 0:
        return []
    if n_tokens <= body:
        return [Window(0, n_tokens)]
    windows = []
    first = 0
    while True:
        last = min(first + body, n_tokens)
        windows.append(Window(first, last))
        if last == n_tokens:
            return windows
        first = min(first + stride, n_tokens - body)


def owning_window(windows: list[Window], token: int) -> int:
    """The window in which `token` sits furthest from an edge: the one whose prediction counts."""
    best, best_margin = 0, -1
    for i, w in enumerate(windows):
        if w.first <= token < w.last:
            margin = min(token - w.first, w.last - 1 - token)
            if margin > best_margin:
                best, best_margin = i, margin
    return best
