"""A small hand-built trend for the renderers' tests: three rounds, one with a hostile label."""

from __future__ import annotations

from coprod_cli.scoring.trend import trend
from coprod_cli.trends import Trend
from tests.builders import CATALOGUE, FW
from tests.scoring.trendsets import CARER, MANAGER, PERSON, PRACTITIONER, tally


def built(labels: tuple[str, ...] = ("Spring", "Summer", "Autumn")) -> Trend:
    """Round 1 low, round 2 a real rise, round 3 too few people with lived experience."""
    rounds = [tally({PERSON: (4, [0, 1, 1, 1]), CARER: (3, 1), PRACTITIONER: (6, 1)}),
              tally({PERSON: (4, [2, 2, 3, 2]), CARER: (3, 2), PRACTITIONER: (6, [2, 2, 2, 3,
                                                                                 2, 2])}),
              tally({PERSON: (3, 2), PRACTITIONER: (6, 3), MANAGER: (3, 2)})]
    return trend(FW, CATALOGUE, list(zip(labels, rounds, strict=True)))
