"""unspin: see how an article persuades, and whom it cites.

>>> import unspin
>>> result = unspin.analyze("path/to/article.txt")       # doctest: +SKIP
>>> [s.text for s in result.techniques]                  # doctest: +SKIP
"""

__version__ = "0.1.0"

from .analysis import Analysis  # noqa: E402
from .document import Document, Source, Span  # noqa: E402
from .errors import InputError, UnspinError  # noqa: E402
from .pipeline import Pipeline, analyze, default_pipeline  # noqa: E402

__all__ = ["analyze", "Analysis", "Document", "Span", "Source", "Pipeline", "default_pipeline",
           "InputError", "UnspinError", "__version__"]
