"""Attribution: who is quoted or cited, how, and what the article asserts on its own."""

from .analyzer import AttributionAnalyzer
from .tagger import ROLE_TAGS, AttributionTagger

__all__ = ["AttributionAnalyzer", "AttributionTagger", "ROLE_TAGS"]
