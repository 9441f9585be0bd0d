"""The threshold of the claims layer inside news articles.

The head's threshold for CheckThat's debate sentences (chosen on its dev set) flags most
sentences of a news article, a different domain. Inside articles the layer instead uses the
threshold at which the head best agrees with the teacher's verdicts on news sentences
(`claims_news_sentences.tsv`, P(Yes) at the teacher's own threshold of 0.65), on articles no
unspin model trained on for claims (PolNeAR dev and PTC unlabelled), pooled in context exactly as
the pipeline pools them. It also chooses the score from which a report shows a claim by default
(`shown`): the lowest at which at least 90% of the shown sentences are the teacher's "Yes" too
and at most 30% of an article's sentences are shown, so that a reader meets the few claims most
worth checking first and the rest a click away.

    python -m unspin.training.claims_news --data ../shared/data
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from ..analyzers.claims import MODEL_DIR, ClaimsModel, pooled_sentences
from ..analyzers.encoder import TENSOR, Encoder, EncoderModel
from ..analyzers.structure import StructureAnalyzer
from ..document import Document
from ..ptc.formats import read_article
from .claims import best_threshold, f1_at
from .records import record_calibration
from .teacher import read_sentence_scores

TEACHER_THRESHOLD = 0.65  # the teacher's own, chosen on CheckThat dev (see the teacher README)
SHOWN_PRECISION = 0.9  # of the claims a report shows by default, at least this share the teacher's too
SHOWN_SHARE = 0.3  # and at most this share of an article's sentences


def news_threshold(data: Path, directory: Path = MODEL_DIR) -> dict:
    """Calibrate the head in `directory` on news sentences, with the shipped encoder."""
    scores = read_sentence_scores(data / "teacher" / "claims_news_sentences.tsv")
    sources = {"polnear_dev": data / "polnear" / "dev" / "text", "ptc_unlabeled": data / "ptc" / "unlabeled"}
    structure, encoder, head = StructureAnalyzer(), Encoder(EncoderModel.shared()), ClaimsModel(directory)
    student, teacher, articles = [], [], []
    for (corpus, name), sentences in sorted(scores.items()):
        if corpus not in sources:
            continue
        path = sources[corpus] / (f"article{name}.txt" if corpus.startswith("ptc") else f"{name}.txt")
        text = read_article(path)
        if "\r" in text:
            continue
        doc = encoder(structure(Document(text=text, id=name)))
        pooled, kept = pooled_sentences(doc.tensors[TENSOR], [(a, b) for a, b, _ in sentences])
        student += list(head.scores(pooled))
        teacher += [sentences[k][2] >= TEACHER_THRESHOLD for k in kept]
        articles += [f"{corpus}/{name}"] * len(kept)
    student_scores = np.asarray(student)
    threshold = best_threshold(teacher, student_scores)
    return {"threshold": threshold, "agreement_f1": round(f1_at(teacher, student_scores, threshold), 4),
            "sentences": len(teacher), "teacher_yes_share": round(float(np.mean(teacher)), 3),
            "flagged_share": round(float(np.mean(student_scores >= threshold)), 3),
            "shown": shown_threshold(student_scores, np.asarray(teacher), np.asarray(articles), threshold),
            "measured_on": "PolNeAR dev and PTC unlabelled sentences, teacher P(Yes) >= 0.65 as the verdict"}


def shown_threshold(scores: np.ndarray, verdicts: np.ndarray, articles: np.ndarray, lowest: float) -> dict:
    """The lowest score (from `lowest`, the layer's own threshold, up) at which the claims a
    report shows by default agree with the teacher's verdict at least `SHOWN_PRECISION` of the
    time and make at most `SHOWN_SHARE` of an article's sentences: the claims a fact-checker
    reads first. With how many sentences of an article that shows, and the whole curve."""
    names = np.unique(articles)

    def measured(threshold: float) -> dict:
        shown = scores >= threshold
        return {"min_score": round(float(threshold), 2),
                "precision": round(float(verdicts[shown].mean()), 3) if shown.any() else 1.0,
                "recall": round(float(shown[verdicts].mean()), 3) if verdicts.any() else 0.0,
                "share_of_sentences": round(float(shown.mean()), 3),
                "per_article": round(float(np.mean([shown[articles == a].sum() for a in names])), 2)}

    curve = [measured(t) for t in np.round(np.arange(lowest, 0.99, 0.05), 2)]
    chosen = next((m for m in (measured(t) for t in np.round(np.arange(lowest, 0.99, 0.01), 2))
                   if m["precision"] >= SHOWN_PRECISION and m["share_of_sentences"] <= SHOWN_SHARE), curve[-1])
    return {**chosen, "articles": len(names), "wanted_precision": SHOWN_PRECISION, "wanted_share": SHOWN_SHARE,
            "curve": curve}


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    result = news_threshold(args.data)
    record_calibration(MODEL_DIR, "articles", result)
    print(json.dumps(result, indent=2))
