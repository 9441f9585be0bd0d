"""A coloured terminal view with rich: metadata, the article with highlights, and tables."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..analysis import Analysis
from ..analyzers.techniques.labels import DEFINITIONS, DISPLAY_NAMES, TECHNIQUE_INDEX
from .highlight import Marked, pieces

_TECHNIQUE_STYLES = [
    "black on #ffd6a5", "black on #ffadad", "black on #fdffb6", "black on #caffbf", "black on #9bf6ff",
    "black on #f4a261", "black on #a0c4ff", "black on #bdb2ff", "black on #ffc6ff", "black on #e9c46a",
    "black on #90be6d", "black on #cdb4db", "black on #f28482", "black on #84a59d",
]
_SEGMENT_STYLES = {
    "title": "bold", "subtitle": "italic", "heading": "bold underline", "byline": "cyan", "dateline": "cyan",
    "tag": "magenta", "quote_block": "green", "boilerplate": "dim", "body": "",
}


def article_text(analysis: Analysis) -> Text:
    marks = [Marked("segments", s.start, s.end, s.kind, {}) for s in analysis.segments]
    marks += [Marked("techniques", t.start, t.end, t.technique, {}) for t in analysis.techniques]
    out = Text()
    for piece in pieces(analysis.text, marks):
        styles = []
        for m in piece.marks:
            if m.layer == "segments":
                styles.append(_SEGMENT_STYLES.get(m.label, ""))
        technique = next((m for m in piece.marks if m.layer == "techniques"), None)
        if technique:
            styles.append(_TECHNIQUE_STYLES[TECHNIQUE_INDEX.get(technique.label, 0)])
        out.append(piece.text, style=" ".join(s for s in styles if s))
    return out


def render(analysis: Analysis, console: Console) -> None:
    meta = analysis.meta
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    facts.add_row("Title", Text(meta.title.text) if meta.title else "—")
    facts.add_row("Authors", Text(", ".join(a.text for a in meta.authors)) if meta.authors else "—")
    facts.add_row("Published", meta.published or "—")
    facts.add_row("Outlet", Text(meta.outlet.text) if meta.outlet else "—")
    facts.add_row("Tags", Text(", ".join(t.text for t in meta.tags)) if meta.tags else "—")
    profile = analysis.summary.get("techniques", {})
    facts.add_row("Techniques", f"{profile.get('count', 0)} spans, {profile.get('per_1000_words', 0)} per 1,000 words")
    console.print(Panel(facts, title=f"unspin · {analysis.id}", expand=False))
    console.print(article_text(analysis))
    if analysis.techniques:
        table = Table(title="Techniques", show_lines=False)
        table.add_column("Text", overflow="fold", ratio=3)
        table.add_column("Technique", ratio=2)
        table.add_column("Score", justify="right")
        for t in analysis.techniques:
            table.add_row(Text(t.text), Text(DISPLAY_NAMES.get(t.technique, t.technique),
                                             style=_TECHNIQUE_STYLES[TECHNIQUE_INDEX.get(t.technique, 0)]),
                          f"{t.score:.2f}")
        console.print(table)
        used = sorted({t.technique for t in analysis.techniques})
        console.print(Group(*(Text.assemble((DISPLAY_NAMES[t], "bold"), ": ", DEFINITIONS[t]) for t in used)))
    if analysis.attributions:
        table = Table(title="Who is quoted")
        table.add_column("Source", ratio=2)
        table.add_column("Type")
        table.add_column("Cue")
        table.add_column("Kind")
        table.add_column("Content", overflow="fold", ratio=4)
        for a in analysis.attributions:
            source = a.source_name or (a.source.text if a.source else "—")
            table.add_row(Text(source), a.source_type or "", Text(a.cue.text if a.cue else ""), a.kind,
                          Text(" … ".join(c.text for c in a.content)))
        console.print(table)
    if analysis.claims:
        table = Table(title="Claims to check")
        table.add_column("#", justify="right")
        table.add_column("Claim", overflow="fold", ratio=4)
        table.add_column("Score", justify="right")
        table.add_column("Cited", ratio=1)
        for rank, c in enumerate(sorted(analysis.claims, key=lambda c: -c.score), 1):
            table.add_row(str(rank), Text(c.text), f"{c.score:.2f}", Text(c.source_name or ("attributed" if c.attributed else "no source given")))
        console.print(table)
    sourcing = analysis.summary.get("sourcing")
    if sourcing:
        console.print(f"{sourcing['attributed_sentences']} of {sourcing['sentences']} sentences cite a source; "
                      f"{sourcing['share_author_only']:.0%} are asserted by the author alone.")
