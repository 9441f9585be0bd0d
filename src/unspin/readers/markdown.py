"""Markdown as people copy it from web pages: keep the readable text, remember the markup.

`[link text](url)` keeps its link text and records the target in the `links` layer; emphasis,
inline code and escapes lose their marks; heading, quote and list markers are removed and
recorded in the `markup` layer; horizontal rules and the fences around a block of code
disappear, and the code between them stays as it is (no emphasis read into `__init__`), marked
"code". Every character of the readable text keeps its offset in the raw Markdown.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..document import Document, Layer, Source
from .registry import Reader, register_reader

_RULE = re.compile(r"^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+")
_HEADING_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_QUOTE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+")
_LIST = re.compile(r"^[ \t]*(?:[-*+]|(?P<number>\d{1,3}[.)]))[ \t]+(?=\S)")
# "```python" or "~~~" opens a block of code (CommonMark's fenced code block); the same run, as long
# or longer, alone on its line closes it
_FENCE = re.compile(r"[ \t]{0,3}(?P<run>`{3,}(?=[^`]*$)|~{3,})")

_INLINE = re.compile(
    r"(?P<escape>\\[\\`*_{}\[\]()#+\-.!>])"
    r"|(?P<image>!\[(?P<alt>[^\]\n]*)\]\((?P<src>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:[ \t]+\"[^\"\n]*\")?\))"
    r"|(?P<link>\[(?P<label>(?:[^\[\]\n]|\[[^\[\]\n]*\])+)\]\((?P<url>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:[ \t]+\"[^\"\n]*\")?\))"
    # a link whose text runs over two lines ("[![](avatar.png)" / "By **Ann Roe**](/author/ann-roe)"): its
    # lone "[" at the end of one line and its "](url)" on the next go, its text stays
    r"|(?P<open>\[(?=(?:!\[[^\]\n]*\]\([^()\s]*\))?[ \t]*(?:\n|$)))"
    r"|(?P<close>\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:[ \t]+\"[^\"\n]*\")?\))"
    r"|(?P<code>`(?P<code_text>[^`\n]+)`)"
    r"|(?P<strong>(?P<smark>\*\*|__)(?=\S)(?P<strong_text>.+?)(?<=\S)(?P=smark))"
    r"|(?P<em>(?:(?<![\w*])\*(?=[^\s*])(?P<star_text>[^*\n]+?)(?<=[^\s*])\*(?![\w*])|(?<![\w_])_(?=[^\s_])(?P<under_text>[^_\n]+?)(?<=[^\s_])_(?![\w_])))"
)


class _Builder:
    """Readable text assembled piece by piece, with the raw offset of each character."""

    def __init__(self, raw: str):
        self.raw = raw
        self.parts: list[str] = []
        self.offsets: list[int] = []
        self.length = 0
        self.links: list[tuple[int, int, str]] = []
        self.markup: list[tuple[int, int, str]] = []

    def keep(self, start: int, end: int) -> None:
        if end > start:
            self.parts.append(self.raw[start:end])
            self.offsets.extend(range(start, end))
            self.length += end - start

    def inline(self, start: int, end: int) -> None:
        position = start
        for match in _INLINE.finditer(self.raw, start, end):
            self.keep(position, match.start())
            kind = match.lastgroup
            if match.group("escape"):
                self.keep(match.start() + 1, match.end())
            elif match.group("image"):
                self.inline(match.start("alt"), match.end("alt"))
            elif match.group("link"):
                begin = self.length
                self.inline(match.start("label"), match.end("label"))
                self.links.append((begin, self.length, match.group("url")))
            elif match.group("open") or match.group("close"):
                pass
            elif match.group("code"):
                self.keep(match.start("code_text"), match.end("code_text"))
            elif match.group("strong"):
                begin = self.length
                self.inline(match.start("strong_text"), match.end("strong_text"))
                self.markup.append((begin, self.length, "strong"))
            elif match.group("em"):
                group = "star_text" if match.group("star_text") is not None else "under_text"
                begin = self.length
                self.inline(match.start(group), match.end(group))
                self.markup.append((begin, self.length, "emphasis"))
            else:  # pragma: no cover - every alternative is handled above
                raise AssertionError(kind)
            position = match.end()
        self.keep(position, end)


def read_markdown(raw: str, *, id: str = "document", path: str | None = None, url: str | None = None) -> Document:
    builder = _Builder(raw)
    position = 0
    fence = None  # the run that opened the block of code the line is in
    closings = _Closings(raw)
    while position < len(raw):
        newline = raw.find("\n", position)
        line_end = len(raw) if newline < 0 else newline
        opening = _FENCE.match(raw, position, line_end)
        if fence is None and opening and closings.closes_below(opening.group("run"), line_end):
            fence = opening.group("run")
        elif fence is not None:
            if _closes(raw, position, line_end, fence):
                fence = None
            else:
                _code_line(builder, position, line_end)
        else:
            _block(builder, position, line_end)
        if newline >= 0:
            builder.keep(newline, newline + 1)
        position = line_end + 1
    text = "".join(builder.parts)
    doc = Document(
        text=text,
        id=id,
        source=Source(path=path, format="markdown", url=url),
        raw_offsets=builder.offsets + [len(raw)],
    )
    for start, end, target in builder.links:
        if end > start:
            doc.add(Layer.LINKS, doc.span(start, end, "link", url=safe_link(target)))
    for start, end, kind in sorted(builder.markup):
        if end > start:
            doc.add(Layer.MARKUP, doc.span(start, end, kind))
    return doc


_SAFE_SCHEMES = ("http", "https", "mailto", "ftp")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


def safe_link(target: str | None) -> str | None:
    """A link target worth keeping: web, mail or relative. `javascript:`, `data:` and other
    schemes that run or embed content are dropped (the link's text stays in the article)."""
    if not target:
        return None
    # Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
    cleaned = "".join(c for c in target.strip() if c.isprintable() and not c.isspace())
    scheme = _SCHEME.match(cleaned)
    if scheme and scheme.group(1).lower() not in _SAFE_SCHEMES:
        return None
    return target.strip()


# a line that closes a block of code: a run of "`" or "~" alone on it
_FENCE_LINE = re.compile(r"^[ ]{0,3}(?P<run>`{3,}|~{3,})[ \t]*\r?$", re.MULTILINE)


def _closes(raw: str, start: int, end: int, fence: str) -> bool:
    """Whether raw[start:end], a whole line, closes the block `fence` opened: a run of its character,
    as long or longer."""
    closing = _FENCE_LINE.match(raw, start, end)
    return closing is not None and closing["run"][0] == fence[0] and len(closing["run"]) >= len(fence)


class _Closings:
    """Whether a fence has a line below it that closes it (`_closes`), found in one pass over the text.
    A fence that nothing closes opens no block (CommonMark would run it to the end, and a stray "```"
    pasted above an article would take the whole article out of the analysis)."""

    def __init__(self, raw: str):
        runs = [(m.start(), m["run"]) for m in _FENCE_LINE.finditer(raw)]
        self.starts = {c: [start for start, run in runs if run[0] == c] for c in "`~"}
        self.longest_after = {}  # per character, the longest closing run from each one on
        for c in "`~":
            lengths = [len(run) for _, run in runs if run[0] == c]
            for k in range(len(lengths) - 2, -1, -1):
                lengths[k] = max(lengths[k], lengths[k + 1])
            self.longest_after[c] = lengths

    def closes_below(self, run: str, line_end: int) -> bool:
        starts, longest = self.starts[run[0]], self.longest_after[run[0]]
        k = bisect_right(starts, line_end)
        return k < len(starts) and longest[k] >= len(run)


def _code_line(builder: _Builder, start: int, end: int) -> None:
    """A line of a fenced block of code: kept as it is, and marked "code" where it has any."""
    begin = builder.length
    builder.keep(start, end)
    stop = begin + len(builder.raw[start:end].rstrip())
    if stop > begin:
        builder.markup.append((begin, stop, "code"))


def _block(builder: _Builder, start: int, end: int) -> None:
    raw = builder.raw
    line = raw[start:end].rstrip("\r")
    content_end = start + len(line)
    if _RULE.match(line):
        return
    kind = None
    match = _QUOTE.match(line)
    if match:
        kind, start = "blockquote", start + match.end()
        line = raw[start:content_end]
    match = _HEADING.match(line)
    top_level = False
    if match:
        close = _HEADING_CLOSE.search(line)
        content_end = start + (close.start() if close else len(line))
        kind, start, top_level = "heading", start + match.end(), len(match.group(1)) == 1
    else:
        match = _LIST.match(line)
        if match:  # (a numbered item keeps its number: the rank of a "Top 100", the order of the steps)
            kind, start = "list_item", start + (match.start("number") if match["number"] else match.end())
    begin = builder.length
    builder.inline(start, content_end)
    builder.keep(content_end, end)  # a trailing \r stays: newlines are never rewritten
    if kind and builder.length > begin:
        stop = builder.length - (end - content_end)
        builder.markup.append((begin, stop, kind))
        if top_level:  # "# Title": a page's headline, where the copy keeps its levels
            builder.markup.append((begin, stop, "h1"))


_LINK_HINT = re.compile(r"\[[^\[\]\n]+\]\([^()\s]*\)")
_BLOCK_HINT = re.compile(r"^(?:#{1,6} \S|> \S|\*\*\S)", re.MULTILINE)


def looks_like_markdown(text: str) -> bool:
    """True for a web page copied as Markdown: it has Markdown links or headings/quotes.

    PTC/SemEval files (title, blank line, one sentence per line) never contain these, so they
    are read as plain text and keep their exact bytes.
    """
    return bool(_LINK_HINT.search(text) or len(_BLOCK_HINT.findall(text)) >= 2)


# Raw Markdown may be this many times the readable-text limit: a page copied as Markdown carries
# every link's URL (webcopy's 118 pages converted whole: 1.8 times their readable text at the
# median, 4.8 at most).
register_reader(Reader("markdown", read_markdown, suffixes=(".md", ".markdown"),
                       media_types=("text/markdown", "text/x-markdown"), sniff=looks_like_markdown, markup_ratio=5))
