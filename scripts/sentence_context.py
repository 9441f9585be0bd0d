"""Does the span classifier gain from the context of the span's sentence? (issue 11, item 2)

The shipped span head reads a span as [mean, first, last token state, 4 span features]. This
experiment trains two heads of the same shape on the shipped int8 encoder's states, frozen:
one on those inputs, one on those plus the mean state of the sentence(s) holding the span
(spaCy's sentencizer), each with three seeds, on the gold spans of the PTC training and dev
articles less the validation articles; and prints TC micro-F1 on the validation articles, alone
and averaged with the shipped bag-of-words classifier as `unspin ptc classify` does. The
shipped head itself is scored on the same states for reference. About 4 minutes on 2 cores.

    .venv/bin/python scripts/sentence_context.py --ptc ../shared/data/ptc
"""

from __future__ import annotations

import argparse
import bisect
from collections import defaultdict
from pathlib import Path

import numpy as np
import torch

from unspin.analyzers.encoder import EncoderModel
from unspin.analyzers.sentences import sentence_offsets
from unspin.analyzers.techniques.analyzer import MODEL_DIR, TechniqueModel
from unspin.analyzers.techniques.decoding import pool_span, token_range
from unspin.analyzers.techniques.features import SpanFeatures
from unspin.analyzers.techniques.labels import TECHNIQUE_LABELS
from unspin.document import Document
from unspin.ptc.formats import read_article_texts, read_labels
from unspin.ptc.scoring import technique_classification
from unspin.training.techniques import ranked_labels


def sentence_mean(hidden: np.ndarray, tokens, sentences: list[tuple[int, int]], start: int, end: int) -> np.ndarray:
    starts = [a for a, _ in sentences]
    first_sentence = max(0, bisect.bisect_right(starts, start) - 1)
    last_sentence = max(0, bisect.bisect_right(starts, max(start, end - 1)) - 1)
    first, last = token_range(tokens, sentences[first_sentence][0], sentences[last_sentence][1])
    if last <= first:
        first, last = token_range(tokens, start, end)
    return hidden[first:last].mean(axis=0)


def span_examples(ptc: Path):
    """Pooled span vectors, sentence means, soft targets and (article, start, end) of every gold span."""
    texts, gold = {}, []
    for split in ("train", "dev"):
        texts.update(read_article_texts(ptc / split / "articles"))
        gold += read_labels(ptc / split / "labels.tsv")
    by_article = defaultdict(list)
    for row in gold:
        by_article[row.article_id].append(row)
    encoder = EncoderModel.shared()
    pooled, context, targets, where = [], [], [], []
    for article_id, rows in by_article.items():
        text = texts[article_id]
        states = encoder.encode(text, None)
        sentences = sentence_offsets(Document(text=text))
        features = SpanFeatures(text)
        for start, end in sorted({(g.start, g.end) for g in rows}):
            vector = pool_span(states, text, start, end, features)
            if vector is None:
                continue
            target = np.zeros(len(TECHNIQUE_LABELS), np.float32)
            for g in rows:
                if (g.start, g.end) == (start, end):
                    target[TECHNIQUE_LABELS.index(g.technique)] += 1
            pooled.append(vector)
            context.append(sentence_mean(states.hidden, states.tokens, sentences, start, end))
            targets.append(target / target.sum())
            where.append((article_id, start, end))
    return texts, by_article, np.stack(pooled), np.stack(context), np.stack(targets), where


def train_head(inputs: np.ndarray, targets: np.ndarray, train: np.ndarray, seed: int, epochs: int) -> torch.nn.Module:
    """The shipped head's shape and loss (soft cross-entropy), AdamW 1e-3, batches of 64."""
    torch.manual_seed(seed)
    x, y = torch.from_numpy(inputs[train]), torch.from_numpy(targets[train])
    net = torch.nn.Sequential(torch.nn.Linear(inputs.shape[1], 256), torch.nn.GELU(), torch.nn.Dropout(0.1),
                              torch.nn.Linear(256, len(TECHNIQUE_LABELS)))
    optimiser = torch.optim.AdamW(net.parameters(), lr=1e-3, weight_decay=0.01)
    for _ in range(epochs):
        net.train()
        order = torch.randperm(len(x))
        for batch in range(0, len(x), 64):
            rows = order[batch : batch + 64]
            loss = torch.sum(-y[rows] * torch.log_softmax(net(x[rows]), -1), -1).mean()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
    return net.eval()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ptc", type=Path, default=Path("../shared/data/ptc"))
    parser.add_argument("--epochs", type=int, nargs="+", default=[10, 25])
    args = parser.parse_args()
    torch.set_num_threads(2)
    texts, by_article, pooled, context, targets, where = span_examples(args.ptc)
    validation = set((MODEL_DIR / "validation_ids.txt").read_text().split())
    held = np.array([article_id in validation for article_id, _, _ in where])
    gold = [g for article_id in validation for g in by_article[article_id]]
    shipped = TechniqueModel.shared().head
    words = shipped.text_model.probabilities([texts[a][s:e] for (a, s, e), h in zip(where, held) if h])

    def tc(probs: np.ndarray, weight: float = 0.0) -> float:
        probs = (1 - weight) * probs + weight * words
        predicted = []
        for (article_id, start, end), p in zip([w for w, h in zip(where, held) if h], probs):
            predicted += ranked_labels(article_id, by_article[article_id], [(start, end)], [p])
        return technique_classification(gold, predicted)[0].f1

    weight = shipped.text_weight
    print(f"{len(where)} gold spans, {held.sum()} in the validation articles; TC micro-F1 on them, "
          f"alone / averaged with the words classifier at weight {weight}")
    reference = shipped.probabilities(pooled[held])
    print(f"shipped head (trained with the encoder)      {tc(reference):.4f} / {tc(reference, weight):.4f}")
    for name, inputs in (("span only", pooled), ("span + sentence mean", np.concatenate([pooled, context], 1))):
        for epochs in args.epochs:
            scores = []
            for seed in (1, 2, 3):
                net = train_head(inputs, targets, ~held, seed, epochs)
                with torch.no_grad():
                    probs = torch.softmax(net(torch.from_numpy(inputs[held])), -1).numpy()
                scores.append((tc(probs), tc(probs, weight)))
            mean, spread = np.mean(scores, axis=0), np.std(scores, axis=0)
            print(f"{name:22s} {epochs:3d} epochs, 3 seeds  {mean[0]:.4f} ±{spread[0]:.4f} / {mean[1]:.4f} ±{spread[1]:.4f}",
                  flush=True)


if __name__ == "__main__":
    main()
