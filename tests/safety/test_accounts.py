"""Accounts: passwords, sign-in throttling, roles enforced in the services,
the one-person office; on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt

import pytest

from dvdesktop.errors import UserError, ValidationError
from dvdesktop.services import access, users
from dvdesktop.services.concerns import ConcernService
from dvdesktop.services.core import audit
from dvdesktop.services.listings.concerns import concern_rows
from dvdesktop.services.mediation.records import MediationCaseService, open_case_for_view
from dvdesktop.services.register import AreaService, PersonService
from dvdesktop.services.settings import load_organisation, save_organisation
from dvdesktop.services.users import SignInError, UserService, sign_in
from dvdesktop.store.models import AuditLog, User


def _admin():
    return users.set_up_administrator("quantri", "Lò Văn Quản", "mat-khau-quan-tri")


def test_scrypt_hash_and_old_pbkdf2_upgraded_at_sign_in(db):
    stored = users.hash_password("mat-khau-dai")
    assert stored.startswith("scrypt$16384$8$1$")
    assert users.verify_password("mat-khau-dai", stored) and not users.verify_password("mat-khau-dai!", stored)
    _admin()
    old = UserService.add("canbo", "Lường Thị Hoa", "clerk", "mat-khau-cu-1")
    # An account of schema 3 kept a PBKDF2 hash: it still signs in, and leaves with scrypt.
    User.update(password_hash=users._pbkdf2_hash("mat-khau-cu-1", 1000)).where(User.id == old.id).execute()
    assert User.get_by_id(old.id).password_hash.startswith("pbkdf2_sha256$")
    who = sign_in("CanBo", "mat-khau-cu-1")
    assert who.username == "canbo" and who.role == "clerk"
    assert User.get_by_id(old.id).password_hash.startswith("scrypt$")
    access.sign_out()
    assert sign_in("canbo", "mat-khau-cu-1").username == "canbo"


def test_wrong_passwords_lock_the_account_for_longer_each_time(db):
    _admin()
    access.sign_out()
    t = dt.datetime(2026, 3, 2, 8, 0, 0)
    for attempt in (1, 2):
        with pytest.raises(SignInError, match="Sai tên đăng nhập hoặc mật khẩu"):
            sign_in("quantri", "sai", at=t)
    with pytest.raises(SignInError, match="lần thứ 3. Hãy đợi 30 giây"):
        sign_in("quantri", "sai", at=t)
    # Locked: even the right password waits, and the message says how long.
    with pytest.raises(SignInError, match="Hãy đợi 20 giây"):
        sign_in("quantri", "mat-khau-quan-tri", at=t + dt.timedelta(seconds=10))
    with pytest.raises(SignInError, match="lần thứ 4. Hãy đợi 60 giây"):
        sign_in("quantri", "sai", at=t + dt.timedelta(seconds=31))
    assert access.current() is None
    row = User.get(User.username == "quantri")
    assert row.failed_logins == 4 and row.locked_until == t + dt.timedelta(seconds=91)
    assert sign_in("quantri", "mat-khau-quan-tri", at=t + dt.timedelta(seconds=92)).is_admin
    row = User.get(User.username == "quantri")
    assert row.failed_logins == 0 and row.locked_until is None
    assert AuditLog.select().where(AuditLog.action == "sign_in_failed").count() == 4
    # An unknown name reads the same as a wrong password.
    with pytest.raises(SignInError, match="Sai tên đăng nhập hoặc mật khẩu"):
        sign_in("khong-co", "mat-khau-quan-tri")


def test_longest_wait_is_capped_and_admin_reset_lifts_the_lock(db):
    _admin()
    clerk = UserService.add("canbo", "Lường Thị Hoa", "clerk", "mat-khau-can-bo")
    access.sign_out()
    t = dt.datetime(2026, 3, 2, 8, 0, 0)
    for i in range(12):
        with pytest.raises(SignInError):
            sign_in("canbo", "sai", at=t + dt.timedelta(hours=i))
    assert User.get_by_id(clerk.id).locked_until == t + dt.timedelta(hours=11, minutes=15)
    sign_in("quantri", "mat-khau-quan-tri", at=t + dt.timedelta(hours=11))
    UserService.set_password(clerk.id, "mat-khau-moi-1")
    access.sign_out()
    assert sign_in("canbo", "mat-khau-moi-1", at=t + dt.timedelta(hours=11, minutes=1)).username == "canbo"
    assert AuditLog.select().where(AuditLog.action == "reset_password").count() == 1
    assert "mat-khau" not in "".join(r.after or "" for r in AuditLog.select())


def test_roles_are_enforced_in_the_services(db):
    _admin()
    UserService.add("canbo", "Lường Thị Hoa", "clerk", "mat-khau-can-bo")
    UserService.add("xem", "Quàng Văn Xem", "viewer", "mat-khau-chi-xem")
    area = AreaService.create({"name": "Nà Khoang", "kind": "bản", "commune": "Nậm Pồ"})
    access.sign_out()

    sign_in("xem", "mat-khau-chi-xem")
    assert AreaService.get(area.id).name == "Nà Khoang"  # reads
    with pytest.raises(access.PermissionDenied, match="chỉ được xem"):
        PersonService.create({"full_name": "Tòng Văn Panh"})
    with pytest.raises(access.PermissionDenied):
        AreaService.update(area.id, {"name": "Nà Hỳ"})
    with pytest.raises(access.PermissionDenied):
        AreaService.delete(area.id)
    with pytest.raises(access.PermissionDenied, match="quản trị"):
        save_organisation(load_organisation())
    access.sign_out()

    sign_in("canbo", "mat-khau-can-bo")
    person = PersonService.create({"full_name": "Tòng Văn Panh"})
    assert AuditLog.select().order_by(AuditLog.id.desc()).first().username == "canbo"
    with pytest.raises(access.PermissionDenied, match="quản trị"):
        UserService.add("them", "Người Thêm", "admin", "mat-khau-them-1")
    with pytest.raises(access.PermissionDenied):
        UserService.set_password(User.get(User.username == "xem").id, "mat-khau-moi-1")
    with pytest.raises(access.PermissionDenied):
        UserService.accounts()
    assert PersonService.get(person.id).full_name == "Tòng Văn Panh"


def test_the_last_administrator_stays(db):
    admin = _admin()
    with pytest.raises(ValidationError, match="ít nhất một tài khoản quản trị"):
        UserService.update(admin.user_id, {"role": "clerk"})
    with pytest.raises(ValidationError):
        UserService.delete(admin.user_id)


def test_confidential_permission(db):
    _admin()
    UserService.add("canbo", "Lường Thị Hoa", "clerk", "mat-khau-can-bo")
    UserService.add("hoagiai", "Cà Thị Hòa", "clerk", "mat-khau-hoa-giai", confidential=True)
    area = AreaService.create({"name": "Nà Khoang", "kind": "bản", "commune": "Nậm Pồ"})
    case = MediationCaseService.create({"received_on": dt.date(2026, 3, 1), "area": area.id,
                                        "summary": "Tranh chấp ranh giới đất", "confidential": True})
    concern = ConcernService.create({"received_on": dt.date(2026, 3, 1), "raised_by": "Vì Văn Nói",
                                     "contact": "0912 345 678", "content": "Đường bản hỏng"})
    access.sign_out()

    sign_in("canbo", "mat-khau-can-bo")
    with pytest.raises(access.PermissionDenied, match="không có quyền xem"):
        open_case_for_view(case.id)
    got = ConcernService.get(concern.id)
    assert got.raised_by == "" and got.contact == "" and got.content == "Đường bản hỏng"
    assert concern_rows([concern.id])[0].raised_by == ""
    # Saving the form that showed the blanks does not erase who raised it.
    ConcernService.update(concern.id, {"raised_by": "", "contact": "", "content": "Đường bản hỏng nặng"},
                          expected_version=got.version)
    access.sign_out()

    views = AuditLog.select().where(AuditLog.action == "view").count()
    sign_in("hoagiai", "mat-khau-hoa-giai")
    assert open_case_for_view(case.id).case.summary == "Tranh chấp ranh giới đất"
    assert AuditLog.select().where(AuditLog.action == "view").count() == views + 1
    assert AuditLog.select().where(AuditLog.action == "view").order_by(AuditLog.id.desc()).first().username == "hoagiai"
    stored = ConcernService.get(concern.id)
    assert stored.raised_by == "Vì Văn Nói" and stored.contact == "0912 345 678"
    assert stored.content == "Đường bản hỏng nặng"


def test_one_person_office_signs_in_by_itself_until_a_second_account(db):
    assert users.sign_in_state() == "first_start"
    with pytest.raises(UserError, match="máy chủ"):
        users.set_up_single_user("Lò Thị Một", shared=True)
    me = users.set_up_single_user("Lò Thị Một")
    assert me.is_admin and me.confidential and users.sign_in_state() == "auto"
    access.sign_out()
    assert users.sign_in_automatically().full_name == "Lò Thị Một"
    with pytest.raises(UserError):
        users.set_up_administrator("khac", "Người Khác", "mat-khau-khac-1")
    # A second person: the first account needs a password first, then auto sign-in ends.
    with pytest.raises(ValidationError, match="đặt mật khẩu"):
        UserService.add("canbo", "Lường Thị Hoa", "clerk", "mat-khau-can-bo")
    assert User.select().count() == 1
    UserService.change_own_password("", "mat-khau-cua-mot")
    UserService.add("canbo", "Lường Thị Hoa", "clerk", "mat-khau-can-bo")
    assert users.sign_in_state() == "password"
    access.sign_out()
    with pytest.raises(SignInError):
        users.sign_in_automatically()
    assert sign_in("quantri", "mat-khau-cua-mot").full_name == "Lò Thị Một"


def test_command_line_principal(db_url, db):
    """A file: an administrator. A server: the connecting database user, with
    the rights of the account of that name."""
    access.act_as_command_line()
    who = access.current()
    if not db_url.startswith("postgresql"):
        assert who.is_admin and who.username.startswith("dòng lệnh:")
        return
    assert who.username == "dvtest" and who.is_admin  # no account yet: the server is being set up
    access.sign_out()
    access.act_as_command_line(False)
    _admin()
    access.sign_out()
    access.act_as_command_line()
    assert access.current().role == "viewer"  # accounts exist, none for dvtest
    with pytest.raises(access.PermissionDenied):
        PersonService.create({"full_name": "Tòng Văn Panh"})
    access.sign_out()
    access.act_as_command_line(False)
    sign_in("quantri", "mat-khau-quan-tri")
    UserService.add("dvtest", "Máy chủ", "clerk", "mat-khau-may-chu")
    access.sign_out()
    access.act_as_command_line()
    assert access.current().role == "clerk"
    PersonService.create({"full_name": "Tòng Văn Panh"})
    assert AuditLog.select().order_by(AuditLog.id.desc()).first().username == "dvtest"


def test_audit_user_of_a_worker_thread_is_the_signed_in_person(db):
    import threading

    _admin()
    done = []

    def job():
        PersonService.create({"full_name": "Tòng Văn Panh"})
        done.append(audit.current_user())

    t = threading.Thread(target=job)
    t.start()
    t.join()
    assert done == ["quantri"]


def test_mediation_cases_need_the_confidential_permission(db):
    from dvdesktop.services.mediation.records import case_parts

    _admin()
    UserService.add("canbo", "Lường Thị Hoa", "clerk", "mat-khau-can-bo")
    area = AreaService.create({"name": "Nà Khoang", "kind": "bản", "commune": "Nậm Pồ"})
    secret = MediationCaseService.create({"received_on": dt.date(2026, 3, 1), "area": area.id, "summary": "Kín"})
    plain = MediationCaseService.create({"received_on": dt.date(2026, 3, 1), "area": area.id, "confidential": False,
                                         "summary": "Không kín"})
    access.sign_out()
    sign_in("canbo", "mat-khau-can-bo")
    for call in (lambda: MediationCaseService.get(secret.id), lambda: case_parts(secret.id),
                 lambda: MediationCaseService.update(secret.id, {"kind": "đất đai"}),
                 lambda: MediationCaseService.create({"received_on": dt.date(2026, 3, 2), "area": area.id})):
        with pytest.raises(access.PermissionDenied, match="không có quyền xem vụ việc hòa giải bảo mật"):
            call()
    assert MediationCaseService.get(plain.id).summary == "Không kín"
    MediationCaseService.update(plain.id, {"kind": "đất đai"})
    with pytest.raises(access.PermissionDenied):  # nor may it be made confidential and kept
        MediationCaseService.update(plain.id, {"confidential": True})


def test_writes_outside_record_services_are_checked_too(db):
    from dvdesktop.services.agenda_templates import save_agenda_templates
    from dvdesktop.services.evaluation import criteria, grid, ratings

    _admin()
    UserService.add("xem", "Quàng Văn Xem", "viewer", "mat-khau-chi-xem")
    UserService.add("canbo", "Lường Thị Hoa", "clerk", "mat-khau-can-bo")
    access.sign_out()
    sign_in("xem", "mat-khau-chi-xem")
    for call in (lambda: ratings.save_rating(1, 2026, {}), lambda: ratings.set_stage(1, 2026, "review", "A", dt.date.today()),
                 lambda: ratings.reopen(1, 2026, "lý do"), lambda: grid.fill_from_suggestions(2026),
                 lambda: save_agenda_templates([]), lambda: AreaService.merge([1], 2, dt.date.today())):
        with pytest.raises(access.PermissionDenied, match="chỉ được xem"):
            call()
    access.sign_out()
    sign_in("canbo", "mat-khau-can-bo")
    with pytest.raises(access.PermissionDenied, match="quản trị"):
        criteria.copy_criteria_set(2025, 2026)  if criteria.criteria_set(2025) else criteria.save_criteria_set(
            2026, criteria.sample_criteria_set(2026))


def test_a_name_does_not_find_concerns_without_the_permission(db):
    from dvdesktop.services.listings.concerns import ConcernFilter, concern_ids

    _admin()
    UserService.add("canbo", "Lường Thị Hoa", "clerk", "mat-khau-can-bo")
    c = ConcernService.create({"received_on": dt.date(2026, 3, 1), "raised_by": "Vì Văn Nói", "content": "Đường hỏng"})
    assert concern_ids(ConcernFilter(query="vi van noi")) == [c.id]
    access.sign_out()
    sign_in("canbo", "mat-khau-can-bo")
    assert concern_ids(ConcernFilter(query="vi van noi")) == []
    assert concern_ids(ConcernFilter(query="duong hong")) == [c.id]
