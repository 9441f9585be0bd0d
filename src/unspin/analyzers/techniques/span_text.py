"""A bag-of-words technique classifier over a span's own words, run with numpy.

TF-IDF of word unigrams and bigrams (as scikit-learn's `TfidfVectorizer(sublinear_tf=True)`
computes it: lower case, tokens of two or more word characters, 1 + log of the count, L2 norm)
and a multinomial logistic regression, trained by `training/span_text.py` and exported as
arrays, so that scikit-learn stays a training-only dependency. Its probabilities are averaged
with the span head's: the head reads context, this reads the words (slogans, clichés and name
calling are often the words themselves).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from ..activations import softmax

TOKEN = re.compile(r"(?u)\b\w\w+\b")


def terms(text: str, ngrams: int) -> list[str]:
    words = TOKEN.findall(text.lower())
    out = list(words)
    for n in range(2, ngrams + 1):
        out += [" ".join(words[i : i + n]) for i in range(len(words) - n + 1)]
    return out


@dataclass
class SpanTextModel:
    vocabulary: dict[str, int]
    idf: np.ndarray  # [V]
    coef: np.ndarray  # [labels, V]
    intercept: np.ndarray  # [labels]
    ngrams: int = 2

    @classmethod
    def load(cls, path) -> "SpanTextModel":
        with np.load(path) as arrays:
            vocabulary = {term: i for i, term in enumerate(str(arrays["vocabulary"]).split("\n"))}
            return cls(vocabulary, arrays["idf"].astype(np.float32), arrays["coef"].astype(np.float32),
                       arrays["intercept"].astype(np.float32), int(arrays["ngrams"]))

    def save(self, path) -> None:
        ordered = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        if any("\n" in term for term in ordered):
            raise ValueError("a vocabulary term holds a newline")
        np.savez_compressed(path, vocabulary=np.array("\n".join(ordered)), idf=self.idf.astype(np.float32),
                            coef=self.coef.astype(np.float32), intercept=self.intercept.astype(np.float32),
                            ngrams=np.array(self.ngrams))

    def features(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """The span's sparse TF-IDF vector: (term indices, L2-normalised weights)."""
        counts: dict[int, int] = {}
        for term in terms(text, self.ngrams):
            index = self.vocabulary.get(term)
            if index is not None:
                counts[index] = counts.get(index, 0) + 1
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        index = np.fromiter(counts, dtype=np.int64, count=len(counts))
        weight = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))) * self.idf[index]
        return index, weight / np.linalg.norm(weight)

    def probabilities(self, texts: list[str]) -> np.ndarray:
        logits = np.tile(self.intercept, (len(texts), 1))
        for row, text in enumerate(texts):
            index, weight = self.features(text)
            if len(index):
                logits[row] += self.coef[:, index] @ weight
        return softmax(logits)
