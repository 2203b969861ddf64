"""Organisation settings: who issues the documents and who signs them.

Stored as one JSON value per key in the Setting table, read into a dataclass
that the printed documents and the settings form share.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields

from ..errors import ValidationError
from ..store.base import database_proxy, now
from ..store.models import Setting
from ..vn import clean_line
from .core import audit
from .printing.catalog import default_styles, style_settings

ORGANISATION_KEY = "organisation"

# The header-style settings (Party or State), one per declared printed kind
# that has its own (services/printing/catalog.py); the form lists these.
DOCUMENT_KINDS = style_settings()
DEFAULT_STYLES = default_styles()


@dataclass
class Signer:
    name: str = ""
    title: str = ""  # "BÍ THƯ", "CHỦ TỊCH", "TỔ TRƯỞNG"
    on_behalf: str = ""  # "T/M ĐẢNG ỦY", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH" ...


@dataclass
class Organisation:
    province: str = ""  # "Điện Biên"
    province_code: str = ""
    commune: str = ""  # "xã Nậm Pồ"
    commune_code: str = ""
    party_committee: str = ""  # "Đảng ủy xã Nậm Pồ"
    people_committee: str = ""  # "Ủy ban nhân dân xã Nậm Pồ"
    front_committee: str = ""  # "Ủy ban Mặt trận Tổ quốc Việt Nam xã Nậm Pồ"
    place_name: str = ""  # used in date lines: "Nậm Pồ, ngày ..."
    party_signer: Signer = field(default_factory=Signer)
    state_signer: Signer = field(default_factory=Signer)
    header_styles: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_STYLES))
    show_confidential_names: bool = False  # mediation parties' names in lists

    @property
    def commune_short(self) -> str:
        """'Nậm Pồ' from 'xã Nậm Pồ'."""
        words = self.commune.split()
        if words and words[0].lower() in {"xã", "phường", "đặc", "thị"}:
            words = words[2:] if words[0].lower() in {"đặc", "thị"} else words[1:]
        return " ".join(words)

    @property
    def province_unit(self) -> str:
        """'tỉnh Điện Biên', or 'thành phố Hà Nội' for a centrally-run city
        (the official list already names those 'Thành phố …')."""
        name = self.province.strip()
        if not name:
            return ""
        for kind in ("tỉnh", "thành phố"):
            if name.lower().startswith(kind + " "):
                return kind + name[len(kind):]
        return f"tỉnh {name}"

    def header_style(self, kind: str) -> str:
        return self.header_styles.get(kind) or DEFAULT_STYLES.get(kind, "party")


def _from_json(raw: str) -> Organisation:
    data = json.loads(raw)
    org = Organisation()
    for f in fields(Organisation):
        if f.name not in data:
            continue
        value = data[f.name]
        if f.name in {"party_signer", "state_signer"}:
            value = Signer(**{k: v for k, v in (value or {}).items() if k in Signer.__dataclass_fields__})
        elif f.name == "header_styles":
            value = {**DEFAULT_STYLES, **(value or {})}
        setattr(org, f.name, value)
    return org


def load_organisation() -> Organisation:
    row = Setting.get_or_none(Setting.key == ORGANISATION_KEY)
    return _from_json(row.value) if row else Organisation()


def _normalised(org: Organisation) -> dict:
    data = asdict(org)
    for key, value in list(data.items()):
        if isinstance(value, str):
            data[key] = clean_line(value)
        elif isinstance(value, dict) and key != "header_styles":
            data[key] = {k: clean_line(v) if isinstance(v, str) else v for k, v in value.items()}
    for kind, style in data["header_styles"].items():
        if style not in {"party", "state"}:
            raise ValidationError("header_styles", f"Kiểu tiêu đề «{style}» không hợp lệ (chọn Đảng hoặc Nhà nước).")
    return data


def save_organisation(org: Organisation) -> Organisation:
    from . import access

    access.require_admin("thay đổi cài đặt của đơn vị")
    data = _normalised(org)
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True)
    with database_proxy.atomic():
        row = Setting.get_or_none(Setting.key == ORGANISATION_KEY)
        before = json.loads(row.value) if row else None
        if row is None:
            row = Setting.create(key=ORGANISATION_KEY, value=raw)
        else:
            Setting.update(value=raw, updated_at=now(), version=Setting.version + 1).where(Setting.id == row.id).execute()
        audit.write("update", row, before=before, after=data)
    return _from_json(raw)
