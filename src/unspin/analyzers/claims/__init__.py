"""Check-worthy claims: the model, the pipeline component and the layer's findings."""

from .analyzer import (
    MAX_SHOWN_SHARE,
    MODEL_DIR,
    ClaimsAnalyzer,
    ClaimsModel,
    pooled_sentences,
    pooled_texts,
)

__all__ = ["ClaimsAnalyzer", "ClaimsModel", "MODEL_DIR", "MAX_SHOWN_SHARE", "pooled_sentences", "pooled_texts"]
