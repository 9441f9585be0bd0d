"""The attribution analyzer: role spans from the tagger, linked into attributions, with sources
resolved and typed, plus quoted blocks introduced by "X claims:"; and the sourcing profile."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field

from ...document import Document, Layer, Relations, Span, strip_span
from ...findings import UNNAMED_SOURCE
from ...readers.links import Link
from ..cues import INFERENCE_CUE, SPEECH_VERBS, reports_speech
from ..encoder import states_of
from ..registry import Analyzer
from ..words import only_function_words, snap_to_words
from .entities import entity_types, recogniser, recogniser_name
from .lines import line_attributions
from .sources import (
    RELATIVE_PRONOUNS,
    leading_name,
    lexical_type,
    relative_antecedent,
    resolve,
)
from .tagger import AttributionTagger, RoleSpan

_COMPLEMENT = re.compile(r"(?:that|whether|if)\b", re.IGNORECASE)
MAX_CONTENT_DISTANCE = 400  # characters between a content and its cue
MAX_SOURCE_DISTANCE = 120
MIN_CUE_SCORE = 0.5  # mean tag probability of a cue; chosen on PolNeAR dev
# A cue whose subject is a relative pronoun: "an architect who said", "a report that found";
# its source must end this near the pronoun (the antecedent and its modifiers).
ANTECEDENT_REACH = 40
_RELATIVE_SUBJECT = re.compile(
    r"\b(?:who|which|that)\s+(?:(?:has|have|had|is|are|was|were|would|will|also|later|then|once|[a-z]+ly)\s+)*$",
    re.IGNORECASE)
_QUOTES = "\"“”‘’«»„"
_CUE_WORDS = re.compile(
    rf"\b(?:(?:would |also |uncritically |confidently )*(?:{SPEECH_VERBS})|according to)\b", re.IGNORECASE)


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


_PRONOUN_SOURCES = {"he", "she", "they", "we", "i", "you", "it"}
_NOT_A_HEAD = {"a", "an", "the", "this", "that", "these", "those", "who", "whom", "which", "what", "whose"}
_PREPOSITIONS = {"in", "on", "at", "of", "for", "from", "by", "with", "to", "into", "about", "as", "over", "under"}
_REFLEXIVE = re.compile(r"\s+(?:itself|himself|herself|themselves|also|again|now|then)\s*$", re.IGNORECASE)
_TRAILING_PREPOSITION = re.compile(r"(?:\s+(?:on|in|at|to|for|by|with|from|about|that))+\s*$", re.IGNORECASE)
# "Entergy, the" of "according to Entergy, the region's largest power company": a source ends on a noun.
_TRAILING_FUNCTION_WORDS = re.compile(r"(?:[\s,;:]+(?:the|a|an|its|his|her|their|of|and|or))+[\s,;:]*$", re.IGNORECASE)
# What the tagger sometimes runs on past a named source: a phrase of time or place ("Mayor Helen
# Park after the vote"), a relative clause ("Ruth Ortiz, who voted against") or a participle
# ("DIA memos dating [back to 2012]"). A phrase is cut only after a capitalised word or a closing
# bracket, so "officials in Washington" and "Bank of America" stay whole.
_TAIL_AFTER_NAME = re.compile(
    r"(?:[A-Z][\w.'’\-]*|\))(\s+(?:after|before|during|following|outside|at|on|when|as)\s.*|\s*,\s*(?:who|which)\b.*)$")
_TRAILING_PARTICIPLE = re.compile(
    r"(?<=\w)\s+(?:dating|saying|claiming|noting|showing|stating|warning|arguing|suggesting|indicating|"
    r"published|released|issued|obtained|leaked|written|seen)$")


def _without_tail(fragment: str) -> str:
    """A source phrase without a tail the tagger ran on into (see `_TAIL_AFTER_NAME`): only after
    a name of two capitalised words or more ("Mayor Helen Park after the vote"; not "Nobody at
    the council", whose capital is the sentence's)."""
    match = _TAIL_AFTER_NAME.search(fragment)
    if match and len(re.findall(r"\b[A-Z]", fragment[: match.start(1)])) >= 2:
        fragment = fragment[: match.start(1)]
    return _TRAILING_PARTICIPLE.sub("", fragment)


def _trimmed(text: str, source: tuple[int, int]) -> tuple[int, int]:
    """A linked source without its tail (linking reads the tagger's whole span, which sits next
    to its cue; the attribution names only the source)."""
    if text[source[0] : source[1]].strip().lower() in RELATIVE_PRONOUNS:
        return source
    start, end = source
    end = start + len(_without_tail(text[start:end]))
    start, end = strip_span(text, start, end, chars=".,;:'’")
    return (start, end) if end > start else source


# "Nobody who really believes...": a relative clause about anyone at all reports no one's words
# ("Smith, who said..." does report Smith's).
_RELATIVE_BEFORE_CUE = re.compile(
    r"\b(?:nobody|no one|anyone|anybody|everyone|everybody|someone|somebody|those|people|whoever|all|few|many)\s+"
    r"(?:who|that)(?:\s+(?:really|also|still|truly|actually|just|even|genuinely|seriously))*\s*$", re.IGNORECASE)


def is_source_phrase(text: str) -> bool:
    """A source is a noun phrase with a head: "he" is, "The", "who" and "in Syria" are not."""
    words = re.findall(r"[\w'’\-]+", text.lower())
    if not words:
        return False
    if len(words) == 1 and words[0] in _PRONOUN_SOURCES:
        return True
    if words[0] in _PREPOSITIONS or all(w in _NOT_A_HEAD for w in words):
        return False
    return not only_function_words(text)


def tidy(text: str, roles: list[RoleSpan]) -> list[RoleSpan]:
    """Whole words only; no cue or content made of function words alone ("the", "of"); sources
    are noun phrases with a head ("he said" is an attribution to whoever "he" is), or a relative
    pronoun that follows a name ("Mr. Obama, who said": the span stays on "who", as PolNeAR
    marks it, and the source is resolved to the name)."""
    out = []
    for r in roles:
        start, end = snap_to_words(text, r.start, r.end)
        if r.role == "cue" and not text[start:end].lower().startswith("according"):
            end = start + len(_TRAILING_PREPOSITION.sub("", text[start:end]))  # "said on" of "said on Tuesday"
        elif r.role == "source":
            end = start + len(_TRAILING_FUNCTION_WORDS.sub("", text[start:end]))
            start, end = strip_span(text, start, end, chars=".,;:'’")
        fragment = text[start:end]
        if r.role == "source":
            keep = is_source_phrase(fragment) or relative_antecedent(text, start, end) is not None
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
    if _RELATIVE_BEFORE_CUE.search(sentence_before):
        return True
    after = text[cue[1] :]
    end = min((i for i in (after.find(". "), after.find("?"), after.find("!"), after.find("\n")) if i >= 0), default=len(after))
    in_quotes = sum(sentence_before.count(q) for q in '"“”') % 2 == 1
    return after[end : end + 1] == "?" and not in_quotes


_NEGATION_BEFORE = re.compile(r"\b(?:not|never|n[’']t)\s*$", re.IGNORECASE)
_CLARITY = re.compile(r"^(?:made|make|makes)\s+(?:it\s+)?clear\b", re.IGNORECASE)


def speech_cue(text: str, cue: tuple[int, int]) -> bool:
    """Whether a cue reports speech: not an omission, a decision, an idiom or a denial that
    anything was said (see `cues.NON_SPEECH_CUE`), read on the cue and the words after it."""
    if not reports_speech(text[cue[0] : min(len(text), cue[1] + 40)]):
        return False
    return not (_CLARITY.match(text[cue[0] : cue[1] + 20]) and _NEGATION_BEFORE.search(text, max(0, cue[0] - 12), cue[0]))


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
    return [p for p in (strip_span(text, start, end, chars=",;:") for start, end in _subtract(span, holes))
            if p[1] > p[0] and not only_function_words(text[p[0] : p[1]])]


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
        complement = r.role == "content" and _COMPLEMENT.match(text, span[0]) is not None
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
        source = _trimmed(text, min(near, key=lambda s: _gap(s, cue))) if near else None
        # A cue that reports no speech keeps its content and source (so that no other cue takes
        # them) and makes no attribution: "CNN omits any mention of...", "the council approves".
        if not speech_cue(text, cue):
            continue
        if INFERENCE_CUE.match(text[cue[0] : cue[1] + 20]) and source and not _opens_clause(text, source, sentence_starts):
            continue  # what "a deployment of ... (PMF)" indicates is the author's inference, not the PMF's words
        content = _content_of(text, cue, source, contents[i], sentence_starts)
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
    """The content pieces of one cue, from the content spans linked to it, after the rules."""
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
        relative = _RELATIVE_SUBJECT.search(text, max(0, a.cue[0] - 80), a.cue[0])
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
    if stripped[:1] in _QUOTES and stripped[-1:] in _QUOTES:
        return "direct"
    return "mixed" if any(q in joined for q in _QUOTES) else "indirect"


def _quote_block_attributions(doc: Document, found: list[Attribution], roles: list[RoleSpan]) -> list[Attribution]:
    """Blocks quoted after "CNN ... claims:" are direct quotes of the introduced source."""
    blocks: dict[tuple[int, int], list[Span]] = defaultdict(list)
    for segment in doc.segments("quote_block"):
        intro = segment.attrs.get("introduced_by")
        if intro:
            blocks[tuple(intro)].append(segment)
    kept = list(found)
    for (intro_start, intro_end), segments in blocks.items():
        inside = [a for a in kept if a.cue and intro_start <= a.cue[0] < intro_end]
        kept = [a for a in kept if a not in inside]
        cue = inside[-1].cue if inside else _cue_in(doc.text, intro_start, intro_end)
        # The introduction's grammatical subject names the source ("Al-Masdar News in an article
        # titled ... would note:"); the tagger's source is the fallback.
        source = _subject(doc.text, intro_start, intro_end) or next((a.source for a in inside if a.source), None)
        if source and not is_source_phrase(doc.text[source[0] : source[1]]):
            source = None
        kept.append(Attribution("direct", cue, source, [(s.start, s.end) for s in segments]))
    return kept


def _line_attributions(doc: Document, found: list[Attribution]) -> list[Attribution]:
    """Attributions the form of a line gives (`lines.py`: speaker lines, embedded tweets, signed
    quotations), unless the tagger already linked a cue at that colon or dash."""
    kept = list(found)
    for line in line_attributions(doc.text, doc.content_regions()):
        if any(a.cue and a.cue[0] < line.cue[1] and line.cue[0] < a.cue[1] for a in kept):
            continue
        kind = "direct" if line.verbatim else kind_of(doc.text, [line.content])
        kept.append(Attribution(kind, line.cue, line.source, [line.content], speaker_tag=line.speaker_tag))
    return kept


def _cue_in(text: str, start: int, end: int) -> tuple[int, int] | None:
    matches = list(_CUE_WORDS.finditer(text, start, end))
    return (matches[-1].start(), matches[-1].end()) if matches else None


def _subject(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Who an introduction names: its leading capitalised words ("Al-Masdar News in an article
    titled ... would note:"), or else the few words before its cue ("The consultation report
    itself concedes:" -> "The consultation report")."""
    match = leading_name(text[start:end])
    if match and is_source_phrase(match.group(0)):
        return start, start + match.end()
    cue = _CUE_WORDS.search(text, start, end)
    if cue:
        words = _REFLEXIVE.sub("", text[start : cue.start()]).strip(" ,")
        if words and len(words.split()) <= 6 and is_source_phrase(words):
            return start, start + len(words)
    return None


def _kicker(text: str, a: Attribution, headings: list[tuple[int, int]], entity: str | None) -> bool:
    """A headline's "Syria: Is US Fighting ISIS or Liquidating Assets?" or "Riverton: council
    approves depot" names a topic or a place before its colon, not a speaker: an unquoted
    question, or a place that only NER can type (a country or capital the word lists know may
    speak for its government: "Kremlin: ...")."""
    if not a.cue or text[a.cue[0] : a.cue[1]].strip() != ":" or a.kind == "direct" or not a.source:
        return False
    if not any(start <= a.cue[0] < end for start, end in headings):
        return False
    said = " ".join(text[s:e] for s, e in a.content).strip()
    place = entity == "government" and lexical_type(text[a.source[0] : a.source[1]]) is None
    return said.endswith("?") or place


class AttributionAnalyzer(Analyzer):
    """Adds the `attributions` relations (source, cue, content) and the sourcing profile."""

    name = "attribution"
    assigns = ("relations:" + Relations.ATTRIBUTIONS,)
    requires = ("tensor:encoder", Layer.SENTENCES)

    def __init__(self, tagger: AttributionTagger | None = None, type_entities: bool = True):
        """`type_entities=False` leaves spaCy's NER out (sources the word lists cannot type are
        typed by the shape of their words alone): training scores spans only, and runs where
        spaCy's model is not installed."""
        self._tagger = tagger
        self.type_entities = type_entities

    @property
    def tagger(self) -> AttributionTagger:
        if self._tagger is None:
            self._tagger = AttributionTagger.shared()
        return self._tagger

    def info(self) -> dict:
        models = {"attribution": self.tagger.name}
        if self.type_entities:
            models["source_types"] = recogniser_name()
        return models

    def load(self) -> None:
        """Load the tagger and, when it types sources, the entity recogniser now rather than at
        the first article."""
        self.tagger  # noqa: B018
        if self.type_entities:
            recogniser()

    def __call__(self, doc: Document) -> Document:
        roles = self.tagger.spans(doc.text, states_of(doc)) if doc.content_regions() else []
        headings = [(s.start, s.end) for s in doc.segments("title", "subtitle", "heading")]
        roles = split_at(roles, doc.text, headings)
        sentences = [(s.start, s.end) for s in doc.layer(Layer.SENTENCES)]
        attributions = _quote_block_attributions(doc, link(doc.text, roles, sentences), roles)
        attributions = _line_attributions(doc, attributions)
        attributions.sort(key=lambda a: min([a.content[0][0]] + ([a.cue[0]] if a.cue else [])))
        previous: list[tuple[str, str]] = []
        doc.relations[Relations.ATTRIBUTIONS] = []
        named = [_named_span(doc.text, a.source) for a in attributions]
        # A transcript's speaker tag is a person whatever NER would say: it is not asked.
        asked = [None if a.speaker_tag else span for a, span in zip(attributions, named)]
        entities = _entity_types(doc, asked, sentences) if self.type_entities else [None] * len(attributions)
        for a, name_span, entity in zip(attributions, named, entities):
            if _kicker(doc.text, a, headings, entity):
                continue
            entity = "person" if a.speaker_tag else entity
            a.source_name, a.source_type = resolve(doc.text[name_span[0] : name_span[1]] if name_span else None,
                                                   previous, entity)
            if a.source_name:
                previous.append((a.source_name, a.source_type))
            doc.relate(Relations.ATTRIBUTIONS, a.kind, {
                "source": [doc.span(*a.source)] if a.source else [],
                "cue": [doc.span(*a.cue)] if a.cue else [],
                "content": [doc.span(s, e) for s, e in a.content],
            }, source_name=a.source_name, source_type=a.source_type)
        return doc

    def profile(self, doc: Document, words: int) -> dict:
        return {"sourcing": sourcing_profile(doc)}


_DETERMINERS = {"The", "A", "An", "This", "That", "These", "Those", "Its", "His", "Her", "Their", "Our", "My", "Your"}


def _may_name(source: str) -> bool:
    """Whether NER could type a source the word lists do not: it holds a capitalised word other
    than a determiner ("Greenpeace", "the Sierra Club"; not "the utility")."""
    return lexical_type(source) is None and any(w[:1].isupper() and w not in _DETERMINERS for w in source.split())


NER_CONTEXT = 40  # characters of the sentence on each side of a source that NER reads


def _around(text: str, first: int, last: int, start: int, end: int) -> tuple[int, int]:
    """The part of the sentence [first, last) within NER_CONTEXT characters of the source
    [start, end), cut at spaces: enough context for the recogniser at a third of the cost of
    whole sentences."""
    a, b = max(first, start - NER_CONTEXT), min(last, end + NER_CONTEXT)
    if a > first:
        space = text.find(" ", a, start)
        a = space + 1 if space != -1 else start
    if b < last:
        space = text.rfind(" ", end, b)
        b = space if space != -1 else end
    return a, b


def _named_span(text: str, source: tuple[int, int] | None) -> tuple[int, int] | None:
    """The words that name a source: its own, or for "who" and "which" the name before them."""
    if source is None:
        return None
    return relative_antecedent(text, *source) or source


def _entity_types(doc: Document, sources: list[tuple[int, int] | None],
                  sentences: list[tuple[int, int]]) -> list[str | None]:
    """The named-entity type of each source phrase that word lists cannot type (None for the
    others), from NER over the phrase and its sentence (`sentences`: the document's) around it only."""
    # A source shared by several attributions ("Ana Ruiz said ... and insisted ...") is asked once.
    asked = list(dict.fromkeys(s for s in sources if s and _may_name(doc.text[s[0] : s[1]])))
    requests = []
    for start, end in asked:
        first, last = next(((s, e) for s, e in sentences if s <= start and end <= e), (start, end))
        requests.append((*_around(doc.text, first, last, start, end), start, end))
    found = dict(zip(asked, entity_types(doc.text, requests)))
    return [found.get(source) if source else None for source in sources]


def sourcing_profile(doc: Document) -> dict:
    """Whom the article relies on, its links, and how much of it is attributed to anyone."""
    attributions = doc.related(Relations.ATTRIBUTIONS)
    sentences = [(s.start, s.end) for s in doc.layer(Layer.SENTENCES)]
    by_source: dict[tuple[str, str], list[int]] = defaultdict(list)
    covered: list[tuple[int, int]] = []
    for index, a in enumerate(attributions):
        source = a.first("source")
        name = a.attrs.get("source_name") or (source.text if source else UNNAMED_SOURCE)
        by_source[(name, a.attrs.get("source_type") or "unknown")].append(index)
        covered += [(part.start, part.end) for part in a.spans()]
    attributed = [s for s in sentences if any(a < s[1] and s[0] < b for a, b in covered)]
    attributed_set = set(attributed)
    author_only = [s for s in sentences if s not in attributed_set]
    regions = doc.content_regions()
    links = [link.cited_json() for link in Link.read(doc) if any(a <= link.start and link.end <= b for a, b in regions)]
    return {
        "sources": [
            {"name": name, "type": kind, "count": len(indices), "attributions": indices}
            for (name, kind), indices in sorted(by_source.items(), key=lambda item: -len(item[1]))
        ],
        "links": links,
        "sentences": len(sentences),
        "attributed_sentences": len(attributed),
        "share_attributed": round(len(attributed) / len(sentences), 3) if sentences else 0.0,
        "share_author_only": round(len(author_only) / len(sentences), 3) if sentences else 0.0,
        "author_only_sentences": [doc.span(a, b).to_json() for a, b in author_only],
    }
