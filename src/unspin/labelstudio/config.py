"""The labelling configuration: one Text with technique labels, attribution roles joined by
relations, check-worthy claims, and a review choice per document.

Label values are what annotators see (the report's technique names, with the definitions as
hints); `TECHNIQUE_BY_NAME` maps them back to the PTC labels unspin trains on.
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from ..analyzers.techniques.labels import (
    DEFINITIONS,
    DISPLAY_NAMES,
    TECHNIQUE_COLOURS,
    TECHNIQUE_LABELS,
)

TEXT = "text"  # the Text tag's name, and the task data key it shows
TECHNIQUES = "technique"
ROLES = "attribution"
CLAIMS = "claim"
REVIEW = "review"
ROLE_NAMES = {"source": "Source", "cue": "Cue", "content": "Content"}
CLAIM = "Check-worthy claim"
ATTRIBUTES = "attributes"  # the relation from a source or a cue to the content it is said of
REVIEW_CHOICES = ("Findings checked", "Not an article")
TECHNIQUE_BY_NAME = {DISPLAY_NAMES[label]: label for label in TECHNIQUE_LABELS}


def labeling_config() -> str:
    techniques = "\n".join(
        f"    <Label value={quoteattr(DISPLAY_NAMES[label])} background={quoteattr(colour)} "
        f"hint={quoteattr(DEFINITIONS[label])}/>" for label, colour in zip(TECHNIQUE_LABELS, TECHNIQUE_COLOURS))
    roles = "\n".join(f'    <Label value="{name}" background="{colour}"/>'
                      for name, colour in zip(ROLE_NAMES.values(), ("#0b7a75", "#5fb3ae", "#bfe3e0")))
    review = "\n".join(f'    <Choice value="{choice}"/>' for choice in REVIEW_CHOICES)
    return f"""<View>
  <Header value="Persuasion techniques"/>
  <Labels name="{TECHNIQUES}" toName="{TEXT}" showInline="true">
{techniques}
  </Labels>
  <Header value="Who is quoted: mark Source, Cue and Content, then relate the source and the cue to the content"/>
  <Labels name="{ROLES}" toName="{TEXT}" showInline="true">
{roles}
  </Labels>
  <Labels name="{CLAIMS}" toName="{TEXT}" showInline="true">
    <Label value="{CLAIM}" background="#b35c00"/>
  </Labels>
  <Relations>
    <Relation value="{ATTRIBUTES}"/>
  </Relations>
  <Text name="{TEXT}" value="${TEXT}" granularity="symbol"/>
  <Choices name="{REVIEW}" toName="{TEXT}" choice="single" showInline="true">
{review}
  </Choices>
</View>
"""
