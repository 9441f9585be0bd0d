"""What a corpus store keeps of one document: a `documents` row and the rows of each long table.

Both engines (local and Ray) build rows from the analysis JSON (`Analysis.to_dict()`), through
these functions only, so their tables are equal by construction. Offsets are the JSON's: every
row's `text` is `documents.text[char_start:char_end]`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

# Column names and DuckDB types, in table order; `store.py` creates the tables from these.
DOCUMENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "VARCHAR PRIMARY KEY"),
    ("source", "VARCHAR"),
    ("outlet", "VARCHAR"),
    ("author", "VARCHAR"),
    ("published", "VARCHAR"),
    ("title", "VARCHAR"),
    ("words", "INTEGER"),
    ("sentences", "INTEGER"),
    ("author_only_sentences", "INTEGER"),
    ("status", "VARCHAR NOT NULL"),
    ("stage", "VARCHAR"),
    ("error", "VARCHAR"),
    ("content_hash", "VARCHAR"),
    ("engine_version", "VARCHAR"),
    ("analysed_at", "TIMESTAMP"),
    ("metadata", "JSON"),
    ("text", "VARCHAR"),
    ("analysis", "JSON"),
)

FINDING_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "techniques": (
        ("document_id", "VARCHAR"), ("char_start", "INTEGER"), ("char_end", "INTEGER"), ("text", "VARCHAR"),
        ("technique", "VARCHAR"), ("score", "DOUBLE"),
    ),
    "attributions": (
        ("document_id", "VARCHAR"), ("attribution", "INTEGER"), ("kind", "VARCHAR"), ("source_name", "VARCHAR"),
        ("source_type", "VARCHAR"), ("source_start", "INTEGER"), ("source_end", "INTEGER"), ("source_text", "VARCHAR"),
        ("cue_start", "INTEGER"), ("cue_end", "INTEGER"), ("cue_text", "VARCHAR"),
        # From the first content part to the last; the parts themselves are in the analysis JSON.
        ("content_start", "INTEGER"), ("content_end", "INTEGER"), ("content_text", "VARCHAR"),
    ),
    "claims": (
        ("document_id", "VARCHAR"), ("char_start", "INTEGER"), ("char_end", "INTEGER"), ("text", "VARCHAR"),
        ("score", "DOUBLE"), ("attributed", "BOOLEAN"), ("attribution", "INTEGER"), ("source_name", "VARCHAR"),
    ),
    "segments": (
        ("document_id", "VARCHAR"), ("char_start", "INTEGER"), ("char_end", "INTEGER"), ("text", "VARCHAR"),
        ("kind", "VARCHAR"), ("type", "VARCHAR"),
    ),
}

_STATUS = [name for name, _ in DOCUMENT_COLUMNS].index("status")

# Corpus columns that fill the documents table's own columns; other columns stay in `metadata`.
RECORD_FIELDS = ("outlet", "author", "published")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


@dataclass
class StoredDocument:
    """One document's rows, ready to write in one transaction."""

    document: tuple
    findings: dict[str, list[tuple]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.document[0]

    @property
    def status(self) -> str:
        return self.document[_STATUS]


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _text_of(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def analysed(analysis: dict, reader_meta: dict, *, source: str | None = None) -> StoredDocument:
    """The rows of an analysed document, from its analysis JSON and its corpus record's columns."""
    doc_id, text = analysis["id"], analysis["text"]
    meta = analysis.get("meta") or {}
    summary = analysis.get("summary") or {}
    sourcing = summary.get("sourcing") or {}
    outlet = _text_of(reader_meta.get("outlet")) or (meta.get("outlet") or {}).get("text")
    author = _text_of(reader_meta.get("author")) or ", ".join(a["text"] for a in meta.get("authors") or []) or None
    published = _text_of(reader_meta.get("published")) or meta.get("published")
    where = analysis.get("source") or {}
    document = (
        doc_id, source or where.get("url") or where.get("path"), outlet, author, published,
        (meta.get("title") or {}).get("text"), summary.get("words"),
        sourcing.get("sentences", (summary.get("techniques") or {}).get("sentences")),
        len(sourcing["author_only_sentences"]) if "author_only_sentences" in sourcing else None,
        "ok", None, None, content_hash(text), (analysis.get("engine") or {}).get("version"), _now(),
        json.dumps({k: v for k, v in reader_meta.items() if k not in RECORD_FIELDS}, ensure_ascii=False, default=str),
        text, json.dumps(analysis, ensure_ascii=False),
    )
    findings = {
        "techniques": [(doc_id, t["start"], t["end"], t["text"], t["technique"], t["score"])
                       for t in analysis.get("techniques", [])],
        "attributions": [_attribution_row(doc_id, index, a, text) for index, a in enumerate(analysis.get("attributions", []))],
        "claims": [(doc_id, c["start"], c["end"], c["text"], c["score"], c["attributed"], c["attribution"], c["source_name"])
                   for c in analysis.get("claims", [])],
        "segments": [(doc_id, s["start"], s["end"], s["text"], s["kind"], s.get("type"))
                     for s in analysis.get("segments", [])],
    }
    return StoredDocument(document, findings)


def _attribution_row(doc_id: str, index: int, a: dict, text: str) -> tuple:
    def span(value: dict | None) -> tuple:
        return (value["start"], value["end"], value["text"]) if value else (None, None, None)

    parts = a.get("content") or []
    content = (parts[0]["start"], parts[-1]["end"], text[parts[0]["start"] : parts[-1]["end"]]) if parts else (None, None, None)
    return (doc_id, index, a["kind"], a.get("source_name"), a.get("source_type"), *span(a.get("source")),
            *span(a.get("cue")), *content)


def failed(doc_id: str, stage: str, message: str, *, source: str | None = None, text: str | None = None,
           reader_meta: dict | None = None, engine_version: str | None = None) -> StoredDocument:
    """The row of a document that could not be read or analysed. A read failure has no text and
    no hash, so that a later run tries it again."""
    reader_meta = reader_meta or {}
    document = (
        doc_id, source, _text_of(reader_meta.get("outlet")), _text_of(reader_meta.get("author")),
        _text_of(reader_meta.get("published")), None, None, None, None,
        "error", stage, message, content_hash(text) if text is not None else None, engine_version, _now(),
        json.dumps({k: v for k, v in reader_meta.items() if k not in RECORD_FIELDS}, ensure_ascii=False, default=str),
        text, None,
    )
    return StoredDocument(document, {table: [] for table in FINDING_COLUMNS})
