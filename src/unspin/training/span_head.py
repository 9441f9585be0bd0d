"""Continue training the technique span head (the MLP that names a span's technique) on
corrected articles, over the shipped encoder's frozen states.

A corrected article (`unspin labelstudio import`'s `ptc/` folder) tells which technique each
marked span is. The shipped span head continues training on the corrected spans, each seen
`extra_weight` times an epoch, and on the spans of PTC train (less the validation articles) and
dev with its own probabilities as targets, so that it keeps what it knew; one corrected article
in four is held out. Technique classification (TC: micro-F1 of the technique of given spans, as
`unspin evaluate ptc` reports it) is measured before and after on the held-out articles and on
PTC's validation articles (less any of them among the corrections). Finding spans (the B/I/O
layer inside the encoder graph) is not changed by this: a span an annotator added or removed
teaches nothing here.

    python -m unspin.training.span_head --data ../shared/data/ptc --extra corrections/ptc --output my-techniques/
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path

import numpy as np
import torch
from torch import nn

from ..analyzers.encoder import EncoderModel
from ..analyzers.techniques.analyzer import TechniqueModel
from ..analyzers.techniques.decoding import classify, pool_span
from ..analyzers.techniques.features import SpanFeatures
from ..analyzers.techniques.labels import TECHNIQUE_INDEX
from ..model_sets import folder
from ..ptc.formats import Annotation, read_article_texts, read_labels
from ..ptc.scoring import technique_classification
from .records import RETRAINED
from .techniques import ranked_labels


class Articles:
    """PTC-layout articles with their gold spans, each encoded once by the shipped encoder."""

    def __init__(self, ptc_folder: Path, model: TechniqueModel, keep=lambda article_id: True):
        texts = read_article_texts(ptc_folder / "articles")
        self.gold: dict[str, list[Annotation]] = defaultdict(list)
        for a in read_labels(ptc_folder / "labels.tsv"):
            if a.article_id in texts and keep(a.article_id):
                self.gold[a.article_id].append(a)
        self.texts = {aid: texts[aid] for aid in self.gold}
        self.states = {aid: model.encoder.encode(text, None) for aid, text in self.texts.items()}

    def subset(self, ids: set[str]) -> "Articles":
        out = object.__new__(Articles)
        out.gold = defaultdict(list, {aid: g for aid, g in self.gold.items() if aid in ids})
        out.texts = {aid: t for aid, t in self.texts.items() if aid in ids}
        out.states = {aid: s for aid, s in self.states.items() if aid in ids}
        return out

    def rows(self) -> tuple[np.ndarray, np.ndarray]:
        """The pooled vector of each gold span with its technique (a span marked twice is two rows)."""
        x, y = [], []
        for aid, marked in self.gold.items():
            features = SpanFeatures(self.texts[aid])
            for a in marked:
                vector = pool_span(self.states[aid], self.texts[aid], a.start, a.end, features)
                if vector is not None:
                    x.append(vector)
                    y.append(TECHNIQUE_INDEX[a.technique])
        return np.stack(x).astype(np.float32), np.array(y, dtype=np.int64)

    def tc_f1(self, model: TechniqueModel) -> float:
        """TC micro-F1 of `model`'s head (with its span-words average, as at run time)."""
        gold = [a for marked in self.gold.values() for a in marked]
        predicted = []
        for aid, marked in self.gold.items():
            spans = sorted({(a.start, a.end) for a in marked})
            probs = classify(self.states[aid], self.texts[aid], spans, model.head)
            predicted += ranked_labels(aid, marked, spans, probs)
        return round(technique_classification(gold, predicted)[0].f1, 4)


class SpanMLP(nn.Module):
    """The torch twin of `decoding.SpanHead` (softmax of a GELU MLP over pooled span vectors)."""

    def __init__(self, arrays):
        super().__init__()
        self.first = nn.Linear(arrays["w1"].shape[1], arrays["w1"].shape[0])
        self.last = nn.Linear(arrays["w2"].shape[1], arrays["w2"].shape[0])
        for layer, i in ((self.first, 1), (self.last, 2)):
            layer.weight.data = torch.from_numpy(arrays[f"w{i}"].astype(np.float32))
            layer.bias.data = torch.from_numpy(arrays[f"b{i}"].astype(np.float32))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.last(nn.functional.dropout(nn.functional.gelu(self.first(x)), 0.1, self.training))

    def save(self, path: Path) -> None:
        np.savez(path, w1=self.first.weight.detach().numpy(), b1=self.first.bias.detach().numpy(),
                 w2=self.last.weight.detach().numpy(), b2=self.last.bias.detach().numpy())


def continue_training(ptc: Path, extra: Path, output: Path, epochs: int = 3, lr: float = 3e-4,
                      extra_weight: int = 10, seed: int = 13) -> dict:
    """Continue the shipped span head on PTC and the corrections in `extra` (PTC layout); write a
    whole techniques folder (the shipped one with the new head) to `output`; return the change."""
    from ..labelstudio.corrections import held_out_articles

    torch.manual_seed(seed)
    with tempfile.TemporaryDirectory() as scratch:
        shipped = Path(scratch) / "techniques"
        shutil.copytree(folder("techniques"), shipped)  # as it was (output may be its folder)
        encoder = EncoderModel.shared(folder("encoder"))
        before = TechniqueModel(shipped, encoder)
        validation = set((shipped / "validation_ids.txt").read_text().split())
        original = [Articles(ptc / part, before, lambda aid: aid not in validation)
                    for part in ("train", "dev") if (ptc / part / "labels.tsv").exists()]
        corrected = Articles(extra, before)
        # A validation article that was corrected is not unseen any more.
        checked = Articles(ptc / "train", before, lambda aid: aid in validation)
        corrected_texts = set(corrected.texts.values())
        checked = checked.subset({aid for aid, text in checked.texts.items() if text not in corrected_texts})
        held = held_out_articles(list(corrected.gold))
        taught, held_out = corrected.subset(set(corrected.gold) - held), corrected.subset(held)
        # PTC's spans are taught by the shipped head's own probabilities (learning without
        # forgetting): with their gold labels, training on the int8 encoder's states (the head
        # learnt on the fp32 ones) cost 1.3 points of validation TC by itself. Corrections teach
        # their gold labels.
        old_x = np.concatenate([a.rows()[0] for a in original])
        new_x, new_y = taught.rows() if taught.gold else (old_x[:0], np.zeros(0, dtype=np.int64))
        targets = np.concatenate([before.head.probabilities(old_x),
                                  np.eye(len(TECHNIQUE_INDEX), dtype=np.float32)[np.tile(new_y, extra_weight)]])
        x = torch.from_numpy(np.concatenate([old_x] + [new_x] * extra_weight))
        y = torch.from_numpy(targets)
        with np.load(shipped / "span_head.npz") as arrays:
            head = SpanMLP(arrays)
        optimizer = torch.optim.AdamW(head.parameters(), lr=lr, weight_decay=0.01)
        for _ in range(epochs):
            head.train()
            for idx in torch.randperm(len(x)).split(64):
                loss = nn.functional.cross_entropy(head(x[idx]), y[idx])
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
        head.eval()
        if output.resolve() != folder("techniques").resolve():
            shutil.copytree(shipped, output, dirs_exist_ok=True)
        head.save(output / "span_head.npz")
        config = json.loads((output / "config.json").read_text())
        change = {"trained_on": len(taught.gold), "held_out_articles": len(held_out.gold),
                  "corrected_spans": sum(len(g) for g in taught.gold.values()),
                  "epochs": epochs, "lr": lr, "extra_weight": extra_weight}
        after = TechniqueModel(output, encoder)
        for name, articles in (("held_out", held_out), ("validation", checked)):
            if articles.gold:
                change[f"{name}_tc_f1"] = {"before": articles.tc_f1(before), "after": articles.tc_f1(after)}
        config["corrections"] = change
        config["name"] = json.loads((shipped / "config.json").read_text())["name"] + RETRAINED
        (output / "config.json").write_text(json.dumps(config, indent=2) + "\n")
        return change


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ptc"))
    parser.add_argument("--extra", type=Path, required=True, help="Corrected articles in PTC's layout.")
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--extra-weight", type=int, default=10)
    args = parser.parse_args()
    print(json.dumps(continue_training(args.data, args.extra, args.output, args.epochs,
                                       extra_weight=args.extra_weight), indent=2))
