"""Errors a user can act on. The CLI prints them as one line and exits with code 2."""


class UnspinError(Exception):
    """Base class for errors caused by the input or the invocation, not by a bug."""


class InputError(UnspinError):
    """The input cannot be read or analysed; the message says what to do instead."""
