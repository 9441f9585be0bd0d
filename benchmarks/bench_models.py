"""The two model sets side by side: load time, seconds per 1,000-word article (whole analysis,
warm, one at a time, on a fixed thread count) and peak RSS, each set in a process of its own.

Articles of about 1,000 words are made from PTC's unlabelled articles (each cut or joined to the
first 1,000 words past its title), so both sets read the same texts.

    python benchmarks/bench_models.py --data ../shared/data/ptc/unlabeled --threads 2 --articles 12
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import json, resource, sys, time
started = time.perf_counter()
from unspin.options import Options
from unspin.pipeline import Pipeline, analyze
pipeline = Pipeline.from_options(Options(model=sys.argv[1], threads=int(sys.argv[2]))).load()
loaded = time.perf_counter() - started
texts = json.loads(sys.stdin.read())
analyze(texts[0], pipeline=pipeline)  # warm
times = []
for text in texts:
    t = time.perf_counter()
    analyze(text, pipeline=pipeline)
    times.append(time.perf_counter() - t)
times.sort()
print(json.dumps({"model": sys.argv[1], "load_s": round(loaded, 2), "mean_s": round(sum(times) / len(times), 3),
                  "median_s": round(times[len(times) // 2], 3), "max_s": round(times[-1], 3),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
"""


def thousand_word_articles(folder: Path, count: int) -> list[str]:
    sys.path.insert(0, str(Path(__file__).parent))
    from articles import read_articles

    words: list[str] = []
    out = []
    for text in read_articles(folder):
        title, _, body = text.partition("\n")
        words += body.split()
        while len(words) >= 1000 and len(out) < count:
            out.append(title.strip() + "\n\n" + " ".join(words[:1000]))
            words = words[1000:]
        if len(out) == count:
            break
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ptc/unlabeled"))
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--articles", type=int, default=12)
    parser.add_argument("--models", default="fast,standard")
    args = parser.parse_args()
    texts = json.dumps(thousand_word_articles(args.data, args.articles))
    env = {**os.environ, "UNSPIN_THREADS": str(args.threads), "OMP_NUM_THREADS": str(args.threads)}
    results = []
    for model in args.models.split(","):
        run = subprocess.run([sys.executable, "-c", CHILD, model, str(args.threads)], input=texts, text=True,
                             capture_output=True, env=env)
        if run.returncode:
            print(f"{model}: failed\n{run.stderr[-2000:]}")
            continue
        results.append(json.loads(run.stdout.strip().splitlines()[-1]))
        print(json.dumps(results[-1]))
    if len(results) == 2:
        print(f"{results[1]['model']} / {results[0]['model']}: {results[1]['mean_s'] / results[0]['mean_s']:.2f}x the time "
              f"a 1,000-word article ({args.articles} articles, {args.threads} threads)")


if __name__ == "__main__":
    main()
