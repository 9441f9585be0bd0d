"""The built-in components, registered by name in their pipeline order."""

from __future__ import annotations

from ..model_sets import folder
from ..options import Options
from .registry import register


@register("structure", "unspin.analyzers.structure:StructureAnalyzer")
def structure(options: Options):
    from .structure import StructureAnalyzer

    return StructureAnalyzer()


@register("sentences", "unspin.analyzers.sentences:Sentencizer")
def sentences(options: Options):
    from .sentences import Sentencizer

    return Sentencizer()


def _encoder_available() -> bool:
    from .encoder import EncoderModel

    return EncoderModel.available()


@register("encoder", "unspin.analyzers.encoder:Encoder", available=_encoder_available)
def encoder(options: Options):
    from .encoder import Encoder, EncoderModel

    # The options' threads reach ONNX Runtime (a Ray actor asks for one); None: UNSPIN_THREADS or all cores.
    threads = {"threads": options.threads} if options.threads else {}
    return Encoder(EncoderModel.shared(folder("encoder", options.model), **threads), options)


def _techniques_available() -> bool:
    from .techniques import TechniqueModel

    return _encoder_available() and TechniqueModel.available()


@register("techniques", "unspin.analyzers.techniques.analyzer:TechniqueAnalyzer", switch="techniques",
          available=_techniques_available)
def techniques(options: Options):
    from .techniques import TechniqueAnalyzer, TechniqueModel

    return TechniqueAnalyzer(TechniqueModel.shared(folder("techniques", options.model)))


def _attribution_available() -> bool:
    from .attribution import AttributionTagger

    return _encoder_available() and AttributionTagger.available()


@register("attribution", "unspin.analyzers.attribution.analyzer:AttributionAnalyzer", switch="attribution",
          available=_attribution_available)
def attribution(options: Options):
    from .attribution import AttributionAnalyzer, AttributionTagger

    return AttributionAnalyzer(AttributionTagger.shared(folder("attribution", options.model)))


def _claims_available() -> bool:
    from .claims import ClaimsModel

    return _encoder_available() and ClaimsModel.available()


@register("claims", "unspin.analyzers.claims.analyzer:ClaimsAnalyzer", switch="claims", available=_claims_available)
def claims(options: Options):
    from .claims import ClaimsAnalyzer, ClaimsModel

    return ClaimsAnalyzer(ClaimsModel.shared(folder("claims", options.model)), threshold=options.claims_threshold)


DEFAULT_ORDER = ("structure", "sentences", "encoder", "techniques", "attribution", "claims")
