"""The Ray engine's throughput per core against one local process per core.

Each Ray actor holds one CPU slot and must run ONNX Runtime on one thread (its options say
`threads=1`); if it ran one thread per core instead, actors would fight over the cores and the
per-core rate would fall far below a single-threaded local process. Both engines analyse the
same articles end to end, as a user runs them: the local one as `unspin corpus run --threads 1`
in a fresh process, the Ray one on a local Ray of one CPU per actor, started beforehand (its
start-up is not counted; the actors' start-up and model loading are).

Each engine runs twice, on the first `--small` and the first `--large` articles: the end-to-end
rates include the fixed costs (processes, models, Ray's scheduling), and the marginal rate,
(large - small) articles over the extra seconds, is the steady state the two are compared on.

    python benchmarks/bench_ray.py --data ../shared/data/ptc/unlabeled --small 40 --large 120
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


def copy_articles(files: list[Path], folder: Path) -> Path:
    folder.mkdir()
    for file in files:
        shutil.copy(file, folder / file.name)
    return folder


def local_seconds(folder: Path, db: Path, env: dict) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "unspin.cli", "corpus", "run", str(folder), "--quiet", "--threads", "1",
                    "--db", str(db)], env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def ray_seconds(folder: Path, db: Path, actors: int) -> float:
    from unspin.corpus.ray_engine import run_on_ray
    from unspin.corpus.store import CorpusStore
    from unspin.options import Options

    with CorpusStore(db) as store:
        started = time.perf_counter()
        summary = run_on_ray([str(folder)], store, options=Options(), actors=actors)
        seconds = time.perf_counter() - started
    if summary.failed:
        sys.exit(f"the Ray run failed on {summary.failed} articles")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ptc/unlabeled"))
    parser.add_argument("--small", type=int, default=40)
    parser.add_argument("--large", type=int, default=120)
    parser.add_argument("--actors", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--model", default=None, help="standard or fast (default: the installed default)")
    args = parser.parse_args()
    from articles import read_articles

    read_articles(args.data, 1)  # the note about torch, and an exit if there are no articles
    files = sorted(args.data.glob("*.txt"))[: args.large]
    os.environ.pop("UNSPIN_THREADS", None)  # each engine sets its threads itself
    if args.model:
        os.environ["UNSPIN_MODEL"] = args.model
    import ray

    ray.init(num_cpus=args.actors, include_dashboard=False, logging_level="ERROR", log_to_driver=False)
    seconds: dict[tuple[str, int], float] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for n in (args.small, len(files)):
            folder = copy_articles(files[:n], Path(scratch) / f"articles-{n}")
            seconds["local", n] = local_seconds(folder, Path(scratch) / f"local-{n}.duckdb", dict(os.environ))
            seconds["ray", n] = ray_seconds(folder, Path(scratch) / f"ray-{n}.duckdb", args.actors)
    ray.shutdown()
    small, large = args.small, len(files)
    cores = {"local": 1, "ray": args.actors}
    print(f"articles: {small} and {large}; local: one process, 1 thread; ray: {args.actors} actors, 1 thread each")
    marginal = {}
    for engine in ("local", "ray"):
        end_to_end = large / seconds[engine, large] / cores[engine]
        marginal[engine] = (large - small) / (seconds[engine, large] - seconds[engine, small]) / cores[engine]
        print(f"{engine:<6} {seconds[engine, small]:6.1f} s and {seconds[engine, large]:6.1f} s; per core: "
              f"{end_to_end:.2f} articles/s end to end, {marginal[engine]:.2f} articles/s marginal")
    print(f"ray per core / local per core (marginal): {marginal['ray'] / marginal['local']:.2f}")


if __name__ == "__main__":
    main()
