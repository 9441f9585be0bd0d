"""Train the attribution tagger on PolNeAR, over the shipped technique encoder's states.

The encoder stays frozen: its per-token states (exactly what `unspin analyze` computes once per
document) are extracted for PolNeAR train and dev, and a small MLP learns source / cue / content
B-I-O tags from each token with its neighbours. The epoch with the best dev end-to-end score
is kept and written, with its config, into the package.
"""

from __future__ import annotations

import json
import random
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import torch
from torch import nn

from ..analyzers.attribution.analyzer import AttributionAnalyzer
from ..analyzers.attribution.findings import Attribution
from ..analyzers.attribution.tagger import (
    MODEL_DIR,
    ROLE_TAGS,
    AttributionTagger,
    with_neighbours,
)
from ..analyzers.encoder import TENSOR, Encoder, EncoderModel
from ..analyzers.structure import StructureAnalyzer
from ..document import Document, Relations
from ..polnear.formats import GoldAttribution, read_corpus
from ..polnear.scoring import score

TAG_INDEX = {t: i for i, t in enumerate(ROLE_TAGS)}


@dataclass
class AttributionConfig:
    data: str
    output: str = str(MODEL_DIR)
    epochs: int = 12
    hidden: int = 256
    context: int = 2
    lr: float = 1e-3
    batch_tokens: int = 1024
    seed: int = 13
    max_documents: int | None = None


def gold_tags(doc: Document, tokens, gold: list[GoldAttribution]) -> np.ndarray:
    """One tag per token; where roles overlap (nested attributions) cue beats source beats content."""
    tags = np.zeros(len(tokens), dtype=np.int64)
    for role in ("content", "source", "cue"):
        for attribution in gold:
            for start, end in attribution.role(role):
                inside = np.nonzero((tokens.ends > start) & (tokens.starts < end))[0]
                if len(inside):
                    tags[inside] = TAG_INDEX[f"I-{role}"]
                    tags[inside[0]] = TAG_INDEX[f"B-{role}"]
    return tags


def prepare(corpus: dict, model: EncoderModel, limit: int | None) -> list[tuple[Document, np.ndarray, np.ndarray, list]]:
    structure, encoder = StructureAnalyzer(), Encoder(model)
    out = []
    for name, (text, gold) in list(corpus.items())[:limit]:
        doc = encoder(structure(Document(text=text, id=name)))
        states = doc.tensors[TENSOR]
        out.append((doc, states.hidden, gold_tags(doc, states.tokens, gold), gold))
    return out


class TaggerHead(nn.Module):
    def __init__(self, width: int, hidden: int):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(width, hidden), nn.GELU(), nn.Dropout(0.2), nn.Linear(hidden, len(ROLE_TAGS)))

    def forward(self, x):
        return self.layers(x)

    def save(self, directory: Path, config: dict) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        first, last = self.layers[0], self.layers[3]
        np.savez(directory / "tagger.npz", w0=first.weight.detach().cpu().numpy(), b0=first.bias.detach().cpu().numpy(),
                 w1=last.weight.detach().cpu().numpy(), b1=last.bias.detach().cpu().numpy())
        (directory / "config.json").write_text(json.dumps(config, indent=2) + "\n")


def evaluate(directory: Path, dev: list) -> dict:
    analyzer = AttributionAnalyzer(tagger=AttributionTagger(directory), type_entities=False)
    pred, gold = {}, {}
    for doc, _, _, gold_attributions in dev:
        doc.relations.pop(Relations.ATTRIBUTIONS, None)
        analyzer(doc)
        pred[doc.id] = [to_gold(a) for a in Attribution.read(doc)]
        gold[doc.id] = gold_attributions
    return {k: asdict(v) for k, v in score(gold, pred).items()}


def to_gold(a: Attribution) -> GoldAttribution:
    def spans(value):
        return [(value.start, value.end)] if value else []

    return GoldAttribution(spans(a.source), spans(a.cue), [(c.start, c.end) for c in a.content])


def train(config: AttributionConfig) -> dict:
    torch.manual_seed(config.seed)
    random.seed(config.seed)
    np.random.seed(config.seed)
    data = Path(config.data)
    model = EncoderModel.shared()
    started = time.time()
    train_docs = prepare(read_corpus(data / "train"), model, config.max_documents)
    dev_docs = prepare(read_corpus(data / "dev"), model, config.max_documents)
    print(f"encoded {len(train_docs)} train and {len(dev_docs)} dev documents in {time.time() - started:.0f}s", flush=True)
    x = torch.from_numpy(np.concatenate([with_neighbours(h, config.context) for _, h, _, _ in train_docs]))
    y = torch.from_numpy(np.concatenate([t for _, _, t, _ in train_docs]))
    head = TaggerHead(x.shape[1], config.hidden)
    optimizer = torch.optim.AdamW(head.parameters(), lr=config.lr, weight_decay=0.01)
    loss_fn = nn.CrossEntropyLoss()
    output = Path(config.output)
    scratch = output.parent / (output.name + ".candidate")
    shipped = {"name": "unspin-attribution-mlp-on-techniques-encoder", "layers": 2, "context": config.context,
               "tags": list(ROLE_TAGS), "encoder": model.name, "training": asdict(config)}
    best, history = -1.0, []
    for epoch in range(config.epochs):
        head.train()
        order = torch.randperm(len(x))
        total = 0.0
        for b in range(0, len(x), config.batch_tokens):
            idx = order[b : b + config.batch_tokens]
            loss = loss_fn(head(x[idx]), y[idx])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(idx)
        head.eval()
        head.save(scratch, shipped)
        scores = evaluate(scratch, dev_docs)
        summary = {"epoch": epoch + 1, "loss": total / len(x),
                   **{k: round(v["f1"], 4) for k, v in scores.items()}}
        history.append(summary)
        print(json.dumps(summary), flush=True)
        if scores["attribution_end_to_end"]["f1"] > best:
            best = scores["attribution_end_to_end"]["f1"]
            head.save(output, {**shipped, "dev": scores, "history": history})
    config_path = output / "config.json"
    final = json.loads(config_path.read_text())
    final["history"] = history
    config_path.write_text(json.dumps(final, indent=2) + "\n")
    for leftover in scratch.iterdir():
        leftover.unlink()
    scratch.rmdir()
    return final


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default="../shared/data/polnear")
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--max-documents", type=int, default=None)
    parser.add_argument("--output", default=str(MODEL_DIR))
    args = parser.parse_args()
    train(AttributionConfig(data=args.data, epochs=args.epochs, max_documents=args.max_documents, output=args.output))
