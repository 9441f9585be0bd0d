"""A single self-contained HTML report: the article with each layer highlighted.

No external requests (a Content-Security-Policy forbids them); all article text and metadata
go through Jinja2's autoescaping; the page's only script carries a per-report nonce, so no
script that came from an article could run even if it slipped through.
"""

from __future__ import annotations

import secrets
from collections import Counter

from jinja2 import Environment, PackageLoader, select_autoescape

from ..analysis import Analysis
from ..analyzers.claims.findings import claim_anchor, min_claim_score
from ..analyzers.structure.findings import SEGMENT_NAMES
from ..analyzers.techniques.findings import min_technique_score
from ..analyzers.techniques.labels import (
    DEFINITIONS,
    DISPLAY_NAMES,
    TECHNIQUE_COLOURS,
    TECHNIQUE_INDEX,
)
from ..findings import NO_SOURCE_GIVEN, UNNAMED_SOURCE, Mark
from ..layers import registered
from ..readers.links import safe_href
from ..version import __version__
from .highlight import pieces

__all__ = ["to_html", "safe_href", "min_technique_score", "min_claim_score"]

_env = Environment(loader=PackageLoader("unspin", "render/templates"), autoescape=select_autoescape(default=True),
                   trim_blocks=True, lstrip_blocks=True)


def _marks(analysis: Analysis) -> list[Mark]:
    return [mark for finding in registered() for mark in finding.marks(analysis)]


def _render_pieces(analysis: Analysis) -> list[dict]:
    out = []
    for piece in pieces(analysis.text, _marks(analysis)):
        marks = sorted(piece.marks, key=lambda m: m.rank)
        classes, titles, taken = [], [], set()
        for m in marks:
            if m.exclusive is None or m.exclusive not in taken:
                classes += m.css.split()
                if m.exclusive is not None:
                    taken.add(m.exclusive)
            if m.title:
                titles.append(m.title)
        scores = [m.score for m in marks if m.score is not None]
        out.append({"text": piece.text, "classes": " ".join(dict.fromkeys(classes)), "title": "\n".join(titles),
                    "anchor": next((m.anchor for m in marks if m.anchor and m.start == piece.start), None),
                    "score": f"{max(scores):.4f}" if scores else None,
                    "href": next((m.href for m in marks if m.href), None), "focusable": any(m.focusable for m in marks)})
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
