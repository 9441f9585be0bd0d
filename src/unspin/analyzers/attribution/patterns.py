"""The word lists and patterns the attribution rules read: what can head a source, what trails
one, what a cue looks like around it, and which marks quote."""

from __future__ import annotations

import re

COMPLEMENT = re.compile(r"(?:that|whether|if)\b", re.IGNORECASE)

RELATIVE_SUBJECT = re.compile(
    r"\b(?:who|which|that)\s+(?:(?:has|have|had|is|are|was|were|would|will|also|later|then|once|[a-z]+ly)\s+)*$",
    re.IGNORECASE)

QUOTES = "\"“”‘’«»„"

# A pronoun alone is a source: "he said", and the possessive of a nominal cue, which PolNeAR
# marks as the source ("his remarks", "her decision"; keeping those the tagger marks: dev end to
# end 0.801 -> 0.805, a quarter of train 0.782 -> 0.785).
PRONOUN_SOURCES = {"he", "she", "they", "we", "i", "you", "it", "his", "her", "their", "its", "my", "our", "your"}

NOT_A_HEAD = {"a", "an", "the", "this", "that", "these", "those", "who", "whom", "which", "what", "whose"}

PREPOSITIONS = {"in", "on", "at", "of", "for", "from", "by", "with", "to", "into", "about", "as", "over", "under",
                "against", "during", "through", "between", "among", "without", "within", "across", "toward",
                "towards", "upon", "via", "despite"}
# A day or time alone is when something was said, never who said it ("Saturday", "last week").
TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
              "tonight", "tomorrow", "morning", "evening", "afternoon", "night", "week", "month", "year", "last",
              "this", "next", "earlier", "later"}

REFLEXIVE = re.compile(r"\s+(?:itself|himself|herself|themselves|also|again|now|then)\s*$", re.IGNORECASE)

TRAILING_PREPOSITION = re.compile(r"(?:\s+(?:on|in|at|to|for|by|with|from|about|that))+\s*$", re.IGNORECASE)

# "Entergy, the" of "according to Entergy, the region's largest power company": a source ends on a noun.
TRAILING_FUNCTION_WORDS = re.compile(r"(?:[\s,;:]+(?:the|a|an|its|his|her|their|of|and|or))+[\s,;:]*$", re.IGNORECASE)

# What the tagger sometimes runs on past a named source: a phrase of time or place ("Mayor Helen
# Park after the vote"), a relative clause ("Ruth Ortiz, who voted against") or a participle
# ("DIA memos dating [back to 2012]"). A phrase is cut only after a capitalised word or a closing
# bracket, so "officials in Washington" and "Bank of America" stay whole.
TAIL_AFTER_NAME = re.compile(
    r"(?:[A-Z][\w.'’\-]*|\))(\s+(?:after|before|during|following|outside|at|on|when|as)\s.*|\s*,\s*(?:who|which)\b.*)$")

TRAILING_PARTICIPLE = re.compile(
    r"(?<=\w)\s+(?:dating|saying|claiming|noting|showing|stating|warning|arguing|suggesting|indicating|"
    r"published|released|issued|obtained|leaked|written|seen)$")

# "Nobody who really believes...": a relative clause about anyone at all reports no one's words
# ("Smith, who said..." does report Smith's).
RELATIVE_BEFORE_CUE = re.compile(
    r"\b(?:nobody|no one|anyone|anybody|everyone|everybody|someone|somebody|those|people|whoever|all|few|many)\s+"
    r"(?:who|that)(?:\s+(?:really|also|still|truly|actually|just|even|genuinely|seriously))*\s*$", re.IGNORECASE)

NEGATION_BEFORE = re.compile(r"\b(?:not|never|n[’']t)\s*$", re.IGNORECASE)

CLARITY = re.compile(r"^(?:made|make|makes)\s+(?:it\s+)?clear\b", re.IGNORECASE)
