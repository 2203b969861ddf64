"""The window's side of accounts and safety: the first start, signing in,
the accounts and audit screens, a refused save shown side by side, the
automatic backups and one person's data."""
from __future__ import annotations

import datetime as dt
import os

import pytest

from dvdesktop.errors import ConflictError
from dvdesktop.services import access, autobackup, session, users
from dvdesktop.services.register import PersonService
from dvdesktop.services.users import UserService

SHOTS = os.environ.get("DVDESKTOP_SHOTS")  # a folder: save screenshots there to look at them


def _shot(widget, name):
    if SHOTS:
        widget.grab().save(os.path.join(SHOTS, f"{name}.png"))


@pytest.fixture(autouse=True)
def _nobody_signed_in():
    access.sign_out()
    yield
    access.sign_out()


def test_first_start_one_person_office(window, scripted, db_url):
    from dvdesktop.gui import safety
    from dvdesktop.gui.signin import FirstStartDialog

    def choose_alone(dialog):
        assert isinstance(dialog, FirstStartDialog) and dialog.alone.isChecked()
        dialog.my_name.setText("Lò Thị Một")
        _shot(dialog, "first-start")
        dialog.save()

    scripted.dialog_scripts.append(choose_alone)
    assert safety.start(window, session.locate(db_url))
    assert access.current().full_name == "Lò Thị Một" and access.current().is_admin
    assert users.sign_in_state() == "auto"
    assert window.signed_in_label.text() == "Đã đăng nhập: Lò Thị Một (Quản trị)"
    assert [a.text() for a in window.safety_menu.actions()][:3] == ["Tài khoản…", "Nhật ký…", "Dữ liệu cá nhân…"]
    # The next start signs in by itself: no dialog.
    access.sign_out()
    shown = len(scripted.dialogs)
    assert safety.start(window, session.locate(db_url))
    assert len(scripted.dialogs) == shown and access.current().full_name == "Lò Thị Một"


def test_first_start_on_a_server_asks_for_an_administrator(qtbot, vietnamese):
    from dvdesktop.gui.signin import FirstStartDialog

    dialog = FirstStartDialog(None, shared=True)
    qtbot.addWidget(dialog)
    assert not dialog.alone.isEnabled() and dialog.several.isChecked()


def test_sign_in_dialog(window, scripted, db_url):
    from dvdesktop.gui import safety
    from dvdesktop.gui.signin import SignInDialog

    users.set_up_administrator("quantri", "Lò Văn Quản", "mat-khau-quan-tri")
    UserService.add("canbo", "Lường Thị Hoa", "clerk", "mat-khau-can-bo")
    access.sign_out()

    def wrong_then_right(dialog):
        assert isinstance(dialog, SignInDialog)
        dialog.username.setText("canbo")
        dialog.password.setText("sai-mat-khau")
        dialog.save()
        assert dialog.error.text() == "Sai tên đăng nhập hoặc mật khẩu." and dialog.password.text() == ""
        _shot(dialog, "sign-in-wrong")
        dialog.password.setText("mat-khau-can-bo")
        dialog.save()

    scripted.dialog_scripts.append(wrong_then_right)
    assert safety.start(window, session.locate(db_url))
    assert access.current().username == "canbo"
    # A clerk's menu: the administrator's screens are greyed out (the services refuse them anyway).
    enabled = {a.text(): a.isEnabled() for a in window.safety_menu.actions()}
    assert enabled["Tài khoản…"] is False and enabled["Đổi mật khẩu của tôi…"] is True
    # Closing the dialog: nobody signed in, start() says no.
    access.sign_out()
    scripted.dialog_scripts.append(lambda d: d.reject())
    assert not safety.start(window, session.locate(db_url))


def test_accounts_dialog(window, scripted):
    from dvdesktop.gui.accounts_dialog import AccountDialog, AccountsDialog, PasswordDialog

    users.set_up_administrator("quantri", "Lò Văn Quản", "mat-khau-quan-tri")
    dialog = AccountsDialog(window)

    def new_account(d):
        assert isinstance(d, AccountDialog)
        d.username.setText("canbo")
        d.full_name.setText("Lường Thị Hoa")
        d.role.set_code("viewer")
        d.confidential.setChecked(True)
        d.password.setText("ngan")
        d.save()
        assert "ít nhất 8 ký tự" in d.error.text()
        d.password.setText("mat-khau-can-bo")
        d.save()

    scripted.dialog_scripts.append(new_account)
    dialog.add()
    assert [a.username for a in dialog.accounts] == ["canbo", "quantri"]
    assert dialog.table.item(0, 2).text() == "Chỉ xem" and dialog.table.item(0, 3).text() == "có"
    _shot(dialog, "accounts")
    dialog.table.setCurrentCell(0, 0)

    def reset(d):
        assert isinstance(d, PasswordDialog)
        d.password.setText("mat-khau-moi-1")
        d.password2.setText("mat-khau-moi-1")
        d.save()

    scripted.dialog_scripts.append(reset)
    dialog.reset_password()
    access.sign_out()
    assert users.sign_in("canbo", "mat-khau-moi-1").role == "viewer"


def test_audit_dialog_filters_shows_changes_and_exports(window, scripted, tmp_path):
    from dvdesktop.gui.audit_dialog import AuditDialog

    users.set_up_administrator("quantri", "Lò Văn Quản", "mat-khau-quan-tri")
    p = PersonService.create({"full_name": "Tòng Văn Panh", "phone": "0912000111"})
    PersonService.update(p.id, {"phone": "0988000222"})
    dialog = AuditDialog(window)
    dialog.table_kind.setCurrentIndex(dialog.table_kind.findData("person"))
    dialog.reload()
    assert dialog.list.rowCount() == 2 and dialog.list.item(0, 2).text() == "Sửa"
    dialog.list.setCurrentCell(0, 0)
    assert [dialog.detail.item(0, c).text() for c in range(3)] == ["Điện thoại", "0912000111", "0988000222"]
    assert dialog.count.text() == "2 / 2 dòng nhật ký (mới nhất trước)"
    _shot(dialog, "audit")
    scripted.files.append(str(tmp_path / "nk.xlsx"))
    dialog.export()
    assert (tmp_path / "nk.xlsx").exists() and scripted.shown[-1][0] == "info"
    # Nobody but an administrator opens it.
    UserService.add("canbo", "Lường Thị Hoa", "clerk", "mat-khau-can-bo")
    access.sign_out()
    users.sign_in("canbo", "mat-khau-can-bo")
    with pytest.raises(access.PermissionDenied):
        AuditDialog(window)


def test_refused_save_shows_both_versions(window, scripted):
    from dvdesktop.gui.conflict_dialog import ConflictDialog
    from dvdesktop.gui.operations import show_failure

    p = PersonService.create({"full_name": "Tòng Văn Panh", "phone": "0912000111"})
    PersonService.update(p.id, {"phone": "0988000222"}, expected_version=p.version)
    with pytest.raises(ConflictError) as err:
        PersonService.update(p.id, {"phone": "0977000333", "address": "bản Nà Khoang"}, expected_version=p.version)
    show_failure(window, err.value)
    dialog = scripted.dialogs[-1]
    assert isinstance(dialog, ConflictDialog)
    rows = [[dialog.table.item(r, c).text() for c in range(3)] for r in range(dialog.table.rowCount())]
    assert rows == [["Điện thoại", "0977000333", "0988000222"], ["Địa chỉ", "bản Nà Khoang", ""]]
    assert dialog.table.horizontalHeaderItem(1).text() == "Bản của bạn (chưa lưu)"
    _shot(dialog, "conflict")


def test_backup_settings_dialog(window, scripted, db_url, tmp_path):
    from dvdesktop.gui.backup_settings_dialog import BackupSettingsDialog

    dialog = BackupSettingsDialog(window, db_url)
    dialog.folder.setText(str(tmp_path))
    dialog.back_up_now()
    assert "đã ghi và kiểm tra" in dialog.status.text().lower() or "Đã ghi" in dialog.status.text()
    assert dialog.copies.count() == 1 and "test-" in dialog.copies.item(0).text()
    _shot(dialog, "backups")
    dialog.on_close.setChecked(False)
    dialog.save()
    assert autobackup.load_settings().folder == str(tmp_path) and not autobackup.load_settings().on_close


def test_backup_on_quit(db_url, tmp_path):
    from dvdesktop.gui.safety import back_up_on_quit

    autobackup.save_settings(autobackup.BackupSettings(folder=str(tmp_path)))
    back_up_on_quit(db_url)
    assert len(autobackup.copies(tmp_path, "test")) == 1
    usb = tmp_path / "usb"
    usb.mkdir()
    autobackup.save_settings(autobackup.BackupSettings(folder=str(usb)))
    usb.rmdir()
    back_up_on_quit(db_url)  # the USB stick is gone: no exception, said at the next start
    assert autobackup.last_status()["ok"] is False


def test_personal_data_dialog(window, scripted, tmp_path):
    from dvdesktop.gui.personal_data_dialog import PersonalDataDialog

    users.set_up_administrator("quantri", "Lò Văn Quản", "mat-khau-quan-tri")
    p = PersonService.create({"full_name": "Tòng Văn Panh", "phone": "0912000111"})
    dialog = PersonalDataDialog(window)
    dialog.number.setValue(p.id)
    assert dialog.name.text() == "Tòng Văn Panh" and dialog.erase_button.isEnabled()
    _shot(dialog, "personal-data")
    scripted.files.append(str(tmp_path / "p.json"))
    dialog.export()
    assert (tmp_path / "p.json").exists()
    scripted.answers.append(True)
    dialog.erase()
    assert dialog.name.text() == f"Người đã xóa thông tin số {p.id}"
    dialog.years.setValue(10)
    dialog.save_years()
    assert dialog.due.text() == "0 vụ việc đã xong quá thời hạn."


def test_clerk_without_the_permission_cannot_open_a_confidential_case(window, scripted):
    from dvdesktop.services.mediation.records import MediationCaseService
    from dvdesktop.services.register import AreaService

    users.set_up_administrator("quantri", "Lò Văn Quản", "mat-khau-quan-tri")
    UserService.add("canbo", "Lường Thị Hoa", "clerk", "mat-khau-can-bo")
    area = AreaService.create({"name": "Nà Khoang", "kind": "bản", "commune": "Nậm Pồ"})
    case = MediationCaseService.save_with_children(
        None, {"received_on": dt.date.today(), "area": area.id, "summary": "Tranh chấp kín"},
        {"parties": [{"name": "Lò Văn Thắng", "side": "A"}]})
    access.sign_out()
    users.sign_in("canbo", "mat-khau-can-bo")
    section = window.section("mediation")
    section.reload()
    section.select_id(case.id)
    assert scripted.shown[-1][2] == "Tài khoản «canbo» không có quyền xem vụ việc hòa giải bảo mật."
    assert section.editor.record_id is None and section.editor.parties.rowCount() == 0
