"""Compose analyzers: reader -> Document -> analyzers -> Analysis.

Each analyzer is a callable that reads a `Document` and adds one layer. The default pipeline has
a slot for each layer of the contract; a slot whose component is not built yet stays empty, so
its layer is an empty list rather than invented content.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Iterable, Protocol

from . import __version__
from .analysis import Analysis
from .analyzers.attribution import AttributionAnalyzer, AttributionTagger
from .analyzers.attribution.analyzer import sourcing_profile
from .analyzers.sentences import sentence_offsets
from .analyzers.structure import StructureAnalyzer
from .analyzers.techniques import TechniqueAnalyzer, TechniqueModel
from .analyzers.threads import single_threaded_blas
from .document import ATTRIBUTIONS, CLAIMS, TECHNIQUES, Document
from .readers import DEFAULT_MAX_BYTES, read


class Analyzer(Protocol):
    name: str

    def __call__(self, doc: Document) -> Document: ...


class Pipeline:
    def __init__(self, analyzers: Iterable[Analyzer]):
        self.analyzers = list(analyzers)

    @property
    def names(self) -> list[str]:
        return [a.name for a in self.analyzers]

    def __call__(self, doc: Document) -> Analysis:
        with single_threaded_blas():
            for analyzer in self.analyzers:
                doc = analyzer(doc)
        # Encoder states are shared between analyzers of one run; an Analysis kept by a caller
        # must not hold megabytes of them per document.
        doc.tensors.clear()
        for layer in (TECHNIQUES, CLAIMS):
            doc.layers.setdefault(layer, [])
        doc.meta.setdefault(ATTRIBUTIONS, [])
        return Analysis(doc, summarise(doc, self), self.engine())

    def engine(self) -> dict:
        models: dict[str, str | None] = {"structure": "rules"}
        for analyzer in self.analyzers:
            if isinstance(analyzer, TechniqueAnalyzer):
                models["techniques"] = analyzer.model.name
            if isinstance(analyzer, AttributionAnalyzer):
                models["attribution"] = analyzer.tagger.name
        models.setdefault("techniques", None)
        models.setdefault("attribution", None)
        models.setdefault("claims", None)
        return {"version": __version__, "analyzers": self.names, "models": models}


def default_pipeline(techniques: bool = True, attribution: bool = True) -> Pipeline:
    """Structure always; techniques and attribution when their shipped models are present.
    Both read the same encoder pass, computed once per document."""
    analyzers: list[Analyzer] = [StructureAnalyzer()]
    if techniques and TechniqueModel.available():
        analyzers.append(TechniqueAnalyzer())
    if attribution and TechniqueModel.available() and AttributionTagger.available():
        analyzers.append(AttributionAnalyzer())
    return Pipeline(analyzers)


_default: Pipeline | None = None


def analyze(source: str | os.PathLike | Document, *, format: str = "auto", id: str | None = None,
            max_bytes: int = DEFAULT_MAX_BYTES, pipeline: Pipeline | None = None) -> Analysis:
    """Analyse one article given as a path, URL, `-` for stdin, raw text, or a `Document`.

    >>> result = analyze("Title\\n\\nBy Jane Roe\\n\\nThe council voted on Tuesday to close the library.")
    >>> result.document.meta["authors"][0].text
    'Jane Roe'
    """
    global _default
    if pipeline is None:
        _default = _default or default_pipeline()
        pipeline = _default
    if isinstance(source, Document):
        doc = source
    elif isinstance(source, str) and ("\n" in source or not _is_location(source)):
        from .readers import from_text

        doc = from_text(source, id=id or "text", format=format)
    else:
        doc = read(source, format=format, id=id, max_bytes=max_bytes)
    return pipeline(doc)


def _is_location(value: str) -> bool:
    return value == "-" or value.startswith(("http://", "https://")) or (len(value) < 4096 and Path(value).exists())


def summarise(doc: Document, pipeline: "Pipeline") -> dict:
    segments = doc.layer("segments")
    kinds = Counter(s.label for s in segments)
    content_words = sum(len(doc.text[a:b].split()) for a, b in doc.content_regions())
    summary: dict = {"words": content_words, "segments": dict(sorted(kinds.items()))}
    attribution_ran = "attribution" in pipeline.names
    needs_sentences = bool(doc.layer(TECHNIQUES)) or attribution_ran
    sentences = sentence_offsets(doc) if needs_sentences else []
    summary["techniques"] = technique_profile(doc, content_words, sentences)
    if attribution_ran:
        summary["sourcing"] = sourcing_profile(doc, sentences)
    return summary


def technique_profile(doc: Document, words: int, sentences: list[tuple[int, int]]) -> dict:
    spans = doc.layer(TECHNIQUES)
    counts = Counter(s.label for s in spans)
    with_technique = sum(1 for a, b in sentences if any(s.start < b and a < s.end for s in spans))
    return {
        "count": len(spans),
        "per_1000_words": round(1000 * len(spans) / words, 2) if words else 0.0,
        "by_technique": dict(counts.most_common()),
        "sentences": len(sentences),
        "share_of_sentences": round(with_technique / len(sentences), 3) if sentences else 0.0,
    }


