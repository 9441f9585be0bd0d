import math

import numpy as np

from unspin.analyzers.activations import gelu, softmax


def test_gelu_matches_the_exact_erf_gelu_and_keeps_float32():
    x = np.linspace(-8, 8, 2001, dtype=np.float32)
    exact = np.array([0.5 * v * (1 + math.erf(v / math.sqrt(2))) for v in x.astype(np.float64)])
    out = gelu(x)
    assert out.dtype == np.float32
    assert np.abs(out - exact).max() < 1e-6


def test_softmax_rows_sum_to_one_without_overflow():
    out = softmax(np.array([[1000.0, 1000.0, -1000.0]], dtype=np.float32))
    assert out.dtype == np.float32
    assert np.allclose(out, [[0.5, 0.5, 0.0]])
