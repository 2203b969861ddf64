"""Declarative field rules: how a value typed in a form, a CLI argument or an
imported cell becomes a stored value, or a ValidationError naming the field."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from ...errors import ValidationError
from ...vn import clean_line, nfc, parse_date


_GROUPED = re.compile(r"-?\d{1,3}(\.\d{3})+")
# Names that keep their capital inside a sentence ("Chưa chọn Tổ dân vận.").
_PROPER = ("Tổ dân vận", "Tổ hòa giải", "Chi bộ", "Đảng", "Ban ", "Ủy ban", "Mặt trận", "Bí thư Chi bộ", "UBND")


def in_sentence(label: str) -> str:
    """*label* as it reads inside a sentence: the first letter small, except
    for names of bodies, and the rest as written ("UBND", "Tổ dân vận")."""
    if not label or label.startswith(_PROPER):
        return label
    return label[0].lower() + label[1:]


@dataclass(frozen=True)
class Field:
    name: str
    label: str  # Vietnamese, used in messages
    required: bool = False
    blank_verb = "nhập"  # "Chưa nhập …" (typed) / "Chưa chọn …" (chosen from a list)

    def coerce(self, value: Any) -> Any:
        raise NotImplementedError

    def empty(self) -> Any:
        return None

    def _blank(self, value: Any) -> bool:
        return value is None or (isinstance(value, str) and not value.strip())

    def clean(self, value: Any) -> Any:
        if self._blank(value):
            if self.required:
                raise ValidationError(self.name, f"Chưa {self.blank_verb} {in_sentence(self.label)}.")
            return self.empty()
        return self.coerce(value)


@dataclass(frozen=True)
class Text(Field):
    max_length: int = 200
    multiline: bool = False

    def empty(self):
        return ""

    def coerce(self, value):
        text = nfc(str(value)) if self.multiline else clean_line(str(value))
        if len(text) > self.max_length:
            raise ValidationError(self.name, f"{self.label} dài quá {self.max_length} ký tự.")
        return text


@dataclass(frozen=True)
class Choice(Field):
    choices: tuple[tuple[str, str], ...] = ()  # (stored value, Vietnamese label)
    default: str | None = None
    blank_verb = "chọn"

    def empty(self):
        return self.default

    def coerce(self, value):
        value = nfc(str(value))
        for code, label in self.choices:
            if value == code or value.casefold() == label.casefold():
                return code
        allowed = ", ".join(label for _, label in self.choices)
        raise ValidationError(self.name, f"{self.label} «{value}» không hợp lệ; chọn một trong: {allowed}.")

    def label_of(self, code: str | None) -> str:
        return dict(self.choices).get(code or "", code or "")


@dataclass(frozen=True)
class Integer(Field):
    minimum: int | None = 0
    maximum: int | None = None
    default: int | None = None

    def empty(self):
        return self.default

    def coerce(self, value):
        if isinstance(value, bool):
            raise ValidationError(self.name, f"{self.label} phải là số.")
        try:
            if isinstance(value, str):
                text = value.strip().replace(" ", "")
                if _GROUPED.fullmatch(text):  # "1.234.567": dots group thousands
                    text = text.replace(".", "")
                number = int(text)
            elif isinstance(value, float) and not value.is_integer():
                raise ValueError
            else:
                number = int(value)
        except (TypeError, ValueError):
            raise ValidationError(self.name, f"{self.label} phải là số nguyên.") from None
        if self.minimum is not None and number < self.minimum:
            raise ValidationError(self.name, f"{self.label} không được nhỏ hơn {self.minimum}.")
        if self.maximum is not None and number > self.maximum:
            raise ValidationError(self.name, f"{self.label} không được lớn hơn {self.maximum}.")
        return number


@dataclass(frozen=True)
class Number(Field):
    """A decimal typed the Vietnamese way ('1.234,5') or the plain way ('1234.5')."""

    minimum: Decimal | None = Decimal(0)
    default: Decimal | None = None

    def empty(self):
        return self.default

    def coerce(self, value):
        if isinstance(value, str):
            text = value.strip().replace(" ", "")
            if "," in text:
                text = text.replace(".", "").replace(",", ".")
            value = text
        try:
            number = Decimal(str(value))
        except (InvalidOperation, ValueError):
            raise ValidationError(self.name, f"{self.label} phải là số.") from None
        if not number.is_finite():
            raise ValidationError(self.name, f"{self.label} phải là số.")
        if self.minimum is not None and number < self.minimum:
            raise ValidationError(self.name, f"{self.label} không được nhỏ hơn {self.minimum}.")
        return number


@dataclass(frozen=True)
class Date(Field):
    def coerce(self, value):
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            day = parse_date(str(value))
        except ValueError as exc:
            raise ValidationError(self.name, f"{self.label}: {exc}") from None
        if not 1900 <= day.year <= 2200:
            raise ValidationError(self.name, f"{self.label}: năm {day.year} không hợp lệ.")
        return day


@dataclass(frozen=True)
class DateTime(Field):
    def coerce(self, value):
        if isinstance(value, dt.datetime):
            return value.replace(microsecond=0)
        if isinstance(value, dt.date):
            return dt.datetime.combine(value, dt.time(0, 0))
        text = str(value).strip()
        try:
            return dt.datetime.fromisoformat(text).replace(microsecond=0)
        except ValueError:
            pass
        # "14:30 05/01/2025" or "05/01/2025 14:30"
        parts = text.split()
        if len(parts) == 2:
            time_part, date_part = (parts if ":" in parts[0] else parts[::-1])
            try:
                hh, mm = (int(x) for x in time_part.lower().replace("h", ":").split(":")[:2])
                day = parse_date(date_part)
                return dt.datetime.combine(day, dt.time(hh, mm))
            except ValueError:
                pass
        raise ValidationError(self.name, f"{self.label} «{text}» không hợp lệ; nhập dạng ngày/tháng/năm giờ:phút.")


@dataclass(frozen=True)
class Boolean(Field):
    default: bool | None = False

    def empty(self):
        return self.default

    def coerce(self, value):
        if isinstance(value, bool):
            return value
        text = str(value).strip().casefold()
        if text in {"1", "true", "có", "co", "x", "yes", "đúng", "c"}:
            return True
        if text in {"0", "false", "không", "khong", "no", "sai", "k"}:
            return False
        raise ValidationError(self.name, f"{self.label}: ghi «có» hoặc «không».")


@dataclass(frozen=True)
class Ref(Field):
    """A reference to another record by id (or the record itself)."""

    model: Any = None
    blank_verb = "chọn"

    def coerce(self, value):
        record_id = getattr(value, "id", value)
        try:
            record_id = int(record_id)
        except (TypeError, ValueError):
            raise ValidationError(self.name, f"{self.label} không hợp lệ.") from None
        query = self.model.select(self.model.id).where(self.model.id == record_id)
        if hasattr(self.model, "deleted_at"):
            query = query.where(self.model.deleted_at.is_null())
        if not query.exists():
            raise ValidationError(self.name, f"Không tìm thấy {in_sentence(self.label)} đã chọn (có thể đã bị xóa).")
        return record_id


@dataclass(frozen=True)
class Money(Integer):
    """Whole đồng, typed the Vietnamese way: '1.500.000', '1 500 000 đ', '2.000.000 đồng'."""

    def coerce(self, value):
        if isinstance(value, float):
            if not value.is_integer():
                raise ValidationError(self.name, f"{self.label} phải là số đồng chẵn.")
            value = int(value)
        if isinstance(value, Decimal):
            if value != value.to_integral_value():
                raise ValidationError(self.name, f"{self.label} phải là số đồng chẵn.")
            value = int(value)
        if isinstance(value, str):
            text = value.strip().lower()
            for unit in ("đồng", "vnđ", "vnd", "đ"):
                if text.endswith(unit):
                    text = text[: -len(unit)].strip()
                    break
            if "," in text:
                raise ValidationError(self.name, f"{self.label} phải là số đồng chẵn (không có phần lẻ sau dấu phẩy).")
            value = text
        return super().coerce(value)
