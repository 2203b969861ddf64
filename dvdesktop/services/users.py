"""Program accounts: who signs in, with which role, and their passwords.

Passwords are stored with scrypt (memory-hard: 16 MB per guess, so a stolen
file cannot be brute-forced on a graphics card as cheaply as with PBKDF2).
Hashes of the earlier versions (PBKDF2-SHA256) still verify and are replaced
by scrypt at the next sign-in.

Repeated wrong passwords lock the account for a while that doubles with
each further failure (30 s after the third, then 1, 2, 4 … minutes, at most
15); the lock is stored in the database, so it holds on every PC of a shared
PostgreSQL server and after a restart. An administrator can reset a
password, which also lifts the lock.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from ..errors import UserError, ValidationError
from ..store.base import database_proxy, now
from ..store.models import User
from . import access
from .core import audit
from .core.fields import Boolean, Choice, Text
from .core.records import RecordService

ROLES = (("admin", "Quản trị"), ("clerk", "Cán bộ"), ("viewer", "Chỉ xem"))
MIN_PASSWORD = 8

# scrypt cost: N=2^14, r=8 → 16 MB and about 50 ms per check on an office PC.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1
_PBKDF2_ITERATIONS = 200_000  # the scheme of schema ≤ 3, verified, never written

FREE_ATTEMPTS = 3  # wrong passwords before the first wait
FIRST_WAIT = dt.timedelta(seconds=30)
LONGEST_WAIT = dt.timedelta(minutes=15)


class SignInError(UserError):
    """Wrong name or password, a locked or disabled account."""


# hashlib and hmac load OpenSSL (3 MB): imported when a password is hashed or
# checked, not when the window opens a database (dvdesktop/lean_peewee.py).


def hash_password(password: str) -> str:
    import hashlib

    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P,
                            maxmem=64 * 1024 * 1024, dklen=32)
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${salt.hex()}${digest.hex()}"


def _pbkdf2_hash(password: str, iterations: int = _PBKDF2_ITERATIONS) -> str:
    """The earlier versions' hash (for tests of the upgrade)."""
    import hashlib

    salt = os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str | None) -> bool:
    import hashlib
    import hmac

    if not stored:
        return False
    parts = stored.split("$")
    try:
        if parts[0] == "scrypt" and len(parts) == 6:
            n, r, p = (int(x) for x in parts[1:4])
            candidate = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(parts[4]), n=n, r=r, p=p,
                                       maxmem=max(64 * 1024 * 1024, 130 * n * r), dklen=len(parts[5]) // 2)
        elif parts[0] == "pbkdf2_sha256" and len(parts) == 4:
            candidate = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(parts[2]), int(parts[1]))
        else:
            return False
    except ValueError:
        return False
    return hmac.compare_digest(candidate.hex(), parts[-1])


def needs_rehash(stored: str | None) -> bool:
    return not stored or not stored.startswith(f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}$")


def _check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise ValidationError("password", f"Mật khẩu cần ít nhất {MIN_PASSWORD} ký tự.")


@dataclass(frozen=True)
class Account:
    """An account as the accounts screen shows it (never the hash)."""

    id: int
    username: str
    full_name: str
    role: str
    role_name: str
    confidential: bool
    active: bool
    auto_sign_in: bool
    has_password: bool
    locked_until: dt.datetime | None
    version: int


def _account(u: User) -> Account:
    return Account(u.id, u.username, u.full_name, u.role, dict(ROLES).get(u.role, u.role), bool(u.confidential),
                   bool(u.active), bool(u.auto_sign_in), bool(u.password_hash), u.locked_until, u.version)


class UserService(RecordService):
    model = User
    label = "tài khoản"
    fields = (
        Text("username", "Tên đăng nhập", required=True, max_length=64),
        Text("full_name", "Họ và tên", required=True),
        Choice("role", "Quyền", choices=ROLES, default="clerk"),
        Boolean("confidential", "Được xem hồ sơ bảo mật", default=False),
        Boolean("active", "Đang dùng", default=True),
    )

    @classmethod
    def require_write(cls) -> None:
        access.require_admin("quản lý tài khoản")

    @classmethod
    def clean(cls, data, *, partial=False):
        cleaned = super().clean(data, partial=partial)
        if "username" in cleaned:
            name = cleaned["username"].lower()
            if not name.replace(".", "").replace("_", "").replace("-", "").isalnum() or not name.isascii():
                raise ValidationError("username", "Tên đăng nhập chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch dưới.")
            cleaned["username"] = name
        return cleaned

    @classmethod
    def check(cls, values, existing):
        query = User.select().where(User.username == values["username"])
        if existing is not None:
            query = query.where(User.id != existing.id)
        if query.exists():
            raise ValidationError("username", f"Tên đăng nhập «{values['username']}» đã có người dùng.")
        was_admin = existing is not None and existing.role == "admin" and existing.active
        if was_admin and (values["role"] != "admin" or not values["active"]):
            if not _other_admins(existing.id):
                raise ValidationError("role", "Phải còn ít nhất một tài khoản quản trị đang dùng.")

    @classmethod
    def after_save(cls, record, before):
        if before is None:
            # A second account ends the one-person office's automatic sign-in:
            # from now on everybody signs in with a password.
            auto = User.select().where((User.auto_sign_in == True) & (User.id != record.id))  # noqa: E712
            for other in auto:
                if not other.password_hash:
                    raise ValidationError(
                        "username", f"Hãy đặt mật khẩu cho tài khoản «{other.username}» trước khi thêm người dùng thứ hai: "
                        "từ nay mọi người đăng nhập bằng mật khẩu.")
            User.update(auto_sign_in=False).where(User.auto_sign_in == True).execute()  # noqa: E712

    @classmethod
    def delete(cls, record_id: int) -> None:
        raise ValidationError("active", "Không xóa tài khoản (nhật ký cần tên người đã làm); hãy bỏ chọn «Đang dùng».")

    # --- the accounts screen --------------------------------------------------

    @classmethod
    def accounts(cls) -> list[Account]:
        access.require_admin("xem danh sách tài khoản")
        return [_account(u) for u in User.select().order_by(User.username)]

    @classmethod
    def add(cls, username: str, full_name: str, role: str, password: str, *, confidential: bool = False) -> Account:
        """A new account with its first password, in one transaction."""
        _check_password(password)
        with database_proxy.atomic():
            row = cls.create_row({"username": username, "full_name": full_name, "role": role,
                                  "confidential": confidential})
            User.update(password_hash=hash_password(password)).where(User.id == row.id).execute()
        return _account(User.get_by_id(row.id))

    # --- passwords ------------------------------------------------------------

    @classmethod
    def set_password(cls, user_id: int, password: str) -> None:
        """An administrator sets or resets a password; the lock is lifted."""
        access.require_admin("đặt lại mật khẩu")
        _check_password(password)
        user = cls.row(user_id)
        _store_password(user, password, action="reset_password")

    @classmethod
    def change_own_password(cls, old: str, new: str) -> None:
        who = access.current()
        if who is None or who.user_id is None:
            raise UserError("Chưa đăng nhập bằng tài khoản nào.")
        user = cls.row(who.user_id)
        if user.password_hash and not verify_password(old, user.password_hash):
            raise SignInError("Mật khẩu hiện tại không đúng.")
        _check_password(new)
        _store_password(user, new, action="change_password")

    @classmethod
    def authenticate(cls, username: str, password: str) -> User | None:
        """The account when the password is right (no throttling: sign_in is
        what the program uses)."""
        user = User.get_or_none((User.username == username.strip().lower()) & (User.active == True))  # noqa: E712
        if user is not None and verify_password(password, user.password_hash):
            return user
        return None


def _other_admins(user_id: int) -> bool:
    return User.select().where((User.role == "admin") & (User.active == True) & (User.id != user_id)).exists()  # noqa: E712


def _store_password(user: User, password: str, *, action: str) -> None:
    with database_proxy.atomic():
        User.update(password_hash=hash_password(password), failed_logins=0, locked_until=None,
                    version=User.version + 1, updated_at=now()).where(User.id == user.id).execute()
        audit.write(action, user, after={"username": user.username})  # never the hash


# --- signing in --------------------------------------------------------------------


def _principal(user: User) -> access.Principal:
    return access.Principal(user.username, user.full_name, user.role, bool(user.confidential), user.id)


def _wait_after(failures: int) -> dt.timedelta | None:
    if failures < FREE_ATTEMPTS:
        return None
    return min(FIRST_WAIT * 2 ** (failures - FREE_ATTEMPTS), LONGEST_WAIT)


def _wait_text(seconds: float) -> str:
    seconds = max(1, int(seconds + 0.999))
    return f"{seconds} giây" if seconds < 90 else f"{(seconds + 59) // 60} phút"


def sign_in(username: str, password: str, *, at: dt.datetime | None = None) -> access.Principal:
    """Check the password and make its account the one working (access.current).
    Raises SignInError with the reason in Vietnamese; a wrong name and a wrong
    password read the same, so names cannot be guessed one by one."""
    at = at or now()
    name = (username or "").strip().lower()
    refusal = None  # raised after the transaction, so that the failure count is kept
    with database_proxy.atomic():
        user = User.get_or_none(User.username == name)
        if user is None or not user.active:
            audit.write("sign_in_failed", table=User._meta.table_name, username=name or "?")
            refusal = "Sai tên đăng nhập hoặc mật khẩu."
        elif user.locked_until is not None and user.locked_until > at:
            wait = (user.locked_until - at).total_seconds()
            refusal = (f"Đã nhập sai mật khẩu nhiều lần. Hãy đợi {_wait_text(wait)} rồi thử lại, "
                       "hoặc nhờ người quản trị đặt lại mật khẩu.")
        elif not verify_password(password, user.password_hash):
            failures = user.failed_logins + 1
            wait = _wait_after(failures)
            User.update(failed_logins=failures, locked_until=(at + wait) if wait else None).where(User.id == user.id).execute()
            audit.write("sign_in_failed", user, username=name)
            refusal = (f"Sai mật khẩu lần thứ {failures}. Hãy đợi {_wait_text(wait.total_seconds())} rồi thử lại."
                       if wait else "Sai tên đăng nhập hoặc mật khẩu.")
        else:
            changes = {User.failed_logins: 0, User.locked_until: None}
            if needs_rehash(user.password_hash):
                changes[User.password_hash] = hash_password(password)  # PBKDF2 of an earlier version → scrypt
            User.update(changes).where(User.id == user.id).execute()
            audit.write("sign_in", user, username=user.username)
    if refusal:
        raise SignInError(refusal)
    principal = _principal(user)
    access.sign_in_as(principal)
    return principal


# --- the first start ------------------------------------------------------------


def sign_in_state() -> str:
    """What the window does after opening the database: "first_start" (no
    account yet: ask how the office works), "auto" (the one-person office's
    account signs in by itself) or "password"."""
    active = list(User.select().where(User.active == True).limit(2))  # noqa: E712
    if not active:
        return "first_start"
    if len(active) == 1 and active[0].auto_sign_in:
        return "auto"
    return "password"


def sign_in_automatically() -> access.Principal:
    user = User.get_or_none((User.auto_sign_in == True) & (User.active == True))  # noqa: E712
    if user is None or sign_in_state() != "auto":
        raise SignInError("Cơ sở dữ liệu này cần đăng nhập bằng mật khẩu.")
    audit.write("sign_in", user, username=user.username, after={"automatic": True})
    principal = _principal(user)
    access.sign_in_as(principal)
    return principal


def set_up_single_user(full_name: str, *, shared: bool = False) -> access.Principal:
    """The one-person office: one administrator account that signs in by
    itself. Not on a shared server (*shared*), where everybody needs a password."""
    if shared:
        raise UserError("Cơ sở dữ liệu dùng chung trên máy chủ cần đăng nhập bằng mật khẩu.")
    _first_account_only()
    with database_proxy.atomic():
        row = UserService.create_row({"username": "quantri", "full_name": full_name or "Quản trị",
                                      "role": "admin", "confidential": True})
        User.update(auto_sign_in=True).where(User.id == row.id).execute()
    return sign_in_automatically()


def set_up_administrator(username: str, full_name: str, password: str) -> access.Principal:
    """Several people: the first account, an administrator with a password."""
    _first_account_only()
    UserService.add(username, full_name, "admin", password, confidential=True)
    return sign_in(username, password)


def _first_account_only() -> None:
    if User.select().exists():
        raise UserError("Cơ sở dữ liệu đã có tài khoản; hãy đăng nhập.")
