"""Retraining on corrections (`unspin train claims|attribution|techniques --extra`): the torch
twins of the shipped numpy heads compute what the heads compute, so that training continues from
the shipped model rather than from a different one, and the corpus-sized neighbour rows of the
attribution tagger are the rows it reads at run time.

These need torch (the `train` extra), which the test install leaves out: they are skipped, with
that reason, where it is missing.
"""

from __future__ import annotations

import numpy as np
import pytest

from unspin.model_sets import folder

torch = pytest.importorskip("torch", reason="retraining needs torch: pip install 'unspin[train]'")

TOLERANCE = 1e-4  # float32 matrix products in torch and numpy differ in the last bits


@pytest.mark.parametrize("model_set", ["standard", "fast"])
def test_the_attribution_tagger_continues_from_the_shipped_one(model_set):
    from unspin.analyzers.attribution.tagger import AttributionTagger
    from unspin.training.token_tagger import SequenceHead, TaggerHead, TokenRows

    directory = folder("attribution", model_set)
    shipped = AttributionTagger(directory)
    sequence = shipped.config.get("kind") == "bigru"
    members = shipped.config.get("members", ["tagger.npz"])
    heads = [(SequenceHead if sequence else TaggerHead).load(directory / member).eval() for member in members]
    width = heads[0].proj.in_features if sequence else heads[0].layers[0].in_features // (2 * shipped.config["context"] + 1)
    hidden = np.random.default_rng(0).normal(size=(37, width)).astype(np.float16).astype(np.float32)
    with torch.no_grad():
        if sequence:  # one run: 37 tokens are fewer than a chunk
            ours = [torch.softmax(head(torch.from_numpy(hidden)[None]), -1)[0].numpy() for head in heads]
        else:
            rows = TokenRows([hidden], shipped.config["context"])
            ours = [torch.softmax(head(rows.rows(torch.arange(len(rows)))), -1).numpy() for head in heads]
    # each member continues from its own file; the analyzer averages them
    np.testing.assert_allclose(np.mean(ours, axis=0), shipped.probabilities(hidden), atol=TOLERANCE)


def test_the_numpy_span_finder_computes_what_its_torch_twin_trained():
    from unspin.analyzers.encoder.tagger import SequenceTagger
    from unspin.training.token_tagger import SequenceHead

    torch.manual_seed(0)
    head = SequenceHead(width=12, projection=8, hidden=5, tags=3).eval()
    tagger = SequenceTagger(head.arrays(), chunk=7)
    hidden = np.random.default_rng(2).normal(size=(17, 12)).astype(np.float32)
    with torch.no_grad():  # the tagger reads runs of 7 tokens, each on its own: 7 + 7 + 3
        expected = np.concatenate([torch.softmax(head(torch.from_numpy(hidden[a : a + 7])[None]), -1)[0].numpy()
                                   for a in (0, 7, 14)])
    np.testing.assert_allclose(tagger.probabilities(hidden), expected, atol=TOLERANCE)
    assert tagger.probabilities(hidden[:0]).shape == (0, 3)


def test_a_tagger_kept_from_an_earlier_epoch_is_not_changed_by_later_ones():
    from unspin.training.token_tagger import TaggerHead

    head = TaggerHead(width=8, hidden=4, tags=3)
    kept = head.arrays()
    before = {k: v.copy() for k, v in kept.items()}
    optimizer = torch.optim.SGD(head.parameters(), lr=1.0)
    head(torch.ones(2, 8)).sum().backward()
    optimizer.step()
    for name, array in kept.items():
        np.testing.assert_array_equal(array, before[name])
    assert not np.array_equal(head.arrays()["w0"], before["w0"])


def test_neighbour_rows_are_gathered_as_one_document_pads_them():
    from unspin.analyzers.encoder.tagger import with_neighbours
    from unspin.training.token_tagger import TokenRows

    rng = np.random.default_rng(1)
    documents = [rng.normal(size=(n, 6)).astype(np.float16).astype(np.float32) for n in (1, 5, 3)]
    rows = TokenRows(documents, context=2)
    expected = np.concatenate([with_neighbours(d, 2) for d in documents])
    assert len(rows) == len(expected)
    np.testing.assert_array_equal(rows.rows(torch.arange(len(rows))).numpy(), expected)
    picked = torch.tensor([6, 0, 3])
    np.testing.assert_array_equal(rows.rows(picked).numpy(), expected[[6, 0, 3]])


@pytest.mark.parametrize("model_set", ["standard", "fast"])
def test_the_span_head_continues_from_the_shipped_one(model_set):
    from unspin.analyzers.techniques.decoding import SpanHead
    from unspin.training.span_head import SpanMLP

    path = folder("techniques", model_set) / "span_head.npz"
    shipped = SpanHead.load(path)
    with np.load(path) as arrays:
        head = SpanMLP(arrays)
    head.eval()
    pooled = np.random.default_rng(2).normal(size=(9, shipped.w1.shape[1])).astype(np.float32)
    with torch.no_grad():
        ours = torch.softmax(head(torch.from_numpy(pooled)), -1).numpy()
    np.testing.assert_allclose(ours, shipped.probabilities(pooled), atol=TOLERANCE)


@pytest.mark.parametrize("model_set", ["standard", "fast"])
def test_the_claims_head_continues_from_the_shipped_one(model_set):
    from unspin.analyzers.claims import ClaimsModel
    from unspin.training.claims import ClaimsHead

    directory = folder("claims", model_set)
    shipped = ClaimsModel(directory)
    head = ClaimsHead.load(directory)
    head.eval()
    pooled = np.random.default_rng(3).normal(size=(11, shipped.w1.shape[1])).astype(np.float32)
    with torch.no_grad():
        ours = torch.sigmoid(head(torch.from_numpy(pooled))).numpy()
    np.testing.assert_allclose(ours, shipped.scores(pooled), atol=TOLERANCE)

