"""Body versus boilerplate on real pages as readers copy them: unspin on the copies against
trafilatura on the HTML, the four figures of issue 22, on every page, on the validation pages
the line classifier never trained on, and on its training pages; where the article's lines and
trafilatura's extraction part, in characters; how often the title, author,
date and outlet unspin reads from a copy agree with trafilatura's reading of the page's HTML; and the
structure layer's time. Under each row, the range each figure spans on 90% of 2,000 resamplings of
the pages (a bootstrap): how precisely a few dozen pages measure it.

    python benchmarks/bench_structure.py --data ../shared/data/webcopy [--whole]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from unspin.webcopy import agreement, read_pages, score, score_metadata

COLUMNS = ("article_kept", "boilerplate_left_out", "f1", "pages_right")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/webcopy"))
    parser.add_argument("--whole", action="store_true",
                        help="also time the whole analysis of every copy (default model set), for structure's share")
    args = parser.parse_args()
    pages = read_pages(args.data)
    if any(page.inside or page.outside for page in pages):
        print(f"{'pages':<12}{'who':<28}" + "".join(f"{c:>22}" for c in COLUMNS))
        for split in ("validation", "training", "all"):
            for who, figures in score(args.data, split).items():
                right = f"{figures['pages_right']} of {figures['pages']}"
                values = [figures["article_kept"], figures["boilerplate_left_out"], figures["f1"]]
                print(f"{split:<12}{who:<28}" + "".join(f"{v:>22.3f}" for v in values) + f"{right:>22}")
                ranges = [figures["interval"][c] for c in COLUMNS[:3]]
                print(f"{'':<12}{'  90% interval over pages':<28}" + "".join(f"{f'{lo:.3f} - {hi:.3f}':>22}" for lo, hi in ranges))
                if figures.get("refused"):
                    print(f"{'':<12}{figures['refused']} of these copies refused by unspin (over a limit), "
                          "scored as if it kept nothing")
    else:  # scripts/more_pages.py's folders: pages and copies, no snippets to score the article by
        print(f"{args.data}: no evaluation snippets, so no article figures; the metadata below still compares")

    print("\nthe article's lines against trafilatura's extraction of the HTML (its comments left out), in characters:"
          "\nwhere the two part, denser than the snippets (trafilatura errs too: a guide, not a score)")
    print(f"{'pages':<12}" + "".join(f"{c:>24}" for c in ("article in extraction", "(characters not)",
                                                          "extraction kept", "(characters missed)")))
    for split, figures in agreement(args.data).items():
        print(f"{split:<12}{figures['in_extraction']:>24.3f}{figures['characters_not']:>24,}"
              f"{figures['of_extraction_kept']:>24.3f}{figures['characters_missed']:>24,}")

    print("\nthe copy's metadata against trafilatura's reading of the HTML (pages where it found one)")
    print(f"{'pages':<12}" + "".join(f"{c:>16}" for c in ("title", "author", "date", "outlet")))
    for split in ("validation", "training", "all"):
        figures = score_metadata(args.data, split)
        print(f"{split:<12}" + "".join(f"{figures[c]:>16}" for c in ("title", "author", "date", "outlet")))

    from unspin.analyzers.structure import StructureAnalyzer
    from unspin.errors import InputError
    from unspin.readers import from_text

    docs = []
    for page in pages:
        try:
            docs.append(from_text(page.copy, id=page.id))
        except InputError:  # refused (over a limit): not timed
            continue
    analyzer = StructureAnalyzer()
    started = time.perf_counter()
    for doc in docs:
        analyzer(doc)
    elapsed = time.perf_counter() - started
    chars = sum(len(d.text) for d in docs)
    print(f"\nstructure layer: {len(docs)} copies, {chars:,} characters in {elapsed:.2f} s "
          f"({1000 * elapsed / len(docs):.1f} ms a page, {chars / elapsed / 1e6:.2f} M characters/s)")
    if args.whole:
        from unspin.pipeline import Pipeline, analyze

        pipeline = Pipeline.from_options()
        analyze(docs[0].text, pipeline=pipeline)  # models loaded before the clock starts
        started = time.perf_counter()
        for doc in docs:
            analyze(doc.text, pipeline=pipeline)
        whole = time.perf_counter() - started
        print(f"whole analysis: {1000 * whole / len(docs):.0f} ms a copy; structure {100 * elapsed / whole:.1f}% of it "
              f"(the structure time above, measured apart)")


if __name__ == "__main__":
    main()
