"""A Label Studio JSON export read back: each task's latest annotation as spans in code points,
written in the formats unspin trains and scores on (PTC labels with articles, brat standoff as
PolNeAR, CheckThat TSV).

An export is a list of tasks `{"id", "data": {"text", ...}, "annotations": [{"result": [...],
"was_cancelled", "updated_at", ...}], "predictions": [...]}`. Offsets in results are UTF-16
code units (`offsets.py`); a region whose text does not match after conversion is re-anchored by
its text nearby, or left out and counted.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..render.outputs import safe_name
from .config import (
    ATTRIBUTES,
    CLAIM,
    CLAIMS,
    REVIEW,
    ROLE_NAMES,
    ROLES,
    TECHNIQUE_BY_NAME,
    TECHNIQUES,
    TEXT,
)
from .offsets import OffsetMap, anchor

ROLE_OF = {name: role for role, name in ROLE_NAMES.items()}


@dataclass
class Attribution:
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)
    content: list[tuple[int, int]] = field(default_factory=list)

    def role(self, name: str) -> list[tuple[int, int]]:  # as polnear.formats.GoldAttribution
        return getattr(self, name)


@dataclass
class Reviewed:
    """One task's findings, as an annotator left them (or as unspin predicted them)."""

    id: str
    text: str
    techniques: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, PTC label
    attributions: list[Attribution] = field(default_factory=list)
    claims: list[tuple[int, int]] = field(default_factory=list)
    review: str | None = None
    reanchored: int = 0  # regions found again by their text
    lost: list[str] = field(default_factory=list)  # regions that could not be placed, said why


@dataclass
class Export:
    reviewed: list[Reviewed]  # the latest annotation of each annotated task
    predicted: dict[str, Reviewed]  # unspin's prediction of the same tasks, by id
    skipped: int  # tasks without a (non-cancelled) annotation


def read_export(path: Path) -> Export:
    try:
        tasks = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(f"{path}: not a readable Label Studio JSON export ({error})") from None
    if not isinstance(tasks, list):
        raise InputError(f"{path}: a Label Studio JSON export is a list of tasks")
    return from_tasks(tasks)


def from_tasks(tasks: list[dict]) -> Export:
    reviewed, predicted, skipped = [], {}, 0
    for task in tasks:
        data = task.get("data") or {}
        text = data.get(TEXT)
        if not isinstance(text, str):
            skipped += 1
            continue
        task_id = str(data.get("id") or task.get("id"))
        annotations = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
        if annotations:
            latest = max(annotations, key=lambda a: (str(a.get("updated_at") or a.get("created_at") or ""), a.get("id") or 0))
            reviewed.append(reviewed_from(task_id, text, latest.get("result") or []))
        else:
            skipped += 1
        # Label Studio's JSON export lists predictions by id only; tasks written by unspin carry them whole.
        stored = [p for p in task.get("predictions") or [] if isinstance(p, dict)]
        if stored:
            predicted[task_id] = reviewed_from(task_id, text, stored[-1].get("result") or [])
    return Export(reviewed, predicted, skipped)


def reviewed_from(task_id: str, text: str, results: list[dict]) -> Reviewed:
    """The findings in one annotation's (or prediction's) results."""
    out = Reviewed(task_id, text)
    offsets = OffsetMap(text)
    regions: dict[str, tuple[str, tuple[int, int]]] = {}
    for result in results:
        if not isinstance(result, dict):
            continue
        if result.get("type") == "choices" and result.get("from_name") == REVIEW:
            choices = (result.get("value") or {}).get("choices") or []
            out.review = choices[0] if choices else None
            continue
        if result.get("type") != "labels" or result.get("to_name", TEXT) != TEXT:
            continue
        value = result.get("value") or {}
        labels = value.get("labels") or []
        if not labels or value.get("start") is None or value.get("end") is None:
            continue
        start, end = offsets.from_utf16(int(value["start"])), offsets.from_utf16(int(value["end"]))
        placed = anchor(text, start, end, value.get("text"))
        if placed is None:
            out.lost.append(f"{task_id}: {labels[0]} at {value['start']}-{value['end']} ({value.get('text')!r}) is not in the text")
            continue
        if placed != (start, end):
            out.reanchored += 1
        name, label = result.get("from_name"), labels[0]
        if name == TECHNIQUES and label in TECHNIQUE_BY_NAME:
            out.techniques.append((*placed, TECHNIQUE_BY_NAME[label]))
        elif name == ROLES and label in ROLE_OF:
            regions[str(result.get("id"))] = (ROLE_OF[label], placed)
        elif name == CLAIMS and label == CLAIM:
            out.claims.append(placed)
    out.attributions = _attributions(regions, results)
    out.techniques.sort()
    out.claims.sort()
    return out


def _attributions(regions: dict[str, tuple[str, tuple[int, int]]], results: list[dict]) -> list[Attribution]:
    """Contents with the sources and cues related to them; contents with the same source and cue
    are the parts of one attribution; a content no one is related to stands alone."""
    towards: dict[str, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: {"source": [], "cue": []})
    for result in results:
        if result.get("type") != "relation" or (result.get("labels") and ATTRIBUTES not in result["labels"]):
            continue
        a, b = str(result.get("from_id")), str(result.get("to_id"))
        if a in regions and b in regions:
            (role_a, span_a), (role_b, span_b) = regions[a], regions[b]
            if role_b == "content" and role_a in ("source", "cue"):
                towards[b][role_a].append(span_a)
            elif role_a == "content" and role_b in ("source", "cue"):  # drawn the other way round
                towards[a][role_b].append(span_b)
    grouped: dict[tuple, Attribution] = {}
    for ident, (role, span) in regions.items():
        if role != "content":
            continue
        related = towards.get(ident)
        if related and (related["source"] or related["cue"]):
            key = (tuple(sorted(related["source"])), tuple(sorted(related["cue"])))
            attribution = grouped.setdefault(key, Attribution(source=sorted(related["source"]), cue=sorted(related["cue"])))
        else:
            attribution = grouped.setdefault(("alone", ident), Attribution())
        attribution.content.append(span)
    for attribution in grouped.values():
        attribution.content.sort()
    return sorted(grouped.values(), key=lambda a: a.content[0])


# --- writers ---------------------------------------------------------------------------------


def write_ptc(reviewed: list[Reviewed], folder: Path) -> dict[str, str]:
    """`articles/article<N>.txt` and `labels.tsv` (PTC numbers its articles: a task id that is not
    a number gets one, listed in `ids.tsv`). Returns {task id: article number}."""
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    numbers, rows = {}, []
    for k, item in enumerate(reviewed, 1):
        number = item.id if item.id.isdigit() else str(k)
        numbers[item.id] = number
        with open(folder / "articles" / f"article{number}.txt", "w", encoding="utf-8", newline="") as handle:
            handle.write(item.text)
        rows += [f"{number}\t{label}\t{start}\t{end}\n" for start, end, label in item.techniques]
    (folder / "labels.tsv").write_text("".join(rows), encoding="utf-8")
    (folder / "ids.tsv").write_text("".join(f"{n}\t{i}\n" for i, n in numbers.items()), encoding="utf-8")
    return numbers


def write_brat(reviewed: list[Reviewed], folder: Path) -> None:
    """PolNeAR's layout: `text/<id>.txt` and `attributions/<id>_unspin.ann` (brat standoff: a
    T line per role span, discontinuous content as `start end;start end`, an E line per attribution)."""
    (folder / "text").mkdir(parents=True, exist_ok=True)
    (folder / "attributions").mkdir(parents=True, exist_ok=True)
    for item in reviewed:
        name = safe_name(item.id)
        with open(folder / "text" / f"{name}.txt", "w", encoding="utf-8", newline="") as handle:
            handle.write(item.text)
        lines, t = [], 0
        for e, attribution in enumerate(item.attributions, 1):
            arguments = []
            for role in ("cue", "source", "content"):
                spans = attribution.role(role)
                if not spans:
                    continue
                t += 1
                fragments = ";".join(f"{a} {b}" for a, b in spans)
                shown = " ".join(item.text[a:b] for a, b in spans).replace("\n", " ").replace("\r", " ")
                lines.append(f"T{t}\t{role.capitalize()} {fragments}\t{shown}")
                arguments.append(f"{role.capitalize()}:T{t}")
            trigger = next((a for a in arguments if a.startswith("Cue:")), arguments[0]).split(":")[1]
            lines.append(f"E{e}\tAttribution:{trigger} " + " ".join(arguments))
        (folder / "attributions" / f"{name}_unspin.ann").write_text("\n".join(lines) + ("\n" if lines else ""),
                                                                     encoding="utf-8")


def write_checkthat(reviewed: list[Reviewed], path: Path) -> int:
    """A CheckThat TSV of every body sentence: Yes where an annotator marked (most of) it as a
    check-worthy claim. Returns the number of rows."""
    rows = ["Sentence_id\tText\tclass_label\n"]
    for item in reviewed:
        for k, (start, end, label) in enumerate(sentence_labels(item)):
            text = " ".join(item.text[start:end].split())
            rows.append(f"{item.id}-{k}\t{text}\t{label}\n")
    path.write_text("".join(rows), encoding="utf-8")
    return len(rows) - 1


def body_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence where unspin looks for claims: body and quoted blocks, as
    the claims layer reads them."""
    from ..analyzers.claims.analyzer import CLAIM_SEGMENTS
    from ..analyzers.sentences import Sentencizer
    from ..analyzers.structure import StructureAnalyzer
    from ..document import Document, Layer

    doc = Sentencizer()(StructureAnalyzer()(Document(text=text)))
    regions = [(s.start, s.end) for s in doc.segments(*CLAIM_SEGMENTS)]
    return [(s.start, s.end) for s in doc.layer(Layer.SENTENCES) if any(a <= s.start and s.end <= b for a, b in regions)]


def sentence_labels(item: Reviewed, sentences: list[tuple[int, int]] | None = None) -> list[tuple[int, int, str]]:
    """(start, end, Yes|No) of each of the text's `body_sentences` (found again unless given):
    Yes when a claim covers half of it or more."""
    out = []
    for start, end in body_sentences(item.text) if sentences is None else sentences:
        covered = sum(max(0, min(e, end) - max(b, start)) for b, e in item.claims)
        out.append((start, end, "Yes" if covered >= 0.5 * (end - start) else "No"))
    return out


def held_out_articles(articles: list[str], held_out_share: int = 4) -> set[str]:
    """About one article in `held_out_share`, chosen by a hash of its name, to measure a retrained
    model on and never train on (at least one when there are two or more)."""
    import zlib

    articles = sorted(set(articles))
    held = {a for a in articles if zlib.crc32(a.encode("utf-8")) % held_out_share == 0}
    if not held and len(articles) >= 2:
        held = {articles[-1]}
    return held


def split_by_article(rows: list, held_out_share: int = 4) -> tuple[list, list]:
    """Corrected sentences (the checkthat.tsv `write_checkthat` writes: ids `<task>-<k>`), split
    by article into (train, held out) by `held_out_articles`."""
    held = held_out_articles([row.id.rsplit("-", 1)[0] for row in rows], held_out_share)
    return ([r for r in rows if r.id.rsplit("-", 1)[0] not in held], [r for r in rows if r.id.rsplit("-", 1)[0] in held])
