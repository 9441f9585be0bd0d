"""Train the attribution tagger on PolNeAR, over the shipped technique encoder's states.

The encoder stays frozen: its per-token states (exactly what `unspin analyze` computes once per
document) are extracted for PolNeAR train and dev, and a tagger learns source / cue / content
B-I-O tags: a bidirectional GRU over runs of 512 tokens (`kind="bigru"`, `standard`'s), or a small
MLP over each token with its neighbours (`kind="mlp"`, `fast`'s and the joint training's). The
epoch with the best dev end-to-end score is kept and written, with its config, into the package.
With `members` above 1 the tagger is trained again with the next seeds (13, 14, ...), each
member's best epoch kept, and the analyzer averages their probabilities (`standard` ships two:
one GRU's dev end to end moved from 0.775 to 0.797 with its seed alone).

With corrections (`extra`: the `polnear/` folder `unspin labelstudio import` writes), training
continues from the shipped tagger (`start`) on PolNeAR train together with the corrected articles,
each seen `extra_weight` times an epoch; one article in four is held out, and the result says how
the tagger changed on those and on PolNeAR dev.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import torch

from ..analyzers.attribution.analyzer import AttributionAnalyzer
from ..analyzers.attribution.findings import Attribution
from ..analyzers.attribution.tagger import (
    MODEL_DIR,
    ROLE_TAGS,
    AttributionTagger,
)
from ..analyzers.encoder import TENSOR, Encoder, EncoderModel
from ..analyzers.sentences import Sentencizer
from ..analyzers.structure import StructureAnalyzer
from ..document import Document, Relations
from ..polnear.formats import GoldAttribution, read_corpus
from ..polnear.scoring import score
from .records import RETRAINED
from .techniques import seed_everything
from .token_tagger import (
    SequenceHead,
    TaggerHead,
    TokenRows,
    cross_entropy,
    fit_rows,
    fit_runs,
    member_files,
    runs,
)

TAG_INDEX = {t: i for i, t in enumerate(ROLE_TAGS)}


@dataclass
class AttributionConfig:
    data: str
    output: str = str(MODEL_DIR)
    epochs: int = 12
    kind: str = "mlp"  # or "bigru"; a tagger continued from `start` keeps the start's kind
    hidden: int = 256  # MLP hidden units; the GRU's projection
    context: int = 2  # tokens on each side that the MLP reads
    gru: int = 128  # GRU units each way
    chunk: int = 512  # tokens the GRU reads at a time
    batch_chunks: int = 8
    lr: float = 1e-3
    batch_tokens: int = 1024
    seed: int = 13  # of the first member; the others take the next ones
    members: int = 1  # taggers trained with successive seeds, averaged (a continued tagger keeps its members)
    max_documents: int | None = None
    start: str | None = None  # a tagger folder to continue from (its decoding calibration is kept)
    extra: str | None = None  # corrected articles in PolNeAR's layout (text/, attributions/)
    extra_weight: int = 10  # times each corrected article is seen an epoch


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
    # The layers the attribution analyzer reads in a pipeline (sentences link cues to sources).
    structure, sentences, encoder = StructureAnalyzer(), Sentencizer(), Encoder(model)
    out = []
    for name, (text, gold) in list(corpus.items())[:limit]:
        doc = encoder(sentences(structure(Document(text=text, id=name))))
        states = doc.tensors[TENSOR]
        out.append((doc, states.hidden, gold_tags(doc, states.tokens, gold), gold))
    return out


def mlp_epochs(config: AttributionConfig, taught: list, start: Path | None):
    """The MLP tagger (continued from the file `start`, if given) after each epoch (in eval
    mode) with its mean loss a batch."""
    rows = TokenRows([h for _, h, _, _ in taught], config.context)
    y = torch.from_numpy(np.concatenate([t for _, _, t, _ in taught]))
    head = TaggerHead.load(start) if start else TaggerHead(rows.width, config.hidden, len(ROLE_TAGS))
    for loss in fit_rows(head, rows, y, None, cross_entropy, config.epochs, config.lr, config.batch_tokens):
        yield head, loss


def sequence_epochs(config: AttributionConfig, taught: list, start: Path | None):
    """The GRU tagger (continued from the file `start`, if given) after each epoch (in eval mode)
    with its mean loss a batch of runs."""
    pieces = [piece for _, h, t, _ in taught for piece in runs(h, t, config.chunk)]
    head = (SequenceHead.load(start) if start
            else SequenceHead(pieces[0][0].shape[1], config.hidden, config.gru, len(ROLE_TAGS)))
    for loss in fit_runs(head, pieces, cross_entropy, config.epochs, config.lr, config.batch_chunks):
        yield head, loss


def save(head: TaggerHead | SequenceHead, directory: Path, config: dict) -> None:
    head.save(directory / "tagger.npz")
    write_config(directory, config)


def write_config(directory: Path, config: dict) -> None:
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


def corrections(folder: Path, model: EncoderModel) -> tuple[list, list]:
    """Corrected articles in PolNeAR's layout, encoded and split by article into (train, held out)."""
    from ..labelstudio.corrections import held_out_articles

    articles = prepare(read_corpus(folder), model, None)
    held = held_out_articles([doc.id for doc, *_ in articles])
    return [a for a in articles if a[0].id not in held], [a for a in articles if a[0].id in held]


def train(config: AttributionConfig) -> dict:
    data = Path(config.data)
    model = EncoderModel.shared()
    started = time.time()
    train_docs = prepare(read_corpus(data / "train"), model, config.max_documents)
    dev_docs = prepare(read_corpus(data / "dev"), model, config.max_documents)
    extra_docs, held_out = corrections(Path(config.extra), model) if config.extra else ([], [])
    print(f"encoded {len(train_docs)} train, {len(dev_docs)} dev and {len(extra_docs) + len(held_out)} corrected "
          f"documents in {time.time() - started:.0f}s", flush=True)
    taught = train_docs + extra_docs * config.extra_weight
    start = Path(config.start) if config.start else None
    started_from = json.loads((start / "config.json").read_text()) if start else {}
    kind = started_from.get("kind", "mlp") if start else config.kind
    members = started_from.get("members", ["tagger.npz"]) if start else member_files("tagger", config.members)
    output = Path(config.output)
    output.mkdir(parents=True, exist_ok=True)
    scratch = output.parent / (output.name + ".candidate")
    before = {"dev": evaluate(start, dev_docs), "held_out": evaluate(start, held_out) if held_out else None} if start else {}
    if kind == "bigru":
        shipped = {"name": "unspin-attribution-bigru-on-techniques-encoder", "kind": "bigru", "chunk": config.chunk}
    else:
        shipped = {"name": "unspin-attribution-mlp-on-techniques-encoder", "layers": 2, "context": config.context}
    shipped.update({"tags": list(ROLE_TAGS), "encoder": model.name})
    if start:  # the continued tagger keeps the decoding calibrated for it, and says it was retrained
        shipped = {**shipped, **{k: v for k, v in started_from.items() if k in ("name", "encoder", "decoding")}}
        shipped["name"] += RETRAINED
    shipped["training"] = {**asdict(config), "kind": kind}
    history = []
    for number, member in enumerate(members, start=1):
        seed = config.seed + number - 1
        seed_everything(seed)
        member_start = start / member if start else None
        epochs = (sequence_epochs(config, taught, member_start) if kind == "bigru"
                  else mlp_epochs(config, taught, member_start))
        best = -1.0
        for epoch, (head, loss) in enumerate(epochs, start=1):
            save(head, scratch, shipped)  # this member alone, as the analyzer would run it
            scores = evaluate(scratch, dev_docs)
            summary = {"member": number, "seed": seed, "epoch": epoch, "loss": loss,
                       **{k: round(v["f1"], 4) for k, v in scores.items()}}
            history.append(summary)
            print(json.dumps(summary), flush=True)
            if scores["attribution_end_to_end"]["f1"] > best:
                best = scores["attribution_end_to_end"]["f1"]
                head.save(output / member)
    final = {**shipped, "members": members, "history": history}
    write_config(output, final)
    final["dev"] = evaluate(output, dev_docs)  # the members together, as they ship
    if config.extra:
        final["corrections"] = {"trained_on": len(extra_docs), "held_out": len(held_out), "before": before,
                                "after": {"dev": final["dev"],
                                          "held_out": evaluate(output, held_out) if held_out else None}}
    write_config(output, final)
    for leftover in scratch.iterdir():
        leftover.unlink()
    scratch.rmdir()
    return final


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default="../shared/data/polnear")
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--kind", choices=("mlp", "bigru"), default="mlp",
                        help="The tagger to train from scratch (a continued one keeps its kind): bigru is standard's.")
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--max-documents", type=int, default=None)
    parser.add_argument("--output", default=str(MODEL_DIR))
    parser.add_argument("--start", default=None, help="A tagger folder to continue training from.")
    parser.add_argument("--extra", default=None, help="Corrected articles in PolNeAR's layout.")
    parser.add_argument("--extra-weight", type=int, default=10)
    parser.add_argument("--seed", type=int, default=AttributionConfig.seed, help="Of the first member.")
    parser.add_argument("--members", type=int, default=None,
                        help="Taggers trained with successive seeds and averaged. Default: 2 (bigru) or 1 (mlp).")
    args = parser.parse_args()
    train(AttributionConfig(data=args.data, epochs=args.epochs, kind=args.kind, lr=args.lr,
                            max_documents=args.max_documents, output=args.output, start=args.start, extra=args.extra,
                            extra_weight=args.extra_weight, seed=args.seed,
                            members=args.members or (2 if args.kind == "bigru" else 1)))
