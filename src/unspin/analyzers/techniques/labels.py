"""The 14 persuasion techniques of the Propaganda Techniques Corpus, with plain-language definitions.

Label strings are exactly the PTC ones (SemEval-2020 Task 11), so predictions can be scored
against the corpus without any mapping. Definitions are our own wording.
"""

from __future__ import annotations

TECHNIQUE_LABELS: tuple[str, ...] = (
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Repetition",
    "Doubt",
    "Exaggeration,Minimisation",
    "Appeal_to_fear-prejudice",
    "Flag-Waving",
    "Causal_Oversimplification",
    "Appeal_to_Authority",
    "Slogans",
    "Black-and-White_Fallacy",
    "Thought-terminating_Cliches",
    "Whataboutism,Straw_Men,Red_Herring",
    "Bandwagon,Reductio_ad_hitlerum",
)

DISPLAY_NAMES: dict[str, str] = {
    "Loaded_Language": "Loaded language",
    "Name_Calling,Labeling": "Name calling / labeling",
    "Repetition": "Repetition",
    "Doubt": "Doubt",
    "Exaggeration,Minimisation": "Exaggeration / minimisation",
    "Appeal_to_fear-prejudice": "Appeal to fear or prejudice",
    "Flag-Waving": "Flag-waving",
    "Causal_Oversimplification": "Causal oversimplification",
    "Appeal_to_Authority": "Appeal to authority",
    "Slogans": "Slogans",
    "Black-and-White_Fallacy": "Black-and-white fallacy",
    "Thought-terminating_Cliches": "Thought-terminating cliché",
    "Whataboutism,Straw_Men,Red_Herring": "Whataboutism / straw man / red herring",
    "Bandwagon,Reductio_ad_hitlerum": "Bandwagon / reductio ad Hitlerum",
}

DEFINITIONS: dict[str, str] = {
    "Loaded_Language": "Words chosen for their emotional charge rather than their information, "
    "to make the reader feel something about the subject.",
    "Name_Calling,Labeling": "Attaching a label to a person or group that the audience already "
    "loves or hates, so the label does the arguing.",
    "Repetition": "Saying the same phrase again and again so that it sticks and starts to "
    "feel true.",
    "Doubt": "Questioning the credibility of a person or institution without showing why the "
    "doubt is deserved.",
    "Exaggeration,Minimisation": "Making something look much bigger, better or worse than it is, "
    "or brushing it aside as unimportant.",
    "Appeal_to_fear-prejudice": "Building support for an idea by stoking fear of an alternative "
    "or playing on existing prejudice.",
    "Flag-Waving": "Appealing to patriotism or group identity (nation, race, party, religion) to "
    "justify a position.",
    "Causal_Oversimplification": "Pinning a complex outcome on a single cause when several "
    "factors were at work.",
    "Appeal_to_Authority": "Treating a claim as true because an authority or expert said so, "
    "without further support.",
    "Slogans": "A short, punchy phrase that works as a rallying cry rather than an argument.",
    "Black-and-White_Fallacy": "Presenting two options as the only ones possible when more "
    "exist; often 'with us or against us'.",
    "Thought-terminating_Cliches": "A stock phrase that closes discussion and discourages "
    "critical thought ('it is what it is').",
    "Whataboutism,Straw_Men,Red_Herring": "Deflecting criticism by pointing at the opponent's "
    "faults, misrepresenting their position, or changing the subject.",
    "Bandwagon,Reductio_ad_hitlerum": "Urging agreement because 'everyone' does it, or "
    "rejecting an idea because a hated group supports it.",
}

TECHNIQUE_INDEX: dict[str, int] = {name: i for i, name in enumerate(TECHNIQUE_LABELS)}

# One colour per technique, in label order: the HTML report and the web page share them.
TECHNIQUE_COLOURS: tuple[str, ...] = (
    "#ffd6a5", "#ffadad", "#fdffb6", "#caffbf", "#9bf6ff", "#f4a261", "#a0c4ff",
    "#bdb2ff", "#ffc6ff", "#e9c46a", "#90be6d", "#cdb4db", "#f28482", "#84a59d",
)
