"""coprod's command line: the only place that prints, prompts, reads stdin or exits.

Commands register themselves on `app` when their module is imported; the app imports only
the module of the command being run (cli.common.COMMANDS).
"""

from __future__ import annotations

import gc

from coprod_cli import collector

# What is imported here (typer, click, rich and coprod's options) lives until coprod exits:
# the garbage collector does not run while it is built (about 4 ms of collections that find
# nothing) and it is frozen after, so no later collection looks at it again. An importer gets
# the collector back as it had it.
with collector.lasting():
    from coprod_cli.cli.common import INTERRUPTED_EXIT, app, unexpected


def main() -> None:
    """The console script's entry point, and the error boundary around everything it runs.

    Commands are guarded one by one (cli.boundary.guarded); this catches what happens outside
    them, while the arguments are parsed or after the command has finished.
    """
    import signal
    import sys

    signal.signal(signal.SIGTERM, _terminated)
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(INTERRUPTED_EXIT)
    except Exception as error:
        sys.exit(unexpected(error))
    finally:
        # Everything made is dropped at exit: the collector's last pass over it at
        # interpreter shutdown would find nothing that needs it (files are closed, temporary
        # files removed, by then), so it is frozen out of that pass (about 4 ms).
        gc.freeze()


def _terminated(signum: int, frame: object) -> None:
    """SIGTERM (a `kill`, a shutdown) ends coprod as Ctrl-C does, so no temporary file is
    left behind and the questionnaire says where the answers are; Python's default would
    stop at once."""
    raise KeyboardInterrupt


__all__ = ["app", "main"]
