"""The `assess` command: the questionnaire's loop at a terminal, one statement at a time with every
answer saved at once, and its endings (finished, stopped, input ended, interrupted)."""

# Annotations are objects here, not text (no `from __future__ import annotations`): typer
# reads the command's, and evaluating them from text costs time at every start.

import shlex
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from coprod_cli import i18n
from coprod_cli.answers import DOES_NOT_APPLY, MAX_REASON
from coprod_cli.cli import screens
from coprod_cli.cli.common import (
    FrameworkPaths,
    NoColor,
    app,
    console,
    examples,
    guarded,
    library,
    standard,
)
from coprod_cli.cli.language import Lang
from coprod_cli.cli.prompts import (
    InputEnded,
    hangup_is_interrupt,
    read_line,
)
from coprod_cli.cli.session import Session, check_role, prepare, start
from coprod_cli.i18n import N_, _
from coprod_cli.questionnaire import flow as q
from coprod_cli.questionnaire import resume
from coprod_cli.report import Format, View, phrases, renderer
from coprod_cli.scoring.engine import score
from coprod_cli.tally import Tally


def _reply(session: Session, step: q.Step) -> q.Reply:
    """Ask until the reply is an answer, 'keep', 'back' (when possible) or 'quit'."""
    while True:
        session.say(screens.key(session.lib.catalogue))
        typed = read_line(session.out, screens.prompt(session.out))
        has_answer = session.given.get(step.statement.id) is not None
        reply = q.parse_reply(typed, session.lib.catalogue, has_answer)
        if reply.kind == "help":
            session.say(screens.help_screen(step, session.lib.catalogue, session.plain,
                                            session.detail))
        elif reply.kind == "evidence":
            _evidence(session, step)
        elif reply.kind == "invalid":
            session.say(Text(reply.problem))
        elif reply.kind == "back" and q.back(step.index) is None:
            session.say(Text(_("This is the first statement, so there is nothing to go back "
                               "to.")))
        else:
            return reply


def _answer(session: Session, step: q.Step, level: str) -> None:
    evidence = session.pending.pop(step.statement.id, None)
    session.answers = resume.with_answer(session.answers, step.statement.id, level, evidence)
    session.save()
    label = screens.level_label(session.lib.catalogue, level)
    said = _("Saved: {answer} with your evidence. ({count})") if evidence else \
        _("Saved: {answer}. ({count})")
    session.say(Text(said.format(answer=label, count=session.count())))


def _reason(session: Session, step: q.Step) -> None:
    """Why it does not apply, optional and short; the answer is saved already, the reason
    is saved with it the same way."""
    while True:
        text = " ".join(read_line(session.out, _(screens.REASON_PROMPT)).split())
        if len(text) <= MAX_REASON:
            break
        session.say(Text(_("That is {count} characters; a reason keeps to {most}. Type a "
                           "shorter one (evidence, with e, can be longer), or Enter for none.")
                         .format(count=len(text), most=MAX_REASON)))
    if not text:
        current = session.given.get(step.statement.id)
        session.say(Text(_("Your reason from before is kept.") if current and current.reason
                         else _("No reason added.")))
        return
    session.answers = resume.with_answer(session.answers, step.statement.id, DOES_NOT_APPLY,
                                         reason=text)
    session.save()
    session.say(Text(_("Reason saved with your answer.")))


def _evidence(session: Session, step: q.Step) -> None:
    """Evidence or a note for this statement: saved at once if it has an answer, else kept
    to be saved with the answer."""
    text = " ".join(read_line(session.out, _(screens.EVIDENCE_PROMPT)).split())
    if not text:
        session.say(Text(_("No evidence added.")))
        return
    current = session.given.get(step.statement.id)
    if current is None:
        session.pending[step.statement.id] = text
        session.say(Text(_("Noted: it is saved with your answer to this statement.")))
        return
    session.answers = resume.with_answer(session.answers, step.statement.id, current.level, text)
    session.save()
    session.say(Text(_("Evidence saved with your answer. Type Enter to keep the answer, or "
                       "another answer to change it.")))


def _run(session: Session) -> bool:
    """Ask every unanswered statement; False when the respondent stops early with q."""
    index = q.next_unanswered(session.flow, session.given)
    shown: str | None = None
    while index is not None:
        step = session.flow[index]
        shown = _show(session, step, shown)
        reply = _reply(session, step)
        if reply.kind == "quit":
            return False
        reviewing = session.given.get(step.statement.id) is not None
        if reply.kind == "level" and reply.level:
            _answer(session, step, reply.level)
            if reply.level == DOES_NOT_APPLY:
                _reason(session, step)
        index = q.after(session.flow, session.given, index, reply, reviewing)
    return True


def _show(session: Session, step: q.Step, shown: str | None) -> str:
    """The part's introduction on entering it, then the statement; returns the part shown."""
    if step.dimension.id != shown:
        session.say(screens.dimension_intro(step))
    current = session.given.get(step.statement.id)
    for detail in screens.DETAILS:  # as much of each level's description as the screen holds
        screen = screens.statement_screen(step, session.lib.catalogue, session.plain,
                                          current.level if current else None, detail)
        session.detail = detail
        if screens.fits(session.out, screen, screens.key(session.lib.catalogue),
                        Text(screens.prompt(session.out))):
            break
    session.say(screen)
    return step.dimension.id


def _finish(session: Session) -> None:
    tally = Tally(session.framework)
    tally.add(session.answers, str(session.path))
    result = score(session.framework, session.lib.catalogue, tally)
    where = session.path.resolve()
    session.say(Text(""), Text(_("All {count} statements answered. Thank you.").format(
        count=len(session.flow)), style="bold"), Text(""),
                renderer(Format.text).result(result, session.lib.catalogue,
                                             View(plain=session.plain, hint=False)), Text(""))
    again = f"coprod score {shlex.quote(str(where))}" + (" --plain" if session.plain else "")
    if i18n.chosen() != i18n.ENGLISH:
        again += f" --lang {i18n.chosen()}"
    session.say_whole(_("Your answers are saved in {path}").format(path=where))
    session.say_whole(_("The full plan: {command}").format(command=again + " --details"))
    session.say_whole(_("A report to print or share: {command}").format(
        command=again + " --format html -o coprod-report.html"))
    level = phrases.level_phrase(session.lib.catalogue, result.level, phrases.no_level_why(result))
    scored = phrases.score_phrase(result.score)
    session.say(Text(""), Text(_("Overall level: {level}, score {score}.").format(
        level=level, score=scored) + f" {phrases.held_down(result)}", style="bold"))


def _stopped(out: Console, session: Session | None, why: str) -> None:
    """Where the answers are and how to carry on; the terminal may be gone, so never fail."""
    try:
        if session is None or not session.path.exists():
            out.print(Text("\n" + why + " " + _("No answers were given, so nothing was saved.")))
            return
        session.say(Text(""))
        session.say_whole(why + " " + _("{count}, saved in {path}").format(
            count=session.count(), path=session.path.resolve()), "bold")
        session.say_whole(_("Carry on where you left off with: {command}").format(
            command=session.resume_command()))
    except OSError:
        pass


@app.command("assess",
             help=N_("Answer a framework's statements one at a time; every answer is saved at "
                     "once.\n\nType 0-3 (or a level's name) to answer, u unsure, n does not "
                     "apply to your service (then\na short reason if you like), ? help, e "
                     "evidence or a note, b back, q save and stop.\nRun it again on the same "
                     "file to carry on where you left off.\n\nExit codes: 0 finished, stopped "
                     "with q, or a restart not confirmed (nothing cleared);\n2 invalid or "
                     "read-only file, the same answer changed elsewhere meanwhile (yours are "
                     "saved\nin FILE.mine), or usage; 130 interrupted (Ctrl-C, the terminal "
                     "closed, or the input ended\nbefore the last statement). Every answer "
                     "given is saved in each case."),
             epilog=examples("coprod assess nef",
                             "coprod assess -o team/amal.yaml --role carer --plain"))
@guarded
def assess_command(
    framework_id: Annotated[str | None, typer.Argument(
        metavar="FRAMEWORK", help=N_("A framework id, e.g. nef or scie (asked when left out, "
        "or taken from an existing answers file)."))] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE", dir_okay=False,
        help=N_("The answers file, named .yaml: carried on with if it exists (default: "
        "coprod-FRAMEWORK-answers.yaml in this folder)."))] = None,
    role: Annotated[str | None, typer.Option(
        "--role", metavar="ROLE", help=N_("Who is answering, e.g. carer or practitioner (asked "
        "when left out; optional)."))] = None,
    plain: Annotated[bool, typer.Option("--plain", help=N_("Plain-language wording throughout."))]
    = False,
    restart: Annotated[bool, typer.Option(
        "--restart", help=N_("Clear the answers in an existing file and start again (asks you to "
        "type yes first)."))] = False,
    framework: FrameworkPaths = None,
    lang: Lang = None,
    no_color: NoColor = False,
) -> None:
    standard("input", _("the questionnaire cannot read your answers"),
             _("run it at a terminal, or pipe the answers in"))
    standard("output", _("the questionnaire cannot show the statements"),
             _("run it at a terminal"))
    lib = library(framework, lang)
    check_role(lib, role)
    out = console(no_color)
    session: Session | None = None
    try:
        with hangup_is_interrupt():
            kept, existing, chosen = start(lib, out, framework_id, output, plain)
            session = Session(lib, chosen, kept, out, plain, list(framework or []))
            if not prepare(session, existing, role, restart):
                out.print(Text(_("Nothing was cleared: {path} is as it was.").format(
                    path=session.path)))
                raise typer.Exit(0)
            if _run(session):
                _finish(session)
            else:
                _stopped(out, session, _("Stopped."))
    except InputEnded:
        _stopped(out, session, _("Input ended before the last statement."))
        raise typer.Exit(130) from None  # cut short, as by a closed terminal; 1 is a gate
    except KeyboardInterrupt:
        _stopped(out, session, _("Interrupted."))
        raise typer.Exit(130) from None
