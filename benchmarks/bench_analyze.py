"""Speed and memory of `unspin analyze` on PTC's unlabelled articles, on a fixed thread count.

Prints: model load time, articles/s and tokens/s for the whole analysis, the same for the bare
ONNX encoder pass over exactly the same windows, their ratio, and peak RSS.

    python benchmarks/bench_analyze.py --data ../shared/data/ptc/unlabeled --threads 2
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ptc/unlabeled"))
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="Use only the first N articles.")
    parser.add_argument("--repeat", type=int, default=2, help="Timed passes (the best is reported).")
    args = parser.parse_args()
    os.environ["UNSPIN_THREADS"] = str(args.threads)
    os.environ["OMP_NUM_THREADS"] = str(args.threads)

    cold_start = time.perf_counter()
    from unspin.analyzers.techniques import TechniqueModel
    from unspin.analyzers.techniques.decoding import BATCH_WINDOWS
    from unspin.analyzers.techniques.tokens import sliding_windows
    from unspin.document import Document
    from unspin.pipeline import default_pipeline

    paths = sorted(args.data.glob("*.txt"))[: args.limit]
    if not paths:
        sys.exit(f"no .txt articles in {args.data}")
    texts = [p.read_text(encoding="utf-8") for p in paths]

    started = time.perf_counter()
    model = TechniqueModel.shared()
    model.session, model.tokenizer, model.head  # noqa: B018 - load everything now
    load_s = time.perf_counter() - started

    pipeline = default_pipeline()
    pipeline(Document(text=texts[0]))  # warm-up: spaCy import, first ONNX run
    first_s = time.perf_counter() - cold_start

    def whole(run=pipeline) -> float:
        t0 = time.perf_counter()
        for text in texts:
            run(Document(text=text))
        return time.perf_counter() - t0

    # The encoder alone, over the very windows the pipeline feeds it.
    batches = []
    n_tokens = 0
    for text in texts:
        doc = pipeline.analyzers[0](Document(text=text))
        tokens = model.tokenizer.tokenize(text, doc.content_regions())
        n_tokens += len(tokens)
        windows = sliding_windows(len(tokens))
        windows.sort(key=lambda w: w.last - w.first, reverse=True)
        for b in range(0, len(windows), BATCH_WINDOWS):
            batches.append(model.tokenizer.window_inputs(tokens, windows[b : b + BATCH_WINDOWS]))

    def encoder_only() -> float:
        t0 = time.perf_counter()
        for ids, mask in batches:
            model.encoder(ids, mask)
        return time.perf_counter() - t0

    whole_s = min(whole() for _ in range(args.repeat))
    without_attribution = default_pipeline(attribution=False)
    techniques_s = min(whole(without_attribution) for _ in range(args.repeat))
    encoder_s = min(encoder_only() for _ in range(args.repeat))
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(texts)
    print(f"articles            {n} ({n_tokens:,} sub-word tokens of article text), {args.threads} threads")
    print(f"model load          {load_s:.2f} s (ONNX session, tokenizer, heads)")
    print(f"first analysis      {first_s:.2f} s after the import of unspin (cold start)")
    print(f"analyze (whole)     {n / whole_s:.2f} articles/s, {n_tokens / whole_s:,.0f} tokens/s ({whole_s:.1f} s)")
    print(f"without attribution {n / techniques_s:.2f} articles/s ({techniques_s:.1f} s): attribution adds "
          f"{100 * (whole_s / techniques_s - 1):.0f}%")
    print(f"bare ONNX encoder   {n / encoder_s:.2f} articles/s, {n_tokens / encoder_s:,.0f} tokens/s ({encoder_s:.1f} s)")
    print(f"pipeline / encoder  {whole_s / encoder_s:.2f}x")
    print(f"peak RSS            {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
