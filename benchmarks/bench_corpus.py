"""`unspin corpus run` end to end, as a user runs it, against the bare encoder pass.

Times the whole command in a fresh process (start-up, model load, reading, every layer, the
DuckDB writes), its peak RSS, and, in this process, the bare ONNX encoder over the same windows;
prints articles/s for both and their ratio. With --ray-actors N, also times the Ray engine on a
local Ray of N CPUs (one actor a CPU).

    python benchmarks/bench_corpus.py --data ../shared/data/ptc/unlabeled --threads 2
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run_command(args: list[str], env: dict) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one command in a child process."""
    started = time.perf_counter()
    result = subprocess.run(args, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode not in (0, 1):
        sys.exit(f"{' '.join(args)} failed:\n{result.stderr[-3000:]}")
    # Children that finished so far; each run is measured in its own process below.
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ptc/unlabeled"))
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--ray-actors", type=int, default=0, help="Also time --engine ray with this many actors.")
    args = parser.parse_args()
    from articles import read_articles

    texts = read_articles(args.data)
    env = {**os.environ, "UNSPIN_THREADS": str(args.threads), "OMP_NUM_THREADS": str(args.threads)}
    unspin = [sys.executable, "-m", "unspin.cli", "corpus", "run", str(args.data), "--quiet"]
    with tempfile.TemporaryDirectory() as scratch:
        corpus_s, rss_mb = run_command([*unspin, "--db", f"{scratch}/corpus.duckdb"], env)
        resumed_s, _ = run_command([*unspin, "--db", f"{scratch}/corpus.duckdb"], env)
        ray_s = None
        if args.ray_actors:
            script = (f"import ray, sys; ray.init(num_cpus={args.ray_actors}, include_dashboard=False, logging_level='ERROR');"
                      "from unspin.cli import main; sys.argv = sys.argv[1:]; main()")
            ray_env = {**env, "UNSPIN_THREADS": "1"}
            ray_s, _ = run_command([sys.executable, "-c", script, "unspin", "corpus", "run", str(args.data), "--quiet",
                                    "--engine", "ray", "--actors", str(args.ray_actors), "--db", f"{scratch}/ray.duckdb"],
                                   ray_env)

    os.environ.update(UNSPIN_THREADS=str(args.threads), OMP_NUM_THREADS=str(args.threads))
    from encoder_pass import encoder_batches, time_encoder

    from unspin.analyzers.encoder import EncoderModel

    model = EncoderModel.shared()
    batches, n_tokens = encoder_batches(texts, model)
    time_encoder(model, batches[:2])  # warm-up
    encoder_s = min(time_encoder(model, batches) for _ in range(2))
    n = len(texts)
    print(f"articles              {n} ({n_tokens:,} sub-word tokens of article text), {args.threads} threads")
    print(f"corpus run, end to end {n / corpus_s:.2f} articles/s ({corpus_s:.1f} s: start-up, models, all layers, DuckDB)")
    print(f"rerun (all unchanged)  {resumed_s:.1f} s")
    print(f"bare ONNX encoder      {n / encoder_s:.2f} articles/s ({encoder_s:.1f} s, same windows, models loaded)")
    print(f"corpus run / encoder   {corpus_s / encoder_s:.2f}x")
    print(f"peak RSS of the run    {rss_mb:.0f} MB")
    if ray_s is not None:
        print(f"ray engine, {args.ray_actors} actor(s) {n / ray_s:.2f} articles/s ({ray_s:.1f} s end to end, local Ray start-up "
              f"included; {n / ray_s / args.ray_actors:.2f} articles/s per core)")


if __name__ == "__main__":
    main()
