"""coprod's command line: the only place that prints, prompts, reads stdin or exits."""

from __future__ import annotations

from coprod_cli.cli import assess as _assess  # noqa: F401 - registers its commands
from coprod_cli.cli import compare as _compare  # noqa: F401 - registers its commands
from coprod_cli.cli import form as _form  # noqa: F401 - registers its commands
from coprod_cli.cli import listing as _listing  # noqa: F401 - registers its commands
from coprod_cli.cli import score as _score  # noqa: F401 - registers its commands
from coprod_cli.cli.common import INTERRUPTED_EXIT, app, unexpected


def main() -> None:
    """The console script's entry point, and the error boundary around everything it runs.

    Commands are guarded one by one (cli.common.guarded); this catches what happens outside
    them, while the arguments are parsed or after the command has finished.
    """
    import sys

    try:
        app()
    except KeyboardInterrupt:
        sys.exit(INTERRUPTED_EXIT)
    except Exception as error:
        sys.exit(unexpected(error))


__all__ = ["app", "main"]
