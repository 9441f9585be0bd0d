"""Speed and memory of the whole analysis on PTC's unlabelled articles, on a fixed thread count.

Prints model load time; articles/s for the whole analysis one document at a time and through
`Pipeline.pipe` (batches of documents through each component); the cost of the claims and
attribution layers and of NER source typing; the bare ONNX encoder pass over the same windows;
their ratio; and peak RSS.

    python benchmarks/bench_analyze.py --data ../shared/data/ptc/unlabeled --threads 2
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ptc/unlabeled"))
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="Use only the first N articles.")
    parser.add_argument("--repeat", type=int, default=2, help="Timed passes (the best is reported).")
    parser.add_argument("--batch-size", type=int, default=16, help="Documents per Pipeline.pipe batch.")
    args = parser.parse_args()
    os.environ["UNSPIN_THREADS"] = str(args.threads)
    os.environ["OMP_NUM_THREADS"] = str(args.threads)

    cold_start = time.perf_counter()
    from articles import read_articles
    from encoder_pass import encoder_batches, time_encoder

    from unspin.analyzers.encoder import EncoderModel
    from unspin.document import Document
    from unspin.options import Options
    from unspin.pipeline import Pipeline

    texts = read_articles(args.data, args.limit)

    started = time.perf_counter()
    pipeline = Pipeline.from_options(Options(threads=args.threads)).load()
    model = EncoderModel.shared()
    load_s = time.perf_counter() - started
    pipeline(Document(text=texts[0]))  # warm-up: spaCy import, first ONNX run
    first_s = time.perf_counter() - cold_start

    def one_at_a_time(run: Pipeline) -> float:
        t0 = time.perf_counter()
        for text in texts:
            run(Document(text=text))
        return time.perf_counter() - t0

    def piped(run: Pipeline) -> float:
        t0 = time.perf_counter()
        for _ in run.pipe((Document(text=text) for text in texts), batch_size=args.batch_size):
            pass
        return time.perf_counter() - t0

    # The encoder alone, over the very windows the one-at-a-time pipeline feeds it.
    batches, n_tokens = encoder_batches(texts, model)

    def encoder_only() -> float:
        return time_encoder(model, batches)

    best = lambda measure, *a: min(measure(*a) for _ in range(args.repeat))  # noqa: E731
    # NER source typing, A/B: the same pipeline without it, timed in turn with the whole one so
    # that the machine's drift between runs falls on both alike.
    from unspin.analyzers.attribution.analyzer import AttributionAnalyzer

    untyped = Pipeline([AttributionAnalyzer(type_entities=False) if c.name == "attribution" else c
                        for c in pipeline.components])
    whole_runs, untyped_runs = [], []
    for _ in range(args.repeat):
        whole_runs.append(one_at_a_time(pipeline))
        untyped_runs.append(one_at_a_time(untyped))
    whole_s, untyped_s = min(whole_runs), min(untyped_runs)
    pipe_s = best(piped, pipeline)
    no_claims = Pipeline.from_options(Options(threads=args.threads, claims=False))
    no_claims_s = best(one_at_a_time, no_claims)
    no_attribution = Pipeline.from_options(Options(threads=args.threads, claims=False, attribution=False))
    no_attribution_s = best(one_at_a_time, no_attribution)
    encoder_s = best(encoder_only)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(texts)
    print(f"articles            {n} ({n_tokens:,} sub-word tokens of article text), {args.threads} threads")
    print(f"components          {', '.join(pipeline.names)}")
    print(f"model load          {load_s:.2f} s (Pipeline.load: ONNX session, tokenizer, heads, sentencizer, NER)")
    print(f"first analysis      {first_s:.2f} s after the import of unspin (cold start)")
    print(f"analyze, one by one {n / whole_s:.2f} articles/s, {n_tokens / whole_s:,.0f} tokens/s ({whole_s:.1f} s)")
    print(f"Pipeline.pipe       {n / pipe_s:.2f} articles/s ({pipe_s:.1f} s, batches of {args.batch_size}): "
          f"{whole_s / pipe_s:.2f}x one by one")
    print(f"without claims      {n / no_claims_s:.2f} articles/s ({no_claims_s:.1f} s): claims add "
          f"{100 * (whole_s / no_claims_s - 1):.0f}%")
    print(f"without attribution {n / no_attribution_s:.2f} articles/s ({no_attribution_s:.1f} s, no claims either): "
          f"attribution adds {100 * (no_claims_s / no_attribution_s - 1):.0f}%")
    print(f"without NER typing  {n / untyped_s:.2f} articles/s ({untyped_s:.1f} s, timed in turn with the whole): "
          f"NER source typing is {100 * (1 - untyped_s / whole_s):.1f}% of the analysis time")
    print(f"bare ONNX encoder   {n / encoder_s:.2f} articles/s, {n_tokens / encoder_s:,.0f} tokens/s ({encoder_s:.1f} s)")
    print(f"pipeline / encoder  {whole_s / encoder_s:.2f}x one by one, {pipe_s / encoder_s:.2f}x piped")
    print(f"peak RSS            {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
