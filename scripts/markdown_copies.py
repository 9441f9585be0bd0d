"""Markdown copies of a webcopy folder's pages, to check the structure layer on Markdown as well
as on plain copies (issue 22: "plain and Markdown copies alike").

A reader who clips a page as Markdown (a browser extension or a note-taking app's web clipper)
gets the page's DOM turned into Markdown: every link as `[text](url)`, headings as `#`, lists as
`*`. This writes, for each `pages/<id>.html` of a folder in webcopy's layout, such a copy of the
page's body (markdownify, ATX headings; scripts, styles, frames and elements hidden by the
`hidden` attribute or an inline `display: none` left out) as `copies/<id>.txt` of a new folder,
with the same `labels.jsonl` and a link to the same pages, so that
`benchmarks/bench_structure.py --data OUTPUT` scores it like the plain copies.

    pip install markdownify beautifulsoup4
    .venv/bin/python scripts/markdown_copies.py --data ../shared/data/webcopy --output ../cache/webcopy-md

The pages belong to their sites: keep the output outside the repository.
"""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_DROPPED = ["script", "style", "noscript", "template", "svg", "iframe", "head", "object", "embed"]


def markdown_copy(html: str) -> str:
    from bs4 import BeautifulSoup
    from markdownify import MarkdownConverter

    soup = BeautifulSoup(html, "html.parser")
    for element in soup(_DROPPED):
        element.decompose()
    for element in soup.find_all(lambda tag: tag.has_attr("hidden") or _HIDDEN_STYLE.search(tag.get("style") or "")):
        element.decompose()
    markdown = MarkdownConverter(heading_style="ATX", bullets="*").convert_soup(soup.body or soup)
    return re.sub(r"\n{3,}", "\n\n", markdown).strip() + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/webcopy"))
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    (args.output / "copies").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(args.data / "labels.jsonl", args.output / "labels.jsonl")
    pages = args.output / "pages"
    if not pages.exists():
        pages.symlink_to((args.data / "pages").resolve(), target_is_directory=True)
    written = 0
    for page in sorted((args.data / "pages").glob("*.html")):
        html = page.read_text(encoding="utf-8", errors="replace")
        (args.output / "copies" / f"{page.stem}.txt").write_text(markdown_copy(html), encoding="utf-8")
        written += 1
    print(f"{written} Markdown copies in {args.output / 'copies'}")


if __name__ == "__main__":
    main()
