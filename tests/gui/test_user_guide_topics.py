"""Help → User guide tells, in Vietnamese, where the Administration menu's
commands, the Excel import and export and the province's data packages are,
with the names the menus and buttons really show."""
from __future__ import annotations


def _action_texts(menu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if a.text()]


def test_guide_names_administration_excel_and_data_packages(window, scripted):
    from dvdesktop.gui.safety import install

    install(window, window.spec)  # the Administration menu, as at a real start
    window.user_guide()
    text = scripted.dialogs[-1].text.toPlainText()
    for heading in ("Quản trị: tài khoản, nhật ký, dữ liệu cá nhân", "Nhập và xuất Excel", "Gói dữ liệu gửi cấp trên"):
        assert heading in text, heading
    # the very words of the menus and buttons, so a clerk finds them
    admin = _action_texts(window.safety_menu)
    assert {"Tài khoản…", "Nhật ký…", "Dữ liệu cá nhân…", "Sao lưu tự động…", "Đổi mật khẩu của tôi…"} <= set(admin)
    for words in admin:
        assert words in text, words
    file_menu = _action_texts(window.file_menu)
    for words in ("Xuất gói dữ liệu gửi cấp trên…", "Nhập gói dữ liệu từ xã…"):
        assert words in file_menu and words in text, words
    for words in ("Nhập từ Excel…", "Xuất Excel…"):
        assert f"«{words}»" in text, words
