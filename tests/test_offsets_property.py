"""Property-based checks of the offset invariant across readers and the structure analyzer."""

from __future__ import annotations

import re

import pytest
from conftest import assert_offsets
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unspin.errors import InputError
from unspin.readers import from_text
from unspin.readers.markdown import read_markdown

_pieces = st.sampled_from([
    "By ", "[Jane Roe](#)", "*", "**", "_", "`", "\\", "[", "]", "(", ")", "# ", "## ", "> ", "- ", "1. ", "---",
    "\n", "\n\n", "\r\n", " ", "Tags: ", "a, b", "March 3, 2020", "“", "”", "\"", ":", "said:", "Note to readers: ",
    "Copyright © 2020", "The council voted on Tuesday.", "Share", "é", "😀", "\t", "![x](y.png)", "http://x.y",
    "<b>", "&amp;", "WASHINGTON (Reuters) - ", "About the author", "```", "\n```python\n", "~~~", "__init__",
])
_documents = st.lists(st.one_of(_pieces, st.text(max_size=12)), min_size=1, max_size=60).map("".join)
_settings = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_settings
@given(_documents)
def test_markdown_reader_keeps_offsets_and_raw_map(raw):
    doc = read_markdown(raw)
    assert_offsets(doc)
    assert len(doc.raw_offsets) == len(doc.text) + 1
    assert all(0 <= r <= len(raw) for r in doc.raw_offsets)
    assert doc.raw_offsets == sorted(doc.raw_offsets)
    for i, c in enumerate(doc.text):
        assert raw[doc.raw_offsets[i]] == c  # every readable character is a character of the input


@_settings
@given(_documents, st.sampled_from(["text", "markdown"]))
def test_structure_spans_index_the_text(raw, fmt):
    from unspin.pipeline import default_pipeline

    if not raw.strip():
        return
    if not re.search(r"[^\W_]", raw):
        with pytest.raises(InputError, match="no letters or digits"):  # refused, as a file of it would be
            from_text(raw, format=fmt)
        return
    analysis = default_pipeline(techniques=False, attribution=False, claims=False)(from_text(raw, format=fmt))
    assert_offsets(analysis)
    segments = analysis.segments
    assert all(a.end <= b.start for a, b in zip(segments, segments[1:]))
    if fmt == "text":
        assert analysis.text == raw


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["<p>", "</p>", "<div>", "<a href='http://a.b'>", "</a>", "<script>x()</script>",
                                 "&amp;", "&lt;", "The mayor said the plan would work. ", "<br>", "<h1>T</h1>",
                                 "<blockquote>", "</blockquote>", "\n", "İstanbul İİ "]), min_size=5, max_size=80).map("".join))
def test_html_reader_keeps_offsets(body):
    from unspin.errors import InputError

    html = f"<html><head><title>Page</title></head><body>{body}</body></html>"
    try:
        doc = from_text(html, format="html")
    except InputError:
        return
    assert_offsets(doc)
    assert all(0 <= r <= len(html) for r in doc.raw_offsets)


_line_pieces = st.sampled_from([
    "PENCE: ", "Pence", "Poll: ", "the poll", "Correction: ", "“", "”", "\"", " ― ", " — ", " -- ", " - ",
    "Jane Doe", " (@janedoe) ", "May 5, 2016", "<tweet id=\"1\">", "</tweet>", "\n", "\n\n", " ", "said",
    "The plan will fail.", "Save the meadows", "pic.twitter.com/x", ", 34, Millbrook", "😀", "é",
])


@_settings
@given(st.lists(st.one_of(_line_pieces, st.text(max_size=8)), min_size=1, max_size=40).map("".join),
       st.integers(min_value=0, max_value=20))
def test_line_attributions_stay_inside_their_region(text, margin):
    """Speaker lines, tweets and signed quotations: every span is non-empty, inside the region
    read, and trimmed of surrounding whitespace."""
    from unspin.analyzers.attribution.lines import line_attributions

    start, end = min(margin, len(text)), max(min(margin, len(text)), len(text) - margin)
    for found in line_attributions(text, [(start, end)]):
        for a, b in (found.cue, found.source, found.content):
            assert start <= a < b <= end
            assert text[a:b] == text[a:b].strip()


_copied_lines = st.sampled_from([
    "Skip to content", "HOME", "News", "Politics", "Log in", "Subscribe", "Search", "THE VOICE OF THE VALLEY",
    "Council delays vote on parking fees", "Valley hospital to add 40 beds after state approval", "By", "Marta Quintero",
    "by: Cora Neas", "By Jane Slaughter on Thu, Nov 9, 2023 at 4:00 am", "Published November 3, 2026", "June 19, 2019",
    "July 24, 2019 by Amy Motroni 5 Comments", "Share", "Facebook", "Advertisement", "Related Articles", "and",
    "The council voted on Tuesday to keep the library open on Sundays, officials said after the meeting.",
    "\"We have been turning people away on busy nights,\" said Dr. Alan Reyes, the hospital's chief medical officer.",
    "> The branch will stay open, the mayor wrote.", "© 2026 Valley Courier. All rights reserved.",
    "© Reuters Bishop Barros (centre) was greeted by protesters", "Leave a Reply", "Privacy Policy", "Texas State Capitol",
])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_copied_lines, min_size=12, max_size=60), st.sampled_from(["\n", "\n\n"]), st.sampled_from(["text", "markdown"]))
def test_copied_pages_keep_offsets_through_the_headline_pass(lines, separator, fmt):
    """Pages shaped like browser copies (menus, headlines, bylines, datelines, notices, quoted
    lines) go through the line classifier and the headline pass: every span indexes the text and
    no two segments overlap."""
    from unspin.pipeline import default_pipeline

    analysis = default_pipeline(techniques=False, attribution=False, claims=False)(from_text(separator.join(lines), format=fmt))
    assert_offsets(analysis)
    segments = analysis.segments
    assert all(a.end <= b.start for a, b in zip(segments, segments[1:]))
