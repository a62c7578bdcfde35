"""A reference for benchmarks/startup.py: the smallest typer + pydantic + rich program that
does what `coprod score` does in outline (parse options, read YAML, validate, print a table).

It shows what the stack itself costs beyond the bare imports: typer builds a pydantic
TypeAdapter for each option it parses, and defining and using any pydantic model imports
pydantic's field machinery.
"""
from pathlib import Path
from typing import Annotated

import typer
import yaml
from pydantic import BaseModel, ConfigDict
from rich.console import Console
from rich.table import Table


class Statement(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    text: str


class Dimension(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    name: str
    statements: list[Statement]


app = typer.Typer()


@app.command()
def score(file: Path, fmt: Annotated[str, typer.Option("--format")] = "text",
          fail_under: Annotated[str | None, typer.Option()] = None) -> None:
    data = yaml.load(file.read_text(), Loader=yaml.CSafeLoader)
    dims = [Dimension.model_validate({"id": k, "name": k,
                                      "statements": [{"id": k, "text": str(v)}]})
            for k, v in list(data["answers"].items())[:6]]
    table = Table("dimension", "score")
    for d in dims:
        table.add_row(d.name, "2.00")
    Console().print(table)


if __name__ == "__main__":
    app()
