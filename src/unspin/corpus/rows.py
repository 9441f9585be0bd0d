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

from ..layers import registered

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

def finding_columns() -> dict[str, tuple[tuple[str, str], ...]]:
    """Each finding type with columns has a long table: `document_id`, then its declared columns."""
    return {finding.key: (("document_id", "VARCHAR"), *finding.columns) for finding in registered() if finding.columns}

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
    findings = {finding.key: finding.rows(doc_id, analysis.get(finding.key, []), text)
                for finding in registered() if finding.columns}
    return StoredDocument(document, findings)


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
    return StoredDocument(document, {table: [] for table in finding_columns()})
