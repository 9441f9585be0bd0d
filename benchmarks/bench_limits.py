"""Time and peak memory of the largest article unspin accepts, and of refusing a larger one.

Builds texts from PTC articles up to the character limit (Options.max_chars) and runs each in a
fresh process, so peak RSS is that input's alone.

    python benchmarks/bench_limits.py --data ../shared/data/ptc/unlabeled --threads 2
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import json, resource, sys, time
import unspin
from unspin.errors import UnspinError
started = time.perf_counter()
try:
    analysis = unspin.analyze_file(sys.argv[1])
    outcome = f"analysed: {len(analysis.techniques)} techniques, {len(analysis.attributions)} attributions"
except UnspinError as error:
    outcome = f"refused: {str(error)[:160]}"
print(json.dumps({"seconds": round(time.perf_counter() - started, 1),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                  "outcome": outcome}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ptc/unlabeled"))
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    from articles import read_articles

    from unspin.options import Options

    limit = Options.max_chars
    corpus = "\n\n".join(read_articles(args.data))
    env = {**os.environ, "UNSPIN_THREADS": str(args.threads), "OMP_NUM_THREADS": str(args.threads)}
    print(f"character limit {limit:,} (Options.max_chars); token limit {Options.max_tokens:,} (Options.max_tokens)")
    for size in (limit // 3, limit, 2 * limit, 200 * limit):
        text = "Title\n\n" + (corpus * (size // len(corpus) + 1))[: size - 7]
        with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as handle:
            handle.write(text)
        try:
            result = subprocess.run([sys.executable, "-c", CHILD, handle.name], capture_output=True, text=True, env=env)
            report = json.loads(result.stdout) if result.returncode == 0 else {"error": result.stderr[-300:]}
        finally:
            os.unlink(handle.name)
        print(f"{size:>12,} characters  {json.dumps(report)}")


if __name__ == "__main__":
    main()
