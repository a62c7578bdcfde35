"""`score --lang cy`: every word of score's reports that is coprod's own comes from the
catalogue, so no English phrase of the report is left in a Welsh report, in any format.

The check: each message the report's modules mark is split at its placeholders; each English
piece of it that an English report shows must not be in the same report in Welsh. Pieces that
the frameworks, core.yaml or the example answers also hold are left out (their English is
data: a statement without Welsh yet, a recommendation, someone's evidence)."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.cli.test_together import _agreed
from tests.conftest import EXAMPLES, ROOT, Run

babel = pytest.importorskip("babel")
from babel.messages.extract import extract_from_dir  # noqa: E402

SOURCE = ROOT / "src" / "coprod_cli"
# The modules and templates whose words score's reports (and assess's summary) show.
REPORT_FILES = (
    "credits.py", "report/phrases.py", "report/text.py", "report/textparts.py",
    "report/markdown.py", "report/html.py", "report/routewords.py", "report/lenswords.py",
    "report/applywords.py", "report/voices.py", "report/glossarywords.py",
    "report/comparison_text.py",
    "report/comparison_markdown.py",
    "report/together.py", "report/several.py", "scoring/collective.py", "scoring/findings.py",
    "scoring/engine.py", "scoring/applies.py", "scoring/through.py", "scoring/sharing.py",
    "tally.py", "coproduced.py", "voices.py",
    "report/templates/page.html.j2", "report/templates/result.html.j2",
    "report/templates/sections.html.j2", "report/templates/parts.html.j2",
)
AUTUMN = str(EXAMPLES / "collective-autumn-2026")
SPRING = EXAMPLES / "collective-spring-2026"
PLACEHOLDER = re.compile(r"\{\w*\}")


def report_messages() -> set[str]:
    """Every message (singular and plural) the report's modules and templates mark."""
    methods = [("**.py", "python"), ("report/templates/**.j2", "jinja2")]
    found = extract_from_dir(str(SOURCE), methods,
                             keywords={"_": None, "N_": None, "ngettext": (1, 2)})
    messages: set[str] = set()
    for filename, _line, message, _comments, _context in found:
        if filename.replace("\\", "/") in REPORT_FILES:
            messages |= {message} if isinstance(message, str) else set(message)
    return messages


def data_text() -> str:
    """The English that is data, not coprod's own words."""
    files = [*(ROOT / "frameworks").rglob("*.yaml"), *EXAMPLES.rglob("*.yaml")]
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


def pieces() -> set[str]:
    """The English pieces to look for: two words or more, or one word of five letters or more,
    never a piece the data holds too."""
    data = data_text()
    found = set()
    for message in report_messages():
        for piece in PLACEHOLDER.split(message):
            piece = piece.strip(" ,.;:()'\"*|>-#\n")
            words = piece.split()
            if (len(words) >= 2 or len(piece) >= 5) and re.search("[a-z]{2}", piece) \
                    and piece not in data:
                found.add(piece)
    return found


def shown(path: Path) -> str:
    """A report's words as a reader meets them: HTML without its tags, its entities read."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        text = re.sub(r"<style>.*?</style>", " ", text, flags=re.S)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return " ".join(text.split())


def _in(piece: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(piece)}(?![\w-])", text) is not None


CASES = {
    "collective-details": [AUTUMN, "--details"],
    "through-with-gate": [AUTUMN, "--through", "nef,scie", "--details", "--fail-under",
                          "intermediate"],
    "what-if-plain": [str(EXAMPLES / "nef-descriptive.yaml"), "--what-if",
                      "assets-1=transformative", "--fail-under", "descriptive", "--plain",
                      "--details"],
    "staff-alone": [str(SPRING / "manager-01.yaml"), str(SPRING / "practitioner-01.yaml"),
                    "--details"],
    "wales": [str(EXAMPLES / "wales-descriptive.yaml"), "--details"],
    "private": [AUTUMN, "--private"],
}
FORMATS = {"text": ".txt", "markdown": ".md", "html": ".html"}


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_no_english_report_words_are_left_in_a_welsh_report(run: Run, tmp_path: Path,
                                                            fmt: str) -> None:
    look_for = pieces()
    agreed = _agreed(run, tmp_path)
    cases = {**CASES, "agreed": [AUTUMN, "--agreed", str(agreed), "--details"]}
    checked: set[str] = set()
    for name, args in cases.items():
        english, welsh = (tmp_path / f"{name}-{lang}{FORMATS[fmt]}" for lang in ("en", "cy"))
        for lang, out in (("en", english), ("cy", welsh)):
            done = run("score", *args, "-f", fmt, "--lang", lang, "-o", str(out), "--force")
            assert done.exit_code in (0, 1), done.stderr
        seen = [piece for piece in look_for if _in(piece, shown(english))]
        left = [piece for piece in seen if _in(piece, shown(welsh))]
        assert not left, f"{name}: English left in the Welsh report: {left}"
        checked |= set(seen)
    assert len(checked) >= 40  # the cases between them show most of the report's words


def test_the_welsh_collective_result_fits_one_screen_of_42_lines_at_80_columns(
        run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """As the English one does (test_text): Welsh is longer, so its words were chosen to fit."""
    monkeypatch.setenv("COLUMNS", "80")
    out = run("score", AUTUMN, "--lang", "cy").stdout
    lines = out.rstrip("\n").split("\n")
    # The example was written for nef 2.0.0: the note on the migration map is left out of the
    # count, as in English.
    start = next(i for i, line in enumerate(lines) if "ffeil atebion ar gyfer nef" in line)
    end = next(i for i in range(start + 1, len(lines))
               if not lines[i].strip() or lines[i].startswith("Rhybudd"))
    # 43, as in English: a shared result's counts of answers are ranges ('12 i 14').
    assert len(lines) - (end - start) <= 43, out
    assert max(len(line) for line in lines) <= 80
    assert lines[-1] == ("thinklocalactpersonal.org.uk/Latest/"
                         "Co-production-The-ladder-of-co-production/")
    for part in ("Lefel gyffredinol: DISGRIFIADOL", "Mae Networks yma; mae'r lleill yn uwch",
                 "Nid yw'r testun Cymraeg hwn wedi'i adolygu eto", "Y llwybr cyflymaf at",
                 "--details"):
        assert part in out


def test_english_framework_text_in_a_welsh_page_is_marked_as_english(run: Run) -> None:
    """WCAG 3.1.2: nef has no Welsh, so its names and statements in a Welsh report (score and
    compare) are each marked lang="en"; an English page marks nothing."""
    details = run("score", AUTUMN, "-f", "html", "--details", "--lang", "cy").stdout
    marked = set(re.findall(r'<span lang="en">([^<]*)</span>', details))
    assert {"Assets", "Capacity", "Networks", "Mutuality", "Catalysts", "Shared roles"} <= marked
    statements = re.findall(r'<li><p><strong><span lang="en">([^<]*)</span>', details)
    assert statements and all(html.unescape(text) in {html.unescape(m) for m in marked}
                              for text in statements)
    assert not re.search(r'<th scope="row">(?!<span lang="en">)(Assets|Capacity)', details)
    before, after = (str(EXAMPLES / name) for name in ("nef-descriptive.yaml",
                                                      "nef-intermediate.yaml"))
    compared = run("compare", before, after, "-f", "html", "--lang", "cy").stdout
    assert '<th scope="row"><span lang="en">Assets</span></th>' in compared
    assert re.search(r'<h1>[^<]+<span lang="en">NEF&#39;s six elements', compared)
    for page in (details, compared):  # the framework's credit in the footer's Welsh sentence
        assert re.search(r'coprod [^<]+<span lang="en">Adapted in coprod&#39;s own words', page)
    english = run("score", AUTUMN, "-f", "html", "--details").stdout
    assert '<span lang="en">' not in english


@pytest.mark.parametrize("command", ["trend", "compare"])
def test_a_welsh_page_says_once_that_its_welsh_is_not_yet_reviewed(run: Run,
                                                                   command: str) -> None:
    """The trend and comparison pages carry the notice at the top; the footer does not say it
    again (it did: twice on one page)."""
    rounds = sorted(str(p) for p in (EXAMPLES / "trend").iterdir()) if command == "trend" \
        else [str(EXAMPLES / "nef-descriptive.yaml"), str(EXAMPLES / "nef-intermediate.yaml")]
    page = run(command, *rounds, "-f", "html", "--lang", "cy").stdout
    notice = re.findall(r'<p class="note" lang="cy">([^<]+)</p>', page)
    assert len(notice) == 1 and page.count(notice[0]) == 1
    assert "lang=\"cy\"" not in run(command, *rounds, "-f", "html").stdout


def test_english_framework_text_in_welsh_trend_workshop_and_feedback_pages_is_marked(
        run: Run) -> None:
    """WCAG 3.1.2 on the other pages: nef has no Welsh, so in Welsh its name, areas,
    statements and levels' words are marked lang="en" (set inside a Welsh sentence too); the
    English pages mark nothing."""
    rounds = sorted(str(p) for p in (EXAMPLES / "trend").iterdir())
    pages = {"trend": [*rounds], "workshop": [AUTUMN], "feedback": [AUTUMN]}
    marked = {}
    for command, given in pages.items():
        page = run(command, *given, "-f", "html", "--lang", "cy").stdout
        marked[command] = page
        assert '<span lang="en">' not in run(command, *given, "-f", "html").stdout
    assert '<th scope="row"><span lang="en">Assets</span></th>' in marked["trend"]
    assert re.search(r'<h1>[^<]+<span lang="en">NEF&#39;s six elements', marked["trend"])
    workshop = marked["workshop"]
    assert re.search(r'<h2 id="card-[\w-]+">[^<]+<span lang="en">[^<]+</span></h2>', workshop)
    assert re.search(r'<p class="note">[^<]+<span lang="en">[^<]+</span></p>', workshop)
    assert not re.search(r"<dd>(?!<span lang=\"en\">)", workshop)
    assert re.search(r'<li>[^<]+<span lang="en">Assets</span>', marked["feedback"])
    assert re.search(r'<li><span lang="en">[^<]+</span> <span lang="en">', marked["feedback"])


class _Unmarked(HTMLParser):
    """A page's text outside any element marked lang="en", and its <title>s and <desc>s."""

    VOID = frozenset({"meta", "br", "img", "input", "link", "hr", "path", "circle", "line",
                      "polygon", "rect", "use"})

    def __init__(self) -> None:
        super().__init__()
        self.open: list[tuple[str, bool]] = []
        self.body: list[str] = []
        self.titles: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.open.append((tag, dict(attrs).get("lang") == "en"))

    def handle_endtag(self, tag: str) -> None:
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        tags = [tag for tag, _ in self.open]
        if "title" in tags or "desc" in tags:
            self.titles.append(data)
        elif "style" not in tags and not any(english for _, english in self.open):
            self.body.append(data)


NEF_NAMES = ("NEF's six elements of co-production", "Assets", "Capacity", "Mutuality",
             "Networks", "Shared roles", "Catalysts")


@pytest.mark.parametrize("command", [
    ("score", AUTUMN), ("score", AUTUMN, "--details", "--plain"),
    ("compare", str(SPRING), AUTUMN), ("workshop", AUTUMN), ("feedback", AUTUMN),
    ("trend", *sorted(str(p) for p in (EXAMPLES / "trend").iterdir()))],
    ids=["score", "score-details-plain", "compare", "workshop", "feedback", "trend"])
def test_english_names_inside_welsh_sentences_are_marked_and_titles_never_mix(
        run: Run, command: tuple[str, ...]) -> None:
    """WCAG 3.1.2 for the sentences coprod builds (the plain headline, what holds the level
    down, the route, a trend's changes): each English name of nef (no Welsh) inside Welsh
    words is marked lang="en". A page's <title> and a chart's <title> and <desc> hold no
    markup, so they leave the English names out rather than mix them in unmarked."""
    page = _Unmarked()
    page.feed(run(*command, "-f", "html", "--lang", "cy").stdout)
    body, titles = " ".join(page.body), " ".join(page.titles)
    assert page.titles and len(body) > 500
    for name in NEF_NAMES:
        pattern = rf"(?<!\w){re.escape(name)}(?!\w)"
        assert not re.search(pattern, body), f"{name} unmarked in a Welsh sentence"
        assert not re.search(pattern, titles), f"{name} in a Welsh title or chart text"


@pytest.mark.parametrize("command", [
    ("score", str(EXAMPLES / "wales-descriptive.yaml")), ("score", AUTUMN),
    ("trend", *sorted(str(p) for p in (EXAMPLES / "trend").iterdir()))],
    ids=["wales", "nef", "trend"])
def test_the_sources_in_a_welsh_footer_are_marked_as_english(run: Run,
                                                             command: tuple[str, ...]) -> None:
    """WCAG 3.1.2: a source's title and author, from core.yaml or a framework that has
    Welsh (wales), are the work's own English words, so a Welsh page marks each lang="en";
    an English page marks none of them (its footer byte for byte as before: the goldens)."""
    sources = re.compile(r'<ul class="sources">(.*?)</ul>', re.S)
    welsh = sources.findall(run(*command, "-f", "html", "--lang", "cy").stdout)
    works = re.findall(r"<li>(.*?), <cite>(.*?)</cite>", welsh[0])
    assert len(welsh) == 1 and len(works) >= 4
    for author, title in works:
        assert author.startswith('<span lang="en">') and author.endswith("</span>"), author
        assert title.startswith('<span lang="en">') and title.endswith("</span>"), title
    english = sources.findall(run(*command, "-f", "html").stdout)
    assert len(english) == 1 and "lang=" not in english[0]


def test_the_framework_list_is_titled_in_the_readers_language(run: Run) -> None:
    """`coprod frameworks --lang cy` titles its table and headings in Welsh; the ids and
    names it lists stay as they are (English stays byte for byte: the goldens)."""
    text = run("frameworks", "--lang", "cy").stdout
    markdown = run("frameworks", "--lang", "cy", "-f", "markdown").stdout
    assert "Co-production frameworks" not in text + markdown
    assert text.startswith("Fframweithiau cydgynhyrchu")
    assert markdown.startswith("# Fframweithiau cydgynhyrchu\n\n| id | enw | fersiwn |")
    assert "nef" in text and "Gweld un gyda: coprod show ID" in text
    english = run("frameworks").stdout
    assert english.startswith("Co-production frameworks") and "See one with" in english
