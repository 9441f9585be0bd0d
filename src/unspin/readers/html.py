"""HTML pages: main content and metadata with trafilatura, links kept, offsets mapped back.

trafilatura extracts the article as Markdown (so links survive), which the Markdown reader turns
into readable text. Title, byline, site name and date from the page's metadata head the text
when the extracted body does not already contain them, so the structure analyzer finds them
as spans. Each character of the readable text is then aligned to the raw HTML.
"""

from __future__ import annotations

import html as html_lib
import re

from ..document import Document, Layer, Source
from ..errors import InputError
from ..folding import collapse_and_lower, lower_char, lower_same_length
from .markdown import read_markdown
from .registry import Reader, register_reader

_SKIPPED_ELEMENTS = re.compile(r"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG_OR_COMMENT = re.compile(r"<!--.*?-->|<![^>]*>|<[^>]*>", re.DOTALL)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
_SPACE = re.compile(r"\s+")


def read_html(raw: str, *, id: str = "document", path: str | None = None, url: str | None = None) -> Document:
    import trafilatura

    try:
        body = trafilatura.extract(
            raw, url=url, output_format="markdown", include_links=True, include_formatting=True,
            include_comments=False, include_tables=True,
        )
        metadata = trafilatura.extract_metadata(raw, default_url=url)
        if metadata and _year_only(metadata.date) and not trafilatura.extract_metadata(raw, default_url=url,
                                                                                      extensive=False).date:
            metadata.date = None
    except Exception as error:  # trafilatura/lxml raise many types on broken markup
        raise InputError(f"{id}: could not parse the HTML ({type(error).__name__}); check that it is a web page") from None
    if not body or not re.search(r"[^\W\d_]{2,}", body):  # no word at all: "<html>...</html>"
        raise InputError(f"{id}: found no article text in the HTML; pass the page's text instead, or check that it is an article page")

    header = _metadata_header(body, metadata)
    first_line, _, rest = body.partition("\n")
    if header and metadata and metadata.title and metadata.title.strip().lower() in first_line.lower():
        markdown = first_line + "\n\n" + header + rest.lstrip("\n")  # byline and date go under the title
    else:
        markdown = header + body
    doc = read_markdown(markdown, id=id, path=path, url=url)
    doc.source = Source(path=path, format="html", url=url)
    doc.reader_meta = {
        key: value
        for key, value in {
            "title": metadata.title if metadata else None,
            "author": metadata.author if metadata else None,
            "date": metadata.date if metadata else None,
            "sitename": metadata.sitename if metadata else None,
            "tags": list(metadata.tags or []) + list(metadata.categories or []) if metadata else [],
        }.items()
        if value
    }
    markdown_to_raw = _align(markdown, raw)
    doc.raw_offsets = [markdown_to_raw[i] for i in doc.raw_offsets]
    _mark_blockquotes(doc, raw)
    return doc


_NEW_YEAR = re.compile(r"\d{4}-01-01$")


def _year_only(date: str | None) -> bool:
    """Whether the date is a first of January, the date trafilatura's extensive search makes of a bare
    year ("(c) 2011" in a page's rights, a "1996-1997 school year" link). The caller drops it only where
    the plain search finds no date: a page its metadata dates the first of January keeps it."""
    return bool(date and _NEW_YEAR.match(date))


def _metadata_header(body: str, metadata) -> str:
    """Lines for title, byline and dateline that the extracted body lacks."""
    if metadata is None:
        return ""
    lines = []
    first_lines = "\n".join(body.strip().splitlines()[:6]).lower()
    title = (metadata.title or "").strip()
    if title and title.lower() not in first_lines:
        lines.append(f"# {title}")
    author = (metadata.author or "").strip()
    if author and author.lower() not in first_lines:
        lines.append("By " + ", ".join(a.strip() for a in author.split(";") if a.strip()))
    site, date = (metadata.sitename or "").strip(), (metadata.date or "").strip()
    # (with no date, the site's name alone: the outlet needs it in the text)
    if date and date not in first_lines or not date and site and site.lower() not in first_lines:
        lines.append(", ".join(x for x in (site, date) if x))
    return "".join(_escape_markdown(line) + "\n\n" for line in lines)


def _escape_markdown(line: str) -> str:
    if line.startswith("# "):
        return "# " + re.sub(r"([\\`*_\[\]])", r"\\\1", line[2:])
    return re.sub(r"([\\`*_\[\]#>])", r"\\\1", line)


def _visible_text(raw: str) -> tuple[str, list[int]]:
    """The page's text with whitespace collapsed, and the raw offset of each character."""
    chars: list[str] = []
    positions: list[int] = []
    masked = _SKIPPED_ELEMENTS.sub(lambda m: " " * len(m.group(0)), raw)
    position = 0
    for tag in _TAG_OR_COMMENT.finditer(masked):
        _append_text(raw, position, tag.start(), chars, positions)
        chars.append(" ")
        positions.append(tag.start())
        position = tag.end()
    _append_text(raw, position, len(raw), chars, positions)
    collapsed, kept = collapse_and_lower("".join(chars))
    return collapsed, [positions[i] for i in kept]


def _append_text(raw: str, start: int, end: int, chars: list[str], positions: list[int]) -> None:
    position = start
    for entity in _ENTITY.finditer(raw, start, end):
        for i in range(position, entity.start()):
            chars.append(raw[i])
            positions.append(i)
        for c in html_lib.unescape(entity.group(0)):
            chars.append(c)
            positions.append(entity.start())
        position = entity.end()
    for i in range(position, end):
        chars.append(raw[i])
        positions.append(i)


def _align(markdown: str, raw: str) -> list[int]:
    """For each character of `markdown` (plus its end), an offset into `raw`.

    Each line is anchored where its opening words occur in the page's visible text, searching
    forward from the previous line; characters of the line then follow the page's characters.
    A line that cannot be found maps to where the previous line ended.
    """
    visible, positions = _visible_text(raw)
    mapping = [0] * (len(markdown) + 1)
    cursor = 0
    last = 0
    position = 0
    for line in markdown.split("\n"):
        words = lower_same_length(_SPACE.sub(" ", re.sub(r"[#>*_`\[\]]|\([^)]*\)", " ", line)).strip())
        anchor = words[:40]
        found = visible.find(anchor, cursor) if anchor else -1
        if found < 0 and anchor:
            found = visible.find(anchor)
        v = found if found >= 0 else -1
        for i, c in enumerate(line):
            if v >= 0 and not c.isspace():
                hit = visible.find(lower_char(c), v, v + 64)
                if hit >= 0:
                    v = hit + 1
                    last = positions[hit]
            mapping[position + i] = last
        if found >= 0:
            cursor = max(cursor, v)
        mapping[position + len(line)] = last  # the newline
        position += len(line) + 1
    mapping[len(markdown)] = len(raw)
    return mapping


def _mark_blockquotes(doc: Document, raw: str) -> None:
    """Record paragraphs that the page set in <blockquote> (trafilatura drops the marker)."""
    try:
        import lxml.html

        tree = lxml.html.fromstring(raw)
    except Exception:
        return
    quotes = [_SPACE.sub(" ", q.text_content()).strip().lower() for q in tree.iter("blockquote")]
    quotes = [q for q in quotes if len(q) > 20]
    if not quotes:
        return
    text = doc.text
    position = 0
    for paragraph in text.split("\n"):
        words = _SPACE.sub(" ", paragraph).strip().lower()
        if len(words) > 20 and any(words in q for q in quotes):
            start = position + (len(paragraph) - len(paragraph.lstrip()))
            end = position + len(paragraph.rstrip())
            doc.add(Layer.MARKUP, doc.span(start, end, "blockquote"))
        position += len(paragraph) + 1


def looks_like_html(text: str) -> bool:
    """A page's source starts with markup: a doctype, an XML declaration, a comment or one of the
    page's elements. Plain text that mentions `<body>` or `<html>` in its prose does not."""
    head = text[:2048].lstrip("\ufeff \t\r\n").lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return True
    return head.startswith("<") and bool(re.search(r"<(html|body|article|head)\b", head))




def _unspin_report(head: bytes) -> str | None:
    return "an unspin report, not an article" if b'<meta name="generator" content="unspin' in head else None


# Raw HTML may be this many times the readable-text limit: the markup around an article is often
# many times longer than the article (the byte limit bounds it).
register_reader(Reader("html", read_html, suffixes=(".html", ".htm", ".xhtml"),
                       media_types=("text/html", "application/xhtml+xml"), sniff=looks_like_html, priority=10,
                       markup_ratio=20, refuse=_unspin_report))
