"""Train the technique span finder: a token tagger for B/I/O of "inside a technique span" over the
shipped encoder's frozen states (`analyzers/encoder/tagger.py` `SequenceTagger`, shipped as
`finder.npz`).

The encoder graph has a B/I/O layer of its own, a linear map trained with the encoder. The finder
reads runs of 512 tokens through a bidirectional GRU (`--kind bigru`, `standard`'s), or each token
with two neighbours on each side through an MLP (`--kind mlp`, `fast`'s: as good there, and a
GRU would slow `fast` by a fifth), over the int8 states the pipeline really computes, and learns from PTC's gold spans and from the MPNet-base technique teacher's B/I/O
(`../shared/data/teacher`, out of fold on PTC train) at once. It trains on PTC train less the
set's validation articles (`validation_ids.txt`) plus PTC dev, as the set's encoder did; each
epoch is scored on the validation articles (SI and full task, through the shipped span head and
the numpy tagger that ships) over a grid of decodings, and the best epoch ships. With `--members`
above 1 the finder is trained again with the next seeds (13, 14, ...), each member's best epoch is
kept, and the mean of their probabilities ships with the decoding chosen for it (`finder.npz`,
`finder-2.npz`, ...). The states are computed once (under 2 minutes on 2 cores) and an epoch takes
about 40 seconds.

Afterwards rerun `training.span_text` and `training.calibrate` (the span scores changed) and the
goldens (`scripts/golden.py`).

    UNSPIN_MODEL=standard python -m unspin.training.span_finder --data ../shared/data
    UNSPIN_MODEL=fast python -m unspin.training.span_finder --data ../shared/data --kind mlp
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path

import numpy as np
import torch
from torch import nn

from ..analyzers.encoder.states import TokenStates
from ..analyzers.encoder.tagger import SequenceTagger, TokenTagger
from ..analyzers.techniques.analyzer import MODEL_DIR, TechniqueModel
from ..analyzers.techniques.decoding import SpanDecoding, label_spans
from ..ptc.formats import Annotation, read_article_texts, read_labels
from ..ptc.scoring import full_task, span_identification
from .records import record_calibration
from .teacher import load_teacher, technique_targets
from .techniques import gold_bio, seed_everything
from .token_tagger import (
    SequenceHead,
    TaggerHead,
    TokenRows,
    fit_rows,
    fit_runs,
    member_files,
    runs,
)

# Around the encoder graph's own decoding (1.2 / 0.8): the finder's probabilities are softer.
DECODINGS = tuple(SpanDecoding(begin_bias=b, inside_bias=i)
                  for b in (0.4, 0.8, 1.2, 1.6, 2.0, 2.4, 2.8) for i in (0.4, 0.8, 1.2))


@dataclass
class FinderConfig:
    data: str = "../shared/data"
    kind: str = "bigru"  # or "mlp"
    epochs: int = 6
    projection: int = 256
    hidden: int = 128  # each direction of the GRU
    chunk: int = 512  # tokens the GRU reads at a time, in training and at run time
    context: int = 2  # tokens on each side that the MLP reads
    lr: float = 1e-3
    teacher_weight: float = 1.0  # of the soft cross-entropy towards the teacher, beside the gold one
    batch_chunks: int = 8  # runs of `chunk` tokens a step (GRU)
    batch_tokens: int = 1024  # tokens a step (MLP)
    seed: int = 13  # of the first member; the others take the next ones
    members: int = 1  # finders trained with successive seeds, their probabilities averaged
    threads: int = 2


@dataclass
class Article:
    id: str
    text: str
    states: TokenStates
    gold: list[Annotation]
    teacher: np.ndarray | None  # soft O/B/I per token, NaN where the teacher saw nothing

    def tags(self) -> np.ndarray:
        """Gold B/I/O per token."""
        return gold_bio(self.states.tokens, self.gold)

    def soft(self) -> np.ndarray:
        """The teacher's O/B/I per token; rows of NaN where it has none (dev articles)."""
        return self.teacher if self.teacher is not None else np.full((len(self.states.tokens), 3), np.nan, np.float32)


def encoded(ptc: Path, split: str, model: TechniqueModel, keep, teacher: dict) -> list[Article]:
    texts = read_article_texts(ptc / split / "articles")
    gold = defaultdict(list)
    for a in read_labels(ptc / split / "labels.tsv"):
        gold[a.article_id].append(a)
    out = []
    for aid, text in texts.items():
        if keep(aid):
            states = model.encoder.encode(text, None)
            soft = technique_targets(teacher[aid], states.tokens.starts, states.tokens.ends) if aid in teacher else None
            out.append(Article(aid, text, states, gold[aid], soft))
    return out


def chunks(article: Article, size: int) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """(states, gold B/I/O, teacher O/B/I) of each run of `size` tokens of an article."""
    return runs(article.states.hidden, article.tags(), size, article.soft())


def scores(articles: list[Article], probabilities: list[np.ndarray], model: TechniqueModel) -> dict[int, dict]:
    """SI and full-task F1 on `articles` for each decoding of `DECODINGS`, by its index."""
    gold = [a for article in articles for a in article.gold]
    out = {}
    for index, decoding in enumerate(DECODINGS):
        predicted = [Annotation(article.id, s.start, s.end, s.technique)
                     for article, p in zip(articles, probabilities)
                     for s in label_spans(article.text, TokenStates(article.states.tokens, p, article.states.hidden),
                                          model.head, decoding)]
        si, (full, _) = span_identification(gold, predicted), full_task(gold, predicted)
        out[index] = {"si_f1": round(si.f1, 4), "si_precision": round(si.precision, 4), "si_recall": round(si.recall, 4),
                      "full_f1": round(full.f1, 4)}
    return out


def best(by_decoding: dict[int, dict]) -> int:
    """The decoding with the best SI plus full-task F1 (as `training.techniques.evaluate` chooses)."""
    return max(by_decoding, key=lambda k: by_decoding[k]["si_f1"] + by_decoding[k]["full_f1"])


def bigru_epochs(config: FinderConfig, articles: list[Article]):
    """After each epoch: the numpy tagger, its arrays and the mean loss of a batch."""
    pieces = [piece for article in articles for piece in chunks(article, config.chunk)]
    head = SequenceHead(pieces[0][0].shape[1], config.projection, config.hidden, 3)
    for loss in fit_runs(head, pieces, partial(finder_loss, teacher_weight=config.teacher_weight), config.epochs,
                         config.lr, config.batch_chunks):
        arrays = head.arrays()
        yield SequenceTagger(arrays, config.chunk), arrays, loss


def mlp_epochs(config: FinderConfig, articles: list[Article]):
    """As `bigru_epochs`, for the MLP over each token and its neighbours."""
    rows = TokenRows([a.states.hidden for a in articles], config.context)
    gold = torch.from_numpy(np.concatenate([a.tags() for a in articles]))
    soft = torch.from_numpy(np.concatenate([a.soft() for a in articles]))
    head = TaggerHead(rows.width, config.projection, 3)
    for loss in fit_rows(head, rows, gold, soft, partial(finder_loss, teacher_weight=config.teacher_weight),
                         config.epochs, config.lr, config.batch_tokens):
        arrays = head.arrays()
        yield TokenTagger([(arrays["w0"], arrays["b0"]), (arrays["w1"], arrays["b1"])], config.context), arrays, loss


def finder_loss(logits: torch.Tensor, gold: torch.Tensor, soft: torch.Tensor, teacher_weight: float) -> torch.Tensor:
    """Cross-entropy towards the gold tags (-1: no token) plus `teacher_weight` times the soft
    cross-entropy towards the teacher (rows of NaN: the teacher saw nothing there)."""
    loss = nn.functional.cross_entropy(logits, gold, ignore_index=-1)
    taught = ~torch.isnan(soft).any(-1)
    if teacher_weight > 0 and taught.any():
        loss = loss - teacher_weight * (soft[taught] * torch.log_softmax(logits[taught], -1)).sum(-1).mean()
    return loss


def train(config: FinderConfig, output: Path = MODEL_DIR) -> dict:
    torch.set_num_threads(config.threads)
    data, ptc = Path(config.data), Path(config.data) / "ptc"
    model = TechniqueModel(output)
    validation = set((output / "validation_ids.txt").read_text().split())
    teacher = load_teacher(data / "teacher" / "techniques_ptc_train_oof.npz")
    started = time.time()
    train_articles = (encoded(ptc, "train", model, lambda a: a not in validation, teacher)
                      + encoded(ptc, "dev", model, lambda a: True, teacher))
    held_out = encoded(ptc, "train", model, lambda a: a in validation, {})
    print(f"encoded {len(train_articles)} training and {len(held_out)} validation articles in "
          f"{time.time() - started:.0f}s", flush=True)

    before = scores(held_out, [a.states.bio_probs[:, :3] for a in held_out], model)
    graph = {"decoding": asdict(DECODINGS[best(before)]), **before[best(before)]}
    print("the encoder graph's B/I/O:", json.dumps(graph), flush=True)
    history, kept = [], []  # kept: (epoch, arrays, validation probabilities) of each member
    for number in range(1, config.members + 1):
        seed = config.seed + number - 1
        seed_everything(seed)
        fitted = bigru_epochs(config, train_articles) if config.kind == "bigru" else mlp_epochs(config, train_articles)
        chosen, chosen_score = None, -1.0
        for epoch, (tagger, arrays, total) in enumerate(fitted, start=1):  # taggers as they ship, scored as they run
            probabilities = [tagger.probabilities(a.states.hidden) for a in held_out]
            by_decoding = scores(held_out, probabilities, model)
            index = best(by_decoding)
            summary = {"member": number, "seed": seed, "epoch": epoch, "loss": round(total, 4),
                       "decoding": asdict(DECODINGS[index]), **by_decoding[index]}
            history.append(summary)
            print(json.dumps(summary), flush=True)
            if by_decoding[index]["si_f1"] + by_decoding[index]["full_f1"] > chosen_score:
                chosen_score, chosen = by_decoding[index]["si_f1"] + by_decoding[index]["full_f1"], (epoch, arrays,
                                                                                                    probabilities)
        kept.append(chosen)

    # The members together, as they ship: the mean of their probabilities, with its own decoding.
    mean = [np.mean(member, axis=0) for member in zip(*(probabilities for _, _, probabilities in kept))]
    by_decoding = scores(held_out, mean, model)
    index = best(by_decoding)
    files = member_files("finder", config.members)
    for file, (_, arrays, _) in zip(files, kept):
        np.savez(output / file, **arrays)
    shape = ({"name": "span finder: bidirectional GRU over runs of tokens", "kind": "bigru", "chunk": config.chunk}
             if config.kind == "bigru" else
             {"name": "span finder: MLP over each token and its neighbours", "kind": "mlp", "layers": 2,
              "context": config.context})
    finder = {**shape, "tags": ["O", "B", "I"], "members": files, "epochs": [epoch for epoch, _, _ in kept],
              "decoding": asdict(DECODINGS[index]),
              "validation": {"finder": by_decoding[index], "encoder_graph_bio": graph, "articles": len(held_out)},
              "trained_on": f"{len(train_articles)} PTC articles (train less validation, dev), gold spans and the "
                            "MPNet-base teacher's out-of-fold B/I/O",
              "training": asdict(config), "history": history}
    record_calibration(output, "finder", finder)
    return finder


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default="../shared/data", help="The folder holding ptc/ and teacher/.")
    parser.add_argument("--kind", choices=("bigru", "mlp"), default=FinderConfig.kind,
                        help="bigru for standard; mlp for fast, where a GRU costs a fifth of the time for no gain.")
    parser.add_argument("--epochs", type=int, default=None, help="Default: 6 (bigru) or 4 (mlp).")
    parser.add_argument("--output", type=Path, default=MODEL_DIR, help="The techniques folder of a model set.")
    parser.add_argument("--seed", type=int, default=FinderConfig.seed, help="Of the first member.")
    parser.add_argument("--members", type=int, default=None,
                        help="Finders trained with successive seeds and averaged. Default: 2 (bigru) or 1 (mlp).")
    args = parser.parse_args()
    epochs = args.epochs or (FinderConfig.epochs if args.kind == "bigru" else 4)
    members = args.members or (2 if args.kind == "bigru" else 1)
    config = FinderConfig(data=args.data, kind=args.kind, epochs=epochs, seed=args.seed, members=members)
    print(json.dumps(train(config, args.output), indent=2))
