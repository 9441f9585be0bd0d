"""Sentence boundaries inside the article's content regions, with spaCy's rule-based sentencizer.

The sentencizer needs no statistical model, so it is fast and loads in milliseconds once spaCy
is imported; it is created once per process.
"""

from __future__ import annotations

from functools import lru_cache

from ..document import Document


@lru_cache(maxsize=1)
def _sentencizer():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 50_000_000
    return nlp


def sentence_offsets(doc: Document) -> list[tuple[int, int]]:
    """(start, end) of each sentence of the content regions, whitespace trimmed."""
    nlp = _sentencizer()
    out = []
    for start, end in doc.content_regions():
        for sentence in nlp(doc.text[start:end]).sents:
            a, b = start + sentence.start_char, start + sentence.end_char
            while a < b and doc.text[a].isspace():
                a += 1
            while b > a and doc.text[b - 1].isspace():
                b -= 1
            if b > a:
                out.append((a, b))
    return out
