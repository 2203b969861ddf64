"""The Designer files in ui/ and what is made of them: the generated modules
are up to date, their strings are in the catalog (Vietnamese for every one),
and the stylesheet names its colours from gui/palette.py only."""
from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "ui"


def _tool():
    spec = importlib.util.spec_from_file_location("build_ui", ROOT / "scripts" / "build_ui.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_modules_match_the_ui_files():
    """An edited .ui (or .qss) without `uv run python scripts/build_ui.py` fails here."""
    assert _tool().stale() == [], "run: uv run python scripts/build_ui.py"


def test_a_stale_module_is_noticed(tmp_path, monkeypatch):
    tool = _tool()
    ui = UI / "person_form.ui"
    edited = tmp_path / "person_form.ui"
    edited.write_text(ui.read_text(encoding="utf-8").replace("<string>&amp;Full name</string>", "<string>&amp;Name</string>"),
                      encoding="utf-8")
    monkeypatch.setattr(tool, "UI", tmp_path)
    assert any("ui_person_form.py" in p for p in tool.stale())


def _ui_strings(path: Path) -> set[str]:
    return {s.text for s in ET.parse(path).iter("string") if s.text and s.get("notr") != "true"}


@pytest.mark.parametrize("path", sorted(UI.glob("*.ui")), ids=lambda p: p.name)
def test_every_designer_string_is_translated(path):
    """uic's translate() is rewritten to our _(): each string of the form is in
    the one catalog, with its Vietnamese."""
    with (ROOT / "i18n" / "vi" / "LC_MESSAGES" / "dvdesktop.po").open("rb") as fh:
        catalog = read_po(fh, locale="vi")
    translated = {m.id for m in catalog if m.id and m.string and not m.fuzzy}
    missing = _ui_strings(path) - translated
    assert not missing, f"{path.name}: not in the Vietnamese catalog: {sorted(missing)}"
    generated = (ROOT / "dvdesktop" / "gui" / "generated" / f"ui_{path.stem}.py").read_text(encoding="utf-8")
    assert "QCoreApplication.translate(" not in generated


def test_designer_form_shows_vietnamese(qapp, vietnamese):
    from PySide6.QtWidgets import QWidget

    from dvdesktop.gui.generated.ui_person_form import Ui_PersonForm

    widget = QWidget()
    ui = Ui_PersonForm()
    ui.setupUi(widget)
    assert ui.full_name_label.text() == "&Họ và tên"  # Alt+H
    assert ui.full_name_label.buddy() is ui.full_name


def test_stylesheet_colours_come_from_the_palette():
    from dvdesktop.gui import palette, style

    text = (UI / "dvdesktop.qss").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b|\brgba?\(|\b(white|black|red|blue|green)\b", code), \
        "a colour written in ui/dvdesktop.qss: name it in gui/palette.py and write @NAME"
    names = set(re.findall(r"@([A-Z][A-Z0-9_]*)", code))
    assert names and all(hasattr(palette, n) for n in names)
    sheet = style.stylesheet()
    assert "@" not in sheet and palette.NAV_BACKGROUND in sheet and palette.ALERT in sheet


def test_no_inline_style_sheets():
    """Looks live in the stylesheet; code picks one with style.role()."""
    gui = ROOT / "dvdesktop" / "gui"
    found = [f"{p.relative_to(gui)}:{n}" for p in gui.rglob("*.py")
             if p.name != "style.py"
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if ".setStyleSheet(" in line]
    assert not found, "setStyleSheet outside gui/style.py: " + ", ".join(found)


def test_role_changes_the_look(qapp, qtbot):
    from PySide6.QtWidgets import QLabel

    from dvdesktop.gui import palette
    from dvdesktop.gui.style import role

    label = QLabel("Quá hạn")
    qtbot.addWidget(label)
    label.show()
    normal = label.palette().color(label.foregroundRole()).name()
    role(label, "alert")
    label.ensurePolished()
    assert label.palette().color(label.foregroundRole()).name() == palette.ALERT != normal
