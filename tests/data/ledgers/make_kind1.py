"""Writes kind1.json with coprod from before keys of the second kind (run with that coprod
installed, from the repository's top folder): the memory of scoring, as shared results,
tests/cli/test_ledger_kinds.py's `shared` sets.

    python tests/data/ledgers/make_kind1.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from tests.cli.test_ledger_kinds import KIND1, shared

with tempfile.TemporaryDirectory() as folder:
    state = Path(folder, "state")
    env = {**os.environ, "COPROD_STATE_DIR": str(state)}
    for path in shared(Path(folder)):
        subprocess.run([sys.executable, "-m", "coprod_cli", "score", str(path), "-f", "json",
                        "-o", str(Path(folder, "result.json"))], env=env, check=True)
    shutil.copy(state / "shared.json", KIND1)
