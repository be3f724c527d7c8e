"""Errors users see, and the one place warnings are sent.

A :class:`UserError` is bad usage or bad input: the CLI prints its message as
one ``Error: ...`` line and exits 2. Anything else is a bug and keeps its
traceback.
"""
from __future__ import annotations

import logging

log = logging.getLogger("claimcheck")


class UserError(Exception):
    """Bad usage or bad input; the message says what to do."""


def warn(message: str) -> None:
    """A warning for the user (stderr): a skipped file, a guessed encoding."""
    log.warning(message)
