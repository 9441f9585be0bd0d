"""Errors a user can act on. The CLI prints them as one line and exits with code 2."""

from dataclasses import dataclass


class UnspinError(Exception):
    """Base class for errors caused by the input or the invocation, not by a bug."""


class InputError(UnspinError):
    """The input cannot be read or analysed; the message says what to do instead."""


class AnalysisTimeout(UnspinError):
    """An analysis ran past its deadline; the components after that point did not run."""


class SettingError(UnspinError, ValueError):
    """A setting that cannot be honoured here (an unknown or missing model set, a bad option)."""


@dataclass(frozen=True)
class Failure:
    """A document that could not be read or analysed: which one, at what stage, and why.

    Streams (`read_all`, `Pipeline.pipe`) yield one in place of the document and go on."""

    id: str  # the id the document would have had: a file's stem, as successes have
    stage: str  # "read", or the name of the component that failed
    message: str
    source: str | None = None  # where a read failure came from: the path or URL as given

    @property
    def name(self) -> str:  # the input's name as given (its path or URL), else its id
        return self.source or self.id
