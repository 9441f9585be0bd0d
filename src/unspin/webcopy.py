"""Scoring body versus boilerplate on real pages as readers copy them (`webcopy` layout).

A folder holds `pages/<id>.html` (the page), `copies/<id>.txt` (the page as a reader copies it
from a browser tab) and `labels.jsonl` (per page, `with`: snippets of the article, `without`:
snippets that are not). A snippet counts only where it occurs in the copy (whitespace collapsed,
lower case). "Article kept" is the share of `with` snippets inside the text unspin keeps as the
article (body, heading and quote-block segments); "boilerplate left out" the share of `without`
snippets outside it; F1 of the two; and the pages with every snippet right. trafilatura on the
HTML is scored the same way, as the anchor.

    python benchmarks/bench_structure.py --data ../shared/data/webcopy
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

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


def pages_of(folder: Path, split: str = "all") -> list[Page]:
    """The pages of `split`: "all", "validation" or "training"."""
    return [p for p in read_pages(folder) if split == "all" or (split == "validation") == is_validation(p.id)]


def is_validation(page_id: str) -> bool:
    """About a quarter of the pages, chosen by a hash of the id: never trained on."""
    return zlib.crc32(page_id.encode()) % 4 == 0


@dataclass
class Score:
    counts: list[tuple[int, int, int, int]] = field(default_factory=list)  # a page's kept, inside, left out, outside
    refused: int = 0  # copies unspin refused (over a limit): scored as if it kept nothing

    def add(self, copy: str, article: str, page: Page) -> None:
        copy, article = normalised(copy), normalised(article)
        inside = [s for s in map(normalised, page.inside) if s and s in copy]
        outside = [s for s in map(normalised, page.outside) if s and s in copy]
        kept = sum(s in article for s in inside)
        left_out = sum(s not in article for s in outside)
        self.counts.append((kept, len(inside), left_out, len(outside)))

    def add_analysis(self, page: Page, analysis) -> None:
        """Score unspin's analysis of the page's copy; None (a copy it refused) kept nothing."""
        self.add(page.copy, article_text(analysis) if analysis is not None else "", page)
        self.refused += analysis is None

    def figures(self) -> dict:
        counts = np.array(self.counts, dtype=np.float64).reshape(-1, 4)
        kept, left_out, f1 = (round(float(rate), 3) for rate in _rates(counts.sum(axis=0)))
        right = sum(kept_here == inside and left_here == outside for kept_here, inside, left_here, outside in self.counts)
        return {"article_kept": kept, "boilerplate_left_out": left_out, "f1": f1,
                "pages_right": right, "pages": len(self.counts), "refused": self.refused}

    def interval(self, level: float = 0.9, draws: int = 2000, seed: int = 0) -> dict[str, tuple[float, float]]:
        """How far article kept, boilerplate left out and F1 could move on other pages like these: the
        central `level` of each figure over `draws` samples of the pages drawn with replacement (a
        percentile bootstrap over pages, as snippets of one page stand or fall together)."""
        if not self.counts:
            return {}
        counts = np.array(self.counts, dtype=np.float64)
        drawn = np.random.default_rng(seed).integers(0, len(counts), size=(draws, len(counts)))
        tail = 100 * (1 - level) / 2
        return {name: (round(float(np.percentile(values, tail)), 3), round(float(np.percentile(values, 100 - tail)), 3))
                for name, values in zip(("article_kept", "boilerplate_left_out", "f1"), _rates(counts[drawn].sum(axis=1)))}


def _rates(totals: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Article kept, boilerplate left out and their F1 from summed counts (kept, inside, left out,
    outside) along the last axis; a share with no snippet to count is 1.0."""
    kept_here, inside, left_here, outside = np.moveaxis(totals, -1, 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        kept = np.where(inside > 0, kept_here / inside, 1.0)
        left_out = np.where(outside > 0, left_here / outside, 1.0)
        f1 = np.where(kept + left_out > 0, 2 * kept * left_out / (kept + left_out), 0.0)
    return kept, left_out, f1


def article_text(analysis) -> str:
    """What unspin keeps as the article: its body, heading and quote-block segments, in order."""
    return "\n".join(s.text for s in analysis.segments if s.kind in ARTICLE_SEGMENTS)


def trafilatura_article(html_path: Path, comments: bool = True) -> str:
    """trafilatura's extraction of the page's HTML (with the readers' comments it finds, as the issue's
    anchor was scored, unless `comments` is False)."""
    import trafilatura

    return trafilatura.extract(html_path.read_text(encoding="utf-8", errors="replace"), include_comments=comments) or ""


def trafilatura_metadata(html_path: Path) -> dict[str, str]:
    """The page's title, first author, date (YYYY-MM-DD) and site name as trafilatura reads its
    HTML ("" where none)."""
    import trafilatura

    found = trafilatura.extract_metadata(html_path.read_text(encoding="utf-8", errors="replace"))
    if found is None:
        return {"title": "", "author": "", "date": "", "outlet": ""}
    return {"title": found.title or "", "author": (found.author or "").split(";")[0].strip(),
            "date": (found.date or "")[:10], "outlet": found.sitename or ""}


def same_title(ours: str, theirs: str) -> bool:
    """Whether two titles agree: equal once normalised, or one opens the other with at least three
    words, or makes up most of it (an HTML title often adds or drops the site's name or a
    subtitle; "Home" opens many a title and agrees with none)."""
    ours, theirs = normalised(ours), normalised(theirs)
    if not ours or not theirs:
        return False
    shorter, longer = sorted((ours, theirs), key=len)
    return (ours == theirs or (longer.startswith(shorter) and len(shorter.split()) >= 3)
            or (shorter in longer and len(shorter) > 0.6 * len(longer)))


@dataclass
class MetadataScore:
    """How often unspin's title, authors, date and outlet of the copy agree with trafilatura's
    reading of the HTML, over the pages where trafilatura found one (and, but for the date, where
    it occurs in the copy, so that a copy could show it). An author or an outlet agrees where one
    name holds the other as whole words ("Ann Lee" and "ann lee, ap"; "The New York Times" and "the
    new york times company"; "on" is not "Polygon", "AP" is not "Chapman")."""

    counts: dict = field(default_factory=lambda: {k: [0, 0] for k in ("title", "author", "date", "outlet")})

    def add(self, copy: str, analysis, page: Page) -> None:
        """`analysis` None: unspin refused the copy, and found nothing."""
        from .document import Document, Layer

        theirs = trafilatura_metadata(page.html_path)
        copy = normalised(copy)
        document = analysis.document if analysis is not None else Document(text="")
        title = document.layer(Layer.TITLE)
        authors = [normalised(s.text) for s in document.layer(Layer.AUTHORS)]
        if theirs["title"] and normalised(theirs["title"]) in copy:
            self._count("title", bool(title) and same_title(title[0].text, theirs["title"]))
        author = normalised(theirs["author"])
        if author and author in copy:
            self._count("author", any(same_name(ours, author) for ours in authors))
        if theirs["date"]:
            self._count("date", (document.meta.get("published") or "")[:10] == theirs["date"])
        outlet, ours = normalised(theirs["outlet"]), document.layer(Layer.OUTLET)
        if outlet and outlet in copy:
            name = normalised(ours[0].text) if ours else ""
            self._count("outlet", bool(name) and same_name(name, outlet))

    def _count(self, what: str, right: bool) -> None:
        self.counts[what][0] += right
        self.counts[what][1] += 1

    def figures(self) -> dict:
        return {what: f"{right} of {total}" for what, (right, total) in self.counts.items()}


def score(folder: Path, split: str = "all", trafilatura: bool = True) -> dict[str, dict]:
    """The four figures for unspin on the copies and for trafilatura on the HTML, on `split`
    ("all", "validation" or "training" pages), each with its 90% bootstrap interval over pages
    (`Score.interval`)."""
    ours, anchor = Score(), Score()
    for page, analysis in _structure_analyses(folder, split):
        ours.add_analysis(page, analysis)
        if trafilatura:
            anchor.add(page.copy, trafilatura_article(page.html_path), page)
    out = {"unspin on the copy": {**ours.figures(), "interval": ours.interval()}}
    if trafilatura:
        out["trafilatura on the HTML"] = {**anchor.figures(), "interval": anchor.interval()}
    return out


EXTRACTION_LINE = 16  # characters of an extraction's shortest line that counts ("Share" or "Contact" is in any page)


@dataclass
class Agreement:
    """Where the article unspin keeps from a copy and trafilatura's extraction of the page's HTML (its
    readers' comments left out) agree, line by line, in characters: of unspin's article lines, the
    share the extraction holds too; of the extraction's lines that the copy shows (`EXTRACTION_LINE`
    characters or more), the share unspin's article holds. Denser than the snippets, three or so a
    page, which a thread of comments or a list of other stories can escape; but trafilatura errs too
    (a table it drops, a page it misreads), so this says where unspin and the anchor part, for a
    reader to look, and scores nothing."""

    ours: int = 0  # characters of unspin's article lines
    agreeing: int = 0  # of them, in lines the extraction holds
    theirs: int = 0  # characters of the extraction's lines that the copy shows
    kept: int = 0  # of them, in lines unspin's article holds

    def add(self, copy: str, article: str, extraction: str) -> None:
        copy, extracted = normalised(copy), normalised(extraction)
        ours = [line for line in map(normalised, article.split("\n")) if line]
        theirs = [line for line in map(normalised, extraction.split("\n"))
                  if len(line) >= EXTRACTION_LINE and line in copy]
        article = " ".join(ours)  # (a paragraph the copy wraps over lines is kept whole)
        self.ours += sum(map(len, ours))
        self.agreeing += sum(len(line) for line in ours if line in extracted)
        self.theirs += sum(map(len, theirs))
        self.kept += sum(len(line) for line in theirs if line in article)

    def figures(self) -> dict:
        return {"in_extraction": round(self.agreeing / self.ours, 3) if self.ours else 1.0,
                "characters_not": self.ours - self.agreeing,
                "of_extraction_kept": round(self.kept / self.theirs, 3) if self.theirs else 1.0,
                "characters_missed": self.theirs - self.kept}


def agreement(folder: Path) -> dict[str, dict]:
    """`Agreement` on the validation, training and all pages of a folder in webcopy's layout (snippets
    or not: `scripts/more_pages.py`'s folders too), each copy analysed once."""
    by_split = {split: Agreement() for split in ("validation", "training", "all")}
    for page, analysis in _structure_analyses(folder, "all"):
        article = article_text(analysis) if analysis is not None else ""
        extraction = trafilatura_article(page.html_path, comments=False)
        for split in ("validation" if is_validation(page.id) else "training", "all"):
            by_split[split].add(page.copy, article, extraction)
    return {split: figures.figures() for split, figures in by_split.items()}


def same_name(ours: str, theirs: str) -> bool:
    """Whether two normalised names agree: one holds the other as whole words ("ann lee" and "ann
    lee, ap" agree; "on" and "polygon", "ap" and "chapman" do not)."""
    return _holds(ours, theirs) or _holds(theirs, ours)


def _holds(text: str, name: str) -> bool:
    """Whether `name` occurs in `text` as whole words."""
    return re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text) is not None


def score_metadata(folder: Path, split: str = "all") -> dict:
    """Title, author, date and outlet of unspin on the copies against trafilatura's reading of
    the HTML (`MetadataScore`), on `split`."""
    result = MetadataScore()
    for page, analysis in _structure_analyses(folder, split):
        result.add(page.copy, analysis, page)
    return result.figures()


def _structure_analyses(folder: Path, split: str):
    """Each page of `split` with the structure layer's analysis of its copy (the other layers
    off), or None where unspin refuses the copy."""
    from .options import Options
    from .pipeline import Pipeline

    pipeline = Pipeline.from_options(Options(techniques=False, attribution=False, claims=False))
    for page in pages_of(folder, split):
        yield page, analysed_copy(page, pipeline)


def analysed_copy(page: Page, pipeline):
    """`pipeline`'s analysis of the page's copy, or None where unspin refuses it (over a limit), as
    a reader would be refused."""
    from .errors import InputError
    from .pipeline import analyze

    try:
        return analyze(page.copy, id=page.id, pipeline=pipeline)
    except InputError:
        return None
