"""Compose components: reader -> Document -> components -> Analysis, one document or a stream.

`Pipeline.pipe` is the one loop every shell uses (the CLI, the server, the corpus engines and
the SemEval commands): it takes documents (or read failures) in batches, hands each component
the whole batch (`Component.batch`: the encoder tokenizes a batch and checks its limits at
once, though it encodes each document's windows in calls of their own, so that a document's
outputs never depend on its neighbours), and contains each document's failure in a `Failure`
instead of ending the stream.
"""

from __future__ import annotations

import os
import time
from typing import Iterable, Iterator, Literal

from . import model_sets
from .analysis import Analysis
from .analyzers import components as _builtin  # noqa: F401  (registers the built-in factories)
from .analyzers.components import DEFAULT_ORDER
from .analyzers.registry import FACTORIES, Analyzer, Component, provider_of
from .analyzers.threads import single_threaded_blas
from .document import Document
from .errors import AnalysisTimeout, Failure, InputError, SettingError, UnspinError
from .layers import model_keys, registered, summary_keys
from .options import Options
from .version import __version__


class Pipeline:
    def __init__(self, components: Iterable[Component], options: Options | None = None):
        self.components = list(components)
        self.options = options or Options()
        self._check_requirements()

    @classmethod
    def from_options(cls, options: Options | None = None) -> "Pipeline":
        """Structure always; each model layer the options switch on and this install ships; and
        whatever those need (sentences, the encoder), in the registry's order."""
        options = options or Options()
        model = model_sets.chosen(options.model)
        if options.model and not model_sets.installed(model):
            installed = [name for name in model_sets.NAMES if model_sets.installed(name)]
            raise SettingError(f"the {model} model is not installed here; choose one of: {', '.join(installed) or 'none'}")
        options = options.replace(model=model)
        wanted = {"structure"}
        for factory in FACTORIES.values():
            if factory.switch and getattr(options, factory.switch) and factory.available():
                wanted.add(factory.name)
        todo = list(wanted)
        while todo:
            component = FACTORIES[todo.pop()]
            for requirement in component.requires:
                provider = provider_of(requirement).name
                if provider not in wanted:
                    wanted.add(provider)
                    todo.append(provider)
        order = [name for name in DEFAULT_ORDER if name in wanted] + sorted(wanted - set(DEFAULT_ORDER))
        return cls([FACTORIES[name].create(options) for name in order], options)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.components]

    def load(self) -> "Pipeline":
        """Read every component's model files now (a server before its first request, a benchmark
        before its clock starts) rather than at the first document."""
        for component in self.components:
            component.load()
        return self

    def _check_requirements(self) -> None:
        assigned: set[str] = set()
        for component in self.components:
            if not isinstance(component, Component):
                raise TypeError(f"{component!r} is not a component: subclass unspin.analyzers.registry.Analyzer "
                                "(name, assigns, requires, __call__; the optional hooks have defaults there)")
            missing = [r for r in component.requires if r not in assigned]
            if missing:
                raise ValueError(f"component {component.name!r} needs {missing} from a component before it")
            assigned.update(component.assigns)

    def __call__(self, doc: Document, *, deadline: float | None = None) -> Analysis:
        """Analyse one document; errors are raised (`pipe` contains them). Past `deadline` (a
        `time.monotonic()` value) the next component does not start: `AnalysisTimeout`."""
        result = next(self.pipe([doc], on_error="raise", deadline=deadline))
        assert isinstance(result, Analysis)
        return result

    def pipe(self, items: Iterable[Document | Failure], *, batch_size: int | None = None,
             on_error: Literal["collect", "raise"] = "collect", deadline: float | None = None) -> Iterator[Analysis | Failure]:
        """Analyse a stream of documents in batches, yielding results in input order.

        A `Failure` in the input (a read failure) passes through; a document that fails at any
        stage becomes `Failure(id, stage, message)` and the stream goes on, unless `on_error`
        is "raise".
        """
        size = max(1, batch_size or self.options.batch_size)
        batch: list[Document | Failure] = []
        for item in items:
            batch.append(item)
            if len(batch) >= size:
                yield from self._run_batch(batch, on_error, deadline)
                batch = []
        if batch:
            yield from self._run_batch(batch, on_error, deadline)

    def _run_batch(self, items: list[Document | Failure], on_error: str,
                   deadline: float | None = None) -> list[Analysis | Failure]:
        results: list[Analysis | Failure] = list(items)  # documents are replaced as they finish
        live = [i for i, item in enumerate(items) if isinstance(item, Document)]
        with single_threaded_blas():
            for component in self.components:
                docs = [items[i] for i in live]
                if deadline is not None and time.monotonic() > deadline and docs:
                    # A server that has answered 504 gets its worker back after this component,
                    # not after the whole pipeline.
                    errors: list[Exception | None] = [AnalysisTimeout(f"{d.id}: the analysis ran out of time before "
                                                                      f"{component.name}") for d in docs]
                else:
                    errors = self._apply(component, docs)
                failed = {i for i, error in zip(live, errors) if error is not None}
                for i, error in zip(live, errors):
                    if error is not None:
                        if on_error == "raise":
                            raise error
                        results[i] = _failure(items[i], component.name, error)
                live = [i for i in live if i not in failed]
            for i in live:
                try:
                    results[i] = self._finish(items[i])
                except Exception as error:  # a bug in a profile must not end the stream either
                    if on_error == "raise":
                        raise
                    results[i] = _failure(items[i], "summary", error)
        for i, item in enumerate(items):
            if isinstance(item, Document):
                # Encoder states are shared between components of one run; an Analysis kept by a
                # caller must not hold megabytes of them per document.
                item.tensors.clear()
        return results

    @staticmethod
    def _apply(component: Component, docs: list[Document]) -> list[Exception | None]:
        if len(docs) > 1:
            try:
                return component.batch(docs)
            except Exception:
                pass  # one document broke the shared call: run them one by one to find it
        return Analyzer.batch(component, docs)

    def _finish(self, doc: Document) -> Analysis:
        return Analysis(doc, self.summarize(doc), self.engine())

    def summarize(self, doc: Document) -> dict:
        """The summary: content words, then each component's profile, in pipeline order."""
        words = sum(len(doc.text[a:b].split()) for a, b in doc.content_regions())
        summary: dict = {}
        for component in self.components:
            summary.update(component.profile(doc, words))
        for finding in registered():
            if finding.summary and finding.summary not in summary:
                empty = finding.empty_summary(doc, words)
                if empty is not None:
                    summary[finding.summary] = empty
        order = {key: i for i, key in enumerate(summary_keys())}
        return dict(sorted(summary.items(), key=lambda item: order.get(item[0], len(order))))

    def engine(self) -> dict:
        models: dict[str, str | None] = dict.fromkeys(model_keys())
        analyzers = []
        shown: dict[str, dict] = {}
        for component in self.components:
            info = component.info()
            if info:
                analyzers.append(component.name)
                models.update(info)
            calibrated = component.shown_by_default()
            if calibrated:
                shown[component.name] = calibrated
        engine: dict = {"version": __version__}
        if "encoder" in self.names:  # the model set that ran (none for structure alone)
            engine["model"] = self.options.model
        engine.update(analyzers=analyzers, models=models)
        if self.options.min_score is not None and "techniques" in shown:
            shown["techniques"] = {"min_score": self.options.min_score, "set_by": "min_score option"}
        if shown:  # what a report shows unless asked for less certain findings
            engine["shown_by_default"] = shown
        return engine

    def models(self) -> dict[str, str]:
        """Every model this pipeline runs, the shared encoder included (for health checks)."""
        out: dict[str, str] = {}
        for component in self.components:
            out.update(component.models())
        return out


def _failure(item: Document | Failure, stage: str, error: BaseException) -> Failure:
    if isinstance(item, Failure):
        return item
    if isinstance(error, UnspinError):
        return Failure(item.id, stage, str(error))
    return Failure(item.id, stage, f"{item.id}: internal error in {stage}: {type(error).__name__}: {error}")


def default_pipeline(techniques: bool = True, attribution: bool = True, claims: bool = True,
                     options: Options | None = None) -> Pipeline:
    """The full pipeline, with layers switched off by keyword or by `options`."""
    options = (options or Options()).replace(techniques=techniques, attribution=attribution, claims=claims)
    return Pipeline.from_options(options)


_default: Pipeline | None = None


def _pipeline(pipeline: Pipeline | None) -> Pipeline:
    global _default
    if pipeline is not None:
        return pipeline
    if _default is None:
        _default = Pipeline.from_options(Options.from_env())
    return _default


def analyze(text: str | Document, *, id: str | None = None, format: str = "auto",
            pipeline: Pipeline | None = None) -> Analysis:
    """Analyse an article given as its text (or a `Document`). The text is never taken for a path
    or a URL: use `analyze_file` and `analyze_url` for those.

    >>> result = analyze("Title\\n\\nBy Jane Roe\\n\\nThe council voted on Tuesday to close the library.")
    >>> result.meta.authors[0].text
    'Jane Roe'
    """
    from .readers import from_text

    pipeline = _pipeline(pipeline)
    if isinstance(text, Document):
        return pipeline(text)
    if not isinstance(text, str):
        raise TypeError(f"analyze() takes the article's text as a str, not {type(text).__name__}; "
                        "for a file use analyze_file(path), for bytes decode them or use analyze_file")
    return pipeline(from_text(text, id=id or "text", format=format, options=pipeline.options))


def analyze_file(path: str | os.PathLike, *, id: str | None = None, format: str = "auto",
                 pipeline: Pipeline | None = None) -> Analysis:
    """Analyse one article file (text, Markdown or HTML; the format comes from the extension or
    the content). A missing file is an `InputError`, never analysed as text."""
    from .readers import read_file

    pipeline = _pipeline(pipeline)
    options = pipeline.options
    return pipeline(read_file(path, format=format, id=id, options=options))


def analyze_url(url: str, *, id: str | None = None, format: str = "auto", pipeline: Pipeline | None = None) -> Analysis:
    """Fetch a web page and analyse its article (main content and metadata)."""
    from .readers import read_url

    pipeline = _pipeline(pipeline)
    options = pipeline.options
    if not url.startswith(("http://", "https://")):
        raise InputError(f"{url}: not an http(s) URL")
    return pipeline(read_url(url, format=format, id=id, options=options))
