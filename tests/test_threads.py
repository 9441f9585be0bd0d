"""The pipeline runs numpy's BLAS on one thread and gives the caller's setting back afterwards."""

from __future__ import annotations

import numpy  # noqa: F401 - loads the BLAS library that threadpoolctl inspects
from threadpoolctl import threadpool_info

import unspin
from unspin.analyzers.threads import single_threaded_blas


def _blas_threads() -> list[int]:
    threads = [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert threads, "numpy's BLAS library was not found"
    return threads


def test_blas_is_single_threaded_inside_and_restored_after():
    before = _blas_threads()
    with single_threaded_blas():
        assert all(n == 1 for n in _blas_threads())
    assert _blas_threads() == before


def test_an_analysis_leaves_the_callers_blas_threads_alone():
    before = _blas_threads()
    unspin.analyze(unspin.Document(text="A title\n\nA short body sentence that says little."))
    assert _blas_threads() == before


def test_the_options_threads_reach_onnx_runtime():
    """A Ray actor's Options(threads=1) must give its encoder session one thread, whatever
    UNSPIN_THREADS says (it did not, before issue 26)."""
    import pytest

    from unspin.analyzers.encoder import EncoderModel
    from unspin.options import Options
    from unspin.pipeline import Pipeline

    if not EncoderModel.available():
        pytest.skip("no encoder model shipped in this checkout")
    pipeline = Pipeline.from_options(Options(threads=1, techniques=False, attribution=False))
    encoder = next(c for c in pipeline.components if c.name == "encoder")
    assert encoder.model.session.get_session_options().intra_op_num_threads == 1
