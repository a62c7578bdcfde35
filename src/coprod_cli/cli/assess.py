"""The interactive questionnaire: one statement at a time, every answer saved at once."""

from __future__ import annotations

import datetime
import shlex
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console, RenderableType
from rich.text import Text

from coprod_cli.answers import Answer, Answers
from coprod_cli.cli import screens
from coprod_cli.cli.common import (
    FrameworkPaths,
    NoColor,
    app,
    console,
    examples,
    guarded,
    library,
)
from coprod_cli.cli.prompts import (
    InputEnded,
    choose,
    confirm,
    hangup_is_interrupt,
    read_line,
    uninterrupted,
)
from coprod_cli.errors import UsageProblem, did_you_mean
from coprod_cli.models import Framework
from coprod_cli.questionnaire import flow as q
from coprod_cli.questionnaire import resume
from coprod_cli.questionnaire.keeping import Kept
from coprod_cli.reading.loader import Library
from coprod_cli.report import Format, View, renderer
from coprod_cli.safetext import visible_line
from coprod_cli.scoring.engine import score
from coprod_cli.tally import Tally


@dataclass
class Session:
    """One respondent's answers being given, and the file they are saved in after each one."""

    lib: Library
    framework: Framework
    kept: Kept
    out: Console
    plain: bool
    extra: list[Path]
    answers: Answers = field(init=False)
    # Evidence typed (with e) before the statement is answered: saved with the answer.
    pending: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.answers = resume.starting_answers(self.framework, None, "new", datetime.date.today())

    @property
    def path(self) -> Path:
        return self.kept.path

    @property
    def given(self) -> dict[str, Answer | None]:
        return self.answers.answers

    @cached_property
    def flow(self) -> tuple[q.Step, ...]:
        return q.steps(self.framework)

    def save(self) -> None:
        """Write every answer so far (a temporary file, then a rename, never half a file),
        taking in what another questionnaire or an editor changed meanwhile."""
        with uninterrupted():
            saved = self.kept.save(self.answers)
        self.answers = saved.answers
        if saved.merged:
            self.say_whole(f"{self.path} was changed elsewhere (another questionnaire or an "
                           f"editor); kept what changed there too: {', '.join(saved.merged)}.")

    def resume_command(self) -> str:
        parts = ["coprod", "assess"]
        for extra in self.extra:
            parts += ["--framework", str(extra.resolve())]
        parts += ["-o", str(self.path.resolve())] + (["--plain"] if self.plain else [])
        return " ".join(shlex.quote(part) for part in parts)

    def count(self) -> str:
        return f"{q.answered(self.flow, self.given)} of {len(self.flow)} answered"

    def say(self, *parts: RenderableType) -> None:
        for part in parts:
            self.out.print(part)

    def say_whole(self, text: str, style: str = "") -> None:
        """A line with a path or a command: never broken by coprod, so it copies whole."""
        self.out.print(Text(text, style=style), soft_wrap=True)


def _reply(session: Session, step: q.Step) -> q.Reply:
    """Ask until the reply is an answer, 'keep', 'back' (when possible) or 'quit'."""
    while True:
        typed = read_line(session.out, screens.PROMPT)
        has_answer = session.given.get(step.statement.id) is not None
        reply = q.parse_reply(typed, session.lib.catalogue, has_answer)
        if reply.kind == "help":
            session.say(screens.help_screen(step, session.lib.catalogue, session.plain))
        elif reply.kind == "evidence":
            _evidence(session, step)
        elif reply.kind == "invalid":
            session.say(Text(reply.problem))
        elif reply.kind == "back" and q.back(step.index) is None:
            session.say(Text("This is the first statement, so there is nothing to go back to."))
        else:
            return reply


def _answer(session: Session, step: q.Step, level: str) -> None:
    evidence = session.pending.pop(step.statement.id, None)
    session.answers = resume.with_answer(session.answers, step.statement.id, level, evidence)
    session.save()
    label = screens.level_label(session.lib.catalogue, level)
    with_evidence = " with your evidence" if evidence else ""
    session.say(Text(f"Saved: {label}{with_evidence}. ({session.count()})"))


def _evidence(session: Session, step: q.Step) -> None:
    """Evidence or a note for this statement: saved at once if it has an answer, else kept
    to be saved with the answer."""
    text = " ".join(read_line(session.out, screens.EVIDENCE_PROMPT).split())
    if not text:
        session.say(Text("No evidence added."))
        return
    current = session.given.get(step.statement.id)
    if current is None:
        session.pending[step.statement.id] = text
        session.say(Text("Noted: it is saved with your answer to this statement."))
        return
    session.answers = resume.with_answer(session.answers, step.statement.id, current.level, text)
    session.save()
    session.say(Text("Evidence saved with your answer. Type Enter to keep the answer, or "
                     "another answer to change it."))


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
        if reply.kind == "level" and reply.level:
            _answer(session, step, reply.level)
        index = q.after(session.flow, session.given, index, reply)
    return True


def _show(session: Session, step: q.Step, shown: str | None) -> str:
    """The part's introduction on entering it, then the statement; returns the part shown."""
    if step.dimension.id != shown:
        session.say(screens.dimension_intro(step))
    current = session.given.get(step.statement.id)
    session.say(screens.statement_screen(step, session.lib.catalogue, session.plain,
                                         current.level if current else None))
    return step.dimension.id


def _finish(session: Session) -> None:
    tally = Tally(session.framework)
    tally.add(session.answers, str(session.path))
    result = score(session.framework, session.lib.catalogue, tally)
    where = session.path.resolve()
    session.say(Text(""), Text(f"All {len(session.flow)} statements answered. Thank you.",
                               style="bold"), Text(""),
                renderer(Format.text).result(result, session.lib.catalogue,
                                             View(plain=session.plain, hint=False)), Text(""))
    again = f"coprod score {shlex.quote(str(where))}" + (" --plain" if session.plain else "")
    session.say_whole(f"Your answers are saved in {where}")
    session.say_whole(f"The full plan: {again} --details")
    session.say_whole(f"A report to print or share: {again} --format html -o coprod-report.html")


def _check_role(lib: Library, role: str | None) -> None:
    ids = [r.id for r in lib.catalogue.roles]
    if role is not None and role not in ids:
        raise UsageProblem(f"unknown role '{role}'{did_you_mean(role, ids)}",
                           f"use one of {', '.join(ids)}")


def _start(lib: Library, out: Console, framework_id: str | None, output: Path | None,
           plain: bool) -> tuple[Kept, Answers | None, Framework]:
    """The file and the framework: from the file when it exists, else asked or named."""
    chosen = None
    if output is None or not output.exists():
        chosen = lib.framework(framework_id) if framework_id else _choose_framework(lib, out)
    path = output or resume.default_path(chosen.id if chosen else "")
    if not path.exists() and not path.resolve().parent.is_dir():
        raise UsageProblem(f"cannot save answers in {path}: its folder does not exist",
                           "create the folder first, or choose another -o FILE")
    kept = Kept(path, lib, plain)
    existing = kept.open(framework_id or (chosen.id if chosen else None))
    framework = chosen or lib.framework(existing.framework if existing else "")
    return kept, existing, framework


def _choose_framework(lib: Library, out: Console) -> Framework:
    frameworks = lib.frameworks()
    rows = [(fw.id, f"{fw.name}, {len(fw.statements)} statements. {fw.plain}")
            for fw in frameworks]
    chosen = choose(out, "Which framework (set of statements) would you like to answer?", rows,
                    [fw.id for fw in frameworks], f"Framework (1-{len(rows)}): ")
    return lib.framework(chosen or frameworks[0].id)


def _ask_role(session: Session) -> None:
    roles = session.lib.catalogue.roles
    held = session.answers.respondent.role
    keep = f"press Enter to keep '{held}'" if held else "press Enter to skip it"
    session.say(Text(""))
    chosen = choose(session.out, "First, who are you answering as?",
                    [(role.name, role.plain) for role in roles], [role.id for role in roles],
                    f"Your role (1-{len(roles)}, or Enter to skip): ", skippable=True,
                    note=f"This is optional: {keep}. Your role is saved with your answers; "
                    "when several people's answers are put together, each role's view counts "
                    "equally.")
    role = chosen or held
    session.answers = resume.with_role(session.answers, role)
    if role:
        session.say(Text(f"Answering as: {session.lib.catalogue.role(role).name}."))


def _welcome(session: Session, how: resume.Opening) -> None:
    session.say(screens.welcome(session.framework))
    session.say_whole(f"  {session.path.resolve()}")
    if how in ("resume", "complete"):
        start = q.next_unanswered(session.flow, session.given)
        where = f" Carrying on at statement {start + 1}." if start is not None else \
            " Every statement is answered already (to answer again from the start, use " \
            "--restart)."
        session.say(Text(""), Text(f"Resuming: {session.count()}.{where}", style="bold"))


def _confirm_restart(session: Session, existing: Answers) -> bool:
    """Clear the answers only when the person types yes."""
    session.say(Text(f"{session.path} already holds {resume.held(existing)} answers. "
                     "--restart clears them all.", style="bold"))
    return confirm(session.out, "Type yes to clear them and start again, or anything else to "
                   "keep them: ")


def _keep_comments(session: Session, existing: Answers | None) -> None:
    """coprod cannot keep a person's own comments when it saves: copy the file first, and say."""
    if existing is None:
        return
    theirs = session.kept.comments_not_written(session.framework, existing)
    if theirs:
        aside = session.kept.copy_aside("with-comments")
        session.say(Text(""))
        session.say_whole(f"Note: {session.path} has {len(theirs)} comment(s) that coprod "
                          f"does not write (added by hand, or an older wording; the first: "
                          f"{visible_line(theirs[0][:60])}). coprod cannot keep them when it "
                          f"saves, so the file as it was is copied to {aside} first.", "bold")


def _opening(session: Session, existing: Answers | None,
             restart: bool) -> resume.Opening | None:
    """What to do with the file; None when a restart was not confirmed."""
    how = resume.opening(session.flow, existing, restart)
    if how != "confirm-restart":
        return how
    return "restart" if existing is not None and _confirm_restart(session, existing) else None


def _prepare(session: Session, existing: Answers | None, role: str | None,
             restart: bool) -> bool:
    """Fill the session from the file (or start afresh); False when a restart was refused."""
    how = _opening(session, existing, restart)
    if how is None:
        return False
    session.answers = resume.starting_answers(session.framework, existing, how,
                                              datetime.date.today())
    _keep_comments(session, existing)
    if how == "restart":
        session.save()  # confirmed: the old answers go now, so the file says what is true
        session.say(Text("Cleared. Starting again from the first statement."))
    _welcome(session, how)
    if role is not None:
        session.answers = resume.with_role(session.answers, role)
    elif resume.asks_role(how, role_given=False):
        _ask_role(session)
    session.save()
    return True


def _stopped(out: Console, session: Session | None, why: str) -> None:
    """Where the answers are and how to carry on; the terminal may be gone, so never fail."""
    try:
        if session is None or not session.path.exists():
            out.print(Text(f"\n{why} No answers were given, so nothing was saved."))
            return
        session.say(Text(""))
        session.say_whole(f"{why} {session.count()}, saved in {session.path.resolve()}", "bold")
        session.say_whole(f"Carry on where you left off with: {session.resume_command()}")
    except OSError:
        pass


@app.command("assess", short_help="Answer the statements one at a time, saved as you go.",
             epilog=examples("coprod assess nef",
                             "coprod assess -o team/amal.yaml --role carer --plain"))
@guarded
def assess_command(
    framework_id: Annotated[str | None, typer.Argument(
        metavar="FRAMEWORK", help="A framework id, e.g. nef or scie (asked when left out, "
        "or taken from an existing answers file).")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE", dir_okay=False,
        help="The answers file: carried on with if it exists (default: "
        "coprod-FRAMEWORK-answers.yaml in this folder).")] = None,
    role: Annotated[str | None, typer.Option(
        "--role", metavar="ROLE", help="Who is answering, e.g. carer or practitioner (asked "
        "when left out; optional).")] = None,
    plain: Annotated[bool, typer.Option("--plain", help="Plain-language wording throughout.")]
    = False,
    restart: Annotated[bool, typer.Option(
        "--restart", help="Clear the answers in an existing file and start again (asks you to "
        "type yes first).")] = False,
    framework: FrameworkPaths = None,
    no_color: NoColor = False,
) -> None:
    """Answer a framework's statements one at a time; every answer is saved at once.

    Type 0-3 (or a level's name) to answer, u unsure, ? help, e evidence or a note, b back,
    q save and stop.
    Run it again on the same file to carry on where you left off.

    Exit codes: 0 finished, or stopped with q; 1 input ended before the last statement, or a
    restart not confirmed; 2 invalid or read-only file, the same answer changed elsewhere
    meanwhile (yours are saved in FILE.mine), or usage; 130 interrupted (Ctrl-C or the
    terminal closed). Every answer given is saved in each case.
    """
    lib = library(framework)
    _check_role(lib, role)
    out = console(no_color)
    session: Session | None = None
    try:
        with hangup_is_interrupt():
            kept, existing, chosen = _start(lib, out, framework_id, output, plain)
            session = Session(lib, chosen, kept, out, plain, list(framework or []))
            if not _prepare(session, existing, role, restart):
                out.print(Text(f"Nothing was cleared: {session.path} is as it was."))
                raise typer.Exit(1)
            if _run(session):
                _finish(session)
            else:
                _stopped(out, session, "Stopped.")
    except InputEnded:
        _stopped(out, session, "Input ended before the last statement.")
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        _stopped(out, session, "Interrupted.")
        raise typer.Exit(130) from None
