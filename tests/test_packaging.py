"""The wheel ships every package and the data: what `pip install .` gives a user."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT

tomllib = pytest.importorskip("tomllib")  # Python 3.11+


def test_every_package_is_listed_for_the_wheel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    on_disk = {".".join(p.parent.relative_to(ROOT / "src").parts)
               for p in (ROOT / "src").rglob("__init__.py")}
    assert on_disk | {"coprod_cli.frameworks"} == listed
    assert config["package-dir"]["coprod_cli.frameworks"] == "frameworks"
    assert "*.yaml" in config["package-data"]["coprod_cli.frameworks"]
    assert "crosswalks/*.yaml" in config["package-data"]["coprod_cli.frameworks"]
