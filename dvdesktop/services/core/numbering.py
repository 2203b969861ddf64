"""Document numbers: one counter per issuing body, document kind and year
(table DocumentNumber), and the two ways a number is printed:
State documents (Nghị định 30/2020): "Số: 05/BB-TDV";
Party documents (Hướng dẫn 36-HD/VPTW): "Số 12-BB/CB". No Qt here."""
from __future__ import annotations

import peewee as pw

from ...errors import ValidationError
from ...store.base import database_proxy, new_uid, now
from ...store.models import DocumentNumber
from ...vn import clean_line, fold
from . import audit

KINDS = (
    ("BB", "Biên bản"), ("BC", "Báo cáo"), ("KH", "Kế hoạch"),
    ("TB", "Thông báo"), ("QĐ", "Quyết định"), ("GM", "Giấy mời"),
)
# Party numbers take the leading zero too ("Số 03-BB/TDV"): the 2018 guideline
# is silent, offices write them so, and a number suggested by the program and
# one typed by the clerk must print alike (services.meetings.padded_number).
PARTY_LEADING_ZERO = True


def normalise_kind(kind: str) -> str:
    """'bb' → 'BB', 'QD' or 'Quyết định' → 'QĐ'."""
    typed = fold(kind or "")
    for code, label in KINDS:
        if typed in (fold(code), fold(label)):
            return code
    allowed = ", ".join(code for code, _ in KINDS)
    raise ValidationError("kind", f"Loại văn bản «{kind}» không hợp lệ; chọn một trong: {allowed}.")


def _key(issuer: str, kind: str, year: int) -> tuple[str, str, int]:
    name = clean_line(issuer or "")
    if not name:
        raise ValidationError("issuer", "Chưa nhập cơ quan ban hành.")
    if len(name) > 200:
        raise ValidationError("issuer", "Tên cơ quan ban hành dài quá 200 ký tự.")
    try:
        year = int(year)
    except (TypeError, ValueError):
        raise ValidationError("year", "Năm phải là số.") from None
    if not 1900 <= year <= 2200:
        raise ValidationError("year", f"Năm {year} không hợp lệ.")
    return name, normalise_kind(kind), year


def _where(issuer: str, kind: str, year: int):
    return (DocumentNumber.issuer == issuer) & (DocumentNumber.kind == kind) & (DocumentNumber.year == year)


def last_number(issuer: str, kind: str, year: int) -> int:
    """The highest number given so far (0 when none)."""
    issuer, kind, year = _key(issuer, kind, year)
    row = DocumentNumber.select(DocumentNumber.last_number).where(_where(issuer, kind, year)).first()
    return row.last_number if row else 0


def suggest(issuer: str, kind: str, year: int) -> int:
    """The next number, for the form to show; nothing is reserved."""
    return last_number(issuer, kind, year) + 1


def take(issuer: str, kind: str, year: int, number: int | None = None) -> int:
    """Give a number and record it, atomically (two PCs saving at once get two
    numbers). Without *number* the next one is taken; a number the clerk typed
    above the counter moves the counter up to it; one below it (a number
    skipped earlier) is given without moving the counter."""
    issuer, kind, year = _key(issuer, kind, year)
    if number is not None:
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise ValidationError("number", "Số văn bản phải là số.") from None
        if number < 1:
            raise ValidationError("number", "Số văn bản phải từ 1 trở lên.")
    where = _where(issuer, kind, year)
    with database_proxy.atomic():
        stamp = now()
        DocumentNumber.insert(
            uid=new_uid(), created_at=stamp, updated_at=stamp, version=1,
            issuer=issuer, kind=kind, year=year, last_number=0,
        ).on_conflict_ignore().execute()
        # The UPDATE takes the row lock first (PostgreSQL) or the write lock (SQLite),
        # so the value read afterwards is ours.
        if number is None:
            new_last = DocumentNumber.last_number + 1
        else:
            new_last = pw.Case(None, ((DocumentNumber.last_number < number, number),), DocumentNumber.last_number)
        before = DocumentNumber.select(DocumentNumber.last_number).where(where).scalar()
        DocumentNumber.update(last_number=new_last, version=DocumentNumber.version + 1, updated_at=stamp).where(where).execute()
        row = DocumentNumber.get(where)
        taken = row.last_number if number is None else number
        audit.write("update", row, before={"last_number": before}, after={"last_number": row.last_number, "taken": taken})
    return taken


def number_text(n: int, leading_zero: bool = True) -> str:
    """'05' for 5 (State style: numbers under 10 get a leading zero)."""
    if n is None or int(n) < 1:
        raise ValidationError("number", "Số văn bản phải từ 1 trở lên.")
    return f"{int(n):02d}" if leading_zero else str(int(n))


def state_number(n: int, kind: str, issuer_code: str) -> str:
    """'Số: 05/BB-TDV' (Nghị định 30/2020/NĐ-CP)."""
    return f"Số: {number_text(n)}/{normalise_kind(kind)}-{clean_line(issuer_code)}"


def party_number(n: int, kind: str, issuer_code: str, *, leading_zero: bool | None = None) -> str:
    """'Số 12-BB/CB' (Party documents: no colon, kind before the body's code)."""
    pad = PARTY_LEADING_ZERO if leading_zero is None else leading_zero
    return f"Số {number_text(n, pad)}-{normalise_kind(kind)}/{clean_line(issuer_code)}"
