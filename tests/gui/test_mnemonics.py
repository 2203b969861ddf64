"""Keyboard access in the Designer forms: every label with a buddy has a
mnemonic (Alt+letter moves to its field), and no two mnemonics of one form
are the same letter, in English and in Vietnamese. A tab widget's pages are
part of their form (one window: Alt+letter searches all of it). The
Vietnamese letter is a plain ASCII one (Alt+ư cannot be typed on the
keyboards clerks have), underlined in the word (Alt+T for «&Tên»)."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from dvdesktop.gui.mnemonics import assign, mnemonic

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "ui"
# Controls whose text can carry a mnemonic (a group box's title does not move the focus).
MNEMONIC_CLASSES = {"QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QToolButton"}


def test_mnemonic_reading():
    assert mnemonic("&Tên") == "T" and mnemonic("Họ và &tên") == "t" and mnemonic("Lưu && đóng") is None
    assert mnemonic("Ngày trả lời (&A)") == "A" and mnemonic("Tên") is None


def test_code_made_labels_get_free_letters():
    """gui/mnemonics.assign: a plain letter, word-initial first, none taken twice, as many served as can be."""
    assert assign(["Tên tổ", "Tổ trưởng"], set()) == ["&Tên tổ", "Tổ t&rưởng"]
    assert assign(["Địa bàn"], {"b"}) == ["Đị&a bàn"]
    assert assign(["Đỗ", "Tên"], set()) == ["Đỗ", "&Tên"]  # no plain letter: left without
    # first come would give "Tê&n" T and leave "Tổ" none; the matching serves both
    assert sorted(assign(["Tên", "Tổ"], {"e"})) == sorted(["Tê&n", "&Tổ"])


@pytest.fixture(scope="module")
def catalog_vi() -> dict[str, str]:
    with (ROOT / "i18n" / "vi" / "LC_MESSAGES" / "dvdesktop.po").open("rb") as fh:
        return {m.id: m.string for m in read_po(fh, locale="vi") if m.id and not m.context}


def problems_of(path: Path | list[Path], vietnamese: dict[str, str]) -> list[str]:
    """What is wrong with the mnemonics of one form (or of forms shown together in one window)."""
    found: list[str] = []
    seen: dict[str, dict[str, str]] = {"en": {}, "vi": {}}
    paths = path if isinstance(path, list) else [path]
    for widget in (w for one in paths for w in ET.parse(one).iter("widget")):
        if widget.get("class") not in MNEMONIC_CLASSES:
            continue
        props = {p.get("name"): p for p in widget.findall("property")}
        string = props["text"].find("string") if "text" in props else None
        if string is None or not string.text:
            continue
        english = string.text
        translated = english if string.get("notr") == "true" else vietnamese.get(english, "")
        name = widget.get("name")
        for lang, text in (("en", english), ("vi", translated)):
            letter = mnemonic(text)
            if not text:
                found.append(f"{name} «{english}»: not in the Vietnamese catalog")
                continue
            if letter is None:
                if "buddy" in props:
                    found.append(f"{name} «{text}» ({lang}): a label with a buddy and no mnemonic")
                continue
            if lang == "vi" and not (letter.isascii() and letter.isalnum()):
                found.append(f"{name} «{text}»: the mnemonic {letter!r} cannot be typed; choose a plain letter")
            key = letter.lower()
            if key in seen[lang]:
                found.append(f"{name} «{text}» and {seen[lang][key]} share Alt+{key.upper()} ({lang})")
            else:
                seen[lang][key] = f"{name} «{text}»"
    return found


@pytest.mark.parametrize("path", sorted(UI.glob("*.ui")), ids=lambda p: p.name)
def test_buddies_have_unique_mnemonics(path, catalog_vi):
    problems = problems_of(path, catalog_vi)
    assert not problems, f"{path.name}:\n" + "\n".join(problems)


# Forms shown together in one window: a record's form and its lines' form in a
# detail editor (gui/forms/detail_editor.py, whose buttons are in detail_editor.ui).
TOGETHER = [("household_form.ui", "support_form.ui", "detail_editor.ui"),
            ("campaign_form.ui", "contribution_form.ui", "detail_editor.ui")]


@pytest.mark.parametrize("names", TOGETHER, ids=lambda names: "+".join(n.removesuffix(".ui") for n in names[:2]))
def test_forms_of_one_window_do_not_share_a_letter(names, catalog_vi):
    problems = problems_of([UI / n for n in names], catalog_vi)
    assert not problems, "\n".join(problems)


def test_a_clash_is_noticed(tmp_path, catalog_vi):
    """The check itself: two labels on one letter, and a buddy label without one."""
    ui = (UI / "server_dialog.ui").read_text(encoding="utf-8")
    assert not problems_of(UI / "server_dialog.ui", catalog_vi)
    ui = ui.replace("<string>P&amp;ort:</string>", "<string>&amp;Server:</string>")  # the host's label twice
    ui = ui.replace("<string>&amp;User name:</string>", "<string>User name:</string>")
    edited = tmp_path / "server_dialog.ui"
    edited.write_text(ui, encoding="utf-8")
    found = "\n".join(problems_of(edited, catalog_vi))
    assert "share Alt+S (en)" in found and "share Alt+C (vi)" in found
    assert "«User name:» (en): a label with a buddy and no mnemonic" in found


def test_alt_letter_moves_to_the_field(qtbot, vietnamese):
    """In the Vietnamese program, Alt+ the underlined letter of «Mật &khẩu:» puts the cursor in the password."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from dvdesktop.gui.database_dialogs import ServerDialog

    dialog = ServerDialog()
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    label = dialog.password_label.text()
    letter = mnemonic(label)
    assert letter and letter.isascii() and label.replace("&", "") == "Mật khẩu:"
    dialog.host.setFocus()
    assert QApplication.focusWidget() is dialog.host, (QApplication.activeWindow(), QApplication.focusWidget())
    qtbot.keyClick(dialog.host, getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.password
