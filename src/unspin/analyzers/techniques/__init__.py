"""Persuasion techniques (PTC taxonomy): model, decoding and the pipeline component."""

from .analyzer import MODEL_DIR, TechniqueAnalyzer, TechniqueModel
from .labels import DEFINITIONS, DISPLAY_NAMES, TECHNIQUES

__all__ = ["TechniqueAnalyzer", "TechniqueModel", "MODEL_DIR", "TECHNIQUES", "DEFINITIONS", "DISPLAY_NAMES"]
