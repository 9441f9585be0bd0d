"""Work bounded roughly linearly in the input's size, for the hostile shapes testers found:
runs of one symbol, thousands of list lines or speaker lines, one endless line. Each shape is
analysed at three sizes; the ratio of times between sizes should stay near the ratio of sizes
(2.0), where a quadratic step would show 4.0.

    python benchmarks/bench_hostile.py [--model fast] [--size 4000]
"""

from __future__ import annotations

import argparse
import time

SHAPES = {
    "runs of (": lambda n: "(" * n,
    'runs of "': lambda n: '"' * n,
    "runs of #": lambda n: "#" * n,
    "runs of <": lambda n: "<" * n,
    "list lines": lambda n: "- a\n" * (n // 4),
    "speaker lines": lambda n: "SMITH: yes\n" * (n // 11),
    "one long line": lambda n: "word, " * (n // 6),
    "short lines": lambda n: "Council votes.\n" * (n // 15),
    "quoted paragraphs": lambda n: '"We will," he said.\n\n' * (n // 22),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=None)
    parser.add_argument("--size", type=int, default=4000, help="characters of the smallest input")
    args = parser.parse_args()

    import unspin
    from unspin.errors import UnspinError
    from unspin.options import Options

    pipeline = unspin.Pipeline.from_options(Options(model=args.model)).load()
    unspin.analyze("Warm-up\n\nThe council voted on Tuesday to close the library, officials said.", pipeline=pipeline)
    sizes = (args.size, 2 * args.size, 4 * args.size)
    print(f"{'shape':<20}" + "".join(f"{n:>12,} ch" for n in sizes) + f"{'ratio 2x':>10}{'ratio 4x':>10}")
    for name, make in SHAPES.items():
        times = []
        for n in sizes:
            text = "Title\n\nThe council voted on Tuesday.\n\n" + make(n)
            started = time.perf_counter()
            try:
                unspin.analyze(text, pipeline=pipeline)
            except UnspinError:
                pass  # refused is fine: the question is how long it took
            times.append(time.perf_counter() - started)
        ratios = (times[1] / max(times[0], 1e-3), times[2] / max(times[1], 1e-3))
        print(f"{name:<20}" + "".join(f"{t:>13.2f}s" for t in times) + f"{ratios[0]:>10.1f}{ratios[1]:>10.1f}")


if __name__ == "__main__":
    main()
