"""A form outline as a Google Apps Script that creates the Google Form, with the exact titles
and choices coprod reads back from the form's export.

Everything from the framework reaches the script only as one JSON literal, written so that
no text can end it early or run: quotes and backslashes escaped by JSON, every character
outside ASCII (U+2028 and U+2029, line ends to JavaScript, among them) and `<`, `>`, `&`
written as \\u escapes. The script's code is fixed text; no framework text is in a comment.
"""

from __future__ import annotations

import json
from typing import Any

from coprod_cli import credits
from coprod_cli.i18n import N_, _
from coprod_cli.questionnaire.formoutline import Outline, evidence_title, reason_title
from coprod_cli.safetext import visible_line

HOW = N_("""\
// Creates a Google Form for a co-production self-assessment, made by coprod.
// 1. Open https://script.google.com and choose New project.
// 2. Replace everything in the editor with this file, save, and press Run (allow it to
//    create a form in your Google Drive when asked).
// 3. The log shows the form's edit link and the link to send to respondents.
// Keep every title and choice as it is: coprod finds each statement by the id at the start
// of its title. Export the answers with Responses > Download responses (.csv) and run:
//   coprod score FILE.csv
""")
# What the script's log says, quoted in CODE as written here.
LOGGED = (N_("Edit the form: "), N_("Send this link to respondents: "))

CODE = """
function createCoprodForm() {
  var form = FormApp.create(FORM.title);
  form.setDescription(FORM.description);
  form.setCollectEmail(false);
  form.setProgressBar(true);
  form.addMultipleChoiceItem()
      .setTitle(FORM.role.title)
      .setChoiceValues(FORM.role.choices)
      .setRequired(false);
  FORM.parts.forEach(function (part) {
    form.addPageBreakItem().setTitle(part.name).setHelpText(part.intro);
    part.questions.forEach(function (question) {
      form.addMultipleChoiceItem()
          .setTitle(question.title)
          .setHelpText(question.help)
          .setChoiceValues(question.choices)
          .setRequired(true);
      form.addParagraphTextItem()
          .setTitle(question.reason)
          .setRequired(false);
      form.addParagraphTextItem()
          .setTitle(question.evidence)
          .setRequired(false);
    });
  });
  Logger.log('Edit the form: ' + form.getEditUrl());
  Logger.log('Send this link to respondents: ' + form.getPublishedUrl());
}
"""


def script(outline: Outline) -> str:
    """The whole script: how to run it, the form as data, and the fixed code that builds it.
    Control characters in the framework's text are shown as escapes, as in every output."""
    return f"{_(HOW)}\nvar FORM = {js_literal(_visible(_form(outline)))};\n{_code()}"


def _code() -> str:
    """CODE with its log lines in the reader's language (as JSON literals, never pasted)."""
    code = CODE
    for logged in LOGGED:
        if _(logged) != logged:
            code = code.replace(f"'{logged}'", js_literal(_(logged)))
    return code


def _visible(value: Any) -> Any:
    if isinstance(value, str):
        return visible_line(value)
    if isinstance(value, list):
        return [_visible(item) for item in value]
    return {key: _visible(item) for key, item in value.items()}


def js_literal(value: Any) -> str:
    """A JSON value as a JavaScript literal that no text inside can break out of."""
    text = json.dumps(value, ensure_ascii=True, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _form(outline: Outline) -> dict[str, Any]:
    framework = outline.framework
    return {
        "title": _("Co-production self-assessment: {name}").format(name=framework.name),
        "description": _("{name} ({id} {version}). Choose the description that fits best for "
                         "each statement, or Don't know, or Does not apply (to your service: "
                         "say why in its reason box if you like). Evidence is optional.").format(
            name=framework.name, id=framework.id, version=framework.version) + "\n\n"
            + "\n".join(credits.form_lines(framework)),
        "role": {"title": outline.role.title, "choices": list(outline.role.choices)},
        "parts": [{"name": part.name, "intro": part.intro, "questions": [
            {"title": question.title, "help": question.help or "",
             "choices": list(question.choices), "reason": reason_title(statement.id),
             "evidence": evidence_title(statement.id)}
            for statement, question in zip(dimension.statements, part.questions, strict=True)]}
            for dimension, part in zip(framework.dimensions, outline.parts, strict=True)],
    }
