"""Program users (who is named in the audit log) and their passwords."""
from __future__ import annotations

import hashlib
import hmac
import os

from ..errors import ValidationError
from ..store.models import User
from .core.fields import Boolean, Choice, Text
from .core.records import RecordService

ROLES = (("admin", "Quản trị"), ("clerk", "Cán bộ nhập liệu"), ("viewer", "Chỉ xem"))
_ITERATIONS = 200_000


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, _ITERATIONS)
    return f"pbkdf2_sha256${_ITERATIONS}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str | None) -> bool:
    if not stored:
        return False
    try:
        scheme, iterations, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "pbkdf2_sha256":
        return False
    candidate = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(salt), int(iterations))
    return hmac.compare_digest(candidate.hex(), digest)


class UserService(RecordService):
    model = User
    label = "người dùng"
    fields = (
        Text("username", "Tên đăng nhập", required=True, max_length=64),
        Text("full_name", "Họ và tên", required=True),
        Choice("role", "Quyền", choices=ROLES, default="clerk"),
        Boolean("active", "Đang dùng", default=True),
    )

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

    @classmethod
    def set_password(cls, user_id: int, password: str) -> None:
        if len(password) < 8:
            raise ValidationError("password", "Mật khẩu cần ít nhất 8 ký tự.")
        user = cls.row(user_id)
        User.update(password_hash=hash_password(password), version=User.version + 1).where(User.id == user.id).execute()

    @classmethod
    def authenticate(cls, username: str, password: str) -> User | None:
        user = User.get_or_none((User.username == username.strip().lower()) & (User.active == True))  # noqa: E712
        if user is not None and verify_password(password, user.password_hash):
            return user
        return None
