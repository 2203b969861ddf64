"""The printed kinds are declared once (services/printing/catalog.py): every
declared kind prints from the demo database through `dvdesktop print`, as PDF
and as Word; the command line, the settings form and the GUI "In…" menus list
exactly the declared kinds."""
from __future__ import annotations

import subprocess
from pathlib import Path
import sys
import unicodedata

import pytest
from docx import Document as read_docx
from tests.documents.pdf_reading import all_text, open_pdf

from dvdesktop import cli
from dvdesktop.services.printing import catalog

HEADERS = ("party", "state")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo commune (a fixed day, so the same data every run) and, for the
    kinds printed from one record, the number of a record to print."""
    from dvdesktop.services.settings import load_organisation
    from dvdesktop.store import close_database, open_database
    from dvdesktop.store.models import MediationCase, Meeting, OutreachSession, SupervisionActivity, Team

    path = str(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    assert cli.main(["demo", "--db", path, "--seed", "3", "--today", "2025-06-30"]) == 0
    open_database(path, create=False)
    try:
        def first(model, *where):
            return model.select().where(model.deleted_at.is_null(), *where).order_by(model.id).first().id

        ids = {"team": first(Team), "meeting": first(Meeting, Meeting.status == "held"),
               "session": first(OutreachSession), "case": first(MediationCase, MediationCase.outcome == "thanh"),
               "area": MediationCase.get_by_id(first(MediationCase)).area_id,
               "supervision": first(SupervisionActivity),
               "commune": load_organisation().commune_short}
    finally:
        close_database()
    return path, ids


def arguments(kind: catalog.PrintableKind, ids: dict) -> list[str]:
    """The command-line options printing *kind* for one record, team or year of the demo."""
    record = {"minutes": "meeting", "attendance-sheet": "meeting", "outreach": "session", "mediation": "case",
              "supervision": "supervision"}
    args = []
    if "id" in kind.needs:
        args += ["--id", str(ids[record[kind.key]])]  # a new kind printed from a record: say which here
    if "team" in kind.needs and "id" not in kind.needs:
        args += ["--team", str(ids["team"])]
    if "year" in kind.needs:
        args += ["--year", "2024"]
    if "area" in kind.required:  # the mediation register: one book per tổ hòa giải
        args += ["--area", str(ids["area"])]
    return args


@pytest.mark.parametrize("ending", [".pdf", ".docx"])
@pytest.mark.parametrize("key", list(catalog.KINDS))
def test_every_declared_kind_prints_from_the_demo_database(demo, key, ending, tmp_path, capsys):
    path, ids = demo
    kind = catalog.KINDS[key]
    out = tmp_path / f"{key}{ending}"
    assert cli.main(["print", key, *arguments(kind, ids), "--db", path, "-o", str(out)]) == 0, capsys.readouterr().err
    assert f"Đã ghi {out}" in capsys.readouterr().out
    if ending == ".pdf":
        assert out.read_bytes().startswith(b"%PDF")
        with open_pdf(out.read_bytes()) as pdf:
            text = all_text(pdf)
    else:
        doc = read_docx(str(out))
        text = "\n".join(p.text for p in doc.paragraphs)
        text += "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert ids["commune"].casefold() in text.casefold()  # the issuing commune, in every document
    assert len(text.split()) > 20
    assert unicodedata.is_normalized("NFC", text)


def test_a_required_option_missing_is_one_vietnamese_line(demo, tmp_path, capsys):
    path, _ids = demo
    for kind in catalog.DECLARED:
        for name in kind.required:
            assert cli.main(["print", kind.key, "--db", path, "-o", str(tmp_path / "x.pdf")]) == 1
            err = capsys.readouterr().err
            assert err.startswith(f"Lỗi: In {kind.noun} cần ") and f"(--{name})" in err
            break


def test_the_command_line_offers_the_declared_kinds_and_options(capsys):
    with pytest.raises(SystemExit):
        cli.main(["print", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    for kind in catalog.DECLARED:
        assert f"{kind.key} ({' '.join(kind.label.split())})" in out
    for name in sorted({n for k in catalog.DECLARED for n in k.needs}):
        assert f"--{name.replace('_', '-')}" in out
    with pytest.raises(SystemExit) as exc:
        cli.main(["print", "no-such-kind", "-o", "x.pdf"])
    assert exc.value.code == 2


def test_the_catalog_and_the_parser_import_nothing_heavy():
    """The parser is built on every start, before the window opens."""
    code = ("import sys; from dvdesktop.cli import build_parser; build_parser();"
            "from dvdesktop.services.printing import catalog;"
            "heavy = [m for m in ('peewee', 'reportlab', 'docx', 'dvdesktop.store', 'dvdesktop.documents') "
            "if m in sys.modules]; print(heavy)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_declarations_are_consistent():
    for kind in catalog.DECLARED:
        assert set(kind.needs) <= set(catalog.OPTIONS), kind.key
        assert set(kind.required) <= set(kind.needs), kind.key
        assert ("id" in kind.needs) == bool(kind.id_of), kind.key
        assert (kind.style_key in catalog.style_settings()) != kind.fixed_style, kind.key
        assert kind.default_style in HEADERS, kind.key
        assert kind.offers, f"{kind.key} is offered nowhere in the GUI"
        for offer in kind.offers:
            assert offer.scope in catalog.SCOPES, (kind.key, offer.scope)
        catalog.load(kind.data), catalog.load(kind.builder)  # the names resolve
    scopes = [o.scope for k in catalog.DECLARED for o in k.offers]
    keys = [(o.scope, o.key) for k in catalog.DECLARED for o in k.offers]
    assert len(keys) == len(set(keys))
    assert set(scopes) == set(catalog.SCOPES)  # no scope without a document


# --- the GUI ---------------------------------------------------------------------


@pytest.mark.usefixtures("vietnamese")
def test_the_settings_form_lists_exactly_the_declared_styles(window, qtbot):
    from dvdesktop.gui.forms.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    assert list(dialog.styles) == list(catalog.style_settings())
    assert {k.style_key for k in catalog.DECLARED if not k.fixed_style} | set(catalog.OTHER_STYLES) == set(dialog.styles)
    for key, combo in dialog.styles.items():
        default = catalog.KINDS[key].default_style if key in catalog.KINDS else catalog.OTHER_STYLES[key][1]
        assert combo.currentData() == default


def test_the_in_menus_list_the_declared_kinds(window):
    section = window.section("areas")
    button = section.print_button
    declared = [o for scope in ("team", "commune") for _k, o in catalog.offers(scope)]
    assert list(button.entries) == [o.key for o in declared]
    assert [e.menu.title() for e in button.entries.values()] == [o.label for o in declared]


def test_each_single_print_button_prints_its_declared_kind(window, scripted, tmp_path):
    """The sections with one document print the kind the catalog offers there."""
    section = window.section("concerns")
    scripted.files = [str(tmp_path / "kien-nghi")]
    section.print_button.pdf_action.trigger()
    kind, offer = catalog.offer("concerns")
    kind_, title, suggested = scripted.shown[-1]
    assert (kind_, title) == ("save_file", "Lưu thành PDF")
    assert Path(suggested).name == f"{offer.file_name or kind.file_name}-{window.current_year()}.pdf"
    assert (tmp_path / "kien-nghi.pdf").read_bytes().startswith(b"%PDF")




def test_a_new_kind_is_one_declaration(window, scripted, tmp_path, monkeypatch, capsys):
    """Declared in a scope already offered (here a meeting's attendance sheet,
    from existing data and builder), a kind is at once a `print` choice, shares
    its header setting, and appears in the section's "In…", where it prints."""
    import datetime as dt

    from tests.gui.helpers import make_team

    from dvdesktop.gui.print_preview import PrintMenuButton
    from dvdesktop.services.meetings import save_meeting

    new = catalog.PrintableKind(
        "meeting-attendance", "Danh sách điểm danh cuộc họp", "danh sách điểm danh",
        "dvdesktop.services.printing.attendance_sheet:for_print", "dvdesktop.documents.forms:attendance_sheet",
        "diem-danh-cuoc-hop", style="minutes", needs=("id",), id_of="cuộc họp", required=("id",),
        offers=(catalog.PrintOffer("meeting-attendance", "meeting", "Danh sách điểm danh cuộc họp"),))
    monkeypatch.setattr(catalog, "DECLARED", (*catalog.DECLARED, new))
    monkeypatch.setitem(catalog.KINDS, new.key, new)
    with pytest.raises(SystemExit):
        cli.main(["print", "--help"])
    assert "meeting-attendance (Danh sách điểm danh cuộc họp)" in " ".join(capsys.readouterr().out.split())

    _area, team = make_team()
    day = dt.date.today()  # in the year the list shows; at midnight, so already held at any hour of the run
    meeting = save_meeting({"team": team.id, "starts_at": dt.datetime(day.year, day.month, day.day, 0, 0)}, [], [], [])
    section = window.section("meetings")  # built after the declaration: its "In…" is a menu now
    button = section.print_button
    assert isinstance(button, PrintMenuButton)
    assert [e.menu.title() for e in button.entries.values()] == ["Biên bản họp", "Danh sách điểm danh cuộc họp"]
    section.reload()
    assert section.select_id(meeting.id)
    scripted.files = [str(tmp_path / "diem-danh")]
    button.entries["meeting-attendance"].pdf_action.trigger()
    assert Path(scripted.shown[-1][2]).name.startswith(f"diem-danh-cuoc-hop-to-dan-van-ban-na-khoang-{day:%Y-%m-%d}")
    with open_pdf((tmp_path / "diem-danh.pdf").read_bytes()) as pdf:
        assert "DANH SÁCH" in all_text(pdf)
