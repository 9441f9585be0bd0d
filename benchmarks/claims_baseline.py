"""The TF-IDF logistic-regression baseline for CheckThat! 2024 Task 1 English, for comparison.

Fits word unigrams with class-balanced weights on train.tsv and prints F1 of Yes on dev and
dev-test, at probability 0.5 and at the threshold chosen on dev.tsv (as unspin's model does).
Needs scikit-learn (the `train` extra).

    python benchmarks/claims_baseline.py --data ../shared/data/checkthat2024
"""

from __future__ import annotations

import argparse
import warnings
from pathlib import Path

import numpy as np


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/checkthat2024"))
    args = parser.parse_args()
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        raise SystemExit("the baseline needs scikit-learn: pip install 'unspin[train]'") from None
    from unspin.checkthat.formats import read_sentences
    from unspin.training.claims import best_threshold, f1_at

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        train = read_sentences(args.data / "train.tsv", strict=False)
    dev, devtest = read_sentences(args.data / "dev.tsv"), read_sentences(args.data / "dev-test.tsv")
    vectorizer = TfidfVectorizer(sublinear_tf=True)
    x = vectorizer.fit_transform([s.text for s in train])
    model = LogisticRegression(max_iter=2000, class_weight="balanced").fit(x, [s.label == "Yes" for s in train])

    def scores(rows):
        return model.predict_proba(vectorizer.transform([s.text for s in rows]))[:, 1]

    tuned = best_threshold([s.label == "Yes" for s in dev], scores(dev))
    for threshold, how in ((0.5, "fixed"), (tuned, "chosen on dev")):
        for name, rows in (("dev", dev), ("dev-test", devtest)):
            f1 = f1_at([s.label == "Yes" for s in rows], np.asarray(scores(rows)), threshold)
            print(f"TF-IDF + logistic regression  {name:<9} F1 (Yes) {f1:.4f}  (threshold {threshold:.2f}, {how})")


if __name__ == "__main__":
    main()
