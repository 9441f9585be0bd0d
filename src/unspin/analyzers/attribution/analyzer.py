"""The attribution component: role spans from the tagger, linked into attributions
(`linking.py`), plus those the layout gives (quoted blocks introduced by "X claims:", speaker
lines, `lines.py`); sources resolved and typed (`sources.py`, `entities.py`); the sourcing
profile (`profile.py`)."""

from __future__ import annotations

from collections import defaultdict

from ...document import Document, Layer, Relations, Span, strip_span
from ..cues import SPEECH_CUE
from ..encoder import states_of
from ..registry import Analyzer
from .entities import entity_types, recogniser, recogniser_name, relative_antecedents
from .lines import line_attributions
from .linking import (
    RELATIVE_SUBJECTS,
    Attribution,
    is_source_phrase,
    kind_of,
    link,
    split_at,
)
from .patterns import REFLEXIVE
from .profile import sourcing_profile
from .sources import (
    leading_name,
    lexical_type,
    relative_antecedent,
    resolve,
)
from .tagger import AttributionTagger, RoleSpan


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
    matches = list(SPEECH_CUE.finditer(text, start, end))
    return (matches[-1].start(), matches[-1].end()) if matches else None


def _subject(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Who an introduction names: its leading capitalised words ("Al-Masdar News in an article
    titled ... would note:"), or else the few words before its cue ("The consultation report
    itself concedes:" -> "The consultation report")."""
    match = leading_name(text[start:end])
    if match and is_source_phrase(match.group(0)):
        return strip_span(text, start, start + match.end(), chars=",")  # "The governor\u00a0added:"
    cue = SPEECH_CUE.search(text, start, end)
    if cue:
        first, last = strip_span(text, start, start + len(REFLEXIVE.sub("", text[start : cue.start()])), chars=",")
        words = text[first:last]
        if words and len(words.split()) <= 6 and is_source_phrase(words):
            return first, last
    return None


def _kicker(text: str, a: Attribution, headings: list[tuple[int, int]], entity: str | None) -> bool:
    """A headline's "Syria: Is US Fighting ISIS or Liquidating Assets?" or "Riverton: council
    approves depot" names a topic or a place before its colon, not a speaker: an unquoted
    question, or a place that only NER can type (a country or capital the word lists know may
    speak for its government: "Kremlin: ...")."""
    if not a.cue or text[a.cue[0] : a.cue[1]].strip() != ":" or a.kind == "direct" or not a.source:
        return False
    if not _cue_in_headline(a, headings):
        return False
    said = " ".join(text[s:e] for s, e in a.content).strip()
    place = entity == "government" and lexical_type(text[a.source[0] : a.source[1]]) is None
    return said.endswith("?") or place


def _cue_in_headline(a: Attribution, headings: list[tuple[int, int]]) -> bool:
    return a.cue is not None and any(start <= a.cue[0] < end for start, end in headings)


def _headline_topic(text: str, a: Attribution, headings: list[tuple[int, int]]) -> bool:
    """"How the Bypass Was Sold to a Town That Never Wanted It": in a headline, words tagged as a
    cue with no verb of saying are the story's topic, not a report of speech, when no one says
    them or when the "source" comes after them ("a Town": the verb's object). A headline names its
    speaker before such a verb ("Senator slams ...", as PolNeAR annotates it), or after a verb of
    saying or a dash; "Minister says ...", "Kremlin: ..." and "'...' ― Name" keep theirs."""
    if a.kind == "direct" or not _cue_in_headline(a, headings):
        return False
    cue = text[a.cue[0] : a.cue[1]]
    if cue.strip() == ":" or SPEECH_CUE.search(cue):
        return False
    return a.source is None or (a.source[0] >= a.cue[1] and any(c.isalpha() for c in cue))


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
        described = _described(doc.text, named, sentences) if self.type_entities else {}
        phrase = [span in described for span in named]
        named = [described.get(span, span) for span in named]
        # A transcript's speaker tag is a person whatever NER would say: it is not asked.
        asked = [None if a.speaker_tag else span for a, span in zip(attributions, named)]
        entities = _entity_types(doc, asked, sentences) if self.type_entities else [None] * len(attributions)
        for a, name_span, entity, is_phrase in zip(attributions, named, entities, phrase):
            if _kicker(doc.text, a, headings, entity) or _headline_topic(doc.text, a, headings):
                continue
            entity = "person" if a.speaker_tag else entity
            a.source_name, a.source_type = resolve(doc.text[name_span[0] : name_span[1]] if name_span else None,
                                                   previous, entity)
            if a.source_name:
                previous.append((a.source_name, a.source_type))
            elif is_phrase:
                # "who" is shown as what it stands for ("a former civil rights lawyer"); a
                # description is no name a later "he" could take.
                a.source_name = doc.text[name_span[0] : name_span[1]]
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
# Characters of the sentence on each side of a relative pronoun that the parser reads: room for
# the clause and the phrase before it, and a bound on the cost of a sentence with no end.
PARSE_CONTEXT = 300


def _around(text: str, first: int, last: int, start: int, end: int, width: int = NER_CONTEXT) -> tuple[int, int]:
    """The part of the sentence [first, last) within `width` characters of the source
    [start, end), cut at spaces: enough context for the recogniser at a third of the cost of
    whole sentences."""
    a, b = max(first, start - width), min(last, end + width)
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


def _described(text: str, named: list[tuple[int, int] | None],
               sentences: list[tuple[int, int]]) -> dict[tuple[int, int], tuple[int, int]]:
    """For each source still a relative pronoun after `_named_span` (no name before it), the
    noun phrase it stands for by the parse of its sentence, where there is one."""
    asked = list(dict.fromkeys(s for s in named if s and text[s[0] : s[1]].lower() in RELATIVE_SUBJECTS))
    requests = _requests(text, asked, sentences, PARSE_CONTEXT)
    return {source: found for source, found in zip(asked, relative_antecedents(text, requests)) if found}


def _requests(text: str, spans: list[tuple[int, int]], sentences: list[tuple[int, int]],
              width: int) -> list[tuple[int, int, int, int]]:
    """(start, end of the context spaCy reads, span start, span end) for each span: its sentence
    within `width` characters of it (`_around`)."""
    requests = []
    for start, end in spans:
        first, last = next(((a, b) for a, b in sentences if a <= start and end <= b), (start, end))
        requests.append((*_around(text, first, last, start, end, width), start, end))
    return requests


def _entity_types(doc: Document, sources: list[tuple[int, int] | None],
                  sentences: list[tuple[int, int]]) -> list[str | None]:
    """The named-entity type of each source phrase that word lists cannot type (None for the
    others), from NER over the phrase and its sentence (`sentences`: the document's) around it only."""
    # A source shared by several attributions ("Ana Ruiz said ... and insisted ...") is asked once.
    asked = list(dict.fromkeys(s for s in sources if s and _may_name(doc.text[s[0] : s[1]])))
    found = dict(zip(asked, entity_types(doc.text, _requests(doc.text, asked, sentences, NER_CONTEXT))))
    return [found.get(source) if source else None for source in sources]
