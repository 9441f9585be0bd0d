"""Run the shipped technique model over PTC article folders, in SemEval-2020 formats."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..analyzers.encoder import Encoder
from ..analyzers.registry import Analyzer
from ..analyzers.sentences import Sentencizer
from ..analyzers.techniques.analyzer import TechniqueAnalyzer, TechniqueModel
from ..analyzers.techniques.labels import TECHNIQUE_LABELS
from ..document import Document, Layer
from ..errors import Failure, InputError
from ..pipeline import Pipeline
from .formats import Annotation, read_article_texts
from .scoring import merge_spans


def _articles(directory: Path, ids: set[str] | None = None) -> dict[str, str]:
    if not Path(directory).is_dir():
        raise InputError(f"{directory}: not a folder of article<ID>.txt files")
    texts = read_article_texts(Path(directory))
    if ids is not None:
        texts = {k: v for k, v in texts.items() if k in ids}
    if not texts:
        raise InputError(f"{directory}: holds no article<ID>.txt files" + (" with the given ids" if ids else ""))
    return texts


def _model() -> TechniqueModel:
    if not TechniqueModel.available():
        raise InputError("no technique model is installed; reinstall unspin or train one with `unspin train techniques`")
    return TechniqueModel.shared()


class WholeArticle(Analyzer):
    """PTC scores title and body alike: the whole file is one body segment, no structure analysis."""

    name = "whole_article"
    assigns = (Layer.SEGMENTS,)
    requires = ()

    def __call__(self, doc: Document) -> Document:
        doc.set_layer(Layer.SEGMENTS, [doc.span(0, len(doc.text), "body")])
        return doc


def ptc_pipeline() -> Pipeline:
    model = _model()
    return Pipeline([WholeArticle(), Sentencizer(), Encoder(model.encoder), TechniqueAnalyzer(model)])


def predict_folder(directory: Path, ids: set[str] | None = None) -> list[Annotation]:
    """Full task over whole articles; no two overlapping spans of the same technique: such spans
    are merged."""
    pipeline = ptc_pipeline()
    rows: list[Annotation] = []
    docs = (Document(text=text, id=article_id) for article_id, text in _articles(directory, ids).items())
    for result in pipeline.pipe(docs):
        if isinstance(result, Failure):
            raise InputError(result.message)
        article_id = result.id
        by_technique: dict[str, list[tuple[int, int]]] = {}
        for span in result.techniques:
            by_technique.setdefault(span.technique, []).append((span.start, span.end))
        for technique, spans in by_technique.items():
            rows.extend(Annotation(article_id, a, b, technique) for a, b in merge_spans(spans))
    return sorted(rows, key=lambda r: (r.article_id, r.start, r.end, r.technique))


def classify_template(directory: Path, template: list[Annotation]) -> list[Annotation]:
    """Label each template row. Rows repeating the same span get the next most likely technique."""
    model = _model()
    texts = _articles(directory)
    by_article: dict[str, list[int]] = {}
    for index, row in enumerate(template):
        by_article.setdefault(row.article_id, []).append(index)
    labels: list[str] = [""] * len(template)
    for article_id, indices in by_article.items():
        if article_id not in texts:
            raise InputError(f"template names article {article_id}, which is not in {directory}")
        text = texts[article_id]
        spans = sorted({(template[i].start, template[i].end) for i in indices})
        for a, b in spans:
            if not (0 <= a < b <= len(text)):
                raise InputError(f"article {article_id}: span {a}-{b} is outside the article ({len(text)} characters)")
        probs = model.classify(text, spans)
        ranking = {span: list(np.argsort(-p)) for span, p in zip(spans, probs)}
        seen: dict[tuple[int, int], int] = {}
        for i in indices:
            key = (template[i].start, template[i].end)
            rank = seen.get(key, 0)
            seen[key] = rank + 1
            labels[i] = TECHNIQUE_LABELS[ranking[key][rank % len(TECHNIQUE_LABELS)]]
    return [Annotation(r.article_id, r.start, r.end, label) for r, label in zip(template, labels)]
