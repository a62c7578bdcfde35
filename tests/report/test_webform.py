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
from typing import Any

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
    assert '<button type="button" id="download"><span class="en" lang="en">Download my answers' \
        '</span><span class="cy" lang="cy">Lawrlwytho fy atebion</span></button>' in page
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
            # scie has no Welsh: one text for both languages, marked as English
            assert f'<span class="full"><span lang="en">{full}</span></span><span class="plain">' \
                f'<span lang="en">{plain}</span></span></p>' in page


def test_the_role_question_says_how_the_voices_are_weighed(run: Run, tmp_path: Path) -> None:
    page = write_page(run, tmp_path).read_text(encoding="utf-8")
    assert "carry half the say and everyone else the other half" in page
    assert "inside each half, each person counts once" in page


def test_a_welsh_title_never_mixes_in_an_english_framework_name(run: Run) -> None:
    """A <title> holds no lang mark: in Welsh it names the framework only when the name has
    Welsh (wales), else it is 'Holiadur cydgynhyrchu' alone, in the page and after the
    switch of language; the English title is as it was."""
    titles = {}
    for framework in ("nef", "wales"):
        for language in ("en", "cy"):
            page = run("form", framework, "--format", "html", "--lang", language).stdout
            title = re.search(r"<title>([^<]*)</title>", page)
            data = json.loads(re.search(r'id="coprod-form">([^<]*)</script>', page)[1])
            assert title and title[1] == data["title"][language].replace("'", "&#39;")
            titles[framework, language] = data["title"]
    assert titles["nef", "cy"]["cy"] == "Holiadur cydgynhyrchu"
    assert titles["nef", "en"]["en"] == "Co-production questionnaire: " + LIB.framework("nef").name
    assert titles["wales", "cy"]["cy"].startswith("Holiadur cydgynhyrchu: Pum egwyddor")


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
    from coprod_cli.report.webwords import catalogues

    say = catalogues()[lang]  # the page opens in the language --lang chose
    assert done["summary"] == {"rows": len(statements) + 1, "errors": 0,
                               "changes": [f"{say('Change')} {say('who you are answering as')}"]
                               + [f"{say('Change')} "
                                  + say("your answer to statement {number}").format(number=n)
                                  for n in range(1, len(statements) + 1)]}
    today = datetime.date.today().isoformat()
    assert done["suggested"] == f"coprod-{framework}-riverside-day-centre-carer-{today}.yaml"
    assert report["plainShown"] and done["evidenceGiven"] and done["reasonGiven"]
    assert done["kept"] == len(statements) + 1  # kept while unfinished
    assert report["downloaded"] == say("Downloaded as {name}. Your answers are now cleared from "
                                       "this browser: the file holds them. They stay on this "
                                       "page until you close it.").format(name=done["suggested"])
    assert report["stored"] == 0 and report["restored"] == 0  # nothing left once downloaded
    assert report["notKeptShown"] is False
    assert say("This browser is not keeping your answers (its storage is switched off, or it "
               "is a private window). Download your answers before you close this page, or "
               "they are lost.") in " ".join(report["notKept"].split())
    assert report["opened"] == say("Opened {name}: {answered} of {total} statements answered.") \
        .format(name="downloaded.yaml", answered=len(statements), total=len(statements))
    assert report["reopened"] == len(statements) + 1
    assert report["change"] == {"focused": statements[1].id, "checked": True,
                                "back": say("Not sure"),
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
    assert saved["language"] == lang
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
    welsh = tmp_path / "welsh.yaml"  # answered in Welsh: the file says `language: cy`
    assert run("assess", "nef", "-o", str(welsh), "--role", "carer", "--lang", "cy",
               input="1\nq\n").exit_code == 0
    odd_language = tmp_path / "odd-language.yaml"
    odd_language.write_text("framework: nef\nlanguage: constructor\nanswers:\n  assets-1: 1\n",
                            encoding="utf-8")
    browser = subprocess.run(["node", "openfile.mjs", str(page), str(assessed), str(hostile),
                              str(tagged), str(other), str(welsh), str(odd_language)],
                             cwd=AUDIT, capture_output=True,
                             text=True, timeout=300, env={**os.environ, "CHROMIUM": CHROMIUM})
    assert browser.returncode == 0, browser.stdout + browser.stderr
    mine, odd, refused, elsewhere, cymraeg, unknown = json.loads(browser.stdout)
    data = page_data(page.read_text(encoding="utf-8"))
    said = data["words"]["cy"]
    assert cymraeg["lang"] == "cy" and cymraeg["title"] == data["title"]["cy"]
    assert cymraeg["opened"].startswith(said["opened"].split("{")[0])
    assert cymraeg["said"] == said["switched"] and cymraeg["levels"]["assets-1"] == "descriptive"
    for each in (mine, odd, refused, elsewhere, unknown):
        assert each["lang"] == "en-GB" and each["said"] == ""
    assert unknown["levels"] == {"assets-1": "descriptive"}
    from coprod_cli.reading.loader import Library

    nef = len(Library.builtin().framework("nef").statements)
    assert mine["opened"] == f"Opened assessed.yaml: 3 of {nef} statements answered."
    assert mine["levels"] == {"role": "carer", "assets-1": "intermediate",
                              "assets-2": "transformative", "assets-3": "unsure"}
    assert mine["evidence"] == {"assets-2": 'Minutes of "March" <b>board</b>'}
    assert "Evidence: Minutes of \"March\" <b>board</b>" in mine["summary"]  # as text
    assert odd["evidence"] == {"assets-1": HOSTILE}
    assert odd["levels"] == {"assets-1": "intermediate"}
    for each in (mine, odd, refused, elsewhere, cymraeg, unknown):
        assert each["markup"] == 0 and each["ran"] is False and each["errors"] == []
    assert refused["opened"].startswith("Could not open tagged.yaml: line 3: ")
    assert refused["opened"].endswith("Nothing was changed.") and refused["levels"] == {}
    assert "'scie'" in elsewhere["opened"] and elsewhere["levels"] == {}


def page_data(page: str) -> dict[str, Any]:
    found = re.search(r'<script type="application/json" id="coprod-form">(.*?)</script>', page,
                      re.DOTALL)
    assert found is not None
    return dict(json.loads(found.group(1)))


def test_both_languages_are_in_one_page_each_marked_with_its_own(
        run: Run, tmp_path: Path) -> None:
    """Every text twice, in a span shown only in its language (class) and marked with the
    language it is in (lang); English where there is no Welsh yet once, marked lang="en"; the
    Welsh page's note says the Welsh is not yet reviewed."""
    from tests.conftest import DATA

    out = tmp_path / "q.html"
    tiny = str(DATA / "valid" / "two-languages.yaml")
    assert run("form", "tiny", "-F", tiny, "-f", "html", "-o", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert '<h1><span class="en" lang="en">A tiny framework</span><span class="cy" lang="cy">' \
        'Fframwaith bach</span></h1>' in page
    assert '<span class="en" lang="en">Carer</span><span class="cy" lang="cy">Gofalwr</span>' \
        in page
    assert '<span class="plain"><span lang="en">Money is decided together.</span></span>' in page
    assert '<p class="note cy" lang="cy">Nid yw&#39;r testun Cymraeg hwn' in page \
        or "<p class=\"note cy\" lang=\"cy\">Nid yw'r testun Cymraeg hwn" in page
    assert '<span class="en" lang="en">Plain words</span><span class="cy" lang="cy">Geiriau ' \
        'plaen</span>' in page
    assert '<html lang="en-GB">' in page and page_data(page)["language"] == "en"


def test_lang_chooses_only_the_language_the_page_opens_in(run: Run, tmp_path: Path) -> None:
    """`form --lang cy` makes the same page as English, opening in Welsh: only <html lang>,
    the title and the language the script starts in differ."""
    pages = {}
    for lang in ("en", "cy"):
        out = tmp_path / f"{lang}.html"
        assert run("form", "wales", "-f", "html", "--lang", lang, "-o", str(out)).exit_code == 0
        pages[lang] = out.read_text(encoding="utf-8")
    assert '<html lang="cy">' in pages["cy"]
    assert "<title>Holiadur cydgynhyrchu: Pum egwyddor Rhwydwaith Cydgynhyrchu Cymru</title>" \
        in pages["cy"]
    differ = [(a, b) for a, b in zip(pages["en"].splitlines(), pages["cy"].splitlines(),
                                     strict=True) if a != b]
    assert len(differ) == 3 and differ[0] == ('<html lang="en-GB">', '<html lang="cy">')
    assert page_data(pages["cy"])["language"] == "cy"
    assert {key: value for key, value in page_data(pages["cy"]).items() if key != "language"} == \
        {key: value for key, value in page_data(pages["en"]).items() if key != "language"}


def test_the_switch_is_a_button_named_in_its_own_language(run: Run, tmp_path: Path) -> None:
    page = write_page(run, tmp_path).read_text(encoding="utf-8")
    assert '<button type="button" id="to-cy" class="link en" lang="cy">Cymraeg</button>' in page
    assert '<button type="button" id="to-en" class="link cy" lang="en">English</button>' in page
    assert 'id="language-said" class="visually-hidden" role="status"' in page


def test_a_framework_with_no_welsh_says_so_and_marks_its_text_english(
        run: Run, tmp_path: Path) -> None:
    """nef has no Welsh: the page's own words, the levels and roles switch to Welsh, and the
    framework's text stays English, marked lang="en", with a Welsh note saying so."""
    page = write_page(run, tmp_path, "nef").read_text(encoding="utf-8")
    nef = LIB.framework("nef")
    assert f'<h1><span lang="en">{nef.name}</span></h1>'.replace("'", "&#39;") in page
    assert "Nid oes Cymraeg eto ar gyfer testun y fframwaith hwn" in page
    first = nef.statements[0]
    assert f'<span class="full"><span lang="en">{first.text}</span></span>' in page
    assert '<span class="en" lang="en">Intermediate</span><span class="cy" lang="cy">Canolradd' \
        '</span>' in page
    wales = write_page(run, tmp_path, "wales").read_text(encoding="utf-8")
    assert "Nid oes Cymraeg eto ar gyfer testun y fframwaith hwn" not in wales


def test_the_script_says_nothing_of_its_own_every_word_comes_from_the_page(
        run: Run, tmp_path: Path) -> None:
    """The script's messages are in the page's data, in English and in Welsh (each one
    translated); none is written in the script."""
    from coprod_cli.report.webform import SCRIPT_WORDS
    from coprod_cli.report.webwords import catalogues

    page = write_page(run, tmp_path).read_text(encoding="utf-8")
    script = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)[0]
    script = re.sub(r"(^|\s)//[^\n]*", "", script)  # its comments aside
    words = page_data(page)["words"]
    welsh = catalogues()["cy"]
    for key, message in SCRIPT_WORDS.items():
        assert words["en"][key] == message and words["cy"][key] == welsh(message) != message
        assert f'"{message}' not in script  # as a string in the script's code
    for english in ("statements answered", "Could not open", "Not answered", '"Change'):
        assert english not in script


def test_text_from_a_framework_cannot_close_the_script_in_either_language(
        run: Run, tmp_path: Path) -> None:
    """Names go into the page's JSON (the title in each language): '<' and '&' are escaped
    there, so a name cannot end the element, and reads back the same."""
    from tests.conftest import DATA

    hostile = "Tiny </script><script>window.pwned=1</script> & <!-- x"
    text = (DATA / "valid" / "two-languages.yaml").read_text(encoding="utf-8").replace(
        'name: {en: "A tiny framework", cy: "Fframwaith bach"}',
        f'name: {{en: {json.dumps(hostile)}, cy: {json.dumps(hostile + " cy")}}}')
    path = tmp_path / "tiny.yaml"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "q.html"
    made = run("form", "tiny", "-F", str(path), "-f", "html", "-o", str(out), "--service",
               "</script><b>x</b>")
    assert made.exit_code == 0, made.stderr
    page = out.read_text(encoding="utf-8")
    assert page.count("</script>") == 2 and "<!-- x" not in page and "<b>x" not in page
    titles = page_data(page)["title"]
    assert titles["en"] == f"Co-production questionnaire: {hostile} (</script><b>x</b>)"
    assert titles["cy"] == f"Holiadur cydgynhyrchu: {hostile} cy (</script><b>x</b>)"


def before_switch(choices: str) -> int:
    """How many statements language.mjs answers before it switches: just over half, with the
    role (the role is one of its answers)."""
    return (len(choices) + 1) // 2


def flat(value: Any) -> list[str]:
    """Every string in a model's data."""
    if isinstance(value, str):
        return [" ".join(value.split())]
    if isinstance(value, dict):
        return [text for item in value.values() for text in flat(item)]
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in flat(item)]
    return []


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM}")
@pytest.mark.skipif(not (AUDIT / "node_modules" / "axe-core").exists()
                    or shutil.which("node") is None,
                    reason="no browser tools: run 'npm ci' in tests/a11y (needs node)")
@pytest.mark.parametrize(("framework", "mode"), [("wales", "page"), ("wales", "steps"),
                                                 ("nef", "page")])
def test_switched_to_welsh_mid_way_by_keyboard_keeps_every_answer(
        run: Run, tmp_path: Path, framework: str, mode: str) -> None:
    """Half the statements answered in English, the switch pressed by keyboard, the rest in
    Welsh: every answer kept, the page's words and lang changed, axe (WCAG 2.2 AA) clean in
    both languages, the file says `language: cy` and scores; and every visible text is
    marked with its own language (English in the Welsh page only where the framework or
    core.yaml has no Welsh yet)."""
    path = tmp_path / "questionnaire.html"
    made = run("form", framework, "-f", "html", "-o", str(path), "--service", "Riverside")
    assert made.exit_code == 0, made.stderr
    download = tmp_path / "downloaded.yaml"
    statements = LIB.framework(framework).statements
    choices = CHOICES.replace("5", "4")[:len(statements)]
    browser = subprocess.run(["node", "language.mjs", str(path), str(download), choices, mode],
                             cwd=AUDIT, capture_output=True, text=True, timeout=900,
                             env={**os.environ, "CHROMIUM": CHROMIUM})
    assert browser.returncode == 0, browser.stdout + browser.stderr
    report = json.loads(browser.stdout)
    assert report["errors"] == []
    assert report["violations"] == {"english": [], "welsh": [], "checked": [],
                                    "englishAgain": []}
    assert report["pressed"] == {"id": "to-cy", "type": "button", "name": "", "checked": False,
                                 "lang": "cy", "text": "Cymraeg"}
    switched = report["switched"]
    assert switched["lang"] == "cy" and switched["kept"] and switched["step"]
    assert switched["focus"]["id"] == "to-en" and switched["focus"]["lang"] == "en"
    assert switched["focus"]["text"] == "English"
    assert (switched["said"], switched["saidLang"]) == ("Mae'r dudalen hon yn Gymraeg nawr.", "cy")
    assert switched["title"].startswith("Datganiad " if mode == "steps" else "Holiadur ")
    assert switched["progress"].endswith(f"o {len(statements)} datganiad wedi'u hateb")
    assert report["reopened"] == {"lang": "cy", "kept": before_switch(choices) + 1}
    assert report["answered"] == len(statements) + 1
    assert report["summary"]["rows"] == len(statements) + 1
    assert report["summary"]["changes"][:2] == ["Newid fel pwy rydych chi'n ateb",
                                                "Newid eich ateb i ddatganiad 1"]
    assert report["downloaded"].startswith("Wedi'i lawrlwytho fel coprod-")
    assert report["copyText"] == download.read_text(encoding="utf-8")
    back = report["afterBack"]
    assert back["lang"] == "en-GB" and back["kept"] == len(statements) + 1
    assert back["changes"][:2] == ["Change who you are answering as",
                                   "Change your answer to statement 1"]
    assert "# coprod answers, from the web questionnaire." in back["file"]

    saved = yaml.safe_load(download.read_text(encoding="utf-8"))
    assert saved["language"] == "cy" and saved["respondent"] == {"role": "carer"}
    assert download.read_text(encoding="utf-8").startswith("# atebion coprod, o'r holiadur gwe.")
    result = run("score", str(download), "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["respondents"] == 1 and data["intake"]["languages"] == {"cy": 1}
    words = ["not-yet", "descriptive", "intermediate", "transformative", "unsure"]
    assert {s["id"]: s["level"] or "unsure" for s in data["statements"]} == \
        {s.id: words[int(c)] for s, c in zip(statements, choices, strict=True)}

    # WCAG 3.1.2: in English nothing is marked Welsh but the switch; in Welsh, what is
    # marked English is only text the framework or core.yaml has no Welsh for.
    english, welsh = report["marked"]["en-GB"], report["marked"]["cy"]
    assert english.get("cy") == ["Cymraeg"] and "en" in english
    assert welsh.get("en") == ["English"] + [text for text in welsh["en"][1:]]
    read = Library.builtin(language="cy")
    known = set(flat(to_data(read.framework(framework)))) | set(flat(to_data(read.catalogue)))
    assert [text for text in welsh["en"][1:] if text not in known] == []
    assert len(welsh["en"]) > (50 if framework == "nef" else 1) and len(welsh["cy"]) > 100


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM}")
@pytest.mark.skipif(not (AUDIT / "node_modules" / "playwright-core").exists()
                    or shutil.which("node") is None,
                    reason="no browser tools: run 'npm ci' in tests/a11y (needs node)")
@pytest.mark.parametrize(("framework", "lang"), [("nef", "en"), ("wales", "cy")])
def test_what_a_reader_sees_in_each_language(run: Run, tmp_path: Path, golden: Any,
                                             framework: str, lang: str) -> None:
    """The page's text as Chromium shows it, every help opened: the English page is what it
    was before Welsh came in, with the Cymraeg button added (tests/golden; review any diff)."""
    from coprod_cli import __version__

    path = tmp_path / "questionnaire.html"
    assert run("form", framework, "-f", "html", "--lang", lang, "-o", str(path)).exit_code == 0
    seen = subprocess.run(["node", "seen.mjs", str(path)], cwd=AUDIT, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "CHROMIUM": CHROMIUM})
    assert seen.returncode == 0, seen.stderr
    golden(f"questionnaire-{framework}-{lang}.txt", seen.stdout.replace(__version__, "VERSION"))
