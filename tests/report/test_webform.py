"""The web questionnaire: a self-contained page whose download coprod scores.

The browser test needs Chromium (Debian: apt-get install chromium; or CHROMIUM=/path) and the
audit's node packages (cd tests/a11y && npm ci); it is skipped when either is missing.
"""

from __future__ import annotations

import datetime
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
CHOICES = "2310453102431024310243102431"  # statement 6 does not apply
REASON = 'We are one small home: no "groups" here'  # as questionnaire.mjs types it
EVIDENCE = 'Minutes: "we decided together" \\ C:\\path # not a comment\n- and a second line'


def write_page(run: Run, folder: Path, framework: str = "nef") -> Path:
    path = folder / "questionnaire.html"
    result = run("form", framework, "--format", "html", "-o", str(path))
    assert result.exit_code == 0, result.stderr
    return path


def test_every_statement_is_one_radio_group_named_by_its_id(run: Run, tmp_path: Path) -> None:
    page = write_page(run, tmp_path).read_text(encoding="utf-8")
    for statement in LIB.framework("nef").statements:
        values = re.findall(rf'<input type="radio" name="{statement.id}" value="([a-z-]+)" '
                            rf'id="{statement.id}-\1" aria-describedby="{statement.id}-\1-hint">',
                            page)
        assert values == ["not-yet", "descriptive", "intermediate", "transformative", "unsure",
                          "does-not-apply"]
        for value in values:  # a label, and a hint the choice is described by
            assert f'<label for="{statement.id}-{value}">' in page
            assert f'<p class="hint" id="{statement.id}-{value}-hint">' in page
        # why it does not apply: a labelled box, shown only with that answer, kept short
        assert f'<label for="reason-{statement.id}">' in page
        assert f'<input type="text" id="reason-{statement.id}" data-reason="{statement.id}" ' \
            'maxlength="300" autocomplete="off">' in page
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
            assert f'<span class="full">{full}</span><span class="plain">{plain}</span></p>' in page


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
@pytest.mark.parametrize(("framework", "mode", "lang"),
                         [("nef", "page", "en"), ("nef", "steps", "en"), ("wales", "page", "en"),
                          ("wales", "page", "cy")])
def test_completed_by_keyboard_alone_checked_downloaded_and_scored(
        run: Run, tmp_path: Path, framework: str, mode: str, lang: str) -> None:
    path = tmp_path / "questionnaire.html"
    made = run("form", framework, "-f", "html", "-o", str(path), "--lang", lang,
               "--service", "Riverside Day <Centre>", "--send-to", "Sam Patel, sam@example.org")
    assert made.exit_code == 0, made.stderr
    download = tmp_path / "downloaded.yaml"
    statements = LIB.framework(framework).statements
    choices = CHOICES[:len(statements)]
    browser = subprocess.run(["node", "questionnaire.mjs", str(path), str(download), choices,
                              EVIDENCE, mode], cwd=AUDIT, capture_output=True, text=True,
                             timeout=600, env={**os.environ, "CHROMIUM": CHROMIUM})
    assert browser.returncode == 0, browser.stdout + browser.stderr
    report = json.loads(browser.stdout)
    assert report["external"] == []
    assert report["violations"] == {"empty": [], "checked": [], "filled": [], "plain320": [],
                                    "print": []}
    done = report["completed"]
    assert done["answered"] == len(statements) + 1  # and the role
    assert done["continued"] == (len(statements) + 1 if mode == "steps" else 0)
    assert done["outOfView"] == 0
    assert done["summary"] == {"rows": len(statements) + 1, "errors": 0,
                               "changes": ["Change who you are answering as"] + [
                                   f"Change your answer to statement {n}"
                                   for n in range(1, len(statements) + 1)]}
    today = datetime.date.today().isoformat()
    assert done["suggested"] == f"coprod-{framework}-riverside-day-centre-carer-{today}.yaml"
    assert report["plainShown"] and done["evidenceGiven"] and done["reasonGiven"]
    assert done["kept"] == len(statements) + 1  # kept while unfinished
    assert "cleared from this browser" in report["downloaded"]
    assert report["stored"] == 0 and report["restored"] == 0  # nothing left once downloaded
    assert report["notKeptShown"] is False
    assert "not keeping your answers" in " ".join(report["notKept"].split())
    assert report["opened"] == f"Opened downloaded.yaml: {len(statements)} of " \
        f"{len(statements)} statements answered."
    assert report["reopened"] == len(statements) + 1
    assert report["change"] == {"focused": statements[1].id, "checked": True,
                                "back": "Not sure",
                                "current": "finish" if mode == "steps" else ""}
    assert report["sideScroll"] == {"320": False, "1280": False, "plain320": False,
                                    "spacing320": False}
    assert report["focus"]["zoom400"]["hidden"] == [] and report["focus"]["laptop"]["hidden"] == []
    assert report["focus"]["zoom400"]["stops"] > (60 if mode == "page" else 5)
    assert report["live"] == {"typing": 0, "answering": 1}  # speaks when progress changes
    printed = report["print"]
    assert {key: printed[key] for key in ("finish", "box", "round", "radio", "size", "lines",
                                          "statements")} == {
        "finish": "none", "box": "block", "round": "50%", "radio": "none",
        "size": "16px", "lines": "block", "statements": len(statements)}
    assert "this device" not in printed["text"] and "Sam Patel" in printed["text"]
    assert report["copyText"] == download.read_text(encoding="utf-8")

    result = run("score", str(download), "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["respondents"] == 1
    assert not any("unanswered" in warning for warning in data["warnings"])
    saved = yaml.safe_load(download.read_text(encoding="utf-8"))
    assert saved["framework"] == framework and saved["respondent"] == {"role": "carer"}
    assert saved["service"] == "Riverside Day <Centre>"
    assert saved.get("language") == (None if lang == "en" else lang)
    words = ["not-yet", "descriptive", "intermediate", "transformative", "unsure",
             "does-not-apply"]
    expected = {s.id: words[int(c)] for s, c in zip(statements, choices, strict=True)}
    chosen = {s["id"]: s["level"] for s in data["statements"]}
    assert {sid: level for sid, level in expected.items()
            if level not in ("unsure", "does-not-apply")} == \
        {sid: level for sid, level in chosen.items() if level is not None}
    assert data["statements"][0]["evidence"] == [EVIDENCE]
    sixth = data["statements"][5]
    assert (sixth["not_applying"], sixth["reasons"]) == (1, [REASON])
    assert saved["answers"][statements[5].id] == {"level": "does-not-apply", "reason": REASON}


HOSTILE = '<img src=x onerror="window.pwned=1"></textarea><script>window.pwned=1</script>'


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM}")
@pytest.mark.skipif(not (AUDIT / "node_modules" / "axe-core").exists()
                    or shutil.which("node") is None,
                    reason="no browser tools: run 'npm ci' in tests/a11y (needs node)")
def test_open_my_answers_file_reads_what_coprod_writes_and_runs_nothing(
        run: Run, tmp_path: Path) -> None:
    page = write_page(run, tmp_path)
    assessed = tmp_path / "assessed.yaml"  # as `coprod assess` writes it: comments, flow style
    made = run("assess", "nef", "-o", str(assessed), "--role", "carer",
               input="2\ne\nMinutes of \"March\" <b>board</b>\n3\nu\nq\n")
    assert made.exit_code == 0, made.stdout
    hostile = tmp_path / "hostile.yaml"
    hostile.write_text(f'framework: nef\nanswers:\n  assets-1:\n    level: "2"\n'
                       f'    evidence: {json.dumps(HOSTILE)}\n', encoding="utf-8")
    tagged = tmp_path / "tagged.yaml"
    tagged.write_text("framework: nef\nanswers:\n  assets-1: !!python/object:os.system x\n",
                      encoding="utf-8")
    other = tmp_path / "other.yaml"
    other.write_text("framework: scie\nanswers:\n  culture-1: intermediate\n", encoding="utf-8")
    browser = subprocess.run(["node", "openfile.mjs", str(page), str(assessed), str(hostile),
                              str(tagged), str(other)], cwd=AUDIT, capture_output=True,
                             text=True, timeout=300, env={**os.environ, "CHROMIUM": CHROMIUM})
    assert browser.returncode == 0, browser.stdout + browser.stderr
    mine, odd, refused, elsewhere = json.loads(browser.stdout)
    from coprod_cli.reading.loader import Library

    nef = len(Library.builtin().framework("nef").statements)
    assert mine["opened"] == f"Opened assessed.yaml: 3 of {nef} statements answered."
    assert mine["levels"] == {"role": "carer", "assets-1": "intermediate",
                              "assets-2": "transformative", "assets-3": "unsure"}
    assert mine["evidence"] == {"assets-2": 'Minutes of "March" <b>board</b>'}
    assert "Evidence: Minutes of \"March\" <b>board</b>" in mine["summary"]  # as text
    assert odd["evidence"] == {"assets-1": HOSTILE}
    assert odd["levels"] == {"assets-1": "intermediate"}
    for each in (mine, odd, refused, elsewhere):
        assert each["markup"] == 0 and each["ran"] is False and each["errors"] == []
    assert refused["opened"].startswith("Could not open tagged.yaml: line 3: ")
    assert refused["opened"].endswith("Nothing was changed.") and refused["levels"] == {}
    assert "'scie'" in elsewhere["opened"] and elsewhere["levels"] == {}


def test_welsh_text_is_marked_welsh_for_screen_readers(run: Run, tmp_path: Path) -> None:
    """`--lang cy`: each text in Welsh is marked lang="cy", English where there is no Welsh
    yet is not, the page says the Welsh is not yet reviewed, and the file says cy."""
    from tests.conftest import DATA

    out = tmp_path / "q.html"
    tiny = str(DATA / "valid" / "two-languages.yaml")
    assert run("form", "tiny", "-F", tiny, "--lang", "cy", "-f", "html", "-o",
               str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert '<h1><span lang="cy">Fframwaith bach</span></h1>' in page
    assert '<span lang="cy">Gofalwr</span>' in page and '<span lang="cy">Canolradd</span>' in page
    assert '<span class="plain">Money is decided together.</span>' in page
    assert '<p class="note" lang="cy">Nid yw&#39;r testun Cymraeg hwn' in page
    assert '"language": "cy"' in page
    english = tmp_path / "en.html"
    run("form", "tiny", "-F", tiny, "-f", "html", "-o", str(english))
    assert 'lang="cy"' not in english.read_text(encoding="utf-8")
