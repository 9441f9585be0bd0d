"""Quoted blocks: paragraphs quoted after an introduction ending in a colon ("CNN ... claims:"),
or marked up as `<blockquote>` / `>`."""

from __future__ import annotations

import re

from ...document import Document
from ..cues import CUE_BEFORE_COLON
from .draft import Draft
from .lines import Line, is_prose
from .patterns import (
    BACK_REFERENCE,
    NOTE_LABEL,
    QUOTE_MARKS,
    QUOTE_OPEN,
    boilerplate_kind,
)

MAX_QUOTED_PARAGRAPHS = 4
_NOT_NAMES = ("the", "a", "an", "in", "as", "and", "but", "its", "it")


def introduces_quote(line: Line) -> bool:
    if NOTE_LABEL.match(line.text):
        return False
    return bool(CUE_BEFORE_COLON.search(line.text)) or line.text.endswith(":")


def quote_block(doc: Document, lines: list[Line], i: int, intro: Line, paragraph_layout: bool, draft: Draft) -> int:
    """Mark the paragraphs from `lines[i]` that `intro` quotes; return the first line after them."""
    source_words = intro_subject(intro.text)
    marked_up = i < len(lines) and "blockquote" in lines[i].markup
    taken = 0
    while i < len(lines) and taken < MAX_QUOTED_PARAGRAPHS:
        line = lines[i]
        starts_quoted = line.text[:1] in QUOTE_OPEN
        if taken == 0:
            if not (paragraph_layout or starts_quoted) or not is_prose(line) or boilerplate_kind(line.text):
                break
        elif marked_up:
            if "blockquote" not in line.markup:
                break
        elif (
            not paragraph_layout
            or line.links
            or BACK_REFERENCE.match(line.text)
            or line.text.endswith(":")
            or any(q in line.text for q in QUOTE_MARKS)  # the author quoting someone else
            or not is_prose(line)
            or boilerplate_kind(line.text)
            or any(w in line.text for w in source_words)
        ):
            break
        draft.add(line.start, line.end, "quote_block", introduced_by=[intro.start, intro.end])
        taken += 1
        i += 1
        if line.text.endswith(":"):
            break
    return i


def intro_subject(text: str) -> list[str]:
    """Capitalised words at the start of the introduction: usually the quoted source."""
    words = []
    for word in re.findall(r"[\w'’\-]+", text)[:6]:
        if word[:1].isupper() and word.lower() not in _NOT_NAMES:
            words.append(word)
        elif words:
            break
    return words
