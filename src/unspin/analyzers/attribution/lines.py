"""Attributions that the form of a line gives, whatever the tagger saw in it.

- a speaker line: a name, a colon, and what that speaker said ("Pence: Gennifer Flowers won't be
  at the debate" as a headline, "WALLACE: Let's start with..." in a transcript);
- an embedded tweet as a reader extracts it: "text pic.twitter.com/... — Name (@handle) May 5, 2016";
- a quotation signed with a dash and a name on its own line: "“Trump scares me.” ― Krystal Correa, 34".

`line_attributions` reads the text's content regions and returns `LineAttribution`s with
character offsets into the whole text.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from ...document import strip_span
from .sources import lexical_type


class LineAttribution(NamedTuple):
    cue: tuple[int, int]  # the colon or the dash
    source: tuple[int, int]
    content: tuple[int, int]
    verbatim: bool  # a tweet or a signed quotation is the signer's own words
    speaker_tag: bool = False  # a transcript's "PENCE:": a person, whatever NER makes of the capitals


def line_attributions(text: str, regions: list[tuple[int, int]]) -> list[LineAttribution]:
    words = WordCounts(text)
    return [found for start, end in regions
            for found in speaker_lines(text, start, end, words) + tweets(text, start, end)
            + signed_quotations(text, start, end)]


_WORD = re.compile(r"\w+")


class WordCounts:
    """How often each word occurs in a text, as written and in any case: counted once, so that
    asking whether a name comes up elsewhere costs no search of the whole text per line."""

    def __init__(self, text: str):
        self.exact = Counter(_WORD.findall(text))
        self.any_case = Counter(w.lower() for w in self.exact.elements())

    def count(self, word: str, any_case: bool) -> int:
        return self.any_case[word.lower()] if any_case else self.exact[word]


_SPEAKER_LINE = re.compile(r"^[\"“‘']?([A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,2}):[ \t]+(?=\S)", re.MULTILINE)
# Labels that open a line the same way but name no speaker ("Correction: An earlier version...").
_LABELS = {"correction", "clarification", "update", "updated", "source", "sources", "note", "photo", "photos",
           "video", "watch", "read", "related", "breaking", "exclusive", "analysis", "opinion", "editorial",
           "advertisement", "disclaimer", "copyright", "tags", "topics", "region", "posted", "published",
           "image", "credit", "credits", "caption", "listen", "subscribe", "warning", "summary", "abstract",
           "background", "context", "q", "a", "question", "answer", "the latest", "live", "graphic", "chart"}
# Words that make a line's opening a phrase rather than a name ("Stealth Over Health:", "The Latest:").
_NOT_IN_NAMES = {"the", "a", "an", "of", "over", "on", "in", "for", "to", "and", "at", "with", "by", "from",
                 "about", "after", "before", "under", "how", "why", "what", "when", "where", "who", "this",
                 "that", "here", "my", "our", "your", "his", "her", "their", "its"}
MIN_STATEMENT_WORDS = 4  # "Federation: Belgium" is a field of a list, not a statement


def speaker_lines(text: str, start: int, end: int, words: WordCounts) -> list[LineAttribution]:
    """A line that opens with a name and a colon attributes the rest of the line to that name.
    The name must come up again outside its line (`words`: the whole text's, a kicker such as
    "Revealed:" or "Wow:" does not) and a statement must follow."""
    out = []
    for match in _SPEAKER_LINE.finditer(text, start, end):
        name = match.group(1)
        if name.lower() in _LABELS or any(w in _NOT_IN_NAMES for w in name.lower().split()):
            continue
        colon = match.end(1)
        line_end = text.find("\n", colon)
        line_end = min(end, line_end if line_end != -1 else len(text))
        content = strip_span(text, match.end(), line_end)
        said = text[content[0] : content[1]]
        if len(said.split()) < MIN_STATEMENT_WORDS or _is_list_of_names(said):
            continue
        if _named_elsewhere(text[match.start() : line_end], name, words):
            out.append(LineAttribution((colon, colon + 1), match.span(1), content, verbatim=False,
                                       speaker_tag=name.isupper() and len(name) > 1))
    return out


def _is_list_of_names(said: str) -> bool:
    """A list such as "Tim Albrecht, Brad Anderson, Rob Barron": who is in a group, not what anyone said."""
    items = [item.strip() for item in re.split(r",\s*(?:and\s+)?|\s+and\s+", said.rstrip(" .;"))]
    return len(items) >= 3 and all(0 < len(item.split()) <= 4 and all(w[:1].isupper() for w in item.split())
                                   for item in items)


def _named_elsewhere(line: str, name: str, words: WordCounts) -> bool:
    """Whether the last word of `name` occurs outside its `line` ("Pat Caddell:" and "Caddell
    continued"): in any case for a name in capitals ("PENCE": "Mr. Pence") or a common noun the
    word lists know ("Poll": "the poll"), else as written."""
    any_case = name.isupper() or lexical_type(name) is not None
    last = _WORD.findall(name)[-1]
    in_line = sum(1 for w in _WORD.findall(line) if (w.lower() == last.lower() if any_case else w == last))
    return words.count(last, any_case) > in_line


_DASH = r"(?:―|—|–|--|-)"
# The signature is found first and the dash looked for just before it, which keeps a long line
# of dashes from costing a search per dash.
_TWEET_SIGNATURE = re.compile(r"\(@\w+\)[ \t]*[A-Z][a-z]+\.? \d{1,2}, \d{4}")
_TWEET_SIGNER = re.compile(r"(" + _DASH + r")[ \t]*([^\n(]{2,60}?)[ \t]*$")
MAX_TWEET_LINE = 600  # characters before a signature: a tweet, its links, and a little more


def tweets(text: str, start: int, end: int) -> list[LineAttribution]:
    out = []
    for signature in _TWEET_SIGNATURE.finditer(text, start, end):
        earliest = max(start, signature.start() - MAX_TWEET_LINE)
        newline = text.rfind("\n", earliest, signature.start())
        if newline == -1 and earliest > start:
            continue  # the line runs on further back: prose that cites a handle, not an embed
        line_start = newline + 1 if newline != -1 else start
        signer = _TWEET_SIGNER.search(text, max(line_start, signature.start() - 80), signature.start())
        if not signer or signer.start() <= line_start:
            continue
        if text.startswith("<", line_start):  # an embed's own markup ("<tweet id=...>") is not what was written
            line_start = max(line_start, text.find(">", line_start, signer.start()) + 1)
        out += _signed(text, signer.span(1), signer.span(2), (line_start, signer.start()))
    return out


_SIGNED = re.compile(r"^[ \t]*([“\"”‘'][^\n]{10,}?[”\"’'][.,]?)[ \t]*(" + _DASH + r")[ \t]*"
                     r"([A-Z][\w.'’\-]*(?:[ \t]+[A-Z][\w.'’\-]*){0,3})[ \t.\u00a0]*(?:,[^\n]{0,60})?$", re.MULTILINE)


def signed_quotations(text: str, start: int, end: int) -> list[LineAttribution]:
    return [a for m in _SIGNED.finditer(text, start, end) for a in _signed(text, m.span(2), m.span(3), m.span(1))]


def _signed(text: str, dash: tuple[int, int], signer: tuple[int, int], written: tuple[int, int]) -> list[LineAttribution]:
    content = strip_span(text, *written)
    source = strip_span(text, *signer, chars=".,;:")
    if content[1] <= content[0] or source[1] <= source[0]:
        return []
    return [LineAttribution(dash, source, content, verbatim=True)]
