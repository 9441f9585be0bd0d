"""One retraining of the shared encoder for every head, with teacher distillation.

Each encoder window trains every head it has targets for, in one forward pass:
- technique B/I/O and span classes from PTC gold (train minus the validation articles, plus
  the labelled `dev` articles), and the technique teacher's B/I/O on every text it scored (PTC
  out-of-fold, PTC unlabelled, PolNeAR texts);
- attribution roles from PolNeAR gold, and the attribution teacher's roles on PolNeAR and on
  PTC texts;
- check-worthiness of the news sentences inside the window, from the claims teacher.
CheckThat! sentences (gold Yes/No plus the teacher's P(Yes)) come in batches of their own.

The encoder, B/I/O layer and span head export as before (`training.export`); the attribution
MLP and the claims head are written next to each epoch's checkpoint and shipped by
`--ship EPOCH`.
"""

from __future__ import annotations

import json
import random
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import numpy as np
import torch
from torch import nn

from ..analyzers.attribution.tagger import ROLE_TAGS
from ..analyzers.encoder import MODEL_DIR as ENCODER_DIR
from ..analyzers.encoder.tokens import SubwordTokenizer, TokenizedText, sliding_windows
from ..analyzers.structure import StructureAnalyzer
from ..analyzers.techniques.analyzer import MODEL_DIR as TECHNIQUES_DIR
from ..checkthat.formats import read_sentences
from ..document import Document
from ..polnear.formats import read_corpus
from ..ptc.formats import read_article_texts, read_labels
from .attribution import gold_tags
from .claims import ClaimsHead, best_threshold, f1_at
from .multitask import attribution_dev, shift
from .shipped import architecture, load_shipped
from .teacher import (
    load_teacher,
    read_claim_scores,
    read_sentence_scores,
    role_targets,
    technique_targets,
)
from .techniques import (
    TechniqueNet,
    base_encoder_path,
    build_examples,
    class_weights,
    evaluate,
    gold_bio,
    keep_first_layers,
    start_run,
    technique_loss,
    torch_encoder,
)
from .token_tagger import TaggerHead

IGNORE = -100


@dataclass
class JointConfig:
    ptc: str = "../shared/data/ptc"
    polnear: str = "../shared/data/polnear"
    checkthat: str = "../shared/data/checkthat2024"
    teacher: str | None = "../shared/data/teacher"
    output: str = "runs/joint"
    validation_ids: str = str(TECHNIQUES_DIR / "validation_ids.txt")
    epochs: int = 3
    batch_size: int = 16
    encoder_lr: float = 6e-5
    head_lr: float = 1e-3
    warmup: float = 0.06
    context: int = 2
    span_hidden: int = 256
    claims_hidden: int = 256
    polnear_per_epoch: int = 300  # PolNeAR articles per epoch, a different slice each epoch
    checkthat_per_epoch: int = 6000
    checkthat_batch: int = 64
    # Soft cross-entropy to the teachers, against 1.0 for gold. The technique teacher's B/I/O is
    # weak token by token (it decodes with a threshold), so it counts for less.
    distill_weight: float = 1.0
    technique_distill_weight: float = 0.5
    # Span classifier loss weights (frequency / mean) ** -power per technique; 0: unweighted.
    class_weight_power: float = 0.0
    # Which teacher targets train: "all" (also the texts only the teacher labels: PTC unlabelled,
    # PolNeAR for techniques, PTC for attribution, news sentences for claims), "labelled" (only
    # where the same window or sentence has gold for that task) or "none" (gold only).
    distill: str = "all"
    use_ptc_dev: bool = True
    # "base": the base encoder with new heads; "shipped": continue from the shipped int8 models.
    init: str = "base"
    # The base encoder's folder (transformers layout); empty for all-MiniLM-L6-v2 from its package.
    encoder: str = ""
    # Keep only the encoder's first `layers` layers (0: all of them).
    layers: int = 0
    device: str = "cpu"
    threads: int = 2
    seed: int = 13
    max_documents: int = 0  # per corpus, for a quick trial run; 0 for all


@dataclass
class Window:
    input_ids: np.ndarray
    bio: np.ndarray  # gold technique tags, IGNORE where unknown
    spans: list  # gold technique spans: (first, last, features, target)
    roles: np.ndarray  # gold attribution tags, IGNORE where unknown
    teacher_bio: np.ndarray  # [n, 3], NaN rows where the teacher says nothing
    teacher_roles: np.ndarray  # [n, tags], NaN rows likewise
    sentences: list  # (first, last, p_yes) local token ranges of whole sentences


def _slice(array: np.ndarray | None, first: int, last: int, shape: tuple) -> np.ndarray:
    if array is None:
        return np.full(shape, np.nan if len(shape) > 1 else IGNORE, dtype=np.float32 if len(shape) > 1 else np.int64)
    return array[first:last]


def windows_of(tokens: TokenizedText, *, bio=None, spans_per_window=None, roles=None,
               teacher_bio=None, teacher_roles=None, sentences=()) -> list[Window]:
    windows = sliding_windows(len(tokens))
    local_sentences: list[list] = [[] for _ in windows]
    for start, end, p in sentences:
        inside = np.nonzero((tokens.starts >= start) & (tokens.ends <= end))[0]
        if not len(inside):
            continue
        first, last = int(inside[0]), int(inside[-1]) + 1
        for i, w in enumerate(windows):
            if w.first <= first and last <= w.last:
                local_sentences[i].append((first - w.first, last - w.first, p))
                break
    out = []
    for i, w in enumerate(windows):
        n = w.last - w.first
        out.append(Window(
            tokens.ids[w.first : w.last],
            _slice(bio, w.first, w.last, (n,)),
            spans_per_window[i] if spans_per_window else [],
            _slice(roles, w.first, w.last, (n,)),
            _slice(teacher_bio, w.first, w.last, (n, 3)),
            _slice(teacher_roles, w.first, w.last, (n, len(ROLE_TAGS))),
            local_sentences[i],
        ))
    return out


def collate(batch: list[Window], tokenizer: SubwordTokenizer):
    width = max(len(w.input_ids) for w in batch) + 2
    rows = len(batch)
    ids = torch.full((rows, width), tokenizer.pad_id, dtype=torch.long)
    mask = torch.zeros((rows, width), dtype=torch.long)
    bio = torch.full((rows, width), IGNORE, dtype=torch.long)
    roles = torch.full((rows, width), IGNORE, dtype=torch.long)
    teacher_bio = torch.full((rows, width, 3), float("nan"))
    teacher_roles = torch.full((rows, width, len(ROLE_TAGS)), float("nan"))
    span_rows, span_first, span_last, feats, targets, sentences = [], [], [], [], [], []
    for row, w in enumerate(batch):
        n = len(w.input_ids)
        ids[row, 0], ids[row, n + 1] = tokenizer.cls_id, tokenizer.sep_id
        ids[row, 1 : n + 1] = torch.from_numpy(w.input_ids)
        mask[row, : n + 2] = 1
        bio[row, 1 : n + 1] = torch.from_numpy(w.bio)
        roles[row, 1 : n + 1] = torch.from_numpy(w.roles)
        teacher_bio[row, 1 : n + 1] = torch.from_numpy(w.teacher_bio)
        teacher_roles[row, 1 : n + 1] = torch.from_numpy(w.teacher_roles)
        for first, last, f, t in w.spans:
            span_rows.append(row)
            span_first.append(first + 1)
            span_last.append(last + 1)
            feats.append(f)
            targets.append(t)
        sentences += [(row, first + 1, last + 1, p) for first, last, p in w.sentences]
    spans = None
    if span_rows:
        spans = (span_rows, span_first, span_last, torch.from_numpy(np.stack(feats)), torch.from_numpy(np.stack(targets)))
    return ids, mask, bio, spans, roles, teacher_bio, teacher_roles, sentences


def soft_cross_entropy(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor | None:
    """Mean over the rows the teacher scored (rows of NaN are skipped)."""
    known = ~torch.isnan(target[..., 0])
    if not known.any():
        return None
    return -(target[known] * torch.log_softmax(logits[known], -1)).sum(-1).mean()


def pool_sentences(hidden: torch.Tensor, sentences: list) -> torch.Tensor:
    return torch.stack([hidden[row, a:b].mean(0) for row, a, b, _ in sentences])


class Joint(nn.Module):
    def __init__(self, config: JointConfig):
        super().__init__()
        if config.init not in ("base", "shipped"):
            raise ValueError(f"init must be 'base' or 'shipped', not {config.init!r}")
        base = Path(config.encoder) if config.encoder else base_encoder_path()
        self.net = TechniqueNet(base if config.init == "base" else architecture(), config.span_hidden)
        if config.layers:
            keep_first_layers(self.net.encoder, config.layers)
        size = self.net.encoder.config.hidden_size
        self.tagger = TaggerHead(size * (2 * config.context + 1), 256, len(ROLE_TAGS))
        self.claims = ClaimsHead(size, config.claims_hidden)
        if config.init == "shipped":
            load_shipped(self.net, self.tagger, self.claims)


def restrict(windows: list[Window], polnear: list[list[Window]], checkthat: list, distill: str):
    """The training data of one distillation setting (see `JointConfig.distill`), from data built
    with every teacher target."""
    if distill == "all":
        return windows, polnear, checkthat
    if distill not in ("labelled", "none"):
        raise ValueError(f"distill must be 'all', 'labelled' or 'none', not {distill!r}")

    def keep(w: Window) -> Window:
        has_bio, has_roles = bool((w.bio != IGNORE).any()), bool((w.roles != IGNORE).any())
        return replace(
            w,
            teacher_bio=w.teacher_bio if distill == "labelled" and has_bio else np.full_like(w.teacher_bio, np.nan),
            teacher_roles=w.teacher_roles if distill == "labelled" and has_roles else np.full_like(w.teacher_roles, np.nan),
            sentences=[],  # news sentences have no gold check-worthiness
        )

    def labelled(w: Window) -> bool:
        return bool((w.bio != IGNORE).any() or (w.roles != IGNORE).any())

    windows = [keep(w) for w in windows if labelled(w)]
    polnear = [[keep(w) for w in article] for article in polnear]
    if distill == "none":
        checkthat = [(ids, gold, float("nan")) for ids, gold, _ in checkthat]
    return windows, polnear, checkthat


class Trainer:
    def __init__(self, config: JointConfig):
        self.config = config
        # The shipped tokenizer is the base encoder's (export copies it), and needs no base package.
        folder = Path(config.encoder) if config.encoder else ENCODER_DIR
        self.tokenizer = SubwordTokenizer(folder / "tokenizer.json")
        self.structure = StructureAnalyzer()
        self.device = torch.device(config.device)
        self.span_class_weights: torch.Tensor | None = None

    def weigh_classes(self, windows: list[Window]) -> None:
        weights = class_weights([t for w in windows for *_, t in w.spans], self.config.class_weight_power)
        self.span_class_weights = None if weights is None else torch.from_numpy(weights).to(self.device)

    def window_loss(self, model: Joint, batch: list[Window]) -> tuple[torch.Tensor, dict]:
        c = self.config
        ids, mask, bio, spans, roles, teacher_bio, teacher_roles, sentences = collate(batch, self.tokenizer)
        ids, mask, bio, roles, teacher_bio, teacher_roles = (
            t.to(self.device) for t in (ids, mask, bio, roles, teacher_bio, teacher_roles))
        logits, hidden = self.encode_windows(model, batch, ids, mask)
        parts: dict[str, torch.Tensor] = {}
        if (bio != IGNORE).any():
            parts["techniques"] = technique_loss(model.net, logits, hidden, bio, (spans, None), self.span_class_weights)
        distilled = soft_cross_entropy(logits, teacher_bio)
        if distilled is not None:
            parts["techniques_teacher"] = c.technique_distill_weight * distilled
        if (roles != IGNORE).any() or not torch.isnan(teacher_roles[..., 0]).all():
            role_logits = model.tagger(shift(hidden * mask.unsqueeze(-1), c.context))
            if (roles != IGNORE).any():
                parts["roles"] = nn.functional.cross_entropy(
                    role_logits.reshape(-1, len(ROLE_TAGS)), roles.reshape(-1), ignore_index=IGNORE)
            distilled = soft_cross_entropy(role_logits, teacher_roles)
            if distilled is not None:
                parts["roles_teacher"] = c.distill_weight * distilled
        if sentences:
            scores = model.claims(pool_sentences(hidden, sentences))
            target = torch.tensor([p for *_, p in sentences], dtype=torch.float32, device=self.device)
            parts["claims_teacher"] = c.distill_weight * nn.functional.binary_cross_entropy_with_logits(scores, target)
        return sum(parts.values()), parts

    def encode_windows(self, model: Joint, batch: list[Window], ids: torch.Tensor, mask: torch.Tensor):
        """B/I/O logits and token states of a batch of windows (a subclass may read them from a cache)."""
        return model.net(ids, mask)

    def encode_sentences(self, model: Joint, batch: list, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return model.net(ids, mask)[1]

    def sentence_loss(self, model: Joint, batch: list[tuple[np.ndarray, float, float]]) -> tuple[torch.Tensor, dict]:
        ids, mask = (t.to(self.device) for t in sentence_inputs(self.tokenizer, [b[0] for b in batch]))
        hidden = self.encode_sentences(model, batch, ids, mask)
        scores = model.claims(masked_mean(hidden, mask))
        gold = torch.tensor([b[1] for b in batch], dtype=torch.float32, device=self.device)
        teacher = torch.tensor([b[2] for b in batch], dtype=torch.float32, device=self.device)
        parts = {"claims": nn.functional.binary_cross_entropy_with_logits(scores, gold)}
        known = ~torch.isnan(teacher)
        if known.any():
            parts["claims_teacher"] = self.config.distill_weight * nn.functional.binary_cross_entropy_with_logits(
                scores[known], teacher[known])
        return sum(parts.values()), parts


def sentence_inputs(tokenizer: SubwordTokenizer, token_ids: list[np.ndarray]) -> tuple[torch.Tensor, torch.Tensor]:
    """One sentence a row, [CLS] ... [SEP], padded to the longest; pooling skips both markers."""
    width = max(len(t) for t in token_ids) + 2
    ids = torch.full((len(token_ids), width), tokenizer.pad_id, dtype=torch.long)
    mask = torch.zeros((len(token_ids), width), dtype=torch.long)
    for row, t in enumerate(token_ids):
        ids[row, 0], ids[row, len(t) + 1] = tokenizer.cls_id, tokenizer.sep_id
        ids[row, 1 : len(t) + 1] = torch.from_numpy(t)
        mask[row, : len(t) + 2] = 1
    return ids, mask


def masked_mean(hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Mean of each row's tokens between [CLS] and [SEP]."""
    inner = mask.clone()
    inner[:, 0] = 0
    lengths = mask.sum(1)
    inner[torch.arange(len(mask)), lengths - 1] = 0
    weights = inner.unsqueeze(-1).float()
    return (hidden * weights).sum(1) / weights.sum(1).clamp(min=1.0)


def _teacher(config: JointConfig, name: str) -> dict:
    if not config.teacher:
        return {}
    path = Path(config.teacher) / f"{name}.npz"
    return load_teacher(path) if path.exists() else {}


def _clean(text: str) -> bool:
    # The teachers read files with universal newlines; offsets only agree where there is no \r.
    return "\r" not in text


def build_data(trainer: Trainer, config: JointConfig, validation_ids: set[str]):
    tokenizer, structure = trainer.tokenizer, trainer.structure
    ptc = Path(config.ptc)
    sentence_scores = read_sentence_scores(Path(config.teacher) / "claims_news_sentences.tsv") if config.teacher else {}
    tech = {**_teacher(config, "techniques_ptc_train_oof"), **_teacher(config, "techniques_ptc_unlabeled")}
    roles_ptc = {**_teacher(config, "attribution_ptc_train"), **_teacher(config, "attribution_ptc_unlabeled")}

    def ptc_windows(aid: str, text: str, gold, corpus: str) -> list[Window]:
        tokens = tokenizer.tokenize(text)
        extra: dict = {"sentences": sentence_scores.get((corpus, aid), []) if _clean(text) else ()}
        if _clean(text) and aid in tech:
            extra["teacher_bio"] = technique_targets(tech[aid], tokens.starts, tokens.ends)
        if _clean(text) and aid in roles_ptc:
            extra["teacher_roles"] = role_targets(roles_ptc[aid], tokens.starts, tokens.ends)
        if gold is not None:
            # build_examples cuts the same windows from the same tokens; take its span targets.
            extra["spans_per_window"] = [e.spans for e in build_examples(tokenizer, text, gold)]
            extra["bio"] = gold_bio(tokens, gold)
        return windows_of(tokens, **extra)

    ptc_train = read_article_texts(ptc / "train" / "articles")
    labels = defaultdict(list)
    for a in read_labels(ptc / "train" / "labels.tsv"):
        labels[a.article_id].append(a)
    limit = config.max_documents or None
    gold_ids = [aid for aid in ptc_train if aid not in validation_ids][:limit]
    windows = [w for aid in gold_ids for w in ptc_windows(aid, ptc_train[aid], labels[aid], "ptc_train")]
    dev_ids: set[str] = set()
    dev_texts: dict[str, str] = {}
    if config.use_ptc_dev and (ptc / "dev").exists():
        dev_texts = read_article_texts(ptc / "dev" / "articles")
        dev_labels = defaultdict(list)
        for a in read_labels(ptc / "dev" / "labels.tsv"):
            dev_labels[a.article_id].append(a)
        dev_ids = set(sorted(set(dev_texts) - validation_ids)[:limit])
        windows += [w for aid in sorted(dev_ids) for w in ptc_windows(aid, dev_texts[aid], dev_labels[aid], "ptc_unlabeled")]
    if config.teacher and (ptc / "unlabeled").exists():
        unlabeled = read_article_texts(ptc / "unlabeled")
        windows += [w for aid in sorted(set(unlabeled) - set(dev_texts) - validation_ids)[:limit]
                    for w in ptc_windows(aid, unlabeled[aid], None, "ptc_unlabeled")]

    tech_polnear = _teacher(config, "techniques_polnear_train")
    roles_polnear = _teacher(config, "attribution_polnear_train")
    polnear: list[list[Window]] = []
    for name, (text, gold) in list(read_corpus(Path(config.polnear) / "train").items())[:limit]:
        doc = structure(Document(text=text, id=name))
        tokens = tokenizer.tokenize(text, doc.content_regions())
        extra = {}
        if _clean(text) and name in tech_polnear:
            extra["teacher_bio"] = technique_targets(tech_polnear[name], tokens.starts, tokens.ends)
        if _clean(text) and name in roles_polnear:
            extra["teacher_roles"] = role_targets(roles_polnear[name], tokens.starts, tokens.ends)
        polnear.append(windows_of(tokens, roles=gold_tags(doc, tokens, gold),
                                  sentences=sentence_scores.get(("polnear_train", name), []) if _clean(text) else (),
                                  **extra))

    claim_teacher = read_claim_scores(Path(config.teacher) / "claims_checkthat.tsv") if config.teacher else {}
    checkthat = [(tokenizer.tokenize(s.text).ids[:254], 1.0 if s.label == "Yes" else 0.0,
                  claim_teacher.get(s.id, float("nan")))
                 for s in read_sentences(Path(config.checkthat) / "train.tsv", strict=False)][: limit and limit * 100]
    return windows, polnear, checkthat


def claims_scores(model: Joint, tokenizer: SubwordTokenizer, sentences, batch: int = 64) -> np.ndarray:
    out = []
    device = next(model.parameters()).device
    with torch.no_grad():
        for i in range(0, len(sentences), batch):
            chunk = [tokenizer.tokenize(s.text).ids[:254] for s in sentences[i : i + batch]]
            ids, mask = (t.to(device) for t in sentence_inputs(tokenizer, chunk))
            _, hidden = model.net(ids, mask)
            out.append(torch.sigmoid(model.claims(masked_mean(hidden, mask))).cpu().numpy())
    return np.concatenate(out)


def validate(model: Joint, trainer: Trainer, validation: tuple, out: Path, epoch: int) -> dict:
    """Every head's validation scores (PTC validation articles, PolNeAR dev, CheckThat dev and
    dev-test); saves the attribution and claims heads of this epoch beside its checkpoint."""
    val_texts, val_gold, dev_corpus, claims_dev, claims_devtest = validation
    summary: dict = {}
    techniques = evaluate(torch_encoder(model.net), model.net.numpy_span_head(), trainer.tokenizer, val_texts, val_gold)
    best = techniques["by_decoding"][techniques["best"]]
    summary.update(si_f1=best["si"]["f1"], full_f1=best["full"]["f1"], tc_f1=techniques["tc"]["f1"])
    summary.update(attribution_dev(model.net, model.tagger, trainer.tokenizer, dev_corpus, out / f"tagger-epoch{epoch}",
                                   trainer.config.context))
    dev_scores = claims_scores(model, trainer.tokenizer, claims_dev)
    threshold = best_threshold([s.label == "Yes" for s in claims_dev], dev_scores)
    devtest_scores = claims_scores(model, trainer.tokenizer, claims_devtest)
    summary.update(claims_threshold=threshold,
                   claims_dev_f1=f1_at([s.label == "Yes" for s in claims_dev], dev_scores, threshold),
                   claims_devtest_f1=f1_at([s.label == "Yes" for s in claims_devtest], devtest_scores, threshold))
    model.claims.save(out / f"claims-epoch{epoch}", {"threshold": threshold})
    return summary


def epoch_batches(config: JointConfig, epoch: int, windows: list[Window], polnear: list[list[Window]],
                  checkthat: list, polnear_order: list[int], checkthat_order: list[int]) -> list[tuple[str, list]]:
    """One epoch's shuffled batches: every PTC window, this epoch's slice of PolNeAR articles (a
    different one each epoch) and of CheckThat sentences, each kind in batches of its own."""
    per_epoch_polnear = min(config.polnear_per_epoch, len(polnear))
    first = epoch * per_epoch_polnear
    chosen = [polnear_order[(first + k) % len(polnear)] for k in range(per_epoch_polnear)]
    pool = windows + [w for k in chosen for w in polnear[k]]
    random.shuffle(pool)
    batches = [("windows", pool[i : i + config.batch_size]) for i in range(0, len(pool), config.batch_size)]
    take = min(config.checkthat_per_epoch, len(checkthat))
    picked = [checkthat[checkthat_order[(epoch * take + k) % len(checkthat)]] for k in range(take)]
    picked.sort(key=lambda s: len(s[0]))  # similar lengths share a batch: less padding
    sentence_batches = [picked[i : i + config.checkthat_batch] for i in range(0, len(picked), config.checkthat_batch)]
    batches += [("checkthat", b) for b in sentence_batches]
    random.shuffle(batches)
    return batches


def train(config: JointConfig, data: tuple | None = None, score_start: bool = True) -> list[dict]:
    """Train, evaluate and save every epoch under `config.output`. `data` is what `build_data`
    returned, to share one build between runs that differ only in `config.distill`. With
    `score_start`, a run from the shipped models first scores them as "epoch 0"."""
    out = start_run(config.seed, config.threads, config.output)
    torch.backends.cuda.matmul.allow_tf32 = True
    validation_ids = read_validation_ids(config)
    trainer = Trainer(config)
    started = time.time()
    if data is None:
        data = build_data(trainer, config, set(validation_ids))
    windows, polnear, checkthat = restrict(*data, config.distill)
    trainer.weigh_classes(windows)
    if trainer.span_class_weights is not None:
        print("span class weights:", np.round(trainer.span_class_weights.cpu().numpy(), 2).tolist(), flush=True)
    validation = run_begins(out, config, validation_ids, (windows, polnear, checkthat), started)
    model = Joint(config).to(trainer.device)
    history = []
    if score_start and config.init == "shipped":  # where the run starts, scored the same way as each epoch
        model.eval()
        history.append({"epoch": 0, **validate(model, trainer, validation, out, 0),
                        "elapsed_s": round(time.time() - started)})
        print(json.dumps(history[-1]), flush=True)
    encoder_params = list(model.net.encoder.parameters())
    encoder_ids = {id(p) for p in encoder_params}
    optimizer = torch.optim.AdamW(
        [{"params": encoder_params, "lr": config.encoder_lr},
         {"params": [p for p in model.parameters() if id(p) not in encoder_ids], "lr": config.head_lr}],
        weight_decay=0.01)
    polnear_order = list(range(len(polnear)))
    random.shuffle(polnear_order)
    scheduler = linear_schedule(optimizer, config, windows, polnear, checkthat)
    checkthat_order = list(range(len(checkthat)))
    random.shuffle(checkthat_order)
    for epoch in range(config.epochs):
        batches = epoch_batches(config, epoch, windows, polnear, checkthat, polnear_order, checkthat_order)
        run_epoch(model, trainer, (optimizer, scheduler), batches, epoch, list(model.parameters()),
                  (out, validation, history), started)
    return history


def read_validation_ids(config: JointConfig) -> list[str]:
    return [line.strip() for line in Path(config.validation_ids).read_text().split() if line.strip()]


def run_begins(out: Path, config: JointConfig, validation_ids: list[str], data: tuple, started: float) -> tuple:
    """Write the run's config (with its training and validation ids), say what data it has, and
    return the validation sets every epoch is scored on (a few of each for a trial with
    `max_documents`)."""
    windows, polnear, checkthat = data
    ptc_texts = read_article_texts(Path(config.ptc) / "train" / "articles")
    (out / "config.json").write_text(json.dumps({
        **asdict(config), "train_ids": sorted(set(ptc_texts) - set(validation_ids)),
        "validation_ids": validation_ids, "validation_articles": len(validation_ids)}, indent=2))
    print(f"data ready in {time.time() - started:.0f}s: {len(windows)} PTC windows, "
          f"{sum(map(len, polnear))} PolNeAR windows in {len(polnear)} articles, {len(checkthat)} CheckThat sentences",
          flush=True)
    val_gold = [a for a in read_labels(Path(config.ptc) / "train" / "labels.tsv") if a.article_id in set(validation_ids)]
    limit = config.max_documents or None
    return ({aid: ptc_texts[aid] for aid in validation_ids[:limit]}, val_gold,
            dict(list(read_corpus(Path(config.polnear) / "dev").items())[:limit]),
            read_sentences(Path(config.checkthat) / "dev.tsv")[: limit and limit * 20],
            read_sentences(Path(config.checkthat) / "dev-test.tsv")[: limit and limit * 20])


def linear_schedule(optimizer, config: JointConfig, windows: list, polnear: list, checkthat: list):
    """Linear warm-up over `config.warmup` of all steps, then linear decay to 0 at the last."""
    per_epoch_polnear = min(config.polnear_per_epoch, len(polnear))
    steps_per_epoch = (len(windows) + per_epoch_polnear * np.mean([len(p) for p in polnear])) / config.batch_size
    steps_per_epoch += min(config.checkthat_per_epoch, len(checkthat)) / config.checkthat_batch
    total = int(steps_per_epoch * config.epochs) + 1
    warmup = max(1, int(total * config.warmup))
    return torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: (s + 1) / warmup if s < warmup else max(0.0, (total - s) / max(1, total - warmup)))


def run_epoch(model: Joint, trainer: Trainer, optimization: tuple, batches: list, epoch: int, parameters: list,
              outputs: tuple, started: float) -> dict:
    """Train one epoch on `batches`, save its checkpoint under `out`, validate, and append the
    epoch's summary to `history` (`outputs` is (out, validation, history))."""
    optimizer, scheduler = optimization
    out, validation, history = outputs
    model.train()
    running: dict[str, list[float]] = defaultdict(list)
    for step, (kind, batch) in enumerate(batches):
        loss, parts = (trainer.window_loss if kind == "windows" else trainer.sentence_loss)(model, batch)
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(parameters, 1.0)
        optimizer.step()
        scheduler.step()
        for k, v in parts.items():
            running[k].append(v.item())
        if step % 50 == 0:
            means = " ".join(f"{k} {np.mean(v[-50:]):.3f}" for k, v in sorted(running.items()))
            print(f"epoch {epoch + 1} step {step}/{len(batches)} {means} elapsed {time.time() - started:.0f}s", flush=True)
    model.eval()
    torch.save(model.net.state_dict(), out / f"epoch{epoch + 1}.pt")
    summary = {"epoch": epoch + 1, "losses": {k: round(float(np.mean(v)), 4) for k, v in running.items()}}
    summary.update(validate(model, trainer, validation, out, epoch + 1))
    summary["elapsed_s"] = round(time.time() - started)
    history.append(summary)
    print(json.dumps(summary), flush=True)
    (out / "history.json").write_text(json.dumps(history, indent=2))
    return summary


def config_value(name: str):
    """How to read a `JointConfig` field from text: "true"/"yes"/"1" for booleans, the default's
    type otherwise (text where the default is None)."""
    default = getattr(JointConfig, name)
    if isinstance(default, bool):
        return lambda text: text.lower() in ("1", "true", "yes")
    return type(default) if default is not None else str


def variants_of(settings: list[str]) -> dict[str, dict]:
    """Ablation variants from names: a distillation setting ("all", "none", "labelled"),
    optionally followed by config overrides, e.g. "all:class_weight_power=0.5"."""
    variants = {}
    for setting in settings:
        distill, _, overrides = setting.partition(":")
        changes: dict = {"distill": distill}
        for item in filter(None, overrides.split(";")):
            key, _, value = item.partition("=")
            changes[key] = config_value(key)(value)
        variants[setting.replace(":", "-").replace(";", "-").replace("=", "")] = changes
    return variants


def ablation(config: JointConfig, settings: list[str], budget_s: float | None = None,
             after=None) -> dict[str, list[dict]]:
    """One run per setting (see `variants_of`), each under `config.output`/<name>, from one data
    build, the same initialisation and the same seed: what each part of distillation adds.
    A setting that would not finish inside `budget_s` (judged by the ones before it) is skipped
    and recorded as such; `after(name, histories)` runs when each setting ends."""
    validation_ids = set(read_validation_ids(config))
    started = time.time()
    data = build_data(Trainer(config), config, validation_ids)
    print(f"ablation data built in {time.time() - started:.0f}s", flush=True)
    histories: dict[str, list[dict]] = {}
    for index, (name, changes) in enumerate(variants_of(settings).items()):
        spent = time.time() - started
        if budget_s and index and spent + 1.1 * spent / index > budget_s:
            print(f"{name}: skipped, {spent:.0f}s of the {budget_s:.0f}s budget spent", flush=True)
            histories[name] = [{"skipped": f"time budget of {budget_s:.0f}s"}]
            continue
        run = replace(config, **changes, output=str(Path(config.output) / name))
        histories[name] = train(run, data, score_start=index == 0)
        if after:
            after(name, histories)
    return histories


def ship(run: Path, epoch: int, data: Path) -> dict:
    """Ship epoch `epoch` of a joint run: export the encoder and span head (ONNX, int8, decoding
    chosen on validation), then copy the attribution MLP and the claims head beside them."""
    import shutil

    from ..analyzers.attribution.tagger import MODEL_DIR as ATTRIBUTION_DIR
    from ..analyzers.claims import MODEL_DIR as CLAIMS_DIR
    from .export import base_of, model_names
    from .export import main as export

    history = json.loads((run / "history.json").read_text())
    summary = next(h for h in history if h["epoch"] == epoch)
    config = json.loads((run / "config.json").read_text())
    techniques = export(run, data, checkpoint=f"epoch{epoch}.pt")
    encoder_name = model_names(*base_of(config))[0]
    # The heads of the MiniLM set kept their first names; others are named after their encoder.
    family = "mlp-joint" if "minilm" in encoder_name else encoder_name.removeprefix("unspin-encoder-").removesuffix("-int8")
    ATTRIBUTION_DIR.mkdir(parents=True, exist_ok=True)
    shutil.copy(run / f"tagger-epoch{epoch}" / "tagger.npz", ATTRIBUTION_DIR / "tagger.npz")
    training = {k: v for k, v in config.items() if k not in ("train_ids", "validation_ids")}
    (ATTRIBUTION_DIR / "config.json").write_text(json.dumps({
        "name": f"unspin-attribution-{family}", "layers": 2, "context": config["context"], "tags": list(ROLE_TAGS),
        "encoder": f"{encoder_name} (trained jointly on PTC, PolNeAR and CheckThat, with teachers)",
        "training": training, "epoch": epoch, "dev_fp32": summary}, indent=2) + "\n")
    CLAIMS_DIR.mkdir(parents=True, exist_ok=True)
    shutil.copy(run / f"claims-epoch{epoch}" / "claims_head.npz", CLAIMS_DIR / "claims_head.npz")
    claims_config = {
        "name": f"unspin-claims-{family}", "pooling": "mean of the sentence's encoder token states",
        "threshold": summary["claims_threshold"], "threshold_chosen_on": "CheckThat! 2024 dev (fp32 encoder)",
        "training": training, "epoch": epoch,
        "dev_fp32": {k: summary[k] for k in ("claims_dev_f1", "claims_devtest_f1")},
    }
    (CLAIMS_DIR / "config.json").write_text(json.dumps(claims_config, indent=2) + "\n")
    return {"techniques": techniques["validation"], "epoch": summary}


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    defaults = JointConfig()
    for name, value in asdict(defaults).items():
        parser.add_argument("--" + name.replace("_", "-"), type=config_value(name), default=value)
    arguments = JointConfig(**vars(parser.parse_args()))
    if "," in arguments.distill:
        ablation(arguments, arguments.distill.split(","))
    else:
        train(arguments)
