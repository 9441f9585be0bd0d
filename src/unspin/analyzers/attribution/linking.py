"""Role spans to attributions: the tagger's sources, cues and contents tidied, cut at region
boundaries, and linked (a cue to its source and its content, across a sentence or a quotation
that runs on), with each attribution's kind (direct, indirect or mixed)."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field

from ...document import strip_span
from ..cues import INFERENCE_CUE, reports_speech
from ..words import only_function_words, snap_to_words
from .patterns import (
    CLARITY,
    COMPLEMENT,
    NEGATION_BEFORE,
    NOT_A_HEAD,
    PREPOSITIONS,
    PRONOUN_SOURCES,
    QUOTES,
    RELATIVE_BEFORE_CUE,
    RELATIVE_SUBJECT,
    TAIL_AFTER_NAME,
    TIME_WORDS,
    TRAILING_FUNCTION_WORDS,
    TRAILING_PARTICIPLE,
    TRAILING_PREPOSITION,
)
from .sources import RELATIVE_PRONOUNS
from .tagger import RoleSpan

MAX_CONTENT_DISTANCE = 400  # characters between a content and its cue
MAX_SOURCE_DISTANCE = 120
MIN_CUE_SCORE = 0.5  # mean tag probability of a cue; chosen on PolNeAR dev
# Relative pronouns kept as sources when the tagger marks them, whether or not a name comes
# before them: dropping those without one lost 15 of PolNeAR dev's sources (end to end 0.793 ->
# 0.801 kept; on a quarter of train 0.772 -> 0.782, at the same precision).
RELATIVE_SUBJECTS = RELATIVE_PRONOUNS | {"that"}
# A cue whose subject is a relative pronoun: "an architect who said", "a report that found";
# its source must end this near the pronoun (the antecedent and its modifiers).
ANTECEDENT_REACH = 40


@dataclass
class Attribution:
    kind: str
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    content: list[tuple[int, int]] = field(default_factory=list)
    source_name: str | None = None
    source_type: str | None = None
    speaker_tag: bool = False  # a transcript's "PENCE:", a person whatever NER makes of the capitals


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def _without_tail(fragment: str) -> str:
    """A source phrase without a tail the tagger ran on into (see `TAIL_AFTER_NAME`): only after
    a name of two capitalised words or more ("Mayor Helen Park after the vote"; not "Nobody at
    the council", whose capital is the sentence's)."""
    match = TAIL_AFTER_NAME.search(fragment)
    if match and len(re.findall(r"\b[A-Z]", fragment[: match.start(1)])) >= 2:
        fragment = fragment[: match.start(1)]
    return TRAILING_PARTICIPLE.sub("", fragment)


def _trimmed(text: str, source: tuple[int, int]) -> tuple[int, int]:
    """A linked source without its tail (linking reads the tagger's whole span, which sits next
    to its cue; the attribution names only the source)."""
    if text[source[0] : source[1]].strip().lower() in RELATIVE_PRONOUNS:
        return source
    start, end = source
    end = start + len(_without_tail(text[start:end]))
    start, end = strip_span(text, start, end, chars=".,;:'’")
    return (start, end) if end > start else source


def is_source_phrase(text: str) -> bool:
    """A source is a noun phrase with a head: "he" is, "The", "who" and "in Syria" are not."""
    words = re.findall(r"[\w'’\-]+", text.lower())
    if not words:
        return False
    if len(words) == 1 and words[0] in PRONOUN_SOURCES:
        return True
    if words[0] in PREPOSITIONS or all(w in NOT_A_HEAD for w in words) or all(w in TIME_WORDS for w in words):
        return False
    return not only_function_words(text)


def tidy(text: str, roles: list[RoleSpan]) -> list[RoleSpan]:
    """Whole words only; no cue or content made of function words alone ("the", "of"); sources
    are noun phrases with a head ("he said" is an attribution to whoever "he" is), or a relative
    pronoun as subject ("Mr. Obama, who said", "a lawyer who is a staunch opponent of"): the
    span stays on "who", as PolNeAR marks it, and the source's name is the name before it where
    there is one (`relative_antecedent`)."""
    out = []
    for r in roles:
        start, end = snap_to_words(text, r.start, r.end)
        if r.role == "cue" and not text[start:end].lower().startswith("according"):
            end = start + len(TRAILING_PREPOSITION.sub("", text[start:end]))  # "said on" of "said on Tuesday"
        elif r.role == "source":
            end = start + len(TRAILING_FUNCTION_WORDS.sub("", text[start:end]))
            start, end = strip_span(text, start, end, chars=".,;:'’")
        fragment = text[start:end]
        if r.role == "source":
            keep = is_source_phrase(fragment) or fragment.strip().lower() in RELATIVE_SUBJECTS
        else:
            keep = not only_function_words(fragment)
        if keep:
            out.append(RoleSpan(r.role, start, end, r.score))
    return out


def split_at(roles: list[RoleSpan], text: str, regions: list[tuple[int, int]]) -> list[RoleSpan]:
    """Role spans cut where they cross the edge of a region (a title, a heading): a content the
    tagger ran from the headline into the body becomes two pieces, each linked on its own side
    ("Obama says museum tells America's story" is an attribution of its own)."""
    regions = sorted(regions)
    starts = [a for a, _ in regions]
    out = []
    for r in roles:
        # Only the regions that overlap the span, found by bisection: a text of thousands of
        # one-line headings would otherwise cost roles x headings.
        first = max(0, bisect.bisect_right(starts, r.start) - 1)
        last = bisect.bisect_left(starts, r.end, lo=first)
        near = [(a, b) for a, b in regions[first:last] if a < r.end and r.start < b]
        inside = [(max(r.start, a), min(r.end, b)) for a, b in near]
        for start, end in _subtract((r.start, r.end), near) + inside:
            start, end = strip_span(text, start, end)
            if end > start:
                out.append(RoleSpan(r.role, start, end, r.score))
    return sorted(out, key=lambda r: (r.start, r.end))


def author_cue(text: str, cue: tuple[int, int]) -> bool:
    """A cue in the author's own question ("Who really believes...?") or in a relative clause
    ("Nobody who really believes in evidence...") reports no one's words."""
    line_start = text.rfind("\n", 0, cue[0]) + 1
    before = text[line_start : cue[0]]
    sentence_start = max(before.rfind(". "), before.rfind("? "), before.rfind("! "))
    sentence_before = before[sentence_start + 1 :] if sentence_start >= 0 else before
    if RELATIVE_BEFORE_CUE.search(sentence_before):
        return True
    after = text[cue[1] :]
    end = min((i for i in (after.find(". "), after.find("?"), after.find("!"), after.find("\n")) if i >= 0), default=len(after))
    in_quotes = sum(sentence_before.count(q) for q in '"“”') % 2 == 1
    return after[end : end + 1] == "?" and not in_quotes


def speech_cue(text: str, cue: tuple[int, int]) -> bool:
    """Whether a cue reports speech: not an omission, a decision, an idiom or a denial that
    anything was said (see `cues.NON_SPEECH_CUE`), read on the cue and the words after it."""
    if not reports_speech(text[cue[0] : min(len(text), cue[1] + 40)]):
        return False
    return not (CLARITY.match(text[cue[0] : cue[1] + 20]) and NEGATION_BEFORE.search(text, max(0, cue[0] - 12), cue[0]))


def _opens_clause(text: str, source: tuple[int, int], sentence_starts: list[int]) -> bool:
    """Whether a source is its sentence's subject: nothing but an opening phrase and a comma
    before it ("The report indicates", "In March, the data showed"; not "A deployment of the
    Popular Mobilization Forces (PMF) indicates")."""
    start = sentence_starts[max(0, _sentence_index(sentence_starts, source[0]))] if sentence_starts else 0
    before = text[start : source[0]].strip()
    return not before or before.endswith(",")


def paragraph_bounded(text: str, cue: tuple[int, int], content: list[tuple[int, int]],
                      sentence_starts: list[int]) -> list[tuple[int, int]]:
    """Content pieces in the cue's paragraph, split at line breaks, plus those in neighbouring
    paragraphs that continue a quotation (a paragraph that opens with a quotation mark while
    the quotation before it is still open), or follow a cue line ending in a colon.
    `sentence_starts`: where the document's sentences begin, in order."""
    pieces = sorted(p for start, end in content for p in _split_lines(text, start, end))
    if not pieces:
        return []

    def line_of(position: int) -> int:
        return text.count("\n", 0, position)

    cue_line = line_of(cue[0])
    kept = [p for p in pieces if line_of(p[0]) == cue_line and _same_sentence_or_quoted(text, cue, p, sentence_starts)]
    cue_line_end = text.find("\n", cue[1])
    introduces = text[cue[1] : cue_line_end if cue_line_end >= 0 else len(text)].rstrip().endswith(":")
    after = [p for p in pieces if line_of(p[0]) > cue_line]
    before = [p for p in pieces if line_of(p[0]) < cue_line]
    if introduces and after and not kept:
        kept.append(after.pop(0))
    for piece in after:  # forwards from the cue's paragraph
        if kept and _continues_quote(text, kept[-1], piece):
            kept.append(piece)
        else:
            break
    for piece in reversed(before):  # backwards: a quotation that ends in the cue's paragraph
        if kept and _continues_quote(text, piece, kept[0]):
            kept.insert(0, piece)
        else:
            break
    return kept


def _subtract(span: tuple[int, int], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of `span` outside every hole, in one pass over the holes in order (holes may
    overlap)."""
    start, end = span
    pieces, position = [], start
    for a, b in sorted(holes):
        if a >= end:
            break
        if b <= position:
            continue
        if a > position:
            pieces.append((position, a))
        position = b
    if position < end:
        pieces.append((position, end))
    return pieces


def _without(text: str, span: tuple[int, int], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [p for p in (_opening_stop_cut(text, *strip_span(text, start, end, chars=",;:"))
                        for start, end in _subtract(span, holes))
            if p[1] > p[0] and not only_function_words(text[p[0] : p[1]])]


def _opening_stop_cut(text: str, start: int, end: int) -> tuple[int, int]:
    """A piece left after a hole never opens on the stop that ended the hole's sentence
    ('. "Somebody is going to get killed."' after "said Ruth Ortiz, who lives two blocks away")."""
    if start < end and text[start] in ".!?" and text[start + 1 : start + 2].isspace():
        return strip_span(text, start + 1, end)
    return start, end


def _sentence_index(sentence_starts: list[int], position: int) -> int:
    """Which of the document's sentences (by their sorted starts) holds `position`."""
    return bisect.bisect_right(sentence_starts, position) - 1


def _same_sentence_or_quoted(text: str, cue: tuple[int, int], piece: tuple[int, int], sentence_starts: list[int]) -> bool:
    """Reported speech without quotation marks stays in its cue's sentence; a quotation may run
    over several sentences. The sentences are the document's (spaCy's), which know that
    "Mr. Rosenthal said" is one sentence."""
    if text[piece[0] : piece[0] + 1] in '"“' or (piece[0] < cue[0] and text[piece[1] - 1 : piece[1]] in '"”'):
        return True  # a quotation, which may run over several sentences (not a scare-quoted word)
    first, last = min(cue[1], piece[1]), max(cue[0], piece[0])
    return _sentence_index(sentence_starts, first) == _sentence_index(sentence_starts, last)


def _split_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    position = start
    while position < end:
        newline = text.find("\n", position, end)
        stop = end if newline < 0 else newline
        a, b = strip_span(text, position, stop)
        if b > a:
            out.append((a, b))
        position = stop + 1
    return out


def _continues_quote(text: str, earlier: tuple[int, int], later: tuple[int, int]) -> bool:
    opened = text[earlier[0] : earlier[1]]
    still_open = opened.count("“") > opened.count("”") or opened.count('"') % 2 == 1
    return still_open and text[later[0] : later[0] + 1] in '"“'


def _merge_close(text: str, spans: list[tuple[int, int]], max_gap: int = 300) -> list[tuple[int, int]]:
    """Join content pieces a few characters apart on the same line: one quotation, not five."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start - merged[-1][1] <= max_gap and "\n" not in text[merged[-1][1] : start]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def link(text: str, roles: list[RoleSpan], sentences: list[tuple[int, int]]) -> list[Attribution]:
    """Attach each content and source to its nearest cue; a cue with content is an attribution.
    `sentences`: the document's sentence spans, in order."""
    sentence_starts = [start for start, _ in sentences]
    roles = [r for r in tidy(text, roles) if r.role != "cue" or (r.score >= MIN_CUE_SCORE and not author_cue(text, (r.start, r.end)))]
    cues = [(r.start, r.end) for r in roles if r.role == "cue"]
    if not cues:
        return []
    contents: dict[int, list[tuple[int, int]]] = defaultdict(list)
    sources: dict[int, list[tuple[int, int]]] = defaultdict(list)
    unlinked: list[tuple[int, int]] = []  # sources too far from every cue, or of a cue that reports nothing
    cue_sentences = [_sentence_index(sentence_starts, start) for start, _ in cues]
    for r in roles:
        if r.role == "cue":
            continue
        span = (r.start, r.end)
        # A content or source goes to the nearest cue of a sentence it shares, where there is one:
        # in "Miller told the Post that the policy covers mothers. He could not explain why...",
        # the first content ends nearer "could not explain" but is what Miller told.
        first, last = _sentence_index(sentence_starts, span[0]), _sentence_index(sentence_starts, span[1] - 1)
        # A "that" clause is the complement of the verb before it: in "Rajoy said that he will
        # try... and insisted that...", the first clause is what he said, however near "insisted".
        complement = r.role == "content" and COMPLEMENT.match(text, span[0]) is not None
        best = min(range(len(cues)), key=lambda i: (not first <= cue_sentences[i] <= last,
                                                    complement and cues[i][0] >= span[1],
                                                    _gap(span, cues[i]), abs(span[0] - cues[i][0])))
        gap = _gap(span, cues[best])
        between = text[min(span[1], cues[best][1]) : max(span[0], cues[best][0])]
        if r.role == "content" and gap <= MAX_CONTENT_DISTANCE:
            contents[best].append(span)
        elif r.role == "source" and gap <= MAX_SOURCE_DISTANCE and "\n" not in between:
            sources[best].append(span)
        elif r.role == "source":
            unlinked.append(span)
    out = []
    for i, cue in enumerate(cues):
        # A source never sits beyond its cue's own content ("Rajoy ... insisted that his party
        # was first. Kim Hjelmgaard" is not Hjelmgaard's claim).
        beyond = [s for s in sources[i] if any(_between(c, s, cue) for c in contents[i])]
        unlinked += beyond
        near = [s for s in sources[i] if s not in beyond]
        tagged_source = min(near, key=lambda s: _gap(s, cue)) if near else None
        source = _trimmed(text, tagged_source) if tagged_source else None
        # A cue that reports no speech keeps its content and source (so that no other cue takes
        # them) and makes no attribution: "CNN omits any mention of...", "the council approves".
        if not speech_cue(text, cue):
            continue
        if INFERENCE_CUE.match(text[cue[0] : cue[1] + 20]) and source and not _opens_clause(text, source, sentence_starts):
            continue  # what "a deployment of ... (PMF)" indicates is the author's inference, not the PMF's words
        content = _content_of(text, cue, tagged_source, contents[i], sentence_starts)
        if content:
            out.append(Attribution(kind_of(text, content), cue, source, content))
        else:
            unlinked += sources[i]  # "Clinton spoke out ..., arguing that": "spoke out" reports nothing
    return share_subjects(text, out, unlinked, sentence_starts)


def _between(piece: tuple[int, int], a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether `piece` lies wholly between spans `a` and `b` (in either order)."""
    left, right = (a, b) if a[0] <= b[0] else (b, a)
    return left[1] <= piece[0] and piece[1] <= right[0]


def _content_of(text: str, cue: tuple[int, int], source: tuple[int, int] | None, tagged: list[tuple[int, int]],
                sentence_starts: list[int]) -> list[tuple[int, int]]:
    """The content pieces of one cue, from the content spans linked to it, after the rules.
    `source`: the tagger's whole source span, with the tail the attribution's source loses
    ("Ruth Ortiz, who lives two blocks away"): that tail describes the source, and a quotation
    merged across it ('"...," said Ruth Ortiz, who lives two blocks away. "..."') leaves it out."""
    # A content never holds its own cue or source: "X knows the truth: ..." is not X's words.
    own = [cue] + ([source] if source else [])
    pieces = [p for piece in tagged for p in _without(text, piece, own)]
    content = [p for m in _merge_close(text, paragraph_bounded(text, cue, pieces, sentence_starts)) for p in _without(text, m, own)]
    # A scrap of one or two words against the source or cue is their phrase ("The city" of
    # "The city council has approved", "the truth" of "X knows the truth:"), not content,
    # unless the tagger found it on its own after the cue ("he declined to comment").
    cut = [piece for piece in tagged if any(_gap(piece, h) == 0 for h in own)]
    return [p for p in content if min(_gap(p, h) for h in own) > 1 or len(text[p[0] : p[1]].split()) > 2
            or (p[0] >= cue[1] and not any(c[0] <= p[0] and p[1] <= c[1] for c in cut))]


def share_subjects(text: str, attributions: list[Attribution], unlinked: list[tuple[int, int]],
                   sentence_starts: list[int]) -> list[Attribution]:
    """A cue with no source of its own takes the nearest source before it in its sentence: that
    of an earlier cue, or one the tagger found beside a cue that reports nothing or too far from
    any cue to link. It is the subject of coordinated or participle clauses ("The Times filed a
    motion, arguing that...", "Clinton spoke out on Tuesday about the shooting, arguing that..."),
    but not of a relative clause, whose subject is what the pronoun stands for: in "Trump
    defended not paying an architect who said he was stiffed" the architect said it, so a cue
    after "who", "which" or "that" takes only a source that ends within `ANTECEDENT_REACH`
    characters before the pronoun with no cue in between ("black listeners to his radio program
    who said"; not "Ana Ruiz cited a report which found"), or none."""
    cues = [a.cue for a in attributions if a.cue]
    for a in attributions:
        if a.source or not a.cue:
            continue
        sentence = _sentence_index(sentence_starts, a.cue[0])
        before = [b.source for b in attributions if b.source and b.cue and b.cue[0] < a.cue[0]] + unlinked
        candidates = [s for s in before if s[1] <= a.cue[0] and _sentence_index(sentence_starts, s[0]) == sentence]
        relative = RELATIVE_SUBJECT.search(text, max(0, a.cue[0] - 80), a.cue[0])
        if relative:
            pronoun = relative.start()
            candidates = [s for s in candidates if pronoun - ANTECEDENT_REACH <= s[1] <= relative.end()
                          and not any(s[1] <= c[0] and c[1] <= pronoun for c in cues)]
        if candidates:
            a.source = max(candidates, key=lambda s: s[1])
    return attributions


def kind_of(text: str, content: list[tuple[int, int]]) -> str:
    """direct: the content is a quotation; mixed: it quotes in part; indirect: a paraphrase."""
    joined = " ".join(text[a:b] for a, b in content).strip()
    if not joined:
        return "indirect"
    stripped = joined.rstrip(".,;:!? ")
    if stripped[:1] in QUOTES and stripped[-1:] in QUOTES:
        return "direct"
    return "mixed" if any(q in joined for q in QUOTES) else "indirect"
