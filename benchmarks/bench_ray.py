"""The Ray engine's throughput per core against one local process per core.

Each Ray actor holds one CPU slot and must run ONNX Runtime on one thread (its options say
`threads=1`); if it ran one thread per core instead, actors would fight over the cores and the
per-core rate would fall far below a single-threaded local process. Both runs analyse the same
articles end to end, model loading included: the local one as `unspin corpus run --threads 1`
in a fresh process, the Ray one on a local Ray started beforehand (its start-up is not counted).

    python benchmarks/bench_ray.py --data ../shared/data/ptc/unlabeled --articles 40 --actors 2
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ptc/unlabeled"))
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--actors", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--model", default=None, help="standard or fast (default: the installed default)")
    args = parser.parse_args()
    from articles import read_articles

    read_articles(args.data, 1)  # the note about torch, and an exit if there are no articles
    files = sorted(args.data.glob("*.txt"))[: args.articles]
    env = {k: v for k, v in os.environ.items() if k != "UNSPIN_THREADS"}  # the engines set threads themselves
    if args.model:
        env["UNSPIN_MODEL"] = args.model
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "articles"
        corpus.mkdir()
        for file in files:
            shutil.copy(file, corpus / file.name)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "unspin.cli", "corpus", "run", str(corpus), "--quiet", "--threads", "1",
                        "--db", f"{scratch}/local.duckdb"], env=env, check=True, capture_output=True)
        local_s = time.perf_counter() - started

        os.environ.clear()
        os.environ.update(env)
        import ray

        from unspin.corpus.ray_engine import run_on_ray
        from unspin.corpus.store import CorpusStore
        from unspin.options import Options

        ray.init(num_cpus=args.actors, include_dashboard=False, logging_level="ERROR", log_to_driver=False)
        with CorpusStore(Path(scratch) / "ray.duckdb") as store:
            started = time.perf_counter()
            summary = run_on_ray([str(corpus)], store, options=Options(), actors=args.actors, files_per_batch=2)
            ray_s = time.perf_counter() - started
        ray.shutdown()
    n = len(files)
    local_rate, ray_rate = n / local_s, n / ray_s / args.actors
    print(f"articles                    {n} ({summary.analysed} analysed on Ray, {summary.failed} failed)")
    print(f"local, one process, 1 thread {local_rate:.2f} articles/s per core ({local_s:.1f} s, start-up and models included)")
    print(f"ray, {args.actors} actor(s), 1 thread each {ray_rate:.2f} articles/s per core ({ray_s:.1f} s, actors' "
          "model loading included)")
    print(f"ray per core / local        {ray_rate / local_rate:.2f}")


if __name__ == "__main__":
    main()
