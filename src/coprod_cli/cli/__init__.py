"""coprod's command line: the only place that prints, prompts, reads stdin or exits."""

from __future__ import annotations

from coprod_cli.cli import assess as _assess  # noqa: F401 - registers its commands
from coprod_cli.cli import compare as _compare  # noqa: F401 - registers its commands
from coprod_cli.cli import listing as _listing  # noqa: F401 - registers its commands
from coprod_cli.cli import score as _score  # noqa: F401 - registers its commands
from coprod_cli.cli.common import app


def main() -> None:
    """The console script's entry point."""
    app()


__all__ = ["app", "main"]
