"""The built-in components, registered by name in their pipeline order."""

from __future__ import annotations

from ..document import Layer, Relations
from ..model_sets import folder
from ..options import Options
from .registry import register

_HEAD = ("tensor:encoder", Layer.SENTENCES)  # what every model head reads


@register("structure", assigns=(Layer.SEGMENTS, Layer.TITLE, Layer.AUTHORS, Layer.OUTLET, Layer.TAGS, "meta:published"))
def structure(options: Options):
    from .structure import StructureAnalyzer

    return StructureAnalyzer()


@register("sentences", assigns=(Layer.SENTENCES,), requires=(Layer.SEGMENTS,))
def sentences(options: Options):
    from .sentences import Sentencizer

    return Sentencizer()


def _encoder_available() -> bool:
    from .encoder import EncoderModel

    return EncoderModel.available()


@register("encoder", assigns=("tensor:encoder",), requires=(Layer.SEGMENTS,), available=_encoder_available)
def encoder(options: Options):
    from .encoder import Encoder, EncoderModel

    # The options' threads reach ONNX Runtime (a Ray actor asks for one); None: UNSPIN_THREADS or all cores.
    threads = {"threads": options.threads} if options.threads else {}
    return Encoder(EncoderModel.shared(folder("encoder", options.model), **threads), options)


def _techniques_available() -> bool:
    from .techniques import TechniqueModel

    return _encoder_available() and TechniqueModel.available()


@register("techniques", assigns=(Layer.TECHNIQUES,), requires=_HEAD, switch="techniques", available=_techniques_available)
def techniques(options: Options):
    from .techniques import TechniqueAnalyzer, TechniqueModel

    return TechniqueAnalyzer(TechniqueModel.shared(folder("techniques", options.model)))


def _attribution_available() -> bool:
    from .attribution import AttributionTagger

    return _encoder_available() and AttributionTagger.available()


@register("attribution", assigns=("relations:" + Relations.ATTRIBUTIONS,), requires=_HEAD, switch="attribution",
          available=_attribution_available)
def attribution(options: Options):
    from .attribution import AttributionAnalyzer, AttributionTagger

    return AttributionAnalyzer(AttributionTagger.shared(folder("attribution", options.model)))


def _claims_available() -> bool:
    from .claims import ClaimsModel

    return _encoder_available() and ClaimsModel.available()


@register("claims", assigns=(Layer.CLAIMS,), requires=_HEAD, switch="claims", available=_claims_available)
def claims(options: Options):
    from .claims import ClaimsAnalyzer, ClaimsModel

    return ClaimsAnalyzer(ClaimsModel.shared(folder("claims", options.model)), threshold=options.claims_threshold)


DEFAULT_ORDER = ("structure", "sentences", "encoder", "techniques", "attribution", "claims")
