"""What in the measuring environment changes the numbers, said before the numbers."""

from __future__ import annotations

import importlib.util


def torch_warning() -> str | None:
    """spaCy's thinc imports torch whenever it is installed (the `train` extra): every process
    that splits sentences then pays 2-3 s of start-up and about 180 MB of memory that a user's
    install (the README's) does not."""
    if importlib.util.find_spec("torch") is None:
        return None
    return ("note: torch is installed here, and spaCy imports it: start-up and memory are measured "
            "higher than in the README's install (about +2 s and +180 MB)")
