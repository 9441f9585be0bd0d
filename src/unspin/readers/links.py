"""The links layer: links kept from Markdown and HTML inputs, with where they pointed."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlparse

from ..document import Document, Layer
from ..findings import Finding, Mark, register_finding, span_from_json


def safe_href(url: str | None) -> str | None:
    """Only web and mail links become clickable; `javascript:` and the like stay text."""
    if not url:
        return None
    scheme = urlparse(url.strip()).scheme.lower()
    return url.strip() if scheme in ("http", "https", "mailto") else None


@register_finding
@dataclass(frozen=True)
class Link(Finding):
    """A link kept from Markdown or HTML: its text in the article, and where it pointed."""

    start: int
    end: int
    text: str
    url: str | None

    key = "links"
    layer = Layer.LINKS

    @classmethod
    def read(cls, doc: Document) -> list["Link"]:
        return [cls(s.start, s.end, s.text, s.attrs.get("url")) for s in doc.layer(cls.layer)]

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "url": self.url}

    def cited_json(self) -> dict:
        """The link as the summary's `sourcing.links` lists it (analysis@1 fixed that key order)."""
        return {"text": self.text, "url": self.url, "start": self.start, "end": self.end}

    @classmethod
    def write(cls, doc: Document, values: list[dict]) -> None:
        doc.set_layer(cls.layer, [span_from_json(doc, link, url=link.get("url")) for link in values])

    @classmethod
    def marks(cls, analysis) -> list[Mark]:
        return [Mark(cls.key, link.start, link.end, "link", css="link", title=f"Link: {link.url or ''}",
                     href=safe_href(link.url)) for link in analysis.links]
