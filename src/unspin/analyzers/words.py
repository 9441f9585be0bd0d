"""Word-level tidying of spans that models predict over sub-word tokens."""

from __future__ import annotations

import importlib
import re
from collections import Counter
from functools import cache


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) so it neither begins nor ends inside a word (sub-word tokens)."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return start, end


WORD = re.compile(r"[^\W\d_]+")  # a word's letters (no digits, no underscore), in any script


_FUNCTION_WORDS = frozenset(
    "a an the and or but if of in on at to for from by with as is are was were be been it its this that these those "
    "he she they we i you his her their our my your not no so than then there here who whom which what when where "
    "while how also just only very more most such s t".split()
)


def only_function_words(fragment: str) -> bool:
    """True for a span with no content word ('the', 'in', '" it'): never a technique by itself."""
    words = WORD.findall(fragment.lower())
    return not words or all(w in _FUNCTION_WORDS for w in words)


@cache
def stopwords(language: str = "en") -> frozenset[str]:
    """spaCy's stopwords of a language ("en", "de", "fr", ...)."""
    return frozenset(importlib.import_module(f"spacy.lang.{language}.stop_words").STOP_WORDS)


LANGUAGE_SAMPLE = 2000  # words of a page enough to tell its language
PAGE_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl")  # the languages a page is told apart as


def page_language(text: str, languages: tuple[str, ...] = PAGE_LANGUAGES) -> str:
    """Which of `languages` a page reads as: the one whose stopwords its first words hit most."""
    counts = Counter(w.lower() for w in WORD.findall(text)[:LANGUAGE_SAMPLE])
    hits = {language: sum(counts[w] for w in stopwords(language) & counts.keys()) for language in languages}
    return max(hits, key=hits.get)
