"""The web questionnaire: a self-contained page whose download coprod scores.

The browser test needs Chromium (Debian: apt-get install chromium; or CHROMIUM=/path) and the
audit's node packages (cd tests/a11y && npm ci); it is skipped when either is missing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from coprod_cli.plain import to_data
from coprod_cli.reading.loader import Library
from tests.conftest import Run

AUDIT = Path(__file__).resolve().parent.parent / "a11y"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
LIB = Library.builtin()
# What the person chooses, statement by statement: 0-3 a level, 4 "Not sure".
CHOICES = "2310423102431024310243102431"
EVIDENCE = 'Minutes: "we decided together" \\ C:\\path # not a comment\n- and a second line'


def write_page(run: Run, folder: Path, framework: str = "nef") -> Path:
    path = folder / "questionnaire.html"
    result = run("form", framework, "--format", "html", "-o", str(path))
    assert result.exit_code == 0, result.stderr
    return path


def test_every_statement_is_one_radio_group_named_by_its_id(run: Run, tmp_path: Path) -> None:
    page = write_page(run, tmp_path).read_text(encoding="utf-8")
    for statement in LIB.framework("nef").statements:
        values = re.findall(rf'<input type="radio" name="{statement.id}" value="([a-z-]+)">',
                            page)
        assert values == ["not-yet", "descriptive", "intermediate", "transformative", "unsure"]
    assert '<button type="button" id="download">Download my answers</button>' in page
    assert re.findall(r'name="role" value="([a-z-]*)"', page) == [
        *(role.id for role in LIB.catalogue.roles), ""]


def test_plain_opens_the_page_in_plain_words(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "plain.html"
    assert run("form", "nef", "--plain", "-f", "html", "-o", str(out)).exit_code == 0
    assert '"plain": true' in out.read_text(encoding="utf-8")
    assert '"plain": false' in write_page(run, tmp_path).read_text(encoding="utf-8")


def test_every_choice_carries_its_full_and_its_plain_row(run: Run, tmp_path: Path) -> None:
    from markupsafe import escape

    page = write_page(run, tmp_path, "scie").read_text(encoding="utf-8")
    for statement in LIB.framework("scie").statements:
        for level in ("not-yet", "descriptive", "intermediate", "transformative"):
            full, plain = (escape(statement.row(level, plain)) for plain in (False, True))
            assert f'<span class="full">{full}</span><span class="plain">{plain}</span>' in page


def test_the_role_question_says_how_the_voices_are_weighed(run: Run, tmp_path: Path) -> None:
    page = write_page(run, tmp_path).read_text(encoding="utf-8")
    assert "carry half the say and everyone else the other half" in page
    assert "inside each half, each person counts once" in page


def test_the_page_is_self_contained(run: Run, tmp_path: Path) -> None:
    page = write_page(run, tmp_path, "scie").read_text(encoding="utf-8")
    assert not re.search(r'(src|href)="(?!#)', page)
    assert "<link" not in page and "@import" not in page and "url(" not in page


def test_a_strict_content_security_policy_runs_the_page_script_alone(
        run: Run, tmp_path: Path) -> None:
    """Nothing fetched, and no script but the page's own, named by its hash: had any text
    slipped past escaping as a script, the browser would not run it."""
    import base64
    import hashlib

    page = write_page(run, tmp_path).read_text(encoding="utf-8")
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert policy is not None and "default-src 'none'" in policy.group(1)
    scripts = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    assert len(scripts) == 1 and "localStorage" in scripts[0]
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}';" in policy.group(1)
    assert not re.search(r"<[a-z][^>]*\son[a-z]+=", page)  # no inline handler to allow


def test_framework_words_are_escaped(run: Run, tmp_path: Path) -> None:
    text = (json.dumps(to_data(LIB.framework("nef"), by_alias=True))
            .replace('"Assets"', '"Assets <script>alert(1)</script>"'))
    custom = json.loads(text)
    custom["id"] = "nef-copy"
    path = tmp_path / "nef-copy.yaml"
    path.write_text(yaml.safe_dump(custom), encoding="utf-8")
    out = tmp_path / "q.html"
    result = run("form", "nef-copy", "-F", str(path), "--format", "html", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page and "Assets &lt;script&gt;" in page


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM}")
@pytest.mark.skipif(not (AUDIT / "node_modules" / "axe-core").exists()
                    or shutil.which("node") is None,
                    reason="no browser tools: run 'npm ci' in tests/a11y (needs node)")
def test_completed_by_keyboard_alone_downloaded_and_scored(run: Run, tmp_path: Path) -> None:
    page = write_page(run, tmp_path)
    download = tmp_path / "downloaded.yaml"
    statements = LIB.framework("nef").statements
    choices = CHOICES[:len(statements)]
    browser = subprocess.run(["node", "questionnaire.mjs", str(page), str(download), choices,
                              EVIDENCE], cwd=AUDIT, capture_output=True, text=True, timeout=300,
                             env={**os.environ, "CHROMIUM": CHROMIUM})
    assert browser.returncode == 0, browser.stdout + browser.stderr
    report = json.loads(browser.stdout)
    assert report["external"] == []
    assert report["violations"] == {"empty": [], "filled": [], "plain320": []}
    assert report["completed"]["answered"] == len(statements) + 1  # and the role
    assert report["completed"]["suggested"] == "coprod-nef-answers.yaml"
    assert report["plainShown"] and report["completed"]["evidenceGiven"]
    assert report["completed"]["kept"] == len(statements) + 1  # kept while unfinished
    assert "cleared from this browser" in report["downloaded"]
    assert report["stored"] == 0 and report["restored"] == 0  # nothing left once downloaded
    assert report["notKeptShown"] is False
    assert "not keeping your answers" in " ".join(report["notKept"].split())
    assert report["sideScroll"] == {"320": False, "1280": False, "plain320": False}
    assert report["print"] == {"finish": "none", "box": "block", "radio": "none"}
    assert report["copyText"] == download.read_text(encoding="utf-8")

    result = run("score", str(download), "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["respondents"] == 1
    saved = yaml.safe_load(download.read_text(encoding="utf-8"))
    assert saved["framework"] == "nef" and saved["respondent"] == {"role": "carer"}
    words = ["not-yet", "descriptive", "intermediate", "transformative", "unsure"]
    expected = {s.id: words[int(c)] for s, c in zip(statements, choices, strict=True)}
    chosen = {s["id"]: s["level"] for s in data["statements"]}
    assert {sid: level for sid, level in expected.items() if level != "unsure"} == \
        {sid: level for sid, level in chosen.items() if level is not None}
    assert data["statements"][0]["evidence"] == [EVIDENCE]
