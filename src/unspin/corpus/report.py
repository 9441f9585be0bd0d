"""The corpus report: one self-contained HTML page comparing outlets, authors and months.

Every number comes from one SQL query over the store (`QUERIES`), so a reader can rerun it with
`unspin corpus sql`. Charts are SVG drawn by the template from the same rows, with no script
and no external request; every name from the corpus goes through Jinja2's autoescaping.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from ..analyzers.techniques.calibration import SHOWN_FROM
from ..analyzers.techniques.labels import (
    DISPLAY_NAMES,
    TECHNIQUE_COLOURS,
    TECHNIQUE_INDEX,
)
from ..version import __version__
from .store import CorpusStore

_env = Environment(loader=PackageLoader("unspin", "render/templates"), autoescape=select_autoescape(default=True),
                   trim_blocks=True, lstrip_blocks=True)

SOURCE_COLOURS = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#76b7b2", "#edc948", "#9c755f", "#bab0ac")
MOST_GROUPS = 15  # rows in a chart; the tables below each chart hold up to TABLE_ROWS
TABLE_ROWS = 50
DENSE_ARTICLES = 20
MIN_WORDS = 100  # shorter texts make densities meaningless
# Densities count the technique spans a single report shows by default (scores are calibrated
# probabilities of being right), not the less certain ones it hides.
SHOWN = SHOWN_FROM

# The grouping columns, as SQL over `documents d`. A month only where `published` reads as a date.
DIMENSIONS = {
    "outlet": "coalesce(d.outlet, '(unknown)')",
    "author": "coalesce(d.author, '(unknown)')",
    "month": "strftime(TRY_CAST(d.published AS DATE), '%Y-%m')",
}

# Where each comparison's values come from, for a report that has none to compare.
WHERE_FROM = {
    "outlet": "an `outlet` column of a CSV or JSONL corpus, the site of a fetched URL, or an outlet the article "
              "names in its dateline or copyright line",
    "author": "an `author` column, or the article's byline",
    "month": "a `published` column, or a date in the article's byline or dateline",
}

QUERIES = {
    "overview": """
        SELECT {group} AS name, count(*) AS articles, sum(d.words) AS words,
               round(1000.0 * sum(t.n) / nullif(sum(d.words), 0), 2) AS techniques_per_1000_words,
               round(sum(d.author_only_sentences) / nullif(sum(d.sentences), 0), 3) AS share_author_only,
               round(avg(c.n), 2) AS claims_per_article,
               round(avg(a.n), 2) AS attributions_per_article
        FROM documents d
        LEFT JOIN (SELECT document_id, count(*) AS n FROM techniques WHERE score >= {shown} GROUP BY 1) t0
          ON t0.document_id = d.id
        CROSS JOIN LATERAL (SELECT coalesce(t0.n, 0) AS n) t
        LEFT JOIN (SELECT document_id, count(*) AS n FROM claims GROUP BY 1) c0 ON c0.document_id = d.id
        CROSS JOIN LATERAL (SELECT coalesce(c0.n, 0) AS n) c
        LEFT JOIN (SELECT document_id, count(*) AS n FROM attributions GROUP BY 1) a0 ON a0.document_id = d.id
        CROSS JOIN LATERAL (SELECT coalesce(a0.n, 0) AS n) a
        WHERE d.status = 'ok' AND {group} IS NOT NULL
        GROUP BY 1 ORDER BY articles DESC, name LIMIT {limit}""",
    "density": """
        SELECT {group} AS name, t.technique, round(1000.0 * count(*) / any_value(w.words), 3) AS per_1000_words
        FROM techniques t JOIN documents d ON d.id = t.document_id
        JOIN (SELECT {group} AS name, sum(d.words) AS words FROM documents d WHERE d.status = 'ok' GROUP BY 1) w
          ON w.name = {group}
        WHERE d.status = 'ok' AND {group} IS NOT NULL AND t.score >= {shown}
        GROUP BY 1, 2 ORDER BY 1, 3 DESC""",
    "sources": """
        SELECT {group} AS name, coalesce(a.source_type, 'none') AS source_type, count(*) AS attributions
        FROM attributions a JOIN documents d ON d.id = a.document_id
        WHERE d.status = 'ok' AND {group} IS NOT NULL
        GROUP BY 1, 2 ORDER BY 1, 3 DESC""",
}

TOP_SOURCES = """
    SELECT a.source_name AS source, any_value(a.source_type) AS type, count(*) AS attributions,
           count(DISTINCT a.document_id) AS articles, count(DISTINCT d.outlet) AS outlets
    FROM attributions a JOIN documents d ON d.id = a.document_id
    WHERE d.status = 'ok' AND a.source_name IS NOT NULL
    GROUP BY 1 ORDER BY attributions DESC, source LIMIT 20"""

DENSE = """
    SELECT d.id, coalesce(d.title, d.id) AS title, coalesce(d.outlet, '(unknown)') AS outlet, d.words,
           count(t.document_id) AS techniques, round(1000.0 * count(t.document_id) / d.words, 2) AS per_1000_words
    FROM documents d LEFT JOIN techniques t ON t.document_id = d.id AND t.score >= {shown}
    WHERE d.status = 'ok' AND d.words >= {min_words}
    GROUP BY d.id, d.title, d.outlet, d.words
    ORDER BY per_1000_words DESC, d.id LIMIT {limit}"""

TOTALS = """
    SELECT count(*) FILTER (WHERE status = 'ok') AS analysed, count(*) FILTER (WHERE status = 'error') AS failed,
           coalesce(sum(words), 0) AS words, count(DISTINCT outlet) AS outlets,
           count(DISTINCT author) AS authors, min(TRY_CAST(published AS DATE)) AS first, max(TRY_CAST(published AS DATE)) AS last
    FROM documents"""


def _rows(store: CorpusStore, sql: str) -> list[dict]:
    columns, rows = store.query(sql)
    return [dict(zip(columns, row)) for row in rows]


def _dimension(store: CorpusStore, name: str, colours: dict[str, str]) -> dict | None:
    group = DIMENSIONS[name]
    overview = _rows(store, QUERIES["overview"].format(group=group, limit=TABLE_ROWS, shown=SHOWN))
    if not overview or (len(overview) == 1 and overview[0]["name"] == "(unknown)"):
        return None  # nothing to compare
    shown = [row["name"] for row in overview[:MOST_GROUPS]]
    density: dict[str, list[dict]] = {n: [] for n in shown}
    for row in _rows(store, QUERIES["density"].format(group=group, shown=SHOWN)):
        if row["name"] in density:
            density[row["name"]].append({
                "technique": row["technique"], "name": DISPLAY_NAMES.get(row["technique"], row["technique"]),
                "value": row["per_1000_words"],
                "colour": TECHNIQUE_COLOURS[TECHNIQUE_INDEX.get(row["technique"], 0) % len(TECHNIQUE_COLOURS)]})
    sources: dict[str, dict[str, int]] = {n: {} for n in shown}
    for row in _rows(store, QUERIES["sources"].format(group=group)):
        if row["name"] in sources:
            sources[row["name"]][row["source_type"]] = row["attributions"]
    source_parts = {
        n: [{"name": kind, "value": round(100.0 * count / sum(counts.values()), 1), "colour": colours[kind]}
            for kind, count in sorted(counts.items())]
        for n, counts in sources.items()}
    if name == "month":
        overview.sort(key=lambda row: row["name"])
        shown.sort()
    charted = [row for row in overview if row["name"] in set(shown)]
    return {"name": name, "overview": overview, "shown": shown, "density": density, "source_parts": source_parts,
            "max_density": max((sum(p["value"] for p in parts) for parts in density.values()), default=0) or 1,
            "author_only": [(row["name"], row["share_author_only"]) for row in charted],
            "claims": [(row["name"], row["claims_per_article"]) for row in charted],
            "max_claims": max((r["claims_per_article"] or 0 for r in charted), default=0) or 1}


def write_report(store: CorpusStore, output: str | os.PathLike, *, reports_dir: str | os.PathLike | None = None,
                 min_words: int = MIN_WORDS) -> Path:
    """Write the report to `output`; with `reports_dir`, also the single-article reports of the
    most technique-dense articles, linked from it."""
    from ..analysis import Analysis
    from ..render.html import to_html
    from ..render.outputs import safe_name

    output = Path(output)
    dense = _rows(store, DENSE.format(min_words=int(min_words), limit=DENSE_ARTICLES, shown=SHOWN))
    if reports_dir is not None:
        folder = Path(reports_dir)
        folder.mkdir(parents=True, exist_ok=True)
        for row in dense:
            stored = store.connection.execute("SELECT analysis FROM documents WHERE id = ?", [row["id"]]).fetchone()
            path = folder / f"{safe_name(row['id'])}.html"
            path.write_text(to_html(Analysis.from_dict(json.loads(stored[0]))), encoding="utf-8")
            row["href"] = Path(os.path.relpath(path, output.resolve().parent)).as_posix()
    source_types = sorted({t for (t,) in store.connection.execute(
        "SELECT DISTINCT coalesce(source_type, 'none') FROM attributions").fetchall()})
    colours = {kind: SOURCE_COLOURS[i % len(SOURCE_COLOURS)] for i, kind in enumerate(source_types)}
    dimensions = {name: _dimension(store, name, colours) for name in DIMENSIONS}
    page = _env.get_template("corpus_report.html.j2").render(
        version=__version__, generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        store=store.path.name, totals=_rows(store, TOTALS)[0],
        dimensions=[d for d in dimensions.values() if d],
        missing=[(name, WHERE_FROM[name]) for name, d in dimensions.items() if not d],
        source_types=source_types, source_colours=colours,
        top_sources=_rows(store, TOP_SOURCES), dense=dense, min_words=min_words, shown_from=SHOWN,
        techniques=[(t, DISPLAY_NAMES.get(t, t), TECHNIQUE_COLOURS[i % len(TECHNIQUE_COLOURS)])
                    for t, i in TECHNIQUE_INDEX.items()],
    )
    output.write_text(page, encoding="utf-8")
    return output
