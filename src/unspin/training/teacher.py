"""Soft labels of larger teacher models, moved onto the student's tokens.

The teachers (MPNet-base, see ../shared/data/teacher/README.md) tokenized each article their own
way; a student token takes the average of the teacher tokens it overlaps, weighted by the
characters they share. Probabilities are stored as uint8 (x 255).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..analyzers.attribution.tagger import ROLE_TAGS
from ..analyzers.techniques.decoding import B, I, O

ROLES = ("Source", "Cue", "Content")


@dataclass(frozen=True)
class TeacherTokens:
    """One article's teacher tokens: character offsets and probabilities per column."""

    starts: np.ndarray
    ends: np.ndarray
    probs: np.ndarray  # float32 [tokens, columns]
    columns: tuple[str, ...]

    def column(self, name: str) -> np.ndarray:
        return self.probs[:, self.columns.index(name)]


def load_teacher(path: Path) -> dict[str, TeacherTokens]:
    """All articles of one teacher `.npz`, by article id (PTC number or PolNeAR stem)."""
    with np.load(path, allow_pickle=False) as data:
        ids = [str(i) for i in data["ids"]]
        ptr = data["ptr"]
        offsets = data["offsets"].astype(np.int64)
        probs = data["probs"]
        columns = tuple(str(c) for c in data["columns"])
    out = {}
    for k, article in enumerate(ids):
        a, b = int(ptr[k]), int(ptr[k + 1])
        out[article] = TeacherTokens(offsets[a:b, 0], offsets[a:b, 1], probs[a:b].astype(np.float32) / 255.0, columns)
    return out


def project(teacher: TeacherTokens, starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Teacher probabilities for each student token `[starts[i], ends[i])`.

    Returns `(probs [n, columns], known [n] bool)`: a student token that overlaps no teacher
    token (text the teacher skipped) is not known and must not be trained towards anything.
    """
    n = len(starts)
    out = np.zeros((n, teacher.probs.shape[1]), dtype=np.float32)
    known = np.zeros(n, dtype=bool)
    # Teacher tokens are in text order: those overlapping [s, e) lie between these two bounds.
    lows = np.searchsorted(teacher.ends, starts, side="right")
    highs = np.searchsorted(teacher.starts, ends, side="left")
    for i in range(n):
        lo, hi = int(lows[i]), int(highs[i])
        if hi <= lo:
            continue
        shared = np.minimum(teacher.ends[lo:hi], ends[i]) - np.maximum(teacher.starts[lo:hi], starts[i])
        shared = np.clip(shared, 0, None).astype(np.float32)
        total = shared.sum()
        if total <= 0:
            continue
        out[i] = shared @ teacher.probs[lo:hi] / total
        known[i] = True
    return out, known


def technique_targets(teacher: TeacherTokens, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Soft B/I/O targets in the student's tag order (O, B, I); rows of NaN where unknown."""
    probs, known = project(teacher, starts, ends)
    target = np.full((len(starts), 3), np.nan, dtype=np.float32)
    names = teacher.columns
    for tag, name in ((O, "O"), (B, "B"), (I, "I")):
        target[known, tag] = probs[known, names.index(name)]
    target[known] /= target[known].sum(1, keepdims=True)
    return target


def role_targets(teacher: TeacherTokens, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Soft targets over the attribution tagger's tags from three per-role B/I/O teachers.

    The teacher scores each role on its own; the student has one softmax, so a token's O is
    the chance that it is in no role, and the whole row is renormalised.
    """
    probs, known = project(teacher, starts, ends)
    names = teacher.columns
    target = np.full((len(starts), len(ROLE_TAGS)), np.nan, dtype=np.float32)
    outside = np.ones(int(known.sum()), dtype=np.float32)
    for role in ROLES:
        outside *= probs[known, names.index(f"{role}_O")]
        for tag in ("B", "I"):
            target[known, ROLE_TAGS.index(f"{tag}-{role.lower()}")] = probs[known, names.index(f"{role}_{tag}")]
    target[known, ROLE_TAGS.index("O")] = outside
    target[known] /= np.clip(target[known].sum(1, keepdims=True), 1e-6, None)
    return target


def read_sentence_scores(path: Path) -> dict[tuple[str, str], list[tuple[int, int, float]]]:
    """`claims_news_sentences.tsv`: (corpus, document) -> [(start, end, p_yes)]."""
    out: dict[tuple[str, str], list[tuple[int, int, float]]] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            out.setdefault((row["corpus"], row["document"]), []).append(
                (int(row["start"]), int(row["end"]), float(row["p_yes"])))
    return out


def read_claim_scores(path: Path) -> dict[str, float]:
    """`claims_checkthat.tsv`: Sentence_id -> the teacher's P(Yes)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return {row["Sentence_id"]: float(row["p_yes"]) for row in csv.DictReader(handle, delimiter="\t")}
