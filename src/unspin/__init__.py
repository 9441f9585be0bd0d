"""unspin: see how an article persuades, and whom it cites.

>>> import unspin
>>> result = unspin.analyze_file("path/to/article.txt")            # doctest: +SKIP
>>> [(t.text, t.technique, t.score) for t in result.techniques]    # doctest: +SKIP
"""

from .analysis import Analysis  # noqa: E402
from .document import Document, Relation, Source, Span  # noqa: E402
from .errors import Failure, InputError, UnspinError  # noqa: E402
from .options import Options  # noqa: E402
from .pipeline import Pipeline, analyze, analyze_file, analyze_url, default_pipeline  # noqa: E402
from .version import __version__  # noqa: E402

__all__ = ["analyze", "analyze_file", "analyze_url", "Analysis", "Document", "Span", "Relation", "Source", "Options",
           "Pipeline", "default_pipeline", "Failure", "InputError", "UnspinError", "__version__"]
