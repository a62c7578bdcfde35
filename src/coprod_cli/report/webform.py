"""The web questionnaire: one self-contained, accessible page that writes an answers file, in
English and Welsh with a switch between them (its own words, the framework's and core.yaml's
text in both; the script's messages too)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from typing import Any

from markupsafe import Markup

from coprod_cli import __version__
from coprod_cli.answers import MAX_REASON
from coprod_cli.i18n import N_, REVIEWED
from coprod_cli.models import Catalogue, Framework
from coprod_cli.questionnaire.flow import jargon
from coprod_cli.report.templating import environment
from coprod_cli.report.webwords import LANGUAGES, PAGE_LANG, Said, Words
from coprod_cli.safetext import visible

SCRIPTS = "questionnaire.js"  # includes questionnaire-yaml.js and questionnaire-steps.js
# What the page's script says, by name: given to it in the page in every language.
SCRIPT_WORDS = {
    "progress": N_("{answered} of {total} statements answered"),
    "tooBig": N_("Could not open {name}: it is too big to be an answers file."),
    "otherFramework": N_("it holds answers to '{given}', and this questionnaire is "
                         "'{framework}'"),
    "noFramework": N_("no framework"),
    "notRole": N_("'{role}' is not one of the roles"),
    "opened": N_("Opened {name}: {answered} of {total} statements answered."),
    "notOpened": N_("Could not open {name}: {error}. Nothing was changed."),
    "downloaded": N_("Downloaded as {name}. Your answers are now cleared from this browser: "
                     "the file holds them. They stay on this page until you close it."),
    "copied": N_("Copied. Paste it into an email or a file."),
    "selectCopy": N_("Select the text in the box and copy it."),
    "startAgain": N_("Clear every answer on this page and in this browser, and start again?"),
    "check": N_("Check your answers"),
    "statementTitle": N_("Statement {number} of {total}: {words}"),
    "noAnswer": N_("Statement {number} has no answer: choose a description, or Not sure"),
    "error": N_("Error: {words}"),
    "change": N_("Change"),
    "whoTerm": N_("Who you are answering as"),
    "notSaid": N_("Not said"),
    "whoName": N_("who you are answering as"),
    "statementTerm": N_("Statement {number}: {words}"),
    "notAnswered": N_("Not answered yet"),
    "why": N_("Why: {reason}"),
    "evidence": N_("Evidence: {evidence}"),
    "answerName": N_("your answer to statement {number}"),
    "allDone": N_("You have answered every statement. Thank you."),
    "gaps": N_("{missing} of {total} statements have no answer yet. You can download your "
               "answers as they are: they count as Not sure when scored, and you can open the "
               "file here later to finish."),
    # TRANSLATORS: said when a person switches the page to this language, in this language
    "switched": N_("This page is now in English."),
    "fileTitle": N_("coprod answers, from the web questionnaire."),
    "scoreIt": N_("Score it with: coprod score {name}"),
    "notYet": N_("not answered yet"),
    "line": N_("line {line}: {what}"),
    "badEscape": N_("an escape coprod does not write ({escape})"),
    "brokenEscape": N_("a broken {escape} escape"),
    "unended": N_("a quoted text that does not end on its line"),
    "notWritten": N_("YAML that coprod does not write ({char})"),
    "after": N_("unexpected text after a value"),
    "notKeyValue": N_("not 'key: value'"),
    "flowUnended": N_("a {key: value} that does not end on its line"),
    "notStatement": N_("'{id}' is not a statement of {framework}"),
    "notLevel": N_("'{level}' is not a level (0-3, a level's name, unsure, or does-not-apply)"),
    "tab": N_("a tab where spaces were expected"),
}


TITLE = N_("Co-production questionnaire: {name}")
UNNAMED = N_("Co-production questionnaire")  # a title holds no lang mark: never mixed
WHOEVER = N_("whoever asked you to take part")
UNREVIEWED = N_("This Welsh text has not yet been reviewed by Welsh-speaking co-producers. "
                "Where there is no Welsh yet, the English is shown.")
NO_WELSH = N_("This framework's own text has no Welsh yet: its statements are shown in "
              "English.")


def stem(framework: Framework, service: str | None = None) -> str:
    """The start of every download's name: coprod-<framework>[-<service>]; the page adds the
    role and the day (coprod-nef-riverside-carer-2026-12-04.yaml)."""
    slug = re.sub(r"[^a-z0-9]+", "-", (service or "").lower()).strip("-")[:40].strip("-")
    return "-".join(["coprod", framework.id, *([slug] if slug else [])])


def _named_in(language: str, framework: Framework) -> bool:
    """Whether the framework's name is shown in `language` (else the page's title leaves it
    out, as a report's does, rather than mix two languages unmarked)."""
    return framework.shown == language and not (
        framework.language != language and framework.name in framework.untranslated)


def page(read: dict[str, tuple[Framework, Catalogue]], opening: str = "en",
         plain: bool = False, service: str | None = None, send_to: str | None = None) -> str:
    """The questionnaire for a framework, `read` in each of the page's languages (English and
    Welsh), opening in `opening`: every statement a radio group named by its id.

    With `plain`, it opens in plain words (the person can switch back). `service` names the
    service assessed (on the page, in the file and its name); `send_to` says where the file
    goes. Both are shown as text, escaped; control characters and the marks that reorder text
    (a framework's, a service's) show as their escapes, as on a result's page.
    """
    framework, catalogue = read["en"]
    words = Words({language: read[language] for language in LANGUAGES})
    ids = [s.id for s in framework.statements]
    titles = {language: (words.text(language, TITLE, name=read[language][0].name)
                         if _named_in(language, read[language][0])
                         else words.text(language, UNNAMED))
              + (f" ({service})" if service else "") for language in LANGUAGES}
    data = {"framework": framework.id, "statements": ids, "stem": stem(framework, service),
            "language": opening, "plain": plain, "service": service, "title": titles,
            "roles": [role.id for role in catalogue.roles],
            "levels": [{"id": level.id, "names": sorted({
                str(read[language][1].level(level.id).name) for language in LANGUAGES})}
                for level in catalogue.levels],
            "words": {language: {key: words.gettext[language](message)
                                 for key, message in SCRIPT_WORDS.items()}
                      for language in LANGUAGES}}
    templates = environment()  # not report/html's: the page needs none of its helpers
    script = templates.get_template(SCRIPTS).render()
    terms = {id(entry): index for index, entry in enumerate(catalogue.glossary)}
    who = Markup('<strong class="send-to">{}</strong>').format(send_to) if send_to \
        else words(WHOEVER)
    return visible(templates.get_template("questionnaire.html.j2").render(
        _=words, t=Said(words), fw=framework, levels=catalogue.levels, roles=catalogue.roles,
        total=len(ids), data=embedded(data), version=__version__, service=service,
        send_to=send_to, max_reason=MAX_REASON, script=script, script_hash=script_hash(script),
        page_lang=PAGE_LANG[opening], title=titles[opening], notes=notes(words, read),
        strong=lambda text: Markup("<strong>{}</strong>").format(text),
        who=who, who_print=Markup("<strong>{}</strong>").format(send_to) if send_to else who,
        file_name=Markup('<code id="file-name">{}-ROLE-DATE.yaml</code>').format(
            stem(framework, service)),
        jargon=lambda statement: [terms[id(entry)] for entry in jargon(
            statement, catalogue.glossary, [level.name for level in catalogue.levels])]))


def notes(words: Words, read: dict[str, tuple[Framework, Catalogue]]) -> list[Markup]:
    """What the Welsh page says of its Welsh: not yet reviewed (while coprod's own words or
    the framework's are not), and, for a framework with no Welsh, that its text is English."""
    framework = read["cy"][0]
    said = []
    if words.gettext["cy"](REVIEWED) != "yes" or framework.unreviewed is not None:
        said.append(words.one("cy", UNREVIEWED))
    if framework.shown != "cy":
        said.append(words.one("cy", NO_WELSH))
    return said


def embedded(data: dict[str, Any]) -> str:
    """Data for the page's script, as JSON inside <script>: '<' and '&' are written as
    escapes, so no text (a framework's, a service's) can close the element or act as markup."""
    return json.dumps(data).replace("<", "\\u003c").replace("&", "\\u0026")


def script_hash(script: str) -> str:
    """The page's Content-Security-Policy runs this script alone, named by its SHA-256: no
    other script, inline or fetched, can run in the page."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")
