"""The build's one extra step: coprod's HTML templates compiled to Python modules inside the
package (src/coprod_cli/report/templating.py says why), installed and byte-compiled with the
rest of the code, so no run loads compiled templates from a cache folder."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

TEMPLATING = Path(__file__).resolve().parent / "src" / "coprod_cli" / "report" / "templating.py"


class BuildWithTemplates(build_py):  # type: ignore[misc]
    """build_py, then the templates compiled into the built package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable checkout compiles its templates when they are first used
        spec = importlib.util.spec_from_file_location("coprod_templating", TEMPLATING)
        assert spec is not None and spec.loader is not None
        templating = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(templating)
        templating.compile_into(Path(self.build_lib, "coprod_cli", "report", "compiled"))


setup(cmdclass={"build_py": BuildWithTemplates})
