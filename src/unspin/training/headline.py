"""Train the headline model of copied pages (`analyzers/structure/headline.py`).

Silver labels: the title trafilatura reads from each page's HTML (`<title>`, `og:title`, the
page's `h1`); a candidate line above the article's first paragraph is the headline when it is
the same title (`webcopy.same_title`). A logistic regression (scikit-learn, balanced classes,
C = 0.1) learns them on the training pages; its threshold and margin (`choose`) are the ones under which most training
pages end with the right title, each page scored by a regression fitted without it (five folds).
The validation pages (`webcopy.is_validation`) are never read here except to report.

    python -m unspin.training.headline --data ../shared/data/webcopy
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..analyzers.structure.boilerplate import line_kinds, looks_copied
from ..analyzers.structure.headline import (
    MODEL_FILE,
    HeadlineModel,
    candidates,
    choose,
    features,
    first_paragraph,
    instead_options,
    over_byline_option,
    over_title_option,
    summary_tops,
)
from ..analyzers.structure.lines import read_lines, verses
from ..document import Layer
from ..webcopy import (
    is_validation,
    normalised,
    read_pages,
    same_title,
    trafilatura_metadata,
)
from .boilerplate import FOLDS, command_line, extra_pages, joins, read_each, write_model

C = 0.1  # the strongest regularisation of 0.1, 0.3, 1 and 3: best cross-fitted on the training pages
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
MARGINS = (0.0, 0.1, 0.2)  # how near the best a line above it may score and still be the headline


@dataclass
class PageRows:
    """A page's candidate lines (features, whether each is the headline) and whether the header
    rules' title is already right; `scored` where trafilatura's title occurs in the copy."""

    id: str
    x: np.ndarray
    y: np.ndarray
    rules_right: bool
    scored: bool
    title_option: int | None = None  # the header rules' title among the candidates
    over_byline: int | None = None  # the candidate right over a byline
    instead: list | None = None  # for each candidate, the headline to take where it reads as what stands next to one
    over_title: int | None = None  # the candidate right over the rules' title that could head it
    tops: list | None = None  # for each candidate, the tabloid headline over it where it is a summary line


def page_rows(page, pipeline) -> PageRows:
    from ..pipeline import analyze

    analysis = analyze(page.copy, id=page.id, pipeline=pipeline)
    gold = trafilatura_metadata(page.html_path)["title"]
    title = analysis.document.layer(Layer.TITLE)
    rules_right = bool(title) and same_title(title[0].text, gold)
    scored = bool(gold) and normalised(gold) in normalised(page.copy)
    lines = read_lines(analysis.document)
    kinds = line_kinds(lines, [(s.start, s.end, s.kind) for s in analysis.segments])
    start = first_paragraph(lines, kinds, verses(lines))
    if not looks_copied(lines) or start is None:
        return PageRows(page.id, np.zeros((0, 1)), np.zeros(0, bool), rules_right, scored)
    title_line = next((i for i, line in enumerate(lines) if title and line.start == title[0].start), None)
    options = candidates(lines, start)
    y = np.array([same_title(lines[k].text, gold) for k in options], dtype=bool)
    title_option = options.index(title_line) if title_line in options else None
    return PageRows(page.id, features(lines, kinds, start, title_line, options).astype(np.float64), y, rules_right, scored,
                    title_option, over_byline_option(lines, options), instead_options(lines, options),
                    over_title_option(lines, options, title_option), summary_tops(lines, options))


def regression(rows: list[PageRows]) -> dict:
    from sklearn.linear_model import LogisticRegression

    x = np.vstack([r.x for r in rows if len(r.y)])
    y = np.concatenate([r.y for r in rows if len(r.y)])
    mean, scale = x.mean(0), x.std(0) + 1e-6
    fitted = LogisticRegression(C=C, class_weight="balanced", max_iter=3000).fit((x - mean) / scale, y)
    return {"mean": mean.tolist(), "scale": scale.tolist(), "weights": fitted.coef_[0].tolist(),
            "bias": float(fitted.intercept_[0]), "threshold": 0.5}


def titles_right(config: dict, rows: list[PageRows]) -> tuple[int, int]:
    """(pages whose title ends right, pages scored) with this model: its best line where it is
    sure enough, else the header rules' title."""
    model = HeadlineModel(config)
    right = total = 0
    for r in rows:
        if not r.scored:
            continue
        total += 1
        chosen = choose(model.probabilities(r.x.astype(np.float32)), r.title_option, model.threshold, model.margin,
                        r.over_byline, r.instead, r.over_title, r.tops)
        right += r.rules_right if chosen is None else bool(r.y[chosen])
    return right, total


def fit(data: Path, extra: list[Path] = ()) -> dict:
    """`extra`: folders of more pages in webcopy's layout whose candidate lines join the
    regressions' training (`boilerplate.joins`); never scored."""
    from ..analyzers.structure import StructureAnalyzer
    from ..options import Options
    from ..pipeline import Pipeline

    # Candidates are read as the analyzer will read them: after the line classifier, before the headline.
    pipeline = Pipeline([StructureAnalyzer(headline_model=HeadlineModel.off())],
                        Options(techniques=False, attribution=False, claims=False))
    pages = read_pages(data)
    training = read_each([p for p in pages if not is_validation(p.id)], lambda p: page_rows(p, pipeline))
    validation = read_each([p for p in pages if is_validation(p.id)], lambda p: page_rows(p, pipeline))
    more = read_each(extra_pages(pages, extra), lambda p: page_rows(p, pipeline))
    fold = {r.id: zlib.crc32(r.id.encode()) // 4 % FOLDS for r in training}
    data_ids = {p.id for p in pages}

    def fitted(rows: list) -> dict:
        ids = {r.id for r in rows}
        return regression(rows + [r for r in more if joins(r.id, ids, data_ids)])

    unseen = {f: fitted([r for r in training if fold[r.id] != f]) for f in range(FOLDS)}

    def cross_fitted(threshold: float, margin: float) -> tuple[int, int]:
        counts = [titles_right({**unseen[f], "threshold": threshold, "margin": margin},
                               [r for r in training if fold[r.id] == f]) for f in range(FOLDS)]
        return sum(c[0] for c in counts), sum(c[1] for c in counts)

    grid = {(t, m): cross_fitted(t, m) for t in THRESHOLDS for m in MARGINS}
    # ties: the surer threshold, then the smaller margin
    threshold, margin = max(grid, key=lambda key: (grid[key][0], key[0], -key[1]))
    config = {**fitted(training), "threshold": threshold, "margin": margin}
    rules = sum(r.rules_right for r in training if r.scored), sum(r.scored for r in training)
    report = {"candidate_lines": int(sum(len(r.y) for r in training + more)),
              "training_pages": len(training), "more_pages": len(more), "validation_pages": len(validation),
              "training_rules_alone": "%d of %d" % rules,
              "training_by_threshold_and_margin_cross_fitted": {f"{t} {m}": "%d of %d" % grid[t, m] for t, m in grid},
              "threshold": threshold, "margin": margin,
              "validation_rules_alone": "%d of %d" % (sum(r.rules_right for r in validation if r.scored),
                                                      sum(r.scored for r in validation)),
              "validation": "%d of %d" % titles_right(config, validation)}
    return write_model(MODEL_FILE, config, report)


if __name__ == "__main__":
    command_line(fit, __doc__)
