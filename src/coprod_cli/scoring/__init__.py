"""Turning a tally into a result: levels, voices, privacy, routes, what-if, progress."""
