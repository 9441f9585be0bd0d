"""Train the line classifier of copied pages (`analyzers/structure/boilerplate.py`).

Silver labels: each page's HTML goes through trafilatura; a line of the copy that the rules kept
as body or heading is article when its text (whitespace collapsed, lower case) occurs in
trafilatura's extraction, and page furniture otherwise. A logistic regression (scikit-learn,
balanced classes) learns them on the training pages; its threshold is the one that gives the best
snippet F1 (the benchmark's measure) on the training pages among those that keep at least 94% of
the article snippets there. The validation pages
(`webcopy.is_validation`, about a quarter) are never read here except to report.

    python -m unspin.training.boilerplate --data ../shared/data/webcopy
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from ..analyzers.structure import boilerplate
from ..analyzers.structure.boilerplate import MODEL_FILE, LineModel, features
from ..webcopy import (
    Score,
    article_text,
    is_validation,
    normalised,
    read_pages,
    trafilatura_article,
)

MIN_KEPT = 0.94


def page_rows(page, pipeline) -> tuple[np.ndarray, np.ndarray, list]:
    """Features and silver labels of a page's candidate lines, and the page's analysis."""
    from ..analyzers.structure.lines import read_lines
    from ..pipeline import analyze

    analysis = analyze(page.copy, id=page.id, pipeline=pipeline)
    doc = analysis.document
    lines = read_lines(doc)
    kinds = boilerplate.line_kinds(lines, [(s.start, s.end, s.kind) for s in analysis.segments])
    extracted = normalised(trafilatura_article(page.html_path))
    x = features(lines, kinds)
    y = np.array([normalised(line.text) not in extracted for line in lines], dtype=np.int64)
    keep = np.array([k in boilerplate.CANDIDATES for k in kinds])
    return x[keep], y[keep], [analysis]


def fit(data: Path) -> dict:
    from sklearn.linear_model import LogisticRegression

    from ..analyzers.structure import StructureAnalyzer
    from ..options import Options
    from ..pipeline import Pipeline, analyze

    # Silver labels are read where the rules alone leave the lines (no shipped classifier).
    pipeline = Pipeline([StructureAnalyzer(LineModel.off())], Options(techniques=False, attribution=False, claims=False))
    pages = read_pages(data)
    training = [p for p in pages if not is_validation(p.id)]
    xs, ys = [], []
    for page in training:
        x, y, _ = page_rows(page, pipeline)
        xs.append(x)
        ys.append(y)
    x, y = np.vstack(xs), np.concatenate(ys)
    mean, scale = x.mean(0), x.std(0) + 1e-6
    regression = LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000).fit((x - mean) / scale, y)
    config = {"mean": mean.tolist(), "scale": scale.tolist(), "weights": regression.coef_[0].tolist(),
              "bias": float(regression.intercept_[0]), "threshold": 0.5}

    def snippet_f1(threshold: float, inner: float, chosen: list) -> dict:
        with_model = Pipeline([StructureAnalyzer(LineModel({**config, "threshold": threshold, "inner_threshold": inner}))],
                              Options(techniques=False, attribution=False, claims=False))
        result = Score()
        for page in chosen:
            result.add(page.copy, article_text(analyze(page.copy, id=page.id, pipeline=with_model)), page)
        return result.figures()

    grid = {(t, inner): snippet_f1(t, inner, training) for t in (0.4, 0.5, 0.6, 0.7, 0.8, 0.9) for inner in (0.8, 0.9, 1.01)}
    # Losing article text hides what every later layer would find in it: the best F1 among the
    # settings that keep at least MIN_KEPT of the article snippets of the training pages.
    safe = [key for key in grid if grid[key]["article_kept"] >= MIN_KEPT] or list(grid)
    best = max(safe, key=lambda key: (grid[key]["f1"], -abs(key[0] - 0.5)))
    config["threshold"], config["inner_threshold"] = best
    validation = [p for p in pages if is_validation(p.id)]
    report = {"lines": int(len(y)), "furniture_share": round(float(y.mean()), 3),
              "training_pages": len(training), "validation_pages": len(validation),
              "training_by_threshold": {f"{t} {inner}": v for (t, inner), v in grid.items()},
              "threshold": best[0], "inner_threshold": best[1], "validation": snippet_f1(*best, validation)}
    MODEL_FILE.parent.mkdir(parents=True, exist_ok=True)
    MODEL_FILE.write_text(json.dumps({**config, "trained": report}, indent=1) + "\n")
    return report


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/webcopy"))
    print(json.dumps(fit(parser.parse_args().data), indent=2))
