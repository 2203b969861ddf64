"""Agenda templates for meetings: the ones shipped with the program
(resources/agenda_templates.json) and the clerk's own copy in the user data
folder, which overrides them once saved. No Qt here."""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ValidationError
from ..paths import resource
from ..store.location import data_dir
from ..vn import clean_line
from . import access
from .core import vocab

AGENDA_TEMPLATES_FILE = "agenda_templates.json"


@dataclass
class AgendaTemplate:
    name: str
    kind: str  # dinh_ky / dot_xuat
    items: list[str]


def _user_templates_path() -> Path:
    return data_dir() / AGENDA_TEMPLATES_FILE


def _parse_templates(raw: Any) -> list[AgendaTemplate]:
    if not isinstance(raw, list):
        raise ValidationError("templates", "Tệp mẫu nội dung họp phải là một danh sách.")
    kinds = {code for code, _ in vocab.MEETING_KINDS}
    result, names = [], set()
    for i, entry in enumerate(raw):
        if isinstance(entry, AgendaTemplate):
            entry = {"name": entry.name, "kind": entry.kind, "items": entry.items}
        if not isinstance(entry, dict):
            raise ValidationError(f"templates[{i}]", f"Mẫu thứ {i + 1} không hợp lệ.")
        name = clean_line(str(entry.get("name") or ""))
        if not name:
            raise ValidationError(f"templates[{i}].name", f"Mẫu thứ {i + 1} chưa có tên.")
        if name.casefold() in names:
            raise ValidationError(f"templates[{i}].name", f"Tên mẫu «{name}» bị trùng.")
        names.add(name.casefold())
        kind = entry.get("kind") or "dinh_ky"
        if kind not in kinds:
            raise ValidationError(f"templates[{i}].kind", f"Mẫu «{name}»: loại cuộc họp «{kind}» không hợp lệ.")
        items = [clean_line(str(t)) for t in entry.get("items") or () if str(t).strip()]
        if not items:
            raise ValidationError(f"templates[{i}].items", f"Mẫu «{name}» chưa có nội dung nào.")
        result.append(AgendaTemplate(name, kind, items))
    return result


def shipped_agenda_templates() -> list[AgendaTemplate]:
    with open(resource(AGENDA_TEMPLATES_FILE), encoding="utf-8") as f:
        return _parse_templates(json.load(f))


def load_agenda_templates() -> list[AgendaTemplate]:
    """The clerk's own templates when saved, else the ones shipped with the program.
    A damaged user copy falls back to the shipped templates."""
    path = _user_templates_path()
    if path.exists():
        try:
            with open(path, encoding="utf-8") as f:
                return _parse_templates(json.load(f))
        except (OSError, ValueError, ValidationError):
            pass
    return shipped_agenda_templates()


def save_agenda_templates(templates: list) -> Path:
    """Write the clerk's templates (AgendaTemplate or dicts) to the user data
    folder; they override the shipped ones from then on."""
    access.require_write("mẫu chương trình họp")
    parsed = _parse_templates(list(templates))
    path = _user_templates_path()
    payload = [{"name": t.name, "kind": t.kind, "items": t.items} for t in parsed]
    fd, tmp = tempfile.mkstemp(prefix=".agenda", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(payload, f, ensure_ascii=False, indent=2)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def reset_agenda_templates() -> None:
    """Forget the clerk's templates and use the shipped ones again."""
    _user_templates_path().unlink(missing_ok=True)


def agenda_from_template(template: AgendaTemplate) -> list[dict]:
    return [{"title": t, "content": ""} for t in template.items]
