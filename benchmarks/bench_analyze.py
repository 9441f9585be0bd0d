"""Speed and memory of the whole analysis on PTC's unlabelled articles, on a fixed thread count.

Prints model load time; articles/s for the whole analysis one document at a time and through
`Pipeline.pipe` (batches of documents through each component); each component's share of the
time, and NER source typing's inside attribution, timed inside one pass (so that the machine's
drift between runs cannot fall on one side of a comparison); the bare ONNX encoder pass over the
same windows; their ratio; and peak RSS.

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

    def by_component(run: Pipeline) -> tuple[float, dict[str, float]]:
        """Seconds of one pass, one document at a time, and the seconds spent in each component
        (and in NER source typing, inside attribution)."""
        from collections import defaultdict

        from unspin.analyzers.attribution import analyzer as attribution
        from unspin.analyzers.threads import single_threaded_blas

        spent: dict[str, float] = defaultdict(float)
        typing = attribution._entity_types

        def timed_typing(*args):
            t = time.perf_counter()
            types = typing(*args)
            spent["NER typing"] += time.perf_counter() - t
            return types

        attribution._entity_types = timed_typing
        try:
            t0 = time.perf_counter()
            with single_threaded_blas():  # as Pipeline.pipe runs them
                for text in texts:
                    doc = Document(text=text)
                    for component in run.components:
                        t = time.perf_counter()
                        component(doc)
                        spent[component.name] += time.perf_counter() - t
                    t = time.perf_counter()
                    run.summarize(doc)
                    spent["summary"] += time.perf_counter() - t
            return time.perf_counter() - t0, spent
        finally:
            attribution._entity_types = typing

    best = lambda measure, *a: min(measure(*a) for _ in range(args.repeat))  # noqa: E731
    whole_s = best(one_at_a_time, pipeline)
    pipe_s = best(piped, pipeline)
    pass_s, spent = by_component(pipeline)
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
    shares = ", ".join(f"{name} {100 * seconds / pass_s:.1f}%" for name, seconds in
                       sorted(spent.items(), key=lambda item: -item[1]) if name != "NER typing")
    print(f"time by component   {shares} ({pass_s:.1f} s, one pass timed inside)")
    print(f"NER source typing   {100 * spent['NER typing'] / pass_s:.1f}% of the analysis time "
          f"({1000 * spent['NER typing'] / n:.1f} ms an article, inside attribution)")
    print(f"bare ONNX encoder   {n / encoder_s:.2f} articles/s, {n_tokens / encoder_s:,.0f} tokens/s ({encoder_s:.1f} s)")
    print(f"pipeline / encoder  {whole_s / encoder_s:.2f}x one by one, {pipe_s / encoder_s:.2f}x piped")
    print(f"peak RSS            {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
