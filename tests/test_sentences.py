"""Sentence boundaries for article profiles, and the sentencizer's bounded vocabulary."""

from __future__ import annotations

import unspin.analyzers.sentences as sentences
from unspin.document import Document


def test_sentences_are_trimmed_spans_of_the_text():
    doc = Document(text="The mayor spoke.  Then she left! Did anyone care?\n")
    spans = sentences.sentence_offsets(doc)
    assert [doc.text[a:b] for a, b in spans] == ["The mayor spoke.", "Then she left!", "Did anyone care?"]


def test_the_vocabulary_stays_bounded_over_many_articles(monkeypatch):
    sentences.sentence_offsets(Document(text="Warm up."))
    monkeypatch.setattr(sentences, "MAX_VOCABULARY", len(sentences._sentencizer().vocab.strings) + 100)
    first = [sentences.sentence_offsets(Document(text=f"Word{i}a word{i}b word{i}c. Next{i} one{i}.")) for i in range(200)]
    assert len(sentences._sentencizer().vocab.strings) <= sentences.MAX_VOCABULARY + 10
    # Rebuilding the pipeline changes nothing in the results.
    again = [sentences.sentence_offsets(Document(text=f"Word{i}a word{i}b word{i}c. Next{i} one{i}.")) for i in range(200)]
    assert first == again and all(len(s) == 2 for s in first)


def test_a_long_run_of_symbols_keeps_the_sentences_around_it_and_their_offsets():
    """spaCy's tokenizer takes quadratic time on a run of symbols, so the sentencizer reads such a
    run as letters of the same length (`bench_hostile.py` times it)."""
    run = "(" * 200
    doc = Document(text=f"The mayor spoke. {run} Then she left! Did anyone care?\n")
    spans = sentences.sentence_offsets(doc)
    texts = [doc.text[a:b] for a, b in spans]
    assert texts[0] == "The mayor spoke." and texts[-1] == "Did anyone care?"
    assert any(run in text for text in texts)  # the run itself is still in a sentence, at its own offsets
    assert sentences._tamed("a ((( b " + run) == "a ((( b " + "x" * len(run)
