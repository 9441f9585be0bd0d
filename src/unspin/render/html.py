"""A single self-contained HTML report: the article with each layer highlighted.

No external requests (a Content-Security-Policy forbids them); all article text and metadata
go through Jinja2's autoescaping; the page's only script carries a per-report nonce, so no
script that came from an article could run even if it slipped through.
"""

from __future__ import annotations

import secrets
from collections import Counter
from urllib.parse import urlparse

from jinja2 import Environment, PackageLoader, select_autoescape

from .. import __version__
from ..analysis import Analysis
from ..analyzers.techniques.labels import DEFINITIONS, DISPLAY_NAMES, TECHNIQUE_INDEX
from .highlight import Marked, pieces

_env = Environment(loader=PackageLoader("unspin", "render/templates"), autoescape=select_autoescape(default=True),
                   trim_blocks=True, lstrip_blocks=True)

SEGMENT_NAMES = {
    "title": "Title", "subtitle": "Subtitle", "byline": "Byline", "dateline": "Dateline", "tag": "Tag",
    "heading": "Subheading", "body": "Body", "quote_block": "Quoted block", "boilerplate": "Boilerplate",
}


def safe_href(url: str | None) -> str | None:
    """Only web and mail links become clickable; `javascript:` and the like stay text."""
    if not url:
        return None
    scheme = urlparse(url.strip()).scheme.lower()
    return url.strip() if scheme in ("http", "https", "mailto") else None


def _marks(analysis: Analysis) -> list[Marked]:
    marks = []
    for s in analysis.segments:
        detail = SEGMENT_NAMES.get(s.label or "", s.label or "")
        if s.attrs.get("type"):
            detail += f" ({s.attrs['type']})"
        marks.append(Marked("segments", s.start, s.end, s.label or "", {"title": detail}))
    for s in analysis.techniques:
        name = DISPLAY_NAMES.get(s.label or "", s.label or "")
        marks.append(Marked("techniques", s.start, s.end, s.label or "", {
            "title": f"{name} ({s.score:.2f}): {DEFINITIONS.get(s.label or '', '')}",
            "index": TECHNIQUE_INDEX.get(s.label or "", 0),
        }))
    for s in analysis.claims:
        marks.append(Marked("claims", s.start, s.end, "claim", {"title": f"Check-worthy claim ({(s.score or 0):.2f})"}))
    for a in analysis.attributions:
        speaker = a.get("source_name") or (a.get("source") or {}).get("text") or "unnamed source"
        kind = a.get("kind", "")
        for part in a.get("content", []):
            marks.append(Marked("attributions", part["start"], part["end"], "content",
                                {"title": f"{kind.capitalize()} attribution to {speaker} ({a.get('source_type') or 'unknown'})"}))
        for role in ("source", "cue"):
            if a.get(role):
                marks.append(Marked("attributions", a[role]["start"], a[role]["end"], role,
                                    {"title": f"{'Source' if role == 'source' else 'Cue'}: {speaker}"}))
    for s in analysis.summary.get("sourcing", {}).get("author_only_sentences", []):
        marks.append(Marked("author", s["start"], s["end"], "author", {"title": "Asserted by the author; no source cited"}))
    for s in analysis.links:
        marks.append(Marked("links", s.start, s.end, "link", {"href": safe_href(s.attrs.get("url")), "url": s.attrs.get("url") or ""}))
    return marks


def _render_pieces(analysis: Analysis) -> list[dict]:
    out = []
    for piece in pieces(analysis.text, _marks(analysis)):
        classes, titles = [], []
        href = None
        technique = None
        for m in piece.marks:
            if m.layer == "segments":
                classes.append(f"seg-{m.label}")
            elif m.layer == "techniques":
                classes.append("t")
                technique = technique if technique is not None else m.info["index"]
            elif m.layer == "claims":
                classes.append("c")
            elif m.layer == "attributions":
                classes.append({"content": "a", "source": "as", "cue": "ac"}[m.label])
            elif m.layer == "author":
                classes.append("u")
            elif m.layer == "links":
                href = m.info["href"]
                classes.append("link")
                titles.append(f"Link: {m.info['url']}")
            if "title" in m.info:
                titles.append(m.info["title"])
        if technique is not None:
            classes.append(f"t{technique}")
        out.append({"text": piece.text, "classes": " ".join(dict.fromkeys(classes)), "title": "\n".join(titles),
                    "href": href, "focusable": any(m.layer in ("techniques", "claims", "attributions", "author") for m in piece.marks)})
    return out


def to_html(analysis: Analysis) -> str:
    doc = analysis.document
    meta = doc.meta
    counts = Counter(s.label for s in analysis.techniques)
    used = [t for t in DISPLAY_NAMES if counts.get(t)]
    template = _env.get_template("report.html.j2")
    return template.render(
        analysis=analysis,
        title=meta.get("title").text if meta.get("title") else doc.id,
        authors=[a.text for a in meta.get("authors", [])],
        published=meta.get("published"),
        outlet=meta.get("outlet").text if meta.get("outlet") else None,
        tags=[t.text for t in meta.get("tags", [])],
        pieces=_render_pieces(analysis),
        summary=analysis.summary,
        techniques=sorted(analysis.techniques, key=lambda s: s.start),
        used_techniques=[(t, DISPLAY_NAMES[t], DEFINITIONS[t], counts[t], TECHNIQUE_INDEX[t]) for t in used],
        all_techniques=[(t, DISPLAY_NAMES[t], DEFINITIONS[t], TECHNIQUE_INDEX[t]) for t in DISPLAY_NAMES],
        display_names=DISPLAY_NAMES,
        attributions=analysis.attributions,
        sourcing=analysis.summary.get("sourcing"),
        segment_names=SEGMENT_NAMES,
        nonce=secrets.token_urlsafe(16),
        version=__version__,
        engine=analysis.engine,
    )
