"""A coloured terminal view with rich: metadata, the article with highlights, and tables.

Article text is always printed as text: it goes into `Text` objects (never through rich's
markup, so "[/b]" or "[link=...]" in an article stays as typed), and control characters,
escape sequences included, are shown as visible symbols instead of reaching the terminal.
"""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..analysis import Analysis
from ..analyzers.claims.findings import min_claim_score
from ..analyzers.techniques.findings import TERMINAL_STYLES as _TECHNIQUE_STYLES
from ..analyzers.techniques.findings import min_technique_score
from ..analyzers.techniques.labels import DEFINITIONS, DISPLAY_NAMES, TECHNIQUE_INDEX
from ..layers import registered
from .highlight import pieces


def shown(text: str) -> str:
    """`text` with C0/C1 control characters (but newline and tab) made visible: ESC becomes ␛;
    bidirectional embeddings, overrides and isolates become U+FFFD, so that an article cannot
    reorder what the terminal shows after it."""
    return text.translate(_CONTROL_PICTURES)


_CONTROL_PICTURES = {c: 0x2400 + c for c in range(32) if chr(c) not in "\n\t"}
_CONTROL_PICTURES[0x7F] = 0x2421
_CONTROL_PICTURES.update({c: 0xFFFD for c in range(0x80, 0xA0)})
_CONTROL_PICTURES.update({c: 0xFFFD for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]})
WIDE = 120  # columns from which attributions fit a table


def plain(text: str, style: str = "") -> Text:
    return Text(shown(text), style=style)


def article_text(analysis: Analysis) -> Text:
    out = Text()
    marks = [mark for finding in registered() for mark in finding.marks(analysis) if mark.style]
    for piece in pieces(analysis.text, marks):
        styles, taken = [], set()
        for m in sorted(piece.marks, key=lambda m: m.rank):
            if m.exclusive is None or m.exclusive not in taken:
                styles.append(m.style)
                if m.exclusive is not None:
                    taken.add(m.exclusive)
        out.append(shown(piece.text), style=" ".join(styles))
    return out


def render(analysis: Analysis, console: Console) -> None:
    meta = analysis.meta
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    facts.add_row("Title", plain(meta.title.text) if meta.title else "—")
    facts.add_row("Authors", plain(", ".join(a.text for a in meta.authors)) if meta.authors else "—")
    facts.add_row("Published", meta.published or "—")
    facts.add_row("Outlet", plain(meta.outlet.text) if meta.outlet else "—")
    facts.add_row("Tags", plain(", ".join(t.text for t in meta.tags)) if meta.tags else "—")
    profile = analysis.summary.get("techniques", {})
    floor, claim_floor = min_technique_score(analysis), min_claim_score(analysis)
    sure = sum(1 for t in analysis.techniques if t.score >= floor)
    facts.add_row("Techniques", f"{sure} shown, {len(analysis.techniques) - sure} less certain (underlined); "
                                f"{profile.get('per_1000_words', 0)} per 1,000 words")
    console.print(Panel(facts, title=plain(f"unspin · {analysis.id}"), expand=False))
    console.print(article_text(analysis))
    if analysis.techniques:
        table = Table(title="Techniques", show_lines=False)
        table.add_column("Text", overflow="fold", ratio=3)
        table.add_column("Technique", ratio=2)
        table.add_column("Score", justify="right")
        for t in analysis.techniques:
            low = t.score < floor
            table.add_row(plain(t.text, "dim" if low else ""), Text(
                DISPLAY_NAMES.get(t.technique, t.technique) + (" (less certain)" if low else ""),
                style="dim" if low else _TECHNIQUE_STYLES[TECHNIQUE_INDEX.get(t.technique, 0)]), f"{t.score:.2f}")
        console.print(table)
        used = sorted({t.technique for t in analysis.techniques})
        console.print(Group(*(Text.assemble((DISPLAY_NAMES[t], "bold"), ": ", DEFINITIONS[t]) for t in used)))
    if analysis.attributions and console.width < WIDE:
        # Five columns squeeze the content to a dozen characters on a narrow terminal: one block each.
        console.print(Text("Who is quoted", style="bold"))
        for a in analysis.attributions:
            console.print(Text.assemble((shown(a.speaker), "bold"), f" ({a.source_type or 'unknown'}) ",
                                        plain(a.cue.text if a.cue else ""), f" [{a.kind}]"))
            console.print(plain("  " + " … ".join(c.text for c in a.content)))
    elif analysis.attributions:
        table = Table(title="Who is quoted")
        table.add_column("Source", ratio=2)
        table.add_column("Type")
        table.add_column("Cue")
        table.add_column("Kind")
        table.add_column("Content", overflow="fold", ratio=4)
        for a in analysis.attributions:
            source = a.source_name or (a.source.text if a.source else "—")
            table.add_row(plain(source), a.source_type or "", plain(a.cue.text if a.cue else ""), a.kind,
                          plain(" … ".join(c.text for c in a.content)))
        console.print(table)
    if analysis.claims:
        sure = sum(1 for c in analysis.claims if c.score >= claim_floor)
        table = Table(title=f"Claims to check: {sure} shown, {len(analysis.claims) - sure} less certain")
        table.add_column("#", justify="right")
        table.add_column("Claim", overflow="fold", ratio=4)
        table.add_column("Score", justify="right")
        table.add_column("Cited", ratio=1)
        for rank, c in enumerate(sorted(analysis.claims, key=lambda c: -c.score), 1):
            style = "dim" if c.score < claim_floor else ""
            table.add_row(str(rank), plain(c.text, style), f"{c.score:.2f}", plain(c.cited, style))
        console.print(table)
    sourcing = analysis.summary.get("sourcing")
    if sourcing:
        console.print(f"{sourcing['attributed_sentences']} of {sourcing['sentences']} sentences cite a source; "
                      f"{sourcing['share_author_only']:.0%} are asserted by the author alone.")
