"""Train the span-words classifier (`analyzers/techniques/span_text.py`) and choose its weights.

TF-IDF (word 1-2 grams, sublinear) and a logistic regression on the gold spans of the PTC
training articles (less the validation articles) and the labelled `dev` articles. Its weight in
the average with the span head is chosen on the validation articles with the shipped encoder,
span head, span finder and decoding: by TC micro-F1 for given spans, by full-task F1 for the spans the
decoder finds. The numpy twin is checked against scikit-learn's probabilities before anything
is written.

    python -m unspin.training.span_text --data ../shared/data/ptc
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np

from ..analyzers.techniques.analyzer import MODEL_DIR, TechniqueModel
from ..analyzers.techniques.decoding import classify, label_spans
from ..analyzers.techniques.labels import TECHNIQUE_INDEX, TECHNIQUE_LABELS
from ..analyzers.techniques.span_text import TOKEN, SpanTextModel
from ..ptc.formats import Annotation, read_article_texts, read_labels
from ..ptc.scoring import full_task, technique_classification
from .records import record_calibration
from .techniques import ranked_labels

WEIGHTS = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def spans_of(folder: Path, keep) -> tuple[list[str], list[int]]:
    texts = read_article_texts(folder / "articles")
    out, labels = [], []
    for a in read_labels(folder / "labels.tsv"):
        if keep(a.article_id) and a.article_id in texts:
            out.append(texts[a.article_id][a.start : a.end])
            labels.append(TECHNIQUE_INDEX[a.technique])
    return out, labels


def fit(texts: list[str], labels: list[int], c: float = 4.0) -> SpanTextModel:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2, token_pattern=TOKEN.pattern)
    x = vectorizer.fit_transform(texts)
    classifier = LogisticRegression(C=c, max_iter=2000, class_weight="balanced").fit(x, labels)
    coef = np.zeros((len(TECHNIQUE_LABELS), x.shape[1]), dtype=np.float32)
    intercept = np.full(len(TECHNIQUE_LABELS), -30.0, dtype=np.float32)  # a label never seen: never chosen
    coef[classifier.classes_] = classifier.coef_
    intercept[classifier.classes_] = classifier.intercept_
    model = SpanTextModel(dict(vectorizer.vocabulary_), vectorizer.idf_.astype(np.float32), coef, intercept, 2)
    check = texts[:500]
    ours = model.probabilities(check)[:, classifier.classes_]
    theirs = classifier.predict_proba(vectorizer.transform(check))
    if not np.allclose(ours, theirs, atol=1e-3):
        raise AssertionError(f"numpy twin differs from scikit-learn by {np.abs(ours - theirs).max():.4f}")
    return model


def main(data: Path) -> dict:
    validation = set((MODEL_DIR / "validation_ids.txt").read_text().split())
    texts, labels = spans_of(data / "train", lambda aid: aid not in validation)
    if (data / "dev").exists():
        more_texts, more_labels = spans_of(data / "dev", lambda aid: aid not in validation)
        texts += more_texts
        labels += more_labels
    model = fit(texts, labels)
    model.save(MODEL_DIR / "span_text.npz")

    # Validation: each article encoded once, then each weight of the average, for the given gold
    # spans (TC) and for the spans the shipped decoder finds (full task).
    shipped = TechniqueModel(MODEL_DIR)
    articles = read_article_texts(data / "train" / "articles")
    gold = [a for a in read_labels(data / "train" / "labels.tsv") if a.article_id in validation]
    by_article = defaultdict(list)
    for a in gold:
        by_article[a.article_id].append(a)
    # The states with the B/I/O that spans are decoded from (the span finder's, where the set has one).
    states = {aid: shipped.found(shipped.encoder.encode(articles[aid], None)) for aid in sorted(by_article)}
    tc, full = {}, {}
    for weight in WEIGHTS:
        head = replace(shipped.head, text_model=model, text_weight=weight, found_text_weight=weight)
        given, found = [], []
        for aid, marked in sorted(by_article.items()):
            text = articles[aid]
            spans = sorted({(a.start, a.end) for a in marked})
            given += ranked_labels(aid, marked, spans, classify(states[aid], text, spans, head))
            found += [Annotation(aid, s.start, s.end, s.technique) for s in label_spans(text, states[aid], head, shipped.decoding)]
        tc[weight] = round(technique_classification(gold, given)[0].f1, 4)
        full[weight] = round(full_task(gold, found)[0].f1, 4)
    result = {"weight": max(WEIGHTS, key=lambda w: (tc[w], -w)),
              "weight_found": max(WEIGHTS, key=lambda w: (full[w], -w)),
              "tc_validation_by_weight": {str(w): f for w, f in tc.items()},
              "full_task_validation_by_weight": {str(w): f for w, f in full.items()},
              "trained_on": f"{len(texts)} gold spans (PTC train less validation, plus dev)",
              "features": "TF-IDF word 1-2 grams (sublinear, min_df 2), logistic regression C=4, balanced classes",
              "vocabulary": len(model.vocabulary)}
    record_calibration(MODEL_DIR, "span_text", result)
    return result


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ptc"))
    print(json.dumps(main(parser.parse_args().data), indent=2))
