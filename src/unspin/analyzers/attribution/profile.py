"""The sourcing profile: whom an article relies on, its links, and how much of it is attributed
to anyone (the JSON's `summary.sourcing`)."""

from __future__ import annotations

from collections import defaultdict

from ...document import Document, Layer, Relations
from ...findings import UNNAMED_SOURCE
from ...readers.links import Link


def sourcing_profile(doc: Document) -> dict:
    """Whom the article relies on, its links, and how much of it is attributed to anyone."""
    attributions = doc.related(Relations.ATTRIBUTIONS)
    sentences = [(s.start, s.end) for s in doc.layer(Layer.SENTENCES)]
    by_source: dict[tuple[str, str], list[int]] = defaultdict(list)
    covered: list[tuple[int, int]] = []
    for index, a in enumerate(attributions):
        source = a.first("source")
        name = a.attrs.get("source_name") or (source.text if source else UNNAMED_SOURCE)
        by_source[(name, a.attrs.get("source_type") or "unknown")].append(index)
        covered += [(part.start, part.end) for part in a.spans()]
    attributed = [s for s in sentences if any(a < s[1] and s[0] < b for a, b in covered)]
    attributed_set = set(attributed)
    author_only = [s for s in sentences if s not in attributed_set]
    regions = doc.content_regions()
    links = [link.cited_json() for link in Link.read(doc) if any(a <= link.start and link.end <= b for a, b in regions)]
    return {
        "sources": [
            {"name": name, "type": kind, "count": len(indices), "attributions": indices}
            for (name, kind), indices in sorted(by_source.items(), key=lambda item: -len(item[1]))
        ],
        "links": links,
        "sentences": len(sentences),
        "attributed_sentences": len(attributed),
        "share_attributed": round(len(attributed) / len(sentences), 3) if sentences else 0.0,
        "share_author_only": round(len(author_only) / len(sentences), 3) if sentences else 0.0,
        "author_only_sentences": [doc.span(a, b).to_json() for a, b in author_only],
    }
