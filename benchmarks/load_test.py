"""Load test of `unspin serve`: N concurrent clients post real articles for a fixed time.

Starts a server on 127.0.0.1 (its own process, as a user runs it), warms it up under the same
load for `--warmup` seconds (onnxruntime's memory arena and the allocator grow to their working
size over the first few dozen articles, then stay), then runs the clients for `--seconds`; prints
requests/s, latency percentiles (all articles, and those of 800-1,200 words), errors by status,
and the server's RSS after warm-up, sampled every 5 s, and at the end.

    python benchmarks/load_test.py --data ../shared/data/ptc/unlabeled --clients 50 --seconds 300
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (uvicorn workers), in MB."""
    total = 0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


async def client(http, url: str, articles: list[str], stop: float, latencies: list, statuses: Counter, k: int):
    """Post articles one after another until `stop`; `latencies` gets (words, seconds) of each answer."""
    i = k
    while time.monotonic() < stop:
        started = time.monotonic()
        article = articles[i % len(articles)]
        try:
            response = await http.post(url, json={"text": article, "id": f"a{i}"})
            statuses[response.status_code] += 1
            if response.status_code == 200:
                latencies.append((len(article.split()), time.monotonic() - started))
        except Exception as error:  # a refused or dropped connection is an error to count
            statuses[type(error).__name__] += 1
        i += 7


async def sample_rss(pid: int, stop: float, samples: list[float]) -> None:
    while time.monotonic() < stop:
        samples.append(rss_mb(pid))
        await asyncio.sleep(5)


async def run(url: str, articles: list[str], clients: int, seconds: float, pid: int):
    import httpx

    latencies: list[tuple[int, float]] = []
    statuses: Counter = Counter()
    samples: list[float] = []
    began = time.monotonic()
    stop = began + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(timeout=600, limits=limits) as http:
        await asyncio.gather(sample_rss(pid, stop, samples),
                             *(client(http, url, articles, stop, latencies, statuses, k) for k in range(clients)))
    # The requests in flight at `stop` are answered and counted, so the time is until the last answer.
    return latencies, statuses, samples, time.monotonic() - began


def percentiles(values: list[float]) -> str:
    if len(values) < 2:
        return "too few answers"
    q = statistics.quantiles(values, n=100)
    return f"p50 {q[49]:.2f} s, p95 {q[94]:.2f} s, p99 {q[98]:.2f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ptc/unlabeled"))
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--warmup", type=float, default=30, help="Seconds of the same load before measuring.")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    from articles import read_articles

    articles = read_articles(args.data)
    words = statistics.mean(len(a.split()) for a in articles)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "UNSPIN_THREADS": str(args.threads), "OMP_NUM_THREADS": str(args.threads)}
    started = time.monotonic()
    server = subprocess.Popen([sys.executable, "-m", "unspin.cli", "serve", "--port", str(port)], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx

        while True:
            try:
                if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() - started > 120 or server.poll() is not None:
                sys.exit("the server did not start")
            time.sleep(0.1)
        ready_s = time.monotonic() - started
        if args.warmup > 0:
            asyncio.run(run(base + "/api/analyze", articles[::-1], args.clients, args.warmup, server.pid))
        rss_start = rss_mb(server.pid)
        latencies, statuses, samples, elapsed = asyncio.run(
            run(base + "/api/analyze", articles, args.clients, args.seconds, server.pid))
        rss_end = rss_mb(server.pid)
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    ok = statuses.get(200, 0)
    errors = sum(v for k, v in statuses.items() if k != 200)
    near_1000 = [t for w, t in latencies if 800 <= w <= 1200]
    print(f"server ready in     {ready_s:.1f} s (process start to /api/health ready: imports, every model loaded)")
    print(f"articles            {len(articles)} PTC articles, {words:.0f} words on average; {args.clients} clients, "
          f"{args.warmup:g} s warm-up, then {args.seconds:g} s measured; {args.threads} threads")
    print(f"requests            {ok} answered, {errors} errors {dict(statuses)}")
    print(f"throughput          {ok / elapsed:.2f} requests/s ({elapsed:.0f} s until the last answer)")
    print(f"latency             {percentiles([t for _, t in latencies])} (with {args.clients} clients)")
    print(f"  800-1,200 words   {percentiles(near_1000)} ({len(near_1000)} answers)")
    print(f"server RSS          {rss_start:.0f} MB after warm-up, {rss_end:.0f} MB at the end "
          f"({100 * (rss_end / rss_start - 1):+.1f}%); every 5 s: {min(samples, default=0):.0f} to "
          f"{max(samples, default=0):.0f} MB")
    if len(samples) >= 24:
        print(f"  trend             mean of the first minute {statistics.mean(samples[:12]):.0f} MB, "
              f"of the last minute {statistics.mean(samples[-12:]):.0f} MB")
    print(f"server stopped      exit code {server.returncode} after Ctrl-C")


if __name__ == "__main__":
    main()
