"""Fuzz: hostile documents of every shape end in an Analysis that keeps the offset invariant and
renders to JSON, HTML and text, or in unspin's own one-line error; never another exception.

A few hundred seeded cases run in CI; any number locally: UNSPIN_FUZZ_CASES=10000 pytest tests/test_fuzz.py
"""

from __future__ import annotations

import io
import os
import random

import pytest
from conftest import assert_offsets
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from unspin.errors import UnspinError
from unspin.options import Options
from unspin.pipeline import Pipeline
from unspin.readers import from_bytes, from_text
from unspin.render.html import to_html
from unspin.render.json import to_json
from unspin.render.terminal import render

CASES = int(os.environ.get("UNSPIN_FUZZ_CASES", "300"))

COMBINING = [chr(c) for c in range(0x300, 0x36F)]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u202d", "\u2066", "\u2069", "\u061c"]
RTL = list("שלוםعربيةمرحبا")
WORDS = ("the mayor said that the council would never approve the plan , according to officials . "
         "\" ' “ ” « » ‘ ’ — – İstanbul straße ﬁ Ⅻ 😀 👩‍👩‍👧 café naïve 北京 Москва").split()
LINE_ENDS = ["\n", "\r\n", "\r", "\n\n", "\u2028", "\u2029", "\x0b", "\x0c", "\x85"]


def _prose(rng: random.Random, words: int) -> str:
    out = []
    for _ in range(words):
        roll = rng.random()
        if roll < 0.70:
            out.append(rng.choice(WORDS))
        elif roll < 0.78:
            out.append(rng.choice(WORDS) + "".join(rng.choice(COMBINING) for _ in range(rng.randint(1, 6))))
        elif roll < 0.85:
            out.append("".join(rng.choice(RTL) for _ in range(rng.randint(1, 8))))
        elif roll < 0.90:
            out.append(rng.choice(INVISIBLE))
        elif roll < 0.93:
            out.append(rng.choice(["\x00", "\ud800", "\udfff", "\x1b[31m", "\x07", "\x7f", "\x9b"]))
        else:
            out.append(rng.choice(LINE_ENDS))
    return " ".join(out)


def _markdown(rng: random.Random) -> str:
    depth = rng.randint(1, 300)
    nested = ">" * depth + " " + "*" * rng.randint(0, 40) + "[" * rng.randint(0, 30) + _prose(rng, 10) + "](" * 5
    links = " ".join(f"[{_prose(rng, 2)}]({rng.choice(['#', 'javascript:x', 'https://e.org/a(b)c', ''])})" for _ in range(5))
    return f"# {_prose(rng, 6)}\n\nBy {_prose(rng, 2)}\n\n{nested}\n\n{links}\n\n- " + "\n  - ".join(_prose(rng, 5) for _ in range(rng.randint(1, 30)))


def _html(rng: random.Random) -> str:
    pieces = [
        "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "<svg onload=alert(3)>",
        "<a href='javascript:alert(4)'>click</a>", "&lt;script&gt;", "&#0;&#x110000;&#xD800;&amp;&nbsp;",
        "<!-- unterminated", "<![CDATA[x]]>", "<style>*{}</style>", "<iframe src=//evil>", "</p></div></body>",
        "<p>" * rng.randint(1, 400), "<div><b><i>" * rng.randint(1, 50), '<meta http-equiv="refresh" content="0;url=//e">',
    ]
    body = "".join(rng.choice(pieces) + _prose(rng, rng.randint(0, 30)) for _ in range(rng.randint(1, 20)))
    bomb = "&amp;" * rng.randint(0, 5000)
    return f"<!DOCTYPE html><html><head><title>{_prose(rng, 4)}</title></head><body><article><h1>{_prose(rng, 5)}</h1>{body}{bomb}"


def hostile_document(seed: int) -> bytes | str:
    """One hostile input of a kind chosen by the seed: a str (as given to the Python API) or bytes."""
    rng = random.Random(seed)
    kind = seed % 12
    if kind == 0:
        return _prose(rng, rng.randint(0, 400))
    if kind == 1:
        return f"{_prose(rng, 8)}\n\n" + "x" * rng.randint(10_000, 120_000) + "\n\n" + _prose(rng, 50)
    if kind == 2:
        return _markdown(rng)
    if kind == 3:
        return _html(rng)
    if kind == 4:
        return _html(rng).encode("utf-8", "surrogatepass")
    if kind == 5:
        header = rng.choice([b"%PDF-1.7\n", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04", b"\x7fELF", b"\x1f\x8b\x08", b"GIF89a"])
        return header + bytes(rng.randrange(256) for _ in range(rng.randint(0, 3000)))
    if kind == 6:
        good = _prose(rng, 80).encode("utf-8", "replace")
        cut = rng.randint(0, len(good))
        return good[:cut] + bytes(rng.choice([0x80, 0xC3, 0xFF, 0xFE, 0xED]) for _ in range(rng.randint(1, 20))) + good[cut:]
    if kind == 7:
        text = f"Title {_prose(rng, 3)}\n\nBody " + _prose(rng, 60).replace("\ud800", "").replace("\udfff", "")
        return text.encode("utf-16", "surrogatepass")
    if kind == 8:
        text = "Title\n\n" + _prose(rng, 60).replace("\ud800", "").replace("\udfff", "")
        return text.encode(rng.choice(["utf-16-le", "utf-16-be"]), "surrogatepass")
    if kind == 9:
        return "".join(rng.choice(LINE_ENDS) for _ in range(rng.randint(0, 500))) + _prose(rng, 5)
    if kind == 10:
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 2000)))
    return f"{_prose(rng, 6)}\n\nBy {_prose(rng, 3)} | March 3, 2024\n\nCategory: {_prose(rng, 2)}\n\n" + \
        "\n\n".join(f'"{_prose(rng, 12)}," {_prose(rng, 2)} said.' for _ in range(rng.randint(1, 15))) + "\n\n***\n\nShare this!"


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline.from_options(Options())


def check(pipeline: Pipeline, item: bytes | str) -> str:
    """Analyse one input; return "analysis" or "refused", and fail on anything else."""
    try:
        doc = from_bytes(item, id="fuzz") if isinstance(item, bytes) else from_text(item, id="fuzz")
        analysis = pipeline(doc)
    except UnspinError as error:
        message = str(error)
        assert message and "\n" not in message.strip(), message
        return "refused"
    assert_offsets(analysis)
    to_json(analysis).encode("utf-8")
    to_html(analysis).encode("utf-8")
    buffer = io.StringIO()
    render(analysis, Console(file=buffer, width=80, force_terminal=True))
    assert "\x1b]8;" not in buffer.getvalue()
    return "analysis"


def test_seeded_hostile_documents(pipeline):
    outcomes = {"analysis": 0, "refused": 0}
    for seed in range(CASES):
        try:
            outcomes[check(pipeline, hostile_document(seed))] += 1
        except AssertionError:
            raise
        except Exception as error:  # the point of the test: say which seed broke it
            raise AssertionError(f"seed {seed}: {type(error).__name__}: {error}") from error
    assert outcomes["analysis"] > CASES // 3, outcomes


@settings(max_examples=max(50, CASES // 4), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=600), st.binary(max_size=600)))
def test_arbitrary_text_and_bytes(pipeline, item):
    check(pipeline, item)
