"""Scoring body versus boilerplate on real pages as readers copy them (`webcopy` layout).

A folder holds `pages/<id>.html` (the page), `copies/<id>.txt` (the page as a reader copies it
from a browser tab) and `labels.jsonl` (per page, `with`: snippets of the article, `without`:
snippets that are not). A snippet counts only where it occurs in the copy (whitespace collapsed,
lower case). "Article kept" is the share of `with` snippets inside the text unspin keeps as the
article (body, heading and quote-block segments); "boilerplate left out" the share of `without`
snippets outside it; F1 of the two; and the pages with every snippet right. trafilatura on the
HTML is scored the same way, as the anchor.

    unspin structure score ../shared/data/webcopy
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

ARTICLE_SEGMENTS = ("body", "heading", "quote_block")
_SPACE = re.compile(r"\s+")


def normalised(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


@dataclass
class Page:
    id: str
    copy: str
    html_path: Path
    inside: list[str]  # `with` snippets
    outside: list[str]  # `without` snippets


def read_pages(folder: Path) -> list[Page]:
    pages = []
    for line in (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        copy = folder / "copies" / f"{row['id']}.txt"
        if copy.exists():
            pages.append(Page(row["id"], copy.read_text(encoding="utf-8"), folder / "pages" / f"{row['id']}.html",
                              row.get("with", []), row.get("without", [])))
    return pages


def is_validation(page_id: str) -> bool:
    """About a quarter of the pages, chosen by a hash of the id: never trained on."""
    return zlib.crc32(page_id.encode()) % 4 == 0


@dataclass
class Score:
    kept: int = 0
    inside: int = 0
    left_out: int = 0
    outside: int = 0
    pages_right: int = 0
    pages: int = 0

    def add(self, copy: str, article: str, page: Page) -> None:
        copy, article = normalised(copy), normalised(article)
        inside = [s for s in map(normalised, page.inside) if s and s in copy]
        outside = [s for s in map(normalised, page.outside) if s and s in copy]
        kept = sum(s in article for s in inside)
        left_out = sum(s not in article for s in outside)
        self.kept += kept
        self.inside += len(inside)
        self.left_out += left_out
        self.outside += len(outside)
        self.pages += 1
        self.pages_right += kept == len(inside) and left_out == len(outside)

    def figures(self) -> dict:
        kept = self.kept / self.inside if self.inside else 1.0
        left_out = self.left_out / self.outside if self.outside else 1.0
        f1 = 2 * kept * left_out / (kept + left_out) if kept + left_out else 0.0
        return {"article_kept": round(kept, 3), "boilerplate_left_out": round(left_out, 3), "f1": round(f1, 3),
                "pages_right": self.pages_right, "pages": self.pages}


def article_text(analysis) -> str:
    """What unspin keeps as the article: its body, heading and quote-block segments, in order."""
    return "\n".join(s.text for s in analysis.segments if s.kind in ARTICLE_SEGMENTS)


def trafilatura_article(html_path: Path) -> str:
    import trafilatura

    return trafilatura.extract(html_path.read_text(encoding="utf-8", errors="replace")) or ""


def score(folder: Path, split: str = "all", trafilatura: bool = True) -> dict[str, dict]:
    """The four figures for unspin on the copies and for trafilatura on the HTML, on `split`
    ("all", "validation" or "training" pages)."""
    from .options import Options
    from .pipeline import Pipeline, analyze

    pipeline = Pipeline.from_options(Options(techniques=False, attribution=False, claims=False))
    pages = [p for p in read_pages(folder)
             if split == "all" or (split == "validation") == is_validation(p.id)]
    ours, anchor = Score(), Score()
    for page in pages:
        ours.add(page.copy, article_text(analyze(page.copy, id=page.id, pipeline=pipeline)), page)
        if trafilatura:
            anchor.add(page.copy, trafilatura_article(page.html_path), page)
    out = {"unspin on the copy": ours.figures()}
    if trafilatura:
        out["trafilatura on the HTML"] = anchor.figures()
    return out
