"""What the retraining benchmarks share: simulated annotators' work written as a Label Studio
export, read back by `unspin labelstudio import`, and one `unspin train ... --extra` run with the
corrections (`--extra-weight 10`) and one without them (weight 0: the same continued training
on the original data alone, so that what the corrections did is told apart from what the extra
epochs did), each into a scratch model set, never the package."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

UNSPIN = [sys.executable, "-m", "unspin.cli"]


def arguments(description: str, articles: int) -> argparse.Namespace:
    """`--data` and `--articles` (how many articles the simulated annotators correct), with the
    checkout's `src/` importable for the benchmark's own `unspin` imports."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--articles", type=int, default=articles)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    return parser.parse_args()


def retrain_with_and_without(tasks: list[dict], scratch: Path, train: list[str]) -> None:
    """Import `tasks` (a Label Studio JSON export) into `scratch`/corrections, then run `unspin
    train <train> --extra ...` with weights 0 and 10, printing what each prints."""
    export, corrections, models = scratch / "export.json", scratch / "corrections", scratch / "models"
    export.write_text(json.dumps(tasks), encoding="utf-8")
    subprocess.run([*UNSPIN, "labelstudio", "import", str(export), "-o", str(corrections)], check=True)
    for weight in (0, 10):
        result = subprocess.run([*UNSPIN, "train", *train, "--extra", str(corrections), "--extra-weight", str(weight),
                                 "--output", str(models)], capture_output=True, text=True)
        if result.returncode:
            sys.exit(f"--extra-weight {weight} failed:\n{result.stderr}")
        print(f"--extra-weight {weight}:", result.stdout, flush=True)
