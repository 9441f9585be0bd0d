"""Rewrite tests/fixtures/golden/*.json from the current code and shipped models.

Run it only when a change to the analysis@1 output is intended (a new model ships); the diff of
the golden files is then the change to review.   .venv/bin/python scripts/golden.py
"""

from pathlib import Path

from unspin.options import Options
from unspin.pipeline import Pipeline
from unspin.readers import read_file
from unspin.render.json import to_json

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "src/unspin/examples/how-the-bypass-was-sold.md",
           *(ROOT / "tests/fixtures/structure" / name for name in
             ("html-news.html", "wire-ap.txt", "oped-markdown.md", "crlf-windows.txt", "opinion-colon-quote.txt"))]

if __name__ == "__main__":
    import os

    os.chdir(ROOT)  # source.path is written relative to the repository
    full = Pipeline.from_options(Options(claims=False))
    structure = Pipeline.from_options(Options(techniques=False, attribution=False, claims=False))
    for source in SOURCES:
        for kind, pipeline in (("full", full), ("structure", structure)):
            target = ROOT / "tests/fixtures/golden" / f"{source.stem}.{kind}.json"
            target.write_text(to_json(pipeline(read_file(source.relative_to(ROOT)))) + "\n", encoding="utf-8")
            print("wrote", target.relative_to(ROOT))
