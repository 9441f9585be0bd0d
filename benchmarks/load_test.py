"""Load test of `unspin serve`: N concurrent clients post real articles for a fixed time.

Starts a server on 127.0.0.1 (its own process, as a user runs it), warms it up, then runs the
clients; prints requests/s, latency percentiles, errors by status, and the server's RSS after
warm-up and at the end.

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
    i = k
    while time.monotonic() < stop:
        started = time.monotonic()
        try:
            response = await http.post(url, json={"text": articles[i % len(articles)], "id": f"a{i}"})
            statuses[response.status_code] += 1
            if response.status_code == 200:
                latencies.append(time.monotonic() - started)
        except Exception as error:  # a refused or dropped connection is an error to count
            statuses[type(error).__name__] += 1
        i += 7


async def run(url: str, articles: list[str], clients: int, seconds: float):
    import httpx

    latencies: list[float] = []
    statuses: Counter = Counter()
    stop = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(timeout=600, limits=limits) as http:
        await asyncio.gather(*(client(http, url, articles, stop, latencies, statuses, k) for k in range(clients)))
    return latencies, statuses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ptc/unlabeled"))
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    articles = [p.read_text(encoding="utf-8") for p in sorted(args.data.glob("*.txt"))]
    if not articles:
        sys.exit(f"no .txt articles in {args.data}")
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
        for article in articles[:4]:  # warm-up
            httpx.post(base + "/api/analyze", json={"text": article}, timeout=120)
        rss_start = rss_mb(server.pid)
        latencies, statuses = asyncio.run(run(base + "/api/analyze", articles, args.clients, args.seconds))
        rss_end = rss_mb(server.pid)
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    ok = statuses.get(200, 0)
    errors = sum(v for k, v in statuses.items() if k != 200)
    q = statistics.quantiles(latencies, n=100) if len(latencies) >= 2 else [float("nan")] * 99
    print(f"server ready in     {ready_s:.1f} s (process start, model load, first analysis)")
    print(f"articles            {len(articles)} PTC articles, {words:.0f} words on average; {args.clients} clients, "
          f"{args.seconds:g} s, {args.threads} threads")
    print(f"requests            {ok} answered, {errors} errors {dict(statuses)}")
    print(f"throughput          {ok / args.seconds:.2f} requests/s")
    print(f"latency             p50 {q[49]:.2f} s, p95 {q[94]:.2f} s, p99 {q[98]:.2f} s (with {args.clients} waiting)")
    print(f"server RSS          {rss_start:.0f} MB after warm-up, {rss_end:.0f} MB at the end "
          f"({100 * (rss_end / rss_start - 1):+.1f}%)")
    print(f"server stopped      exit code {server.returncode} after Ctrl-C")


if __name__ == "__main__":
    main()
