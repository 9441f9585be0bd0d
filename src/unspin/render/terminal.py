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
    marks = [Marked("segments", s.start, s.end, s.label or "", {}) for s in analysis.segments]
    marks += [Marked("techniques", s.start, s.end, s.label or "", {}) for s in analysis.techniques]
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
    meta = analysis.document.meta
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    facts.add_row("Title", meta["title"].text if meta.get("title") else "—")
    facts.add_row("Authors", ", ".join(a.text for a in meta.get("authors", [])) or "—")
    facts.add_row("Published", meta.get("published") or "—")
    facts.add_row("Outlet", meta["outlet"].text if meta.get("outlet") else "—")
    facts.add_row("Tags", ", ".join(t.text for t in meta.get("tags", [])) or "—")
    profile = analysis.summary.get("techniques", {})
    facts.add_row("Techniques", f"{profile.get('count', 0)} spans, {profile.get('per_1000_words', 0)} per 1,000 words")
    console.print(Panel(facts, title=f"unspin · {analysis.id}", expand=False))
    console.print(article_text(analysis))
    if analysis.techniques:
        table = Table(title="Techniques", show_lines=False)
        table.add_column("Text", overflow="fold", ratio=3)
        table.add_column("Technique", ratio=2)
        table.add_column("Score", justify="right")
        for s in analysis.techniques:
            table.add_row(Text(s.text), Text(DISPLAY_NAMES.get(s.label or "", s.label or ""),
                                             style=_TECHNIQUE_STYLES[TECHNIQUE_INDEX.get(s.label or "", 0)]),
                          f"{s.score:.2f}")
        console.print(table)
        used = sorted({s.label for s in analysis.techniques if s.label})
        console.print(Group(*(Text.assemble((DISPLAY_NAMES[t], "bold"), ": ", DEFINITIONS[t]) for t in used)))
    if analysis.attributions:
        table = Table(title="Who is quoted")
        table.add_column("Source", ratio=2)
        table.add_column("Type")
        table.add_column("Cue")
        table.add_column("Kind")
        table.add_column("Content", overflow="fold", ratio=4)
        for a in analysis.attributions:
            source = a["source_name"] or (a["source"]["text"] if a["source"] else "—")
            table.add_row(Text(source), a["source_type"] or "", Text(a["cue"]["text"] if a["cue"] else ""), a["kind"],
                          Text(" … ".join(c["text"] for c in a["content"])))
        console.print(table)
    sourcing = analysis.summary.get("sourcing")
    if sourcing:
        console.print(f"{sourcing['attributed_sentences']} of {sourcing['sentences']} sentences cite a source; "
                      f"{sourcing['share_author_only']:.0%} are asserted by the author alone.")
