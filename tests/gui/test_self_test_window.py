"""The self-test's window parts: the result in a message box for the windowed
Windows program (it has no console), and the check for Qt's platform plugin
that runs before Qt could abort the process."""
from __future__ import annotations

from dvdesktop.gui.self_test import missing_platform_plugin, show_report


def test_the_result_in_a_message_box(qapp, scripted):
    show_report(["Bước 1/4: tạo cơ sở dữ liệu thử — đạt", "Tự kiểm tra đạt: chương trình chạy tốt trên máy này."],
                True)
    show_report(["Tự kiểm tra không đạt ở bước 3 (in văn bản ra PDF và Word): thiếu phông"], False)
    assert scripted.shown == [
        ("info", "Tự kiểm tra dvdesktop",
         "Bước 1/4: tạo cơ sở dữ liệu thử — đạt\nTự kiểm tra đạt: chương trình chạy tốt trên máy này."),
        ("warning", "Tự kiểm tra dvdesktop",
         "Tự kiểm tra không đạt ở bước 3 (in văn bản ra PDF và Word): thiếu phông"),
    ]


def test_platform_plugins_are_found_where_qt_looks(monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert missing_platform_plugin() is None
    monkeypatch.setenv("QT_QPA_PLATFORM", "khongco;offscreen")  # a fallback list: one is enough
    assert missing_platform_plugin() is None
    monkeypatch.setenv("QT_QPA_PLATFORM", "khongco:tuychon=1")
    assert missing_platform_plugin().startswith("qkhongco (trong «")
