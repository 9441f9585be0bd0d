"""The `standard` model trained on 2 CPU cores: MPNet-base's first layers, the lower ones frozen.

A GPU trains the whole encoder in minutes; two CPU cores cannot (an MPNet-base epoch over the
joint data takes hours). So, without a GPU:

1. the encoder is cut to its first `layers` layers, and the first `frozen` of them never change;
2. those frozen layers run once over every training window and CheckThat sentence, and their
   output states are cached on disk in float16 (`cache/`, resumable shard by shard);
3. each epoch trains only the layers above and every head (the same losses and teacher targets
   as `training.joint`) on the cached states, checkpoints, and validates the whole model;
4. a run stopped at any point (a session ends) resumes from its last shard or epoch.

    python -m unspin.training.standard --encoder ../cache/all-mpnet-base-v2 --output runs/standard

The epochs export like a joint run's, into the `standard` model's folder:
`UNSPIN_MODEL=standard unspin train joint --output runs/standard --ship EPOCH`.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, fields
from pathlib import Path

import numpy as np
import torch
from torch import nn

from .joint import (
    Joint,
    JointConfig,
    Trainer,
    Window,
    build_data,
    collate,
    epoch_batches,
    linear_schedule,
    read_validation_ids,
    restrict,
    run_begins,
    run_epoch,
    sentence_inputs,
)
from .techniques import start_run

SHARD = 256  # windows or sentences per cache file


@dataclass
class StandardConfig(JointConfig):
    encoder: str = "../cache/all-mpnet-base-v2"
    output: str = "runs/standard"
    layers: int = 6
    frozen: int = 4
    encoder_lr: float = 5e-5
    epochs: int = 3


def additive_mask(mask: torch.Tensor, dtype: torch.dtype) -> torch.Tensor:
    return (1.0 - mask[:, None, None, :].to(dtype)) * torch.finfo(dtype).min


def run_layers(encoder: nn.Module, hidden: torch.Tensor, mask: torch.Tensor, layers) -> torch.Tensor:
    """Run some of an MPNet encoder's layers on states, with its relative position bias."""
    stack = encoder.encoder
    bias = stack.compute_position_bias(hidden)
    attention = additive_mask(mask, hidden.dtype)
    for layer in layers:
        hidden = layer(hidden, attention, bias)[0]
    return hidden


def frozen_states(model: Joint, frozen: int, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    encoder = model.net.encoder
    return run_layers(encoder, encoder.embeddings(input_ids=ids), mask, encoder.encoder.layer[:frozen])


class StateCache:
    """The frozen layers' output for every item (window or sentence), float16, on disk in shards."""

    def __init__(self, folder: Path, name: str):
        self.folder = folder / "cache"
        self.name = name
        self.states: list[np.ndarray] = []

    def shard(self, k: int) -> Path:
        return self.folder / f"{self.name}-{k:05d}.npz"

    def fill(self, model: Joint, frozen: int, items: list, inputs, length, batch: int = 16) -> None:
        """Compute the missing shards (`inputs(chunk)` gives ids and mask, `length(item)` the
        item's tokens), then load them all."""
        self.folder.mkdir(parents=True, exist_ok=True)
        started = time.time()
        shards = range(0, len(items), SHARD)
        for done, first in enumerate(shards):
            path = self.shard(first // SHARD)
            chunk = items[first : first + SHARD]
            if path.exists():
                with np.load(path) as data:
                    if len(data["lengths"]) == len(chunk):
                        continue
            order = sorted(range(len(chunk)), key=lambda i: length(chunk[i]))  # little padding
            out: list[np.ndarray | None] = [None] * len(chunk)
            with torch.no_grad():
                for b in range(0, len(order), batch):
                    rows = order[b : b + batch]
                    ids, mask = inputs([chunk[i] for i in rows])
                    hidden = frozen_states(model, frozen, ids, mask).to(torch.float16).numpy()
                    for row, i in enumerate(rows):
                        out[i] = hidden[row, : int(mask[row].sum())]
            lengths = np.array([len(s) for s in out])
            tmp = path.with_suffix(".tmp.npz")
            np.savez(tmp, states=np.concatenate(out), lengths=lengths)
            tmp.rename(path)
            print(f"cache {self.name}: shard {done + 1}/{len(shards)} in {time.time() - started:.0f}s", flush=True)
        for first in shards:
            with np.load(self.shard(first // SHARD)) as data:
                self.states += np.split(data["states"], np.cumsum(data["lengths"])[:-1])


class CachedTrainer(Trainer):
    """Reads the frozen layers' states from the caches and runs only the layers above them."""

    def __init__(self, config: StandardConfig):
        super().__init__(config)
        self.index: dict[int, tuple[StateCache, int]] = {}

    def register(self, cache: StateCache, items: list) -> None:
        for i, item in enumerate(items):
            self.index[id(item)] = (cache, i)

    def cached(self, batch: list, width: int) -> torch.Tensor:
        cached = [cache.states[i] for cache, i in (self.index[id(item)] for item in batch)]
        states = torch.zeros((len(batch), width, cached[0].shape[-1]))
        for row, s in enumerate(cached):
            states[row, : len(s)] = torch.from_numpy(s.astype(np.float32))
        return states

    def top(self, model: Joint, batch: list, mask: torch.Tensor) -> torch.Tensor:
        encoder = model.net.encoder
        states = self.cached(batch, mask.shape[1]).to(self.device)
        return run_layers(encoder, states, mask, encoder.encoder.layer[self.config.frozen :])

    def encode_windows(self, model: Joint, batch: list[Window], ids: torch.Tensor, mask: torch.Tensor):
        hidden = self.top(model, batch, mask)
        return model.net.bio(model.net.dropout(hidden)), hidden

    def encode_sentences(self, model: Joint, batch: list, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return self.top(model, batch, mask)


def freeze(model: Joint, frozen: int) -> None:
    encoder = model.net.encoder
    for part in (encoder.embeddings, encoder.encoder.relative_attention_bias, *encoder.encoder.layer[:frozen]):
        for p in part.parameters():
            p.requires_grad_(False)
    if getattr(encoder, "pooler", None) is not None:
        for p in encoder.pooler.parameters():
            p.requires_grad_(False)


def window_ids(trainer: Trainer):
    def inputs(chunk: list[Window]):
        ids, mask, *_ = collate(chunk, trainer.tokenizer)
        return ids, mask
    return inputs


def sentence_ids(trainer: Trainer):
    def inputs(chunk: list):
        return sentence_inputs(trainer.tokenizer, [c[0] for c in chunk])
    return inputs


def train(config: StandardConfig) -> list[dict]:
    out = start_run(config.seed, config.threads, config.output)
    validation_ids = read_validation_ids(config)
    trainer = CachedTrainer(config)
    started = time.time()
    windows, polnear, checkthat = restrict(*build_data(trainer, config, set(validation_ids)), config.distill)
    validation = run_begins(out, config, validation_ids, (windows, polnear, checkthat), started)

    model = Joint(config).to(trainer.device)
    freeze(model, config.frozen)
    model.eval()
    # The CheckThat sentences the epochs will read, in a seeded order whose prefix stays the same
    # when a resumed run asks for more epochs (so the cached shards stay valid).
    shuffled = list(range(len(checkthat)))
    random.Random(config.seed).shuffle(shuffled)
    checkthat = [checkthat[i] for i in shuffled[: min(len(checkthat), config.checkthat_per_epoch * config.epochs)]]
    flat_polnear = [w for article in polnear for w in article]
    def window_length(w: Window) -> int:
        return len(w.input_ids)

    def sentence_length(s: tuple) -> int:
        return len(s[0])

    for name, items, inputs, length in (
            ("ptc", windows, window_ids(trainer), window_length),
            ("polnear", flat_polnear, window_ids(trainer), window_length),
            ("checkthat", checkthat, sentence_ids(trainer), sentence_length)):
        cache = StateCache(out, name)
        cache.fill(model, config.frozen, items, inputs, length)
        trainer.register(cache, items)
    checkthat_order = list(range(len(checkthat)))
    print(f"caches ready at {time.time() - started:.0f}s", flush=True)

    trainable = [p for p in model.parameters() if p.requires_grad]
    encoder_ids = {id(p) for p in model.net.encoder.parameters()}
    optimizer = torch.optim.AdamW(
        [{"params": [p for p in trainable if id(p) in encoder_ids], "lr": config.encoder_lr},
         {"params": [p for p in trainable if id(p) not in encoder_ids], "lr": config.head_lr}], weight_decay=0.01)
    polnear_order = list(range(len(polnear)))
    random.Random(config.seed + 1).shuffle(polnear_order)
    scheduler = linear_schedule(optimizer, config, windows, polnear, checkthat)

    history: list[dict] = []
    start_epoch = 0
    resume = out / "resume.pt"
    if resume.exists():
        saved = torch.load(resume, map_location="cpu", weights_only=False)
        model.load_state_dict(saved["model"])
        optimizer.load_state_dict(saved["optimizer"])
        scheduler.load_state_dict(saved["scheduler"])
        random.setstate(saved["random"])
        torch.set_rng_state(saved["torch"])
        history, start_epoch = saved["history"], saved["epoch"]
        print(f"resumed after epoch {start_epoch}", flush=True)

    for epoch in range(start_epoch, config.epochs):
        batches = epoch_batches(config, epoch, windows, polnear, checkthat, polnear_order, checkthat_order)
        run_epoch(model, trainer, (optimizer, scheduler), batches, epoch, trainable, (out, validation, history), started)
        tmp = resume.with_suffix(".tmp")
        torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "scheduler": scheduler.state_dict(),
                    "random": random.getstate(), "torch": torch.get_rng_state(), "history": history,
                    "epoch": epoch + 1}, tmp)
        tmp.rename(resume)
    return history


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    defaults = StandardConfig()
    for field in fields(StandardConfig):
        value = getattr(defaults, field.name)
        kind = (lambda text: text.lower() in ("1", "true", "yes")) if isinstance(value, bool) else (
            type(value) if value is not None else str)
        parser.add_argument("--" + field.name.replace("_", "-"), type=kind, default=value)
    train(StandardConfig(**vars(parser.parse_args())))
