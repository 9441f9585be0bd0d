"""`unspin train ...`: reproducible training of unspin's models (needs the `train` extra: torch,
transformers). Each command imports its trainer only when it runs, so `unspin --help` and every
other command work without torch."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from ..shell import PLAIN, fail

train_app = typer.Typer(help="Reproducible training of unspin's models (needs: pip install 'unspin[train]').\n\n"
                             "Example: unspin train techniques --data ../shared/data/ptc/train", **PLAIN)

SET_HELP = ("A model set folder to write into, made as a copy of the set in use when new; run it with "
            "`--model SET`. Default: the set in use, in the package.")


def extra_option(files: str, what: str):
    """The --extra option of a head that continues training on a user's corrections."""
    return typer.Option(None, "--extra", metavar="DIR",
                        help=f"Corrections from `unspin labelstudio import` (DIR/{files}): {what}, one article in "
                             "four held out to measure the change on.")


def extra_weight_option(unit: str):
    return typer.Option(10, "--extra-weight", help=f"How many times each corrected {unit} is seen an epoch.")


def retrained_into(output: Path | None, part: str) -> Path:
    """The folder a retrained `part` goes to: that part of the model set at `output`, or of the set
    in use when none is given."""
    from ..model_sets import copy_of, folder

    return copy_of(output) / part if output is not None else folder(part)


@train_app.command("multitask")
def train_multitask(
    ptc: Path = typer.Option(Path("../shared/data/ptc/train"), "--ptc", help="PTC folder with articles/ and labels.tsv."),
    polnear: Path = typer.Option(Path("../shared/data/polnear"), "--polnear", help="PolNeAR folder with train/ and dev/."),
    run: Path = typer.Option(Path("runs/techniques"), "--run", help="The technique run to start from."),
    output: Path = typer.Option(Path("runs/multitask"), "--output"),
    epochs: int = typer.Option(2, "--epochs"),
    pseudo: Path | None = typer.Option(None, "--pseudo", help="Self-training: a PTC-layout folder (articles/, "
                                       "labels.tsv) of unlabelled articles labelled by `unspin ptc predict`."),
    token_techniques: bool = typer.Option(False, "--token-techniques",
                                          help="Also train a per-token technique head (training only)."),
) -> None:
    """Second stage: train the encoder on techniques and attribution together, so one encoder
    pass serves both (checkpoints and dev scores per epoch in --output).

    Example: unspin train multitask --run runs/techniques --output runs/multitask
    """
    try:
        from .multitask import MultitaskConfig, train
    except ImportError:
        fail("training needs torch and transformers: pip install 'unspin[train]'")
    train(MultitaskConfig(ptc=str(ptc), polnear=str(polnear), run=str(run), output=str(output), epochs=epochs,
                          pseudo=str(pseudo) if pseudo else None, token_techniques=token_techniques))


@train_app.command("joint")
def train_joint(
    ptc: Path = typer.Option(Path("../shared/data/ptc"), "--ptc", help="PTC folder with train/, dev/ and unlabeled/."),
    polnear: Path = typer.Option(Path("../shared/data/polnear"), "--polnear", help="PolNeAR folder with train/ and dev/."),
    checkthat: Path = typer.Option(Path("../shared/data/checkthat2024"), "--checkthat",
                                   help="CheckThat! 2024 folder with train.tsv, dev.tsv, dev-test.tsv."),
    teacher: Optional[Path] = typer.Option(Path("../shared/data/teacher"), "--teacher",
                                           help="Teacher soft labels to distil (see its README); --no-teacher for none."),
    no_teacher: bool = typer.Option(False, "--no-teacher", help="Train on gold labels only."),
    output: Path = typer.Option(Path("runs/joint"), "--output", help="Folder for checkpoints, heads and history."),
    epochs: int = typer.Option(3, "--epochs"),
    seed: int = typer.Option(13, "--seed"),
    init: str = typer.Option("base", "--init", help="base: all-MiniLM-L6-v2 with new heads; shipped: continue from the shipped models."),
    distill: str = typer.Option("all", "--distill", help="all, labelled or none (see training/joint.py); "
                                "a comma-separated list runs one after another from one data build (an ablation), "
                                "each optionally with config overrides: all:class_weight_power=0.5"),
    device: str = typer.Option("cpu", "--device", help="cpu, or cuda where a GPU is lent."),
    encoder_lr: float = typer.Option(6e-5, "--encoder-lr"),
    polnear_per_epoch: int = typer.Option(300, "--polnear-per-epoch", help="PolNeAR training articles per epoch (840 is all)."),
    class_weight_power: float = typer.Option(0.0, "--class-weight-power",
                                             help="Weigh the span classifier's loss by (technique frequency) ** -POWER; 0: unweighted."),
    ship: Optional[int] = typer.Option(None, "--ship", metavar="EPOCH",
                                       help="Instead of training, export and ship this epoch of --output."),
) -> None:
    """Train the shared encoder for every head at once (techniques, attribution, claims), with
    distillation from the teachers; checkpoints and dev scores per epoch in --output.

    Example: unspin train joint --init shipped --device cuda --encoder-lr 4e-5 --polnear-per-epoch 840 --output runs/joint && unspin train joint --output runs/joint/all --ship 3
    """
    try:
        from dataclasses import replace

        from .joint import JointConfig, train
        from .joint import ship as ship_epoch
    except ImportError:
        fail("training needs torch and transformers: pip install 'unspin[train]'")
    if ship is not None:
        typer.echo(json.dumps(ship_epoch(output, ship, ptc / "train"), indent=2))
        return
    from .joint import ablation

    config = JointConfig(ptc=str(ptc), polnear=str(polnear), checkthat=str(checkthat),
                         teacher=None if no_teacher or teacher is None else str(teacher), output=str(output),
                         epochs=epochs, seed=seed, init=init, device=device, encoder_lr=encoder_lr,
                         polnear_per_epoch=polnear_per_epoch, class_weight_power=class_weight_power,
                         threads=2 if device == "cpu" else 8)
    if "," in distill or ":" in distill:
        ablation(config, distill.split(","))
    else:
        train(replace(config, distill=distill))


@train_app.command("claims")
def train_claims(
    data: Path = typer.Option(Path("../shared/data"), "--data", help="Folder with checkthat2024/, teacher/, polnear/, ptc/."),
    no_teacher: bool = typer.Option(False, "--no-teacher", help="Train on CheckThat's gold labels only."),
    epochs: Optional[int] = typer.Option(None, "--epochs", help="Epochs (default: 30, or 3 when continuing from the "
                                                                 "shipped head with --extra)."),
    output: Optional[Path] = typer.Option(None, "--output", metavar="SET", help=SET_HELP),
    extra: Optional[Path] = extra_option("checkthat.tsv", "the shipped head continues training on them with "
                                                          "CheckThat's sentences"),
    extra_weight: int = extra_weight_option("sentence"),
) -> None:
    """Train the check-worthiness head on the shipped encoder's frozen states (CheckThat! 2024
    train, plus the teacher's P(Yes)), choose its threshold on dev, then calibrate the threshold
    used inside news articles against the teacher. Minutes on a CPU.

    With --extra, continue from the shipped head on your corrected articles too, and print how
    it changed on the held-out ones and on CheckThat's dev and dev-test sets.

    Examples:

      unspin train claims --data ../shared/data

      unspin train claims --extra corrections/ --output my-models/

      unspin analyze article.txt --model my-models/
    """
    try:
        from .claims import f1_of_heads, refit_head
        from .claims_news import news_threshold
        from .records import record_in_config
    except ImportError:
        fail("training needs torch: pip install 'unspin[train]'")
    import shutil
    import tempfile

    from ..checkthat.formats import read_sentences
    from ..labelstudio.corrections import split_by_article
    from ..model_sets import folder

    if extra is not None and not (extra / "checkthat.tsv").exists():
        fail(f"{extra}/checkthat.tsv: not found; write it with `unspin labelstudio import EXPORT.json -o {extra}`")
    output = retrained_into(output, "claims")
    rows = held_out = []
    with tempfile.TemporaryDirectory() as scratch:
        shipped = Path(scratch) / "claims"
        if extra is not None:
            rows, held_out = split_by_article(read_sentences(extra / "checkthat.tsv"))
            shutil.copytree(folder("claims"), shipped)  # the head as it was, to compare with (output may be its folder)
        continued = {"start": shipped, "lr": 3e-4} if extra is not None else {}
        result = refit_head(data / "checkthat2024", None if no_teacher else data / "teacher", output,
                            epochs or (3 if extra is not None else 30), extra=rows, extra_weight=extra_weight,
                            **continued)
        typer.echo(json.dumps(result), err=True)
        if extra is None:  # a head continued on corrections keeps its calibration (refit_head)
            articles = news_threshold(data, output)
            record_in_config(output, "articles", articles)
            typer.echo(json.dumps(articles), err=True)
        if extra is not None:
            sets = {name: read_sentences(data / "checkthat2024" / f"{name}.tsv") for name in ("dev", "dev-test")}
            if held_out:
                sets["held_out"] = held_out
            change: dict = {"trained_on": len(rows), "held_out_sentences": len(held_out)}
            for name, sentences in sets.items():
                before, after = f1_of_heads([shipped, output], sentences, news=name == "held_out")
                change[f"{name}_f1_yes"] = {"before": before, "after": after}
            typer.echo(json.dumps(change, indent=2))


@train_app.command("attribution")
def train_attribution(
    data: Path = typer.Option(Path("../shared/data/polnear"), "--data", help="PolNeAR folder with train/ and dev/."),
    epochs: Optional[int] = typer.Option(None, "--epochs", help="Epochs (default: 12, or 4 when continuing "
                                                                 "from the shipped tagger with --extra)."),
    output: Optional[Path] = typer.Option(None, "--output", metavar="SET", help=SET_HELP),
    extra: Optional[Path] = extra_option("polnear/", "the shipped tagger continues training on them with "
                                                     "PolNeAR train"),
    extra_weight: int = extra_weight_option("article"),
) -> None:
    """Retrain only the attribution tagger on the shipped encoder's states, leaving the encoder
    as it is: minutes on a CPU, e.g. for your own PolNeAR-format annotations. The tagger is of
    the kind the set in use ships (two GRUs, averaged, for standard; an MLP for fast).

    With --extra, continue from the shipped tagger on your corrected articles too, and print how
    it changed on the held-out ones and on PolNeAR dev.

    Examples:

      unspin train attribution --data ../shared/data/polnear

      unspin train attribution --extra corrections/ --output my-models/
    """
    try:
        from .attribution import AttributionConfig, train
    except ImportError:
        fail("training needs torch: pip install 'unspin[train]'")
    import shutil
    import tempfile

    from ..model_sets import folder

    if extra is not None and not (extra / "polnear" / "text").is_dir():
        fail(f"{extra}/polnear/text: not found; write it with `unspin labelstudio import EXPORT.json -o {extra}`")
    output = retrained_into(output, "attribution")
    if extra is None:
        shipped = json.loads((folder("attribution") / "config.json").read_text())
        kind = shipped.get("kind", "mlp")
        train(AttributionConfig(data=str(data), epochs=epochs or (6 if kind == "bigru" else 12), kind=kind,
                                members=len(shipped.get("members", [None])), output=str(output)))
        return
    with tempfile.TemporaryDirectory() as scratch:
        shipped = Path(scratch) / "attribution"
        shutil.copytree(folder("attribution"), shipped)  # the tagger as it was (output may be its folder)
        result = train(AttributionConfig(data=str(data), epochs=epochs or 4, lr=3e-4, output=str(output),
                                         start=str(shipped), extra=str(extra / "polnear"), extra_weight=extra_weight))
    typer.echo(json.dumps(change_of_attribution(result["corrections"]), indent=2))


def change_of_attribution(corrections: dict) -> dict:
    """F1 of each role and end to end, before and after, on PolNeAR dev and the held-out articles."""
    out: dict = {"trained_on": corrections["trained_on"], "held_out_articles": corrections["held_out"]}
    for name in ("held_out", "dev"):
        before, after = corrections["before"][name], corrections["after"][name]
        if before is None:
            continue
        out[name] = {measure: {"before": round(before[measure]["f1"], 4), "after": round(after[measure]["f1"], 4)}
                     for measure in before}
    return out


@train_app.command("techniques")
def train_techniques(
    data: Path = typer.Option(Path("../shared/data/ptc/train"), "--data",
                              help="PTC folder with articles/ and labels.tsv (with --extra: its parent, which "
                                   "holds train/ and dev/, is read)."),
    output: Optional[Path] = typer.Option(None, "--output", help="Folder for checkpoints and logs (default "
                                          "runs/techniques); with --extra, a model set folder as for `train claims`."),
    epochs: Optional[int] = typer.Option(None, "--epochs", help="Epochs (default: 5, or 3 with --extra)."),
    seed: int = typer.Option(13, "--seed"),
    extra: Optional[Path] = extra_option("ptc/", "the shipped span head (which names a span's technique) "
                                                 "continues training on them with PTC's spans"),
    extra_weight: int = extra_weight_option("span"),
) -> None:
    """Fine-tune the technique model (seeded; the config is saved next to the model).

    With --extra, only the span head continues training, on your corrected articles and PTC's,
    in minutes on a CPU, and it prints how technique classification changed on the held-out
    corrected articles and on PTC's validation articles. Finding spans is not retrained.

    Examples:

      unspin train techniques --data ../shared/data/ptc/train --output runs/techniques

      unspin train techniques --extra corrections/ --output my-models/
    """
    if extra is not None:
        try:
            from .span_head import continue_training
        except ImportError:
            fail("training needs torch: pip install 'unspin[train]'")
        if not (extra / "ptc" / "labels.tsv").exists():
            fail(f"{extra}/ptc/labels.tsv: not found; write it with `unspin labelstudio import EXPORT.json -o {extra}`")
        ptc = data.parent if (data / "labels.tsv").exists() else data
        change = continue_training(ptc, extra / "ptc", retrained_into(output, "techniques"), epochs or 3,
                                   extra_weight=extra_weight, seed=seed)
        typer.echo(json.dumps(change, indent=2))
        return
    try:
        from .techniques import TrainConfig, train
    except ImportError:
        fail("training needs torch and transformers: pip install 'unspin[train]'")
    train(TrainConfig(data=str(data), output=str(output or Path("runs/techniques")), epochs=epochs or 5, seed=seed))
