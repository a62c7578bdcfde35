"""coprod: a command-line co-production maturity checker."""

__version__ = "0.1.0"
