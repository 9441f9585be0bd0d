"""Who a source is: a name for it where the article gives one, and what kind of source it is."""

from __future__ import annotations

import re

PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "his", "its", "their", "we", "i", "you", "one"}
_PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "i"}

_TYPES = [
    ("unnamed", r"^(?:(?:some|many|several|other|unnamed|anonymous|senior|top|two|three|a few|most|a|an|every|one)\s+)*"
                r"(?:sources?|experts?|analysts?|critics|observers|insiders|people|residents?|witnesses|officials|"
                r"diplomats|aides|others|those|some|many|scientists|economists|researchers|opponents|supporters|"
                r"protesters|demonstrators|activists|campaigners|neighbou?rs|parents|locals|voters|commentators)\b"
                r"|people familiar|a source|an official|one official|someone|anyone|nobody"),
    ("media", r"\b(?:news|times|post|journal|cnn|bbc|fox|reuters|ap|afp|msnbc|nbc|abc|cbs|npr|pbs|tribune|guardian|"
              r"daily|magazine|newspaper|outlet|network|television|tv|radio|press|gazette|herald|telegraph|bloomberg|"
              r"politico|breitbart|axios|vox|the hill|al jazeera|al-masdar|sputnik|rt|xinhua|tass|media|politifact|snopes|"
              r"washington post|new york times|wall street journal|usa today|huffpost|buzzfeed|daily beast)\b"),
    ("document", r"\b(?:reports?|stud(?:y|ies)|memos?|memorand(?:um|a)|documents?|articles?|surveys?|polls?|letters?|"
                 r"statements?|filings?|data|analys[ie]s|papers?|book|e-?mails?|tweets?|transcripts?|indictment|"
                 r"complaint|lawsuit|ruling|website|videos?|editorial|op-ed|cables?|records|release|press release|"
                 r"figures|reviews?|assessments?|audits?|inquiry|investigation|findings|estimates?|census|forecasts?|slides?)\b"),
    ("government", r"\b(?:government|ministry|minister|department|white house|kremlin|pentagon|police|official|officials|"
                   r"spokes(?:wo)?man|spokesperson|president|vice president|prime minister|senator|sen\.|rep\.|governor|"
                   r"mayor|secretary|congress|congressman|congresswoman|senate|parliament|lawmakers?|legislators?|"
                   r"council|agency|administration|fbi|cia|nsa|state department|army|military|court|judge|"
                   r"prosecutors?|attorney general|embassy|authorities|regime|cabinet|commission|un|united nations|nato|"
                   r"eu|european union|treasury|federal reserve|intelligence)\b"),
    ("organisation", r"\b(?:group|organi[sz]ation|company|inc|corp|corporation|university|institute|foundation|"
                     r"association|union|party|campaign|committee|coalition|ngo|watch|center|centre|council|firm|"
                     r"bank|fund|league|society|alliance|federation|club|church|network|chamber of commerce)\b"),
]
_TYPE_RES = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _TYPES]
_PROPER = re.compile(r"^(?:[Tt]he\s+)?((?:[A-Z][\w.'’&\-]*)(?:\s+(?:[A-Z][\w.'’&\-]*|of|for|and|de|al|bin|van|von|on))*)\W*$")
_LEADING = re.compile(r"(?:The\s+)?[A-Z][\w.'’&\-]*(?:\s+(?:(?:of|for|and|de|al|on|the)\s+)*[A-Z][\w.'’&\-]*)*")
_GOVERNMENTS = re.compile(r"^(?:the\s+)?(?:US|U\.S\.|USA|UK|U\.K\.|EU|UN|America|United States|Britain|Russia|China|Iran|Iraq|Syria|"
                          r"Turkey|Israel|Ukraine|France|Germany|Washington|Moscow|Beijing|Tehran|Baghdad|Damascus|Ankara|"
                          r"London|Paris|Berlin|Kyiv|Kiev|Brussels|Kremlin)$", re.IGNORECASE)


_TITLED_PERSON = re.compile(
    r"^(?i:(?:the\s+)?(?:mayor|senator|sen\.|rep\.|representative|congressman|congresswoman|president|minister|"
    r"governor|gov\.|secretary|judge|justice|dr\.|prof\.|professor|general|gen\.|chancellor|ambassador|"
    r"spokes(?:wo)?man|spokesperson|council(?:wo)?man|council member|councillor|alderman|alderwoman|"
    r"chair(?:man|woman)?|commissioner|sheriff|director|chief))\s+([A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2})$")


def lexical_type(text: str) -> str | None:
    """The type word lists and patterns give a source phrase, or None when they say nothing."""
    lowered = text.strip().lower()
    if _TITLED_PERSON.match(text.strip()):
        return "person"  # "Senator Jane Doe": a person who holds an office
    if lowered in PRONOUNS:
        return "person" if lowered in _PERSON_PRONOUNS else "unknown"
    if _GOVERNMENTS.match(text.strip()):
        return "government"  # a country or capital standing for its government
    for kind, pattern in _TYPE_RES:
        if pattern.search(text):
            return kind
    return None


_INDEFINITE = {"a", "an", "one", "another", "some", "several", "many"}  # words that open a phrase naming no one


def source_type(text: str, entity: str | None = None) -> str:
    """person, media, government, organisation, document, unnamed, or unknown: from word lists
    first, then from `entity` (the named-entity type of the phrase, see entities.py), then from
    the phrase's shape."""
    lexical = lexical_type(text)
    if lexical is not None:
        return lexical
    if entity is not None:
        return entity
    words = text.split()
    if len(words) > 1 and words[0].lower() in _INDEFINITE and not any(w[:1].isupper() for w in words[1:]):
        return "unnamed"  # "one teacher", "a longtime resident": someone the article does not name
    if len(words) == 1 and len(text) > 1 and text.isupper():
        return "organisation"  # an acronym
    if 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
        return "person"
    return "unknown"


RELATIVE_PRONOUNS = {"who", "which"}
# A name that ends just before the comma of a non-restrictive relative clause ("..., who said").
_NAME_BEFORE_COMMA = re.compile(
    r"(?<![\w.'’&\-])((?:[A-Z][\w.'’&\-]*\s+(?:(?:of|for|and|de|al|bin|van|von)\s+)*)*[A-Z][\w.'’&\-]*)[\"”’]?\s*,\s*$")
_BEFORE_NAME = re.compile(r"(\w+)\s+(?:the\s+)?$", re.IGNORECASE)
_NAME_PREPOSITIONS = {"of", "for", "from", "with", "by", "to", "about", "against"}
_PLACE_PREPOSITIONS = {"in", "on", "at", "near", "inside", "outside", "across", "around", "throughout"}


def relative_antecedent(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name that a relative pronoun source `text[start:end]` stands for: "Tyresha McClenney
    and Bryan Anderson, who saw the video" -> "Tyresha McClenney and Bryan Anderson"; "Salem
    Radio's Hugh Hewitt, who" -> "Hugh Hewitt". None when the span is not "who" or "which", or
    no name ends just before its comma on the same line, or the name follows a preposition of
    place ("Democrats on Capitol Hill, who"). After another preposition the name may be
    the object of a phrase about someone else ("a spokeswoman for the Department of Justice,
    who said"), so there it must suit the pronoun: "who" a person ("risky for Cruz, who"),
    "which" anything else ("levied by the European Union, which")."""
    pronoun = text[start:end].strip().lower()
    if pronoun not in RELATIVE_PRONOUNS:
        return None
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 160) : start]
    match = _NAME_BEFORE_COMMA.search(before)
    if not match:
        return None
    first, last = match.span(1)
    owner = max(before.rfind("'s ", first, last), before.rfind("’s ", first, last))
    if owner != -1:
        first = owner + 3
    preceding = _BEFORE_NAME.search(before[:first])
    preposition = preceding.group(1).lower() if preceding else ""
    if preposition in _PLACE_PREPOSITIONS:
        return None  # "Democrats on Capitol Hill, who": a place is not who speaks
    if preposition in _NAME_PREPOSITIONS and (source_type(before[first:last]) == "person") != (pronoun == "who"):
        return None
    offset = start - len(before)
    return offset + first, offset + last


def leading_name(text: str) -> re.Match | None:
    """The capitalised name a phrase starts with ("The Department for Transport, in its...")."""
    return _LEADING.match(text)


def proper_name(text: str) -> str | None:
    """The proper name in a source phrase ("The Washington Post's editors" -> "The Washington Post";
    "Their spokesperson, Priya Natarajan" -> "Priya Natarajan"; "Pike, who chairs..." -> "Pike")."""
    for part in text.strip().split(","):
        name = _proper_name(part)
        if name:
            return name
    return None


def _proper_name(text: str) -> str | None:
    text = re.sub(r"[’']s\b.*$", "", text.strip())
    match = _PROPER.match(text)
    if not match:
        return None
    name = match.group(1).strip()
    if name.lower() in PRONOUNS or name.lower() == "the" or len(name) < 2:
        return None
    # An outlet's "The" is part of its name ("The Washington Post"); an agency's or a group's is
    # not ("the Department for Transport", "the Riverton Residents Association").
    if text.lower().startswith("the ") and source_type(name) == "media":
        name = "The " + name if not name.startswith("The ") else name
    return name


_LEADING_DETERMINER = re.compile(r"^(?:the|a|an|this|that|these|those)\s+", re.IGNORECASE)
_PARTICIPLE_PHRASE = re.compile(
    r"\s+(?:published|released|issued|obtained|leaked|written|seen|dating|dated|prepared|commissioned)\b.*$",
    re.IGNORECASE)


def document_name(text: str) -> str | None:
    """How to name a document a source phrase describes: its words without the article and
    the participle phrase after them ("An environmental review published in March" ->
    "environmental review"; "US Defense Intelligence Agency (DIA) memos" as it is)."""
    name = _LEADING_DETERMINER.sub("", text.strip())
    if " by " not in name:  # "filings published by the Electoral Commission" says whose they are
        name = _PARTICIPLE_PHRASE.sub("", name)
    name = name.strip(" ,;:")
    return name or None


def titled_name(text: str) -> str | None:
    """The name after a person's title that is written in lower case ("Council member Ruth
    Ortiz" -> "Ruth Ortiz"); None when the phrase is not a title and a name."""
    match = _TITLED_PERSON.match(text.strip())
    return match.group(1) if match else None


_MALE_TITLES = re.compile(r"^(?:Mr|Sir|Lord|King)\b")
_FEMALE_TITLES = re.compile(r"^(?:Mrs|Ms|Miss|Madam|Lady|Queen)\b")


def _may_stand_for(pronoun: str, name: str) -> bool:
    """Whether a pronoun can refer to a name: one person is never "Tyresha McClenney and Bryan
    Anderson", "she" never "Mr. Obama", "he" never "Mrs. Clinton"."""
    if pronoun in _PERSON_PRONOUNS:
        if " and " in name or " & " in name:
            return False
        if pronoun in ("she", "her") and _MALE_TITLES.match(name):
            return False
        if pronoun in ("he", "him", "his") and _FEMALE_TITLES.match(name):
            return False
    return True


def resolve(source: str | None, previous: list[tuple[str, str]], entity: str | None = None) -> tuple[str | None, str]:
    """(source_name, source_type) for a source phrase, given earlier (name, type) pairs and the
    named-entity type of the phrase, if any.

    A pronoun takes the last named source of a fitting type; a description without a name
    ("the influential US daily") takes the last named source of its type.
    """
    if source is None:
        return None, "unknown"
    kind = source_type(source, entity)
    if kind == "unnamed":  # "Opponents", "Senior officials": a group, whatever its capital
        return None, "unnamed"
    name = proper_name(source) or titled_name(source)
    if name:
        named_kind = "person" if kind == "person" else source_type(name, entity)
        if " " not in name and named_kind in ("person", "organisation", "unknown"):
            # "Trump" after "Donald Trump": the same person, whatever NER makes of the surname.
            for earlier_name, earlier_kind in reversed(previous):
                if earlier_kind == "person" and earlier_name.split()[-1] == name and earlier_name != name:
                    return earlier_name, "person"
        return name, named_kind if named_kind != "unknown" else kind
    lowered = source.strip().lower()
    if kind == "unnamed":
        return None, "unnamed"
    if lowered in PRONOUNS:
        # A pronoun takes the last named source it can stand for.
        wanted = {"person"} if lowered in _PERSON_PRONOUNS else {"media", "government", "organisation", "document", "person"}
        for earlier_name, earlier_kind in reversed(previous):
            if earlier_kind in wanted and _may_stand_for(lowered, earlier_name):
                return earlier_name, earlier_kind
        return None, kind
    # A description takes an earlier name when that name holds its head noun ("the department":
    # "The Department for Transport"); an outlet or a document may also be described in other
    # words ("the influential US daily"). "The council" is never "The Department for Transport".
    words = re.findall(r"[a-z]+", lowered)
    for earlier_name, earlier_kind in reversed(previous):
        if words and words[-1] in earlier_name.lower().split():
            return earlier_name, earlier_kind
    # Only one outlet or document in other words ("the influential US daily", "the article"): not
    # a collective ("the Western media", "the mainstream press") nor a plural ("the reports"), nor
    # a document of another kind ("The consultation report" after "The council's own traffic survey").
    definite = len(words) <= 4 and _DEFINITE.match(lowered) is not None
    other_document = kind == "document" and words[-1] not in _GENERIC_DOCUMENTS
    if (kind in ("media", "document") and definite and not other_document and words[-1] not in _COLLECTIVE
            and not words[-1].endswith("s")):
        wanted = {"document", "media"} if kind == "document" else {"media"}
        for earlier_name, earlier_kind in reversed(previous):
            if earlier_kind in wanted:
                return earlier_name, earlier_kind
    if kind == "document":
        return document_name(source), kind
    return None, kind


_DEFINITE = re.compile(r"(?:the|this|that|its|their)\s")
_COLLECTIVE = {"media", "press", "news", "outlets", "networks", "newspapers", "journalists"}
# Words for a document that say nothing of its kind, so may stand for any earlier one.
_GENERIC_DOCUMENTS = {"article", "document", "piece", "story", "text", "paper", "item"}
