"""The check-worthiness head and its threshold, for training.

A sentence's vector is the mean of the shared encoder's token states over the sentence; a small
MLP scores it. The same mean and MLP run in numpy in the claims analyzer.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import torch
from torch import nn

from .records import RETRAINED


class ClaimsHead(nn.Module):
    def __init__(self, width: int, hidden: int):
        super().__init__()
        self.layers = nn.Sequential(nn.Dropout(0.1), nn.Linear(width, hidden), nn.GELU(), nn.Dropout(0.1), nn.Linear(hidden, 1))

    def forward(self, pooled: torch.Tensor) -> torch.Tensor:
        return self.layers(pooled).squeeze(-1)

    @classmethod
    def load(cls, directory: Path) -> "ClaimsHead":
        """A head written by `save` (or shipped), to continue training from."""
        with np.load(directory / "claims_head.npz") as arrays:
            head = cls(arrays["w1"].shape[1], arrays["w1"].shape[0])
            for layer, i in ((head.layers[1], 1), (head.layers[4], 2)):
                layer.weight.data = torch.from_numpy(arrays[f"w{i}"].astype(np.float32))
                layer.bias.data = torch.from_numpy(arrays[f"b{i}"].astype(np.float32))
        return head

    def save(self, directory: Path, config: dict) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        first, last = self.layers[1], self.layers[4]
        np.savez(directory / "claims_head.npz", w1=first.weight.detach().cpu().numpy(), b1=first.bias.detach().cpu().numpy(),
                 w2=last.weight.detach().cpu().numpy(), b2=last.bias.detach().cpu().numpy())
        (directory / "config.json").write_text(json.dumps(config, indent=2) + "\n")


def f1_at(gold: list[bool], scores: np.ndarray, threshold: float) -> float:
    predicted = np.asarray(scores) >= threshold
    truth = np.asarray(gold, dtype=bool)
    tp = int((predicted & truth).sum())
    if tp == 0:
        return 0.0
    precision, recall = tp / predicted.sum(), tp / truth.sum()
    return float(2 * precision * recall / (precision + recall))


def best_threshold(gold: list[bool], scores: np.ndarray) -> float:
    """The threshold (on a 0.01 grid) with the best F1 of Yes; ties go to the middle of the plateau."""
    grid = np.round(np.arange(0.05, 0.96, 0.01), 2)
    f1s = np.array([f1_at(gold, scores, t) for t in grid])
    best = np.flatnonzero(f1s == f1s.max())
    return float(grid[best[len(best) // 2]])


def encode_sentences(texts: list[str]) -> np.ndarray:
    """Mean-pooled states of the shipped (int8) encoder of the chosen model set for each
    sentence, as `unspin claims predict` computes them."""
    from ..analyzers.claims import pooled_texts
    from ..analyzers.encoder import EncoderModel

    return pooled_texts(EncoderModel.shared(), texts)


def refit_head(checkthat: Path, teacher: Path | None, output: Path | None, epochs: int = 30, seed: int = 13,
               hidden: int = 256, teacher_weight: float = 1.0, extra: list | None = None,
               extra_weight: int = 10, start: Path | None = None, lr: float = 1e-3) -> dict:
    """Train the claims head alone on the shipped encoder's frozen states (gold Yes/No, plus the
    teacher's P(Yes) when given); the threshold is chosen on dev, F1 reported on dev-test.
    `extra`: a user's corrected sentences, trained on together with CheckThat's, each seen
    `extra_weight` times (a handful of articles among 22,500 sentences would move nothing).
    `start`: a head to continue from (the shipped one, for corrections) instead of a new one; it
    then teaches CheckThat's sentences itself and the teacher is not read."""
    import warnings

    from ..checkthat.formats import read_sentences
    from .teacher import read_claim_scores

    torch.manual_seed(seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        train = read_sentences(checkthat / "train.tsv", strict=False)
    dev, devtest = read_sentences(checkthat / "dev.tsv"), read_sentences(checkthat / "dev-test.tsv")
    base = list(train)
    train = base + [row for row in extra or [] for _ in range(extra_weight)]
    x_train, x_dev, x_test = (torch.from_numpy(encode_sentences([s.text for s in rows])) for rows in (train, dev, devtest))
    gold = torch.tensor([s.label == "Yes" for s in train], dtype=torch.float32)
    soft = None
    head = ClaimsHead.load(start) if start is not None else ClaimsHead(x_train.shape[1], hidden)
    if start is not None:
        # Learning without forgetting: CheckThat's sentences are taught by the head being continued
        # (its own P(Yes)), the corrections by their labels. With CheckThat's gold labels instead,
        # training on the int8 encoder's states alone moved dev-test 4 points and news 5 points.
        head.eval()
        with torch.no_grad():
            gold[: len(base)] = torch.sigmoid(head(x_train[: len(base)]))
    elif teacher is not None:
        scores = read_claim_scores(teacher / "claims_checkthat.tsv")
        # The teacher scored CheckThat's sentences only: a user's corrections are gold alone.
        soft = torch.tensor([scores.get(s.id, float("nan")) if k < len(base) else float("nan")
                             for k, s in enumerate(train)], dtype=torch.float32)
    optimizer = torch.optim.AdamW(head.parameters(), lr=lr, weight_decay=0.01)
    loss_fn = nn.functional.binary_cross_entropy_with_logits
    for _ in range(epochs):
        head.train()
        for idx in torch.randperm(len(x_train)).split(256):
            logits = head(x_train[idx])
            loss = loss_fn(logits, gold[idx])
            if soft is not None:
                known = ~torch.isnan(soft[idx])
                if known.any():
                    loss = loss + teacher_weight * loss_fn(logits[known], soft[idx][known])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    head.eval()
    with torch.no_grad():
        dev_scores = torch.sigmoid(head(x_dev)).numpy()
        test_scores = torch.sigmoid(head(x_test)).numpy()
    started = json.loads((start / "config.json").read_text()) if start is not None else None
    # A continued head keeps the thresholds it was calibrated with (on CheckThat dev, and in news
    # articles against the teacher), so that before and after differ by the training alone.
    threshold = float(started["threshold"]) if started else best_threshold([s.label == "Yes" for s in dev], dev_scores)
    result = {"threshold": threshold, "dev_f1": round(f1_at([s.label == "Yes" for s in dev], dev_scores, threshold), 4),
              "devtest_f1": round(f1_at([s.label == "Yes" for s in devtest], test_scores, threshold), 4),
              "teacher": teacher is not None and start is None, "epochs": epochs, "seed": seed, "lr": lr,
              "continued_from": None if start is None else "the shipped head"}
    if extra:
        result["extra_sentences"] = len(extra)
    if output is not None:
        config = {"name": "unspin-claims-mlp", "pooling": "mean of the sentence's encoder token states",
                  "threshold": threshold, "threshold_chosen_on": "CheckThat! 2024 dev (shipped int8 encoder)"}
        if started:  # says so in every analysis's engine.models
            config = {**started, "name": started["name"] + RETRAINED}
        head.save(output, {**config, "training": result})
    return result


def f1_of_heads(directories: list[Path], rows: list, news: bool = False) -> list[float]:
    """F1 of Yes of each head in `directories` on labelled sentences (encoded once for all the
    heads): at its CheckThat threshold, or with `news` at the threshold it flags sentences of news
    articles with (`articles`, calibrated after training), as on a user's corrected articles."""
    from ..analyzers.claims import ClaimsModel

    pooled = encode_sentences([r.text for r in rows])
    gold = [r.label == "Yes" for r in rows]
    out = []
    for directory in directories:
        model = ClaimsModel(directory)
        out.append(round(f1_at(gold, model.scores(pooled), model.threshold if news else model.checkthat_threshold), 4))
    return out


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Refit the claims head on the shipped encoder's frozen states.")
    parser.add_argument("--checkthat", type=Path, default=Path("../shared/data/checkthat2024"))
    parser.add_argument("--teacher", type=Path, default=Path("../shared/data/teacher"))
    parser.add_argument("--no-teacher", action="store_true")
    parser.add_argument("--output", type=Path, default=None, help="Write the head here (e.g. src/unspin/models/claims).")
    parser.add_argument("--epochs", type=int, default=30)
    args = parser.parse_args()
    print(json.dumps(refit_head(args.checkthat, None if args.no_teacher else args.teacher, args.output, args.epochs)))
