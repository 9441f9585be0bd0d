"""The distillation ablation on a borrowed GPU, sized to a short lease.

Runs `unspin.training.joint.ablation` (one data build; the distill settings in order, each from
the shipped models with the same seed), then packs the best epoch of all runs, by the sum of the
validation scores, small enough to copy back: the encoder, B/I/O and span head as float16 in
chunks, the attribution and claims heads, and every run's history. Packing happens after each
setting, so a lease that ends early still returns the best run so far. `unpack` on the other
side rebuilds a run folder that `unspin train joint --output DIR --ship EPOCH` ships.

On the GPU machine (data unpacked to ../shared/data):
    PYTHONPATH=src python3 scripts/gpu_distill.py pack-run --out $OUT --epochs 3
Here:
    .venv/bin/python scripts/gpu_distill.py unpack --files DIR --run runs/joint-gpu
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import time
from pathlib import Path

CHUNK = 15 * 2**20  # the copy back takes files of at most 16 MiB


def score(summary: dict) -> float:
    attribution = (summary["source_overlap"] + summary["cue_overlap"] + summary["content_overlap"]) / 3
    return (summary["si_f1"] + summary["full_f1"] + summary["tc_f1"] + attribution
            + summary["attribution_end_to_end"] + summary["claims_dev_f1"])


def pack(run: Path, epoch: int, setting: str, out: Path, histories: dict) -> None:
    import torch

    state = torch.load(run / f"epoch{epoch}.pt", map_location="cpu")
    buffer = io.BytesIO()
    torch.save({k: v.half() if v.is_floating_point() else v for k, v in state.items()}, buffer)
    data = buffer.getvalue()
    for old in out.glob("net.fp16.pt.*"):
        old.unlink()
    for index in range(0, len(data), CHUNK):
        (out / f"net.fp16.pt.{index // CHUNK}").write_bytes(data[index : index + CHUNK])
    shutil.copy(run / f"tagger-epoch{epoch}" / "tagger.npz", out / "tagger.npz")
    shutil.copy(run / f"claims-epoch{epoch}" / "claims_head.npz", out / "claims_head.npz")
    (out / "ablation.json").write_text(json.dumps({
        "packed": {"setting": setting, "epoch": epoch},
        "config": json.loads((run / "config.json").read_text()),
        "histories": histories}, indent=2))


def pack_run(args) -> None:
    import torch

    from unspin.training.joint import JointConfig, ablation

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    config = JointConfig(init="shipped", device="cuda" if torch.cuda.is_available() else "cpu", threads=8,
                         epochs=args.epochs, batch_size=args.batch_size, encoder_lr=args.encoder_lr,
                         polnear_per_epoch=args.polnear_per_epoch, max_documents=args.max_documents,
                         distill_weight=args.distill_weight, technique_distill_weight=args.technique_distill_weight,
                         output=args.run)
    started = time.time()
    best: list = []

    def after(setting: str, histories: dict) -> None:
        for summary in histories[setting]:
            if summary["epoch"] and (not best or score(summary) > best[0]):
                best[:] = [score(summary), setting, summary["epoch"]]
        pack(Path(args.run) / best[1], best[2], best[1], out, histories)
        print(f"packed {best[1]} epoch {best[2]} (score {best[0]:.4f}) after {time.time() - started:.0f}s", flush=True)

    ablation(config, args.settings.split(","), args.budget_s, after)


def unpack(args) -> None:
    import torch

    files, run = Path(args.files), Path(args.run)
    record = json.loads((files / "ablation.json").read_text())
    setting, epoch = record["packed"]["setting"], record["packed"]["epoch"]
    run.mkdir(parents=True, exist_ok=True)
    chunks = sorted(files.glob("net.fp16.pt.*"), key=lambda p: int(p.suffix[1:]))
    state = torch.load(io.BytesIO(b"".join(p.read_bytes() for p in chunks)), map_location="cpu")
    torch.save({k: v.float() if v.is_floating_point() else v for k, v in state.items()}, run / f"epoch{epoch}.pt")
    for name, folder in (("tagger.npz", f"tagger-epoch{epoch}"), ("claims_head.npz", f"claims-epoch{epoch}")):
        (run / folder).mkdir(exist_ok=True)
        shutil.copy(files / name, run / folder / name)
    config = record["config"]
    config["output"] = str(run)  # "device" stays: where it was trained
    (run / "config.json").write_text(json.dumps(config, indent=2))
    (run / "history.json").write_text(json.dumps(record["histories"][setting], indent=2))
    (run / "ablation.json").write_text(json.dumps(record["histories"], indent=2))
    print(f"{run}: {setting} epoch {epoch}; ship with: unspin train joint --output {run} --ship {epoch}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("pack-run", help="train the ablation and pack the best epoch into --out")
    run.add_argument("--out", required=True)
    run.add_argument("--run", default="/tmp/joint")
    run.add_argument("--settings", default="all,none,labelled",
                     help="comma-separated variants: a distill setting, optionally :key=value;key=value overrides")
    run.add_argument("--epochs", type=int, default=3)
    run.add_argument("--batch-size", type=int, default=16)
    run.add_argument("--encoder-lr", type=float, default=4e-5)
    run.add_argument("--polnear-per-epoch", type=int, default=840)
    run.add_argument("--max-documents", type=int, default=0)
    run.add_argument("--distill-weight", type=float, default=1.0, help="attribution and claims teachers")
    run.add_argument("--technique-distill-weight", type=float, default=0.5)
    run.add_argument("--budget-s", type=float, default=420)
    back = commands.add_parser("unpack", help="rebuild a run folder from what pack-run wrote")
    back.add_argument("--files", required=True)
    back.add_argument("--run", required=True)
    arguments = parser.parse_args()
    (pack_run if arguments.command == "pack-run" else unpack)(arguments)
