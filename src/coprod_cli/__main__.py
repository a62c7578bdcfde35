"""Run coprod as ``python -m coprod_cli``."""

from coprod_cli.cli import main

main()
