"""The one exception base: library code raises it, only ``cli.main`` prints it.

Each error carries a Dutch message for the editor or maintainer and the exit code the
command ends with. Below the CLI nothing prints an error or calls ``sys.exit``.
"""

from __future__ import annotations


class WegwijzerError(Exception):
    """A failure the user can act on: ``message`` says what happened and what to do."""

    exit_code = 1

    def __init__(self, message: str, exit_code: int | None = None):
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code


class UsageError(WegwijzerError):
    """The command was started wrongly: a missing folder, file or setting (exit 2)."""

    exit_code = 2
