"""Sentence boundaries inside the article's content regions, with spaCy's rule-based sentencizer.

The sentencizer needs no statistical model, so it is fast and loads in milliseconds once spaCy
is imported. spaCy's vocabulary keeps every new word it tokenizes (about 90 an article, 0.3 kB
each), so a process that reads millions of articles would grow without bound: the pipeline is
built again, in a few tenths of a second, once its vocabulary passes `MAX_VOCABULARY` strings,
about every 500 articles. (spaCy's memory zones free the words too, but made sentence splitting
2.3 times slower: 19-24 ms an article against 8-10.)
"""

from __future__ import annotations

import re

from ..document import Document, Layer
from .registry import Analyzer

MAX_VOCABULARY = 50_000  # strings: about 15 MB
_nlp = None
# spaCy's tokenizer splits a run of symbols one affix at a time, each time searching the rest of
# it: quadratic in the run's length ("(" * 8,000 took 8.8 s, * 16,000 35 s). Such a run is no
# sentence; it is handed over as letters of the same length, so offsets stay as they are.
_SYMBOL_RUN = re.compile(r"[^\w\s]{64,}")


def _tamed(text: str) -> str:
    return _SYMBOL_RUN.sub(lambda run: "x" * len(run.group()), text)


def _sentencizer():
    global _nlp
    if _nlp is None or len(_nlp.vocab.strings) > MAX_VOCABULARY:
        import spacy

        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.max_length = 50_000_000
        _nlp = nlp
    return _nlp


def sentence_offsets(doc: Document) -> list[tuple[int, int]]:
    """(start, end) of each sentence of the content regions, whitespace trimmed."""
    regions = doc.content_regions()
    out = []
    for (start, _), parsed in zip(regions, _sentencizer().pipe(_tamed(doc.text[a:b]) for a, b in regions)):
        for sentence in parsed.sents:
            a, b = start + sentence.start_char, start + sentence.end_char
            while a < b and doc.text[a].isspace():
                a += 1
            while b > a and doc.text[b - 1].isspace():
                b -= 1
            if b > a:
                out.append((a, b))
    return out


class Sentencizer(Analyzer):
    """Adds the `sentences` layer over the content regions, which profiles and claims read."""

    name = "sentences"
    assigns = (Layer.SENTENCES,)
    requires = (Layer.SEGMENTS,)

    def load(self) -> None:
        _sentencizer()

    def __call__(self, doc: Document) -> Document:
        doc.set_layer(Layer.SENTENCES, [doc.span(a, b) for a, b in sentence_offsets(doc)])
        return doc
