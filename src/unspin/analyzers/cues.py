"""The words that report speech, and those that look like it but do not: one lexicon for the
structure rules (a line that introduces a quoted block) and the attribution rules.

- `SPEECH_VERBS`: verbs of saying and writing, as a regular-expression alternation.
- `NON_SPEECH_CUE`: cues that report no one's words. "CNN omits any mention of..." says what
  CNN left out, in the author's voice; "the council approves the depot" is a decision; "their
  banner says it all" is an idiom; "the US has not made it clear what..." says nothing was said.
- `SPEECH_CUE`, `CUE_BEFORE_COLON`: a cue of reported speech in a line, and a line that
  introduces a quotation with a colon (both built on `SPEECH_VERBS`).
- `INFERENCE_CUE`: verbs that report what something shows rather than what someone says
  ("the deployment indicates that..."): speech only when a speaker or a document is their
  subject, which `attribution` checks.
"""

from __future__ import annotations

import re

SPEECH_VERBS = (
    r"claim(?:s|ed)?|not(?:e|es|ed)|writ(?:es|ing)|wrote|sa(?:ys|id)|stat(?:es|ed)|report(?:s|ed)|"
    r"expla(?:ins|ined)|argu(?:es|ed)|add(?:s|ed)|declar(?:es|ed)|concedes?|conceded|observ(?:es|ed)|"
    r"conclud(?:es|ed)|reads?|tweet(?:s|ed)|insist(?:s|ed)|assert(?:s|ed)|warn(?:s|ed)|admit(?:s|ted)|told"
)

# Within a cue, after optional adverbs ("also omits", "conspicuously ignored").
_LEAD = r"^(?:(?:also|would|will|entirely|conveniently|conspicuously|completely|again|simply|still|has|have|had|" \
        r"does|did|do|is|was)\s+)*"
NON_SPEECH_CUE = re.compile(
    _LEAD + r"(?:omit(?:s|ted|ting)?|ignor(?:es|ed|ing|e)|fail(?:s|ed|ing)? to (?:mention|note|report|say|explain)|"
    r"neglect(?:s|ed)? to (?:mention|note|report|say)|overlook(?:s|ed)?|gloss(?:es|ed)? over|leav(?:es|ing) out|left out|"
    r"approv(?:es|ed|e)|vot(?:es|ed|e)|pass(?:es|ed)|adopt(?:s|ed)|"
    r"(?:says|said|say) it all|speaks? for itself|"
    r"(?:not|never) (?:made|make|makes) (?:it )?clear)\b",
    re.IGNORECASE,
)
INFERENCE_CUE = re.compile(
    _LEAD + r"(?:indicat(?:es|ed|e)|suggest(?:s|ed)?|show(?:s|ed|n)?|impl(?:ies|ied|y)|prov(?:es|ed|e)|"
    r"demonstrat(?:es|ed|e)|mean(?:s|t)?|signal(?:s|ed|led)?|point(?:s|ed)? to)\b",
    re.IGNORECASE,
)


# A cue of reported speech anywhere in a line: attribution reads who an introduction names
# ("The consultation report itself concedes:") from the words before it.
SPEECH_CUE = re.compile(
    rf"\b(?:(?:would |also |uncritically |confidently )*(?:{SPEECH_VERBS})|according to)\b", re.IGNORECASE)

# A line that introduces a quotation or a quoted block ("CNN also claims:", "as the report put it:").
CUE_BEFORE_COLON = re.compile(
    rf"\b(?:{SPEECH_VERBS}|report|continu(?:es|ed)|post(?:s|ed)|as follows|the following|put it|according to .{{0,80}})\b"
    r"[^:]{0,80}:\s*$",
    re.IGNORECASE,
)


def reports_speech(cue: str) -> bool:
    """Whether a cue's words can report what someone said (see `NON_SPEECH_CUE`)."""
    return NON_SPEECH_CUE.search(cue.strip()) is None
