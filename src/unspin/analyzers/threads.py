"""Keep numpy's BLAS on one thread while analyzers run.

The heads that run in numpy multiply small matrices (tens of spans, a few hundred tokens). A
multi-threaded BLAS gains nothing on those and its spinning threads compete with ONNX Runtime's
for the same cores: on 2 cores that made the span head 40 times slower when the cores were busy.
The limit holds only inside the `with` block, so a caller's own numpy work is left alone.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from functools import lru_cache


@lru_cache(maxsize=1)
def _controller():
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def single_threaded_blas() -> AbstractContextManager:
    return _controller().limit(limits=1, user_api="blas")
