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
from ..findings import NO_SOURCE_GIVEN, UNNAMED_SOURCE
from ..analyzers.techniques.labels import (
    DEFINITIONS,
    DISPLAY_NAMES,
    TECHNIQUE_COLOURS,
    TECHNIQUE_INDEX,
)
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
        detail = SEGMENT_NAMES.get(s.kind, s.kind)
        if s.type:
            detail += f" ({s.type})"
        marks.append(Marked("segments", s.start, s.end, s.kind, {"title": detail}))
    floor = min_technique_score(analysis)
    for t in analysis.techniques:
        name = DISPLAY_NAMES.get(t.technique, t.technique)
        low = t.score < floor
        marks.append(Marked("techniques", t.start, t.end, t.technique, {
            "title": f"{name} ({t.score:.2f}{', less certain' if low else ''}): {DEFINITIONS.get(t.technique, '')}",
            "index": TECHNIQUE_INDEX.get(t.technique, 0), "low": low, "score": t.score,
        }))
    claim_floor = min_claim_score(analysis)
    for c in analysis.claims:
        cited = f"attributed to {c.source_name or UNNAMED_SOURCE}" if c.attributed else NO_SOURCE_GIVEN
        low = c.score < claim_floor
        marks.append(Marked("claims", c.start, c.end, "claim", {
            "title": f"Check-worthy claim ({c.score:.2f}{', less certain' if low else ''}), {cited}", "low": low}))
    for a in analysis.attributions:
        speaker = a.source_name or (a.source.text if a.source else None) or UNNAMED_SOURCE
        for part in a.content:
            marks.append(Marked("attributions", part.start, part.end, "content",
                                {"title": f"{a.kind.capitalize()} attribution to {speaker} ({a.source_type or 'unknown'})"}))
        for role, span in (("source", a.source), ("cue", a.cue)):
            if span is not None:
                marks.append(Marked("attributions", span.start, span.end, role,
                                    {"title": f"{'Source' if role == 'source' else 'Cue'}: {speaker}"}))
    for s in analysis.summary.get("sourcing", {}).get("author_only_sentences", []):
        marks.append(Marked("author", s["start"], s["end"], "author", {"title": "Asserted by the author; no source cited"}))
    for link in analysis.links:
        marks.append(Marked("links", link.start, link.end, "link", {"href": safe_href(link.url), "url": link.url or ""}))
    return marks


def min_technique_score(analysis: Analysis) -> float:
    """Technique spans scoring below this are shown only on request (0: all are shown)."""
    return float(analysis.engine.get("shown_by_default", {}).get("techniques", {}).get("min_score", 0.0))


def min_claim_score(analysis: Analysis) -> float:
    """Claims scoring below this are shown only on request (0: all are shown): the calibrated
    `min_score`, raised where needed so that at most `max_share` of the article's sentences are
    shown by default, the highest scoring first (an opinion piece asserts a lot)."""
    shown = analysis.engine.get("shown_by_default", {}).get("claims", {})
    floor = float(shown.get("min_score", 0.0))
    sentences = analysis.summary.get("techniques", {}).get("sentences", 0)
    if shown.get("max_share") and sentences:
        room = max(1, int(shown["max_share"] * sentences))
        above = sorted((c.score for c in analysis.claims if c.score >= floor), reverse=True)
        if len(above) > room:
            floor = max(floor, above[room - 1] + 1e-9 if above[room - 1] == above[room] else above[room - 1])
    return floor


def claim_anchor(index: int) -> str:
    return f"claim-{index + 1}"


def _render_pieces(analysis: Analysis) -> list[dict]:
    out = []
    anchors = {c.start: claim_anchor(i) for i, c in enumerate(analysis.claims)}
    for piece in pieces(analysis.text, _marks(analysis)):
        classes, titles = [], []
        href = None
        technique = None
        certain = [m for m in piece.marks if m.layer == "techniques" and not m.info["low"]]
        for m in certain + [m for m in piece.marks if not (m.layer == "techniques" and not m.info["low"])]:
            if m.layer == "segments":
                classes.append(f"seg-{m.label}")
            elif m.layer == "techniques":
                classes.append("t")
                technique = technique if technique is not None else m.info["index"]
                if not certain:
                    classes.append("low")
            elif m.layer == "claims":
                classes.append("c low-claim" if m.info["low"] else "c")
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
        anchor = anchors.pop(piece.start, None) if any(m.layer == "claims" for m in piece.marks) else None
        scores = [m.info["score"] for m in piece.marks if m.layer == "techniques"]
        out.append({"text": piece.text, "classes": " ".join(dict.fromkeys(classes)), "title": "\n".join(titles), "anchor": anchor,
                    "score": f"{max(scores):.4f}" if scores else None,
                    "href": href, "focusable": any(m.layer in ("techniques", "claims", "attributions", "author") for m in piece.marks)})
    return out


def to_html(analysis: Analysis) -> str:
    meta = analysis.meta
    counts = Counter(t.technique for t in analysis.techniques)
    used = [t for t in DISPLAY_NAMES if counts.get(t)]
    template = _env.get_template("report.html.j2")
    return template.render(
        analysis=analysis,
        title=meta.title.text if meta.title else analysis.id,
        authors=[a.text for a in meta.authors],
        published=meta.published,
        outlet=meta.outlet.text if meta.outlet else None,
        tags=[t.text for t in meta.tags],
        pieces=_render_pieces(analysis),
        summary=analysis.summary,
        techniques=sorted(analysis.techniques, key=lambda t: t.start),
        used_techniques=[(t, DISPLAY_NAMES[t], DEFINITIONS[t], counts[t], TECHNIQUE_INDEX[t]) for t in used],
        all_techniques=[(t, DISPLAY_NAMES[t], DEFINITIONS[t], TECHNIQUE_INDEX[t]) for t in DISPLAY_NAMES],
        display_names=DISPLAY_NAMES,
        attributions=analysis.attributions,
        technique_floor=min_technique_score(analysis),
        claim_floor=min_claim_score(analysis),
        claims_shown_by_default=analysis.engine.get("shown_by_default", {}).get("claims"),
        unnamed=UNNAMED_SOURCE,
        no_source=NO_SOURCE_GIVEN,
        colours=TECHNIQUE_COLOURS,
        shown_by_default=analysis.engine.get("shown_by_default", {}).get("techniques"),
        claims=[(rank, c, claim_anchor(i)) for rank, (i, c) in
                enumerate(sorted(enumerate(analysis.claims), key=lambda item: -item[1].score), 1)],
        sourcing=analysis.summary.get("sourcing"),
        segment_names=SEGMENT_NAMES,
        nonce=secrets.token_urlsafe(16),
        version=__version__,
        engine=analysis.engine,
    )
