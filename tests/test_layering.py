"""The core never knows about the command line or the terminal."""

import subprocess
import sys


def test_core_imports_neither_typer_nor_rich() -> None:
    code = (
        "import sys\n"
        "import coprod_cli.models, coprod_cli.answers, coprod_cli.tally, coprod_cli.collective\n"
        "import coprod_cli.reading.loader, coprod_cli.reading.yamlio, coprod_cli.reading.explain\n"
        "import coprod_cli.reading.inputs, coprod_cli.reading.formcsv\n"
        "import coprod_cli.reading.quickread\n"
        "import coprod_cli.files, coprod_cli.answers_file\n"
        "import coprod_cli.scoring, coprod_cli.results, coprod_cli.comparison\n"
        "import coprod_cli.questionnaire\n"
        "from coprod_cli.reading.loader import Library\n"
        "Library.builtin().frameworks()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'typer', 'rich', 'click'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_json_scoring_does_not_load_html_templating() -> None:
    code = (
        "import sys\n"
        "from coprod_cli.report import Format, renderer\n"
        "renderer(Format.json); renderer(Format.text); renderer(Format.markdown)\n"
        "print('jinja2' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
