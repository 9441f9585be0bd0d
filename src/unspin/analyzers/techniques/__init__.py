"""Persuasion techniques (PTC taxonomy): model, decoding and the pipeline component."""

from .analyzer import MODEL_DIR, TechniqueAnalyzer, TechniqueModel
from .labels import DEFINITIONS, DISPLAY_NAMES, TECHNIQUE_LABELS

__all__ = ["TechniqueAnalyzer", "TechniqueModel", "MODEL_DIR", "TECHNIQUE_LABELS", "DEFINITIONS", "DISPLAY_NAMES"]
