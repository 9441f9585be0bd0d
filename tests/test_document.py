"""The document model: spans, layers and relations keep the offset invariant."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unspin.analyzers.attribution.findings import Attribution
from unspin.analyzers.structure.findings import Meta
from unspin.document import Document, Layer, Relation, Relations, Span, check_span


def test_span_must_match_the_text():
    doc = Document(text="The mayor said no.")
    span = doc.span(4, 9)
    assert span.text == "mayor" and len(span) == 5
    with pytest.raises(ValueError):
        doc.span(10, 40)
    with pytest.raises(ValueError):
        doc.add("x", Span(0, 3, "not"))
    with pytest.raises(ValueError):
        doc.set_layer("x", [Span(0, 3, "The"), Span(4, 9, "mayors")])


def test_layers_hold_metadata_spans_and_first():
    doc = Document(text="Title\n\nBy Ana Ruiz")
    doc.set_layer(Layer.TITLE, [doc.span(0, 5)])
    doc.set_layer(Layer.AUTHORS, [doc.span(10, 18)])
    assert doc.first(Layer.TITLE).text == "Title"
    assert doc.first(Layer.OUTLET) is None
    meta = Meta.read(doc)
    assert meta.title.text == "Title" and [a.text for a in meta.authors] == ["Ana Ruiz"]
    assert meta.to_json()["authors"] == [{"start": 10, "end": 18, "text": "Ana Ruiz"}]


def test_relations_tie_roles_and_check_every_span():
    text = 'Ana Ruiz said "it will rain".'
    doc = Document(text=text)
    relation = doc.relate(Relations.ATTRIBUTIONS, "direct",
                          {"source": [doc.span(0, 8)], "cue": [doc.span(9, 13)], "content": [doc.span(14, 28)]},
                          source_name="Ana Ruiz", source_type="person")
    assert isinstance(relation, Relation) and relation.first("cue").text == "said"
    assert [s.text for s in relation.spans()] == ["Ana Ruiz", "said", '"it will rain"']
    with pytest.raises(ValueError):
        doc.relate(Relations.ATTRIBUTIONS, "direct", {"source": [Span(0, 3, "Bob")]})
    assert len(doc.related(Relations.ATTRIBUTIONS)) == 1  # the refused relation was not added
    (attribution,) = Attribution.read(doc)
    assert attribution.source.text == "Ana Ruiz" and attribution.content[0].text == '"it will rain"'
    assert attribution.to_json()["cue"] == {"start": 9, "end": 13, "text": "said"}
    assert {name for name, _ in doc.all_spans()} == {Relations.ATTRIBUTIONS}


def test_content_regions_before_and_after_structure():
    doc = Document(text="Title\n\nBody.\n\nShare this!")
    assert doc.content_regions() == [(0, len(doc.text))]
    doc.set_layer(Layer.SEGMENTS, [doc.span(0, 5, "title"), doc.span(7, 12, "body"), doc.span(14, 25, "boilerplate")])
    assert doc.content_regions() == [(0, 5), (7, 12)]
    shown = Document(text="Title\n\nBody.\n\nx = 1")  # code or data the article shows is not read as prose
    shown.set_layer(Layer.SEGMENTS, [shown.span(0, 5, "title"), shown.span(7, 12, "body"),
                                     shown.span(14, 19, "body", type="code")])
    assert shown.content_regions() == [(0, 5), (7, 12)]


@given(st.text(max_size=60), st.data())
def test_any_in_range_span_satisfies_the_invariant(text, data):
    doc = Document(text=text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    span = doc.span(start, end)
    check_span(text, span)
    assert text[span.start : span.end] == span.text
