"""One entry point for the GUI and the command line: the document of a
declared kind (catalog.KINDS), ready to render or written to a file."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ...documents import blocks as B
from ...documents import render
from ...errors import UserError
from ..files import check_output_folder
from ..settings import Organisation, load_organisation
from .catalog import kind as declared
from .request import PrintRequest


def document(kind: str, *, id: int | None = None, team: int | None = None, year: int | None = None,
             show_names: bool = False, decision_kind: str = "thanh_lap", area: int | None = None,
             on: dt.date | None = None, org: Organisation | None = None) -> B.Document:
    """The document of *kind* (a key of catalog.KINDS) ready to render. *on*:
    the day a member list or a kiện toàn decision is made for (today by default)."""
    printable = declared(kind)
    missing = printable.missing({"id": id, "team": team, "year": year, "area": area, "on": on})
    if missing:
        raise UserError(missing)
    request = PrintRequest(org=org or load_organisation(), id=id, team=team, year=year, area=area, on=on,
                           show_names=show_names, decision_kind=decision_kind)
    return printable.build(printable.make_data(request))


def print_document(kind: str, output: str | Path, **options) -> Path:
    """Write the document of *kind* to *output* (.pdf or .docx)."""
    render.file_format(output)  # a wrong ending, a missing or unwritable folder: refused before any work
    check_output_folder(output)
    return render.write(document(kind, **options), output)
