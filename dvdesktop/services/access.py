"""Who is working, and what they may do: checked in the services, whatever
screen or script calls them (hiding a button is only a courtesy).

Roles: quản trị (admin: accounts, settings, the audit log), cán bộ (clerk:
enters and prints), chỉ xem (viewer: reads and prints). A separate
permission, ``confidential``, opens confidential records (mediation cases,
who raised a concern).

One person signs in per program run (the window's sign-in, services/users.py
sign_in), so the principal is process-wide: worker threads act for the same
person. With nobody signed in the services are unrestricted: that is a
script or a test using the library on a file it can read anyway. The
command line (cli/__init__.py) acts as an administrator on a local file and
as the connecting database user on a server (cli_principal below).
"""
from __future__ import annotations

import getpass
from dataclasses import dataclass

from ..errors import UserError

ROLE_NAMES = {"admin": "Quản trị", "clerk": "Cán bộ", "viewer": "Chỉ xem"}


class PermissionDenied(UserError):
    """The signed-in person's role does not allow this."""


@dataclass(frozen=True)
class Principal:
    username: str
    full_name: str
    role: str  # admin / clerk / viewer
    confidential: bool = False
    user_id: int | None = None  # the account, None for the command line on a file

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def can_write(self) -> bool:
        return self.role in ("admin", "clerk")

    @property
    def role_name(self) -> str:
        return ROLE_NAMES.get(self.role, self.role)


_signed_in: Principal | None = None
_cli = False


def sign_in_as(principal: Principal | None) -> None:
    global _signed_in
    _signed_in = principal


def sign_out() -> None:
    sign_in_as(None)


def act_as_command_line(on: bool = True) -> None:
    """The command line calls this before a command: the principal is then
    worked out from the database once it is opened (cli_principal)."""
    global _cli
    _cli = on


def current() -> Principal | None:
    global _signed_in
    if _signed_in is None and _cli:
        _signed_in = cli_principal()
    return _signed_in


def cli_principal() -> Principal | None:
    """A local file: an administrator named after the computer's login
    (whoever can read the file can read the data anyway). A server: the
    database user the URL connects as, with the rights of the program
    account of the same name; a user without one only reads, unless the
    database has no account yet (a server being set up)."""
    from ..store.base import database_proxy
    from ..store.models import User

    db = database_proxy.obj
    spec = getattr(db, "dv_spec", None)
    if db is None or spec is None:
        return None
    try:
        login = getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some service accounts
        login = "?"
    if not spec.is_postgres:
        return Principal(f"dòng lệnh:{login}", "Dòng lệnh trên máy", "admin", True)
    name = db.execute_sql("SELECT current_user").fetchone()[0]
    account = User.get_or_none((User.username == name) & (User.active == True))  # noqa: E712
    if account is not None:
        return Principal(name, account.full_name, account.role, bool(account.confidential), account.id)
    if not User.select().exists():
        return Principal(name, name, "admin", True)
    return Principal(name, name, "viewer", False)


def require_write(label: str = "dữ liệu") -> None:
    who = current()
    if who is not None and not who.can_write:
        raise PermissionDenied(f"Tài khoản «{who.username}» chỉ được xem, không được thay đổi {label}.")


def require_admin(what: str) -> None:
    who = current()
    if who is not None and not who.is_admin:
        raise PermissionDenied(f"Chỉ người quản trị mới được {what}.")


def may_see_confidential() -> bool:
    who = current()
    return who is None or who.confidential


def require_confidential(what: str = "hồ sơ bảo mật") -> None:
    if not may_see_confidential():
        raise PermissionDenied(f"Tài khoản «{current().username}» không có quyền xem {what}.")


def username() -> str | None:
    who = current()
    return who.username if who is not None else None
