"""Fine-tune one encoder for techniques and attribution together.

Starts from the technique checkpoint and trains on PTC windows (span tagging and span
classification) and PolNeAR windows (source / cue / content tagging with the attribution MLP
over each token and its neighbours) in alternating single-task batches. The exported encoder then
serves both analyzers in one pass, and the attribution MLP ships as `tagger.npz`, run by the same
numpy code as before.
"""

from __future__ import annotations

import json
import random
import shutil
import time
from collections import defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path

import torch
from torch import nn

from ..analyzers.attribution.analyzer import AttributionAnalyzer
from ..analyzers.attribution.findings import Attribution
from ..analyzers.attribution.tagger import MODEL_DIR, ROLE_TAGS, AttributionTagger
from ..analyzers.encoder import TENSOR
from ..analyzers.encoder.states import encode
from ..analyzers.encoder.tokens import SubwordTokenizer, sliding_windows
from ..analyzers.structure import StructureAnalyzer
from ..document import Document
from ..polnear.formats import read_corpus
from ..polnear.scoring import score as score_attribution
from ..ptc.formats import read_article_texts, read_labels
from .attribution import gold_tags, save, to_gold
from .techniques import (
    TechniqueNet,
    WindowExample,
    base_encoder_path,
    build_examples,
    collate,
    evaluate,
    seed_everything,
    technique_loss,
    torch_encoder,
)
from .token_tagger import TaggerHead


@dataclass
class MultitaskConfig:
    ptc: str
    polnear: str
    run: str
    output: str
    epochs: int = 2
    batch_size: int = 16
    encoder_lr: float = 3e-5
    head_lr: float = 5e-4
    context: int = 2
    seed: int = 13
    # Continue an earlier multitask run instead of starting from the technique checkpoint.
    resume_checkpoint: str | None = None
    resume_tagger: str | None = None
    # Self-training: a PTC-layout folder (articles/, labels.tsv) of unlabelled articles whose
    # labels a shipped model predicted (`unspin ptc predict`); every article in it is trained on.
    pseudo: str | None = None
    # Also train the per-token technique head (training only; see TechniqueNet).
    token_techniques: bool = False


def shift(hidden: torch.Tensor, context: int) -> torch.Tensor:
    """Torch twin of `with_neighbours` over [batch, tokens, width]."""
    parts = []
    for k in range(-context, context + 1):
        if k == 0:
            parts.append(hidden)
            continue
        shifted = torch.zeros_like(hidden)
        if k < 0:
            shifted[:, -k:] = hidden[:, :k]
        else:
            shifted[:, :-k] = hidden[:, k:]
        parts.append(shifted)
    return torch.cat(parts, dim=-1)


def polnear_examples(tokenizer: SubwordTokenizer, corpus: dict) -> list[WindowExample]:
    structure = StructureAnalyzer()
    out = []
    for name, (text, gold) in corpus.items():
        doc = structure(Document(text=text, id=name))
        tokens = tokenizer.tokenize(text, doc.content_regions())
        tags = gold_tags(doc, tokens, gold)
        for w in sliding_windows(len(tokens)):
            out.append(WindowExample(tokens.ids[w.first : w.last], tags[w.first : w.last], []))
    return out


def attribution_dev(model, head, tokenizer, dev_corpus, scratch: Path, context: int) -> dict:
    """Attribution scores on PolNeAR dev with the torch encoder in training, through the same
    analyzer code `unspin analyze` runs."""
    save(head, scratch, {"name": "scratch", "layers": 2, "context": context, "tags": list(ROLE_TAGS)})
    analyzer = AttributionAnalyzer(tagger=AttributionTagger(scratch), type_entities=False)
    structure = StructureAnalyzer()
    run = torch_encoder(model)
    gold, pred = {}, {}
    for name, (text, attributions) in dev_corpus.items():
        doc = structure(Document(text=text, id=name))
        doc.tensors[TENSOR] = encode(doc.text, doc.content_regions(), tokenizer, run)
        doc = analyzer(doc)
        pred[name] = [to_gold(a) for a in Attribution.read(doc)]
        gold[name] = attributions
    return {k: round(v.f1, 4) for k, v in score_attribution(gold, pred).items()}


def train(config: MultitaskConfig) -> None:
    seed_everything(config.seed)
    torch.set_num_threads(2)
    run = Path(config.run)
    run_config = json.loads((run / "config.json").read_text())
    run_config.pop("multitask", None)
    out = Path(config.output)
    out.mkdir(parents=True, exist_ok=True)
    (out / "config.json").write_text(json.dumps({**run_config, "multitask": asdict(config)}, indent=2))
    tokenizer = SubwordTokenizer(base_encoder_path() / "tokenizer.json")

    ptc = Path(config.ptc)
    texts = read_article_texts(ptc / "articles")
    labels = read_labels(ptc / "labels.tsv")
    by_article = defaultdict(list)
    for a in labels:
        by_article[a.article_id].append(a)
    ptc_examples = [e for aid in run_config["train_ids"] for e in build_examples(tokenizer, texts[aid], by_article[aid])]
    if config.pseudo:
        pseudo_texts = read_article_texts(Path(config.pseudo) / "articles")
        overlap = set(pseudo_texts) & (set(run_config["validation_ids"]) | set(run_config["train_ids"]))
        if overlap:
            raise ValueError(f"pseudo-labelled articles overlap the PTC training articles: {sorted(overlap)[:5]}")
        pseudo_labels = defaultdict(list)
        for a in read_labels(Path(config.pseudo) / "labels.tsv"):
            pseudo_labels[a.article_id].append(a)
        ptc_examples += [e for aid, text in sorted(pseudo_texts.items())
                         for e in build_examples(tokenizer, text, pseudo_labels[aid])]
    val_texts = {aid: texts[aid] for aid in run_config["validation_ids"]}
    val_gold = [a for aid in run_config["validation_ids"] for a in by_article[aid]]
    polnear_train = polnear_examples(tokenizer, read_corpus(Path(config.polnear) / "train"))
    dev_corpus = read_corpus(Path(config.polnear) / "dev")
    print(f"{len(ptc_examples)} PTC windows, {len(polnear_train)} PolNeAR windows", flush=True)

    model = TechniqueNet(base_encoder_path(), run_config["span_hidden"], config.token_techniques)
    model.load_checkpoint(Path(config.resume_checkpoint or run / "best.pt"))
    head = (TaggerHead.load(Path(config.resume_tagger)) if config.resume_tagger
            else TaggerHead(model.encoder.config.hidden_size * (2 * config.context + 1), 256, len(ROLE_TAGS)))
    optimizer = torch.optim.AdamW(
        [{"params": model.encoder.parameters(), "lr": config.encoder_lr},
         {"params": [p for name, p in model.named_parameters() if not name.startswith("encoder.")]
          + list(head.parameters()), "lr": config.head_lr}],
        weight_decay=0.01,
    )
    batches = [("ptc", i) for i in range(0, len(ptc_examples), config.batch_size)]
    batches += [("polnear", i) for i in range(0, len(polnear_train), config.batch_size)]
    total = len(batches) * config.epochs
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: max(0.0, 1 - s / total))
    tag_loss = nn.CrossEntropyLoss(ignore_index=-100)
    started = time.time()
    history = []
    for epoch in range(config.epochs):
        random.shuffle(ptc_examples)
        random.shuffle(polnear_train)
        random.shuffle(batches)
        model.train()
        head.train()
        for step, (task, offset) in enumerate(batches):
            pool = ptc_examples if task == "ptc" else polnear_train
            ids, mask, tags, targets = collate(pool[offset : offset + config.batch_size], tokenizer)
            logits, hidden = model(ids, mask)
            if task == "ptc":
                loss = technique_loss(model, logits, hidden, tags, targets)
            else:
                hidden = hidden * mask.unsqueeze(-1)
                loss = tag_loss(head(shift(hidden, config.context)).reshape(-1, len(ROLE_TAGS)), tags.reshape(-1))
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(list(model.parameters()) + list(head.parameters()), 1.0)
            optimizer.step()
            scheduler.step()
            if step % 50 == 0:
                print(f"epoch {epoch + 1} step {step}/{len(batches)} {task} loss {loss.item():.4f} "
                      f"elapsed {time.time() - started:.0f}s", flush=True)
        model.eval()
        head.eval()
        techniques = evaluate(torch_encoder(model), model.numpy_span_head(), tokenizer, val_texts, val_gold)
        best = techniques["best"]
        attribution = attribution_dev(model, head, tokenizer, dev_corpus, out / f"tagger-epoch{epoch + 1}", config.context)
        summary = {"epoch": epoch + 1, "si_f1": techniques["by_decoding"][best]["si"]["f1"],
                   "full_f1": techniques["by_decoding"][best]["full"]["f1"], "tc_f1": techniques["tc"]["f1"],
                   **attribution, "elapsed_s": round(time.time() - started)}
        history.append(summary)
        print(json.dumps(summary), flush=True)
        torch.save(model.state_dict(), out / f"epoch{epoch + 1}.pt")
        (out / "history.json").write_text(json.dumps(history, indent=2))


def ship_tagger(run: Path, epoch: int, target: Path = MODEL_DIR) -> dict:
    """Copy the attribution MLP trained at `epoch` into the package, with its config.

    The technique encoder of the same epoch must be exported too (`training.export
    --checkpoint epochN.pt`): the tagger reads that encoder's states.
    """
    history = json.loads((run / "history.json").read_text())
    config = json.loads((run / "config.json").read_text())["multitask"]
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(run / f"tagger-epoch{epoch}" / "tagger.npz", target / "tagger.npz")
    shipped = {
        "name": "unspin-attribution-mlp-multitask",
        "layers": 2,
        "context": config["context"],
        "tags": list(ROLE_TAGS),
        "encoder": "unspin-techniques-minilm-l6-int8 (trained jointly on PTC and PolNeAR)",
        "training": config,
        "epoch": epoch,
        "dev_fp32": next(h for h in history if h["epoch"] == epoch),
    }
    (target / "config.json").write_text(json.dumps(shipped, indent=2) + "\n")
    return shipped


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ptc", default="../shared/data/ptc/train")
    parser.add_argument("--polnear", default="../shared/data/polnear")
    parser.add_argument("--run", default="runs/techniques")
    parser.add_argument("--output", default="runs/multitask")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--encoder-lr", type=float, default=3e-5)
    parser.add_argument("--head-lr", type=float, default=5e-4)
    parser.add_argument("--resume-checkpoint", default=None)
    parser.add_argument("--resume-tagger", default=None)
    parser.add_argument("--pseudo", default=None, help="PTC-layout folder of pseudo-labelled articles (self-training).")
    parser.add_argument("--token-techniques", action="store_true", help="Also train the per-token technique head.")
    parser.add_argument("--ship", type=int, default=None, metavar="EPOCH",
                        help="Instead of training, copy the attribution tagger of this epoch into the package.")
    args = parser.parse_args()
    if args.ship:
        print(json.dumps(ship_tagger(Path(args.output), args.ship), indent=2))
    else:
        train(MultitaskConfig(ptc=args.ptc, polnear=args.polnear, run=args.run, output=args.output, epochs=args.epochs,
                              encoder_lr=args.encoder_lr, head_lr=args.head_lr,
                              resume_checkpoint=args.resume_checkpoint, resume_tagger=args.resume_tagger,
                              pseudo=args.pseudo, token_techniques=args.token_techniques))
