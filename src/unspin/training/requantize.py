"""Re-quantize a shipped int8 encoder to 7-bit weights, so that every x86 CPU computes the same.

ONNX Runtime multiplies uint8 activations by int8 weights. CPUs with AVX-512 VNNI (or AVX-VNNI)
add the products in 32 bits; CPUs without it pair them into 16 bits first, which saturates
when both are large (ONNX Runtime's quantization docs: `reduce_range`; OpenVINO calls it the
saturation issue). The same model then gives other scores, and other spans, on another CPU. With
weights in [-64, 64] a pair of products stays within 16 bits (2 x 255 x 64 = 32,640), so both
kinds of CPU compute the same integers.

`training.export` quantizes new exports that way (`reduce_range`). This module converts an
existing int8 graph without its float weights: every per-channel weight of an integer matrix
product (`MatMulInteger`, the fused `QAttention`) is halved and rounded, and its scale doubled.
The fused graph is otherwise untouched. Afterwards the span decoding is chosen again on the
validation articles (as the export does), and the calibrations that read the encoder must be
rerun (see docs/model-card.md; tests/test_model_files.py names them).

    python -m unspin.training.requantize --encoder src/unspin/models/encoder
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

SEVEN_BIT = 64  # symmetric 7-bit range, as onnxruntime.quantization's reduce_range


def seven_bit_weights(source: Path, target: Path) -> dict:
    """Write `source` with every integer-product weight on a 7-bit grid; returns what changed."""
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(source))
    initializers = {i.name: i for i in model.graph.initializer}
    changed, largest_error = 0, 0.0
    for node in model.graph.node:
        if node.op_type == "MatMulInteger":
            weight, scale = node.input[1], node.input[1].removesuffix("_quantized") + "_scale"
        elif node.op_type == "QAttention":
            weight, scale = node.input[1], node.input[4]
        else:
            continue
        w = numpy_helper.to_array(initializers[weight])
        s = numpy_helper.to_array(initializers[scale])
        zero = node.input[3] if node.op_type == "MatMulInteger" else node.input[7]
        if zero in initializers and np.any(numpy_helper.to_array(initializers[zero])):
            raise ValueError(f"{weight}: weights with a zero point other than 0 are not supported")
        if np.abs(w).max() <= SEVEN_BIT:
            continue  # already 7-bit
        halved = np.clip(np.rint(w.astype(np.float32) / 2), -SEVEN_BIT, SEVEN_BIT).astype(np.int8)
        before = w.astype(np.float32) * s
        after = halved.astype(np.float32) * (2 * s)
        largest_error = max(largest_error, float(np.abs(after - before).max() / np.abs(before).max()))
        initializers[weight].CopyFrom(numpy_helper.from_array(halved, weight))
        initializers[scale].CopyFrom(numpy_helper.from_array((2 * s).astype(s.dtype), scale))
        changed += 1
    onnx.save(model, str(target))
    return {"tensors": changed, "largest_relative_change": round(largest_error, 5)}


def main(encoder_dir: Path, techniques_dir: Path, data: Path) -> dict:
    from ..analyzers.encoder.tokens import SubwordTokenizer
    from ..analyzers.techniques.decoding import SpanHead
    from ..analyzers.techniques.span_text import SpanTextModel
    from ..ptc.formats import read_article_texts, read_labels
    from .export import DECODINGS, onnx_encoder
    from .techniques import evaluate

    config = json.loads((encoder_dir / "config.json").read_text())
    model_file = encoder_dir / config["model_file"]
    work = model_file.with_suffix(".7bit.onnx")
    report = seven_bit_weights(model_file, work)
    print(json.dumps(report), flush=True)
    work.replace(model_file)
    config["weights"] = "int8 per channel on a 7-bit grid ([-64, 64]): the same integers on CPUs with and without VNNI"
    (encoder_dir / "config.json").write_text(json.dumps(config, indent=2) + "\n")

    techniques = json.loads((techniques_dir / "config.json").read_text())
    val_ids = (techniques_dir / "validation_ids.txt").read_text().split()
    texts = read_article_texts(data / "articles")
    gold = [g for g in read_labels(data / "labels.tsv") if g.article_id in set(val_ids)]
    words = techniques.get("span_text")
    head = SpanHead.load(techniques_dir / "span_head.npz",
                         SpanTextModel.load(techniques_dir / "span_text.npz") if words else None,
                         words["weight"] if words else 0.0, words.get("weight_found", 0.0) if words else 0.0)
    scores = evaluate(onnx_encoder(model_file), head, SubwordTokenizer(encoder_dir / "tokenizer.json"),
                      {a: texts[a] for a in val_ids}, gold, DECODINGS)
    best = scores["by_decoding"][scores["best"]]
    result = {"decoding": scores["best_decoding"], "si_f1": best["si"]["f1"], "full_f1": best["full"]["f1"],
              "tc_f1": scores["tc"]["f1"], "requantized": report}
    print(json.dumps(result), flush=True)
    techniques["decoding"] = {**techniques["decoding"], **scores["best_decoding"]}
    techniques.setdefault("validation", {})["int8_7bit"] = result
    (techniques_dir / "config.json").write_text(json.dumps(techniques, indent=2) + "\n")
    return result


if __name__ == "__main__":
    import argparse

    from ..analyzers.encoder import MODEL_DIR as ENCODER_DIR
    from ..analyzers.techniques.analyzer import MODEL_DIR as TECHNIQUES_DIR

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--encoder", type=Path, default=ENCODER_DIR)
    parser.add_argument("--techniques", type=Path, default=TECHNIQUES_DIR)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ptc/train"))
    args = parser.parse_args()
    main(args.encoder, args.techniques, args.data)
