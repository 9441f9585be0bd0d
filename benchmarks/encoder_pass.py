"""The bare ONNX encoder pass over the very windows the pipeline feeds it: the floor that the
benchmarks compare the whole analysis against."""

from __future__ import annotations

import time


def encoder_batches(texts: list[str], model) -> tuple[list, int]:
    """The encoder inputs of `texts` as the pipeline builds them (content regions, sliding
    windows, one document's windows per call), and their number of sub-word tokens."""
    from unspin.analyzers.encoder import BATCH_WINDOWS
    from unspin.analyzers.encoder.states import window_inputs
    from unspin.analyzers.encoder.tokens import sliding_windows
    from unspin.analyzers.structure import StructureAnalyzer
    from unspin.document import Document

    structure = StructureAnalyzer()
    batches = []
    n_tokens = 0
    for text in texts:
        tokens = model.tokenizer.tokenize(text, structure(Document(text=text)).content_regions())
        n_tokens += len(tokens)
        windows = sorted(sliding_windows(len(tokens)), key=lambda w: w.last - w.first, reverse=True)
        for b in range(0, len(windows), BATCH_WINDOWS):
            batches.append(window_inputs(model.tokenizer, [(tokens, w) for w in windows[b : b + BATCH_WINDOWS]]))
    return batches, n_tokens


def time_encoder(model, batches: list) -> float:
    started = time.perf_counter()
    for ids, mask in batches:
        model.run(ids, mask)
    return time.perf_counter() - started
