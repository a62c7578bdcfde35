"""The questionnaire's session at a terminal, and its opening dialogue: the file and the framework,
resuming or restarting, who is answering."""

from __future__ import annotations

import dataclasses
import datetime
import re
import shlex
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, cast

from rich.console import Console, RenderableType
from rich.text import Text

from coprod_cli import i18n
from coprod_cli.answers import Answer, Answers
from coprod_cli.cli import screens
from coprod_cli.cli.prompts import (
    choose,
    confirm,
    uninterrupted,
)
from coprod_cli.errors import UsageProblem, did_you_mean, shortened
from coprod_cli.i18n import _
from coprod_cli.models import Framework
from coprod_cli.questionnaire import flow as q
from coprod_cli.questionnaire import resume
from coprod_cli.questionnaire.keeping import Kept
from coprod_cli.reading.loader import Library
from coprod_cli.safetext import visible_line


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
    # How much of each level's description the statement on screen shows (screens.DETAILS).
    detail: screens.Detail = "full"

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
            self.say_whole(_("{path} was changed elsewhere (another questionnaire or an "
                             "editor); kept what changed there too: {ids}.").format(
                                 path=self.path, ids=", ".join(saved.merged)))

    def resume_command(self) -> str:
        parts = ["coprod", "assess"]
        for extra in self.extra:
            parts += ["--framework", str(extra.resolve())]
        parts += ["-o", str(self.path.resolve())] + (["--plain"] if self.plain else [])
        if i18n.chosen() != i18n.ENGLISH:
            parts += ["--lang", i18n.chosen()]
        return " ".join(shlex.quote(part) for part in parts)

    def count(self) -> str:
        return _("{answered} of {total} answered").format(
            answered=q.answered(self.flow, self.given), total=len(self.flow))

    def say(self, *parts: RenderableType) -> None:
        for part in parts:
            self.out.print(part)

    def say_whole(self, text: str, style: str = "") -> None:
        """A line with a path or a command: never broken by coprod, so it copies whole."""
        self.out.print(Text(text, style=style), soft_wrap=True)


def check_role(lib: Library, role: str | None) -> None:
    ids = [r.id for r in lib.catalogue.roles]
    if role is not None and role not in ids:
        raise UsageProblem(
            _("unknown role '{shortened}'{did_you_mean}").format(
                shortened=shortened(role), did_you_mean=did_you_mean(role[:100], ids)
            ),
            _("use one of {join}").format(join=", ".join(ids)),
        )


def start(lib: Library, out: Console, framework_id: str | None, output: Path | None,
           plain: bool) -> tuple[Kept, Answers | None, Framework]:
    """The file and the framework: from the file when it exists, else asked or named."""
    from coprod_cli.reading.outputs import answers_name

    answers_name(output)
    chosen = None
    if output is None or not output.exists():
        chosen = lib.framework(framework_id) if framework_id else _choose_framework(lib, out)
    path = output or resume.default_path(chosen.id if chosen else "")
    if not path.exists() and not path.resolve().parent.is_dir():
        raise UsageProblem(
            _("cannot save answers in {path}: its folder does not exist").format(path=path),
            _("create the folder first, or choose another -o FILE"),
        )
    kept = Kept(path, lib, plain)
    existing = kept.open(framework_id or (chosen.id if chosen else None))
    framework = chosen or lib.framework(existing.framework if existing else "")
    return kept, existing, framework


def _choose_framework(lib: Library, out: Console) -> Framework:
    frameworks = lib.frameworks()
    rows = [(fw.id, _("{name}, {count} statements. {plain}").format(
        name=fw.name, count=len(fw.statements), plain=fw.plain)) for fw in frameworks]
    chosen = choose(out, _("Which framework (set of statements) would you like to answer?"),
                    rows, [fw.id for fw in frameworks],
                    _("Framework (1-{count}): ").format(count=len(rows)))
    return lib.framework(chosen or frameworks[0].id)


def _ask_role(session: Session) -> None:
    roles = session.lib.catalogue.roles
    held = session.answers.respondent.role
    keep = _("press Enter to keep '{role}'").format(role=held) if held else \
        _("press Enter to skip it")
    session.say(Text(""))
    chosen = choose(session.out, _("First, who are you answering as?"),
                    [(role.name, role.plain) for role in roles], [role.id for role in roles],
                    _("Your role (1-{count}, or Enter to skip): ").format(count=len(roles)),
                    skippable=True, note=_(
                        "This is optional: {keep}. Your role is saved with your answers. When "
                        "several people's answers are put together, people with lived "
                        "experience (people who draw on care, and carers) carry half the say "
                        "and everyone else the other half; inside each half, each person "
                        "counts once.").format(keep=keep))
    role = chosen or held
    session.answers = resume.with_role(session.answers, role)
    if role:
        session.say(Text(_("Answering as: {role}.").format(
            role=session.lib.catalogue.role(role).name)))


def _welcome(session: Session, how: resume.Opening) -> None:
    session.say(screens.welcome(session.framework))
    session.say_whole(f"  {session.path.resolve()}")
    if how in ("resume", "complete"):
        start = q.next_unanswered(session.flow, session.given)
        where = _("Carrying on at statement {number}.").format(number=start + 1) \
            if start is not None else _("Every statement is answered already (to answer "
                                         "again from the start, use --restart).")
        session.say(Text(""), Text(_("Resuming: {count}.").format(count=session.count()) + " "
                                   + where, style="bold"))


def _confirm_restart(session: Session, existing: Answers) -> bool:
    """Clear the answers only when the person types yes."""
    session.say(Text(_("{path} already holds {count} answers. --restart clears them "
                       "all.").format(path=session.path, count=resume.held(existing)),
                     style="bold"))
    return confirm(session.out, _("Type yes to clear them and start again, or anything else "
                                  "to keep them: "))


def _keep_comments(session: Session, existing: Answers | None) -> Path | None:
    """coprod cannot keep a person's own comments when it saves: copy the file first, and
    say; the copy, if one was made."""
    if existing is None:
        return None
    theirs = session.kept.comments_not_written(session.framework, existing)
    if not theirs:
        return None
    aside = session.kept.copy_aside("with-comments")
    session.say(Text(""))
    session.say_whole(_("Note: {path} has {count} comment(s) that coprod does not write "
                        "(added by hand, or an older wording; the first: {first}). coprod "
                        "cannot keep them when it saves, so the file as it was is copied "
                        "to {aside} first.").format(
                            path=session.path, count=len(theirs),
                            first=visible_line(theirs[0][:60]), aside=aside), "bold")
    return aside


def _earlier_version(session: Session, aside: Path | None, how: resume.Opening) -> None:
    """A file written for an earlier version of the framework is saved in this version's
    statements: copy it first (unless it was just copied), and say what was carried."""
    carried = session.kept.carried
    if carried is None or how not in ("resume", "complete"):
        return  # a confirmed restart clears the answers whatever version they were
    # The version is a framework file's text: only its letters, digits and . + - name a file
    # (a '/' or a control character would not), and never more than a name can hold.
    tag = re.sub(r"[^\w.+-]", "_", carried.from_version)[:64]
    aside = aside or session.kept.copy_aside(f"version-{tag}")
    number = {step.statement.id: index + 1 for index, step in enumerate(session.flow)}
    split = sorted(number[sid] for change in carried.through_map if len(change.to) > 1
                   for sid in change.to)
    session.say(Text(""))
    session.say_whole(_("Note: {path} was written for version {old} of this framework; this "
                        "questionnaire asks version {new}'s statements, and your answers are "
                        "carried to them. The file as it was is copied to {aside} "
                        "first.").format(path=session.path, old=carried.from_version,
                                         new=session.framework.version, aside=aside), "bold")
    if split:
        session.say(Text(_("Some earlier statements are now split in two, and your answer to "
                           "each stands for both parts: statements {numbers}. If the parts "
                           "differ for you, change those answers (b goes back one statement "
                           "at a time).").format(
                               numbers=", ".join(map(str, split))), style="bold"))


def _opening(session: Session, existing: Answers | None,
             restart: bool) -> resume.Opening | None:
    """What to do with the file; None when a restart was not confirmed."""
    how = resume.opening(session.flow, existing, restart)
    if how != "confirm-restart":
        return how
    return "restart" if existing is not None and _confirm_restart(session, existing) else None


def prepare(session: Session, existing: Answers | None, role: str | None,
             restart: bool) -> bool:
    """Fill the session from the file (or start afresh); False when a restart was refused."""
    how = _opening(session, existing, restart)
    if how is None:
        return False
    session.answers = resume.starting_answers(session.framework, existing, how,
                                              datetime.date.today())
    if i18n.chosen() != i18n.ENGLISH:  # the file says which language it was answered in
        session.answers = dataclasses.replace(session.answers,
                                              language=cast(Any, i18n.chosen()))
    _earlier_version(session, _keep_comments(session, existing), how)
    if how == "restart":
        session.save()  # confirmed: the old answers go now, so the file says what is true
        session.say(Text(_("Cleared. Starting again from the first statement.")))
    _welcome(session, how)
    if role is not None:
        session.answers = resume.with_role(session.answers, role)
    elif resume.asks_role(how, role_given=False):
        _ask_role(session)
    session.save()
    return True
