"""The criteria set as one JSON file, the way a province hands its set of the
year to every commune.

The file has the shape of resources/criteria/default.json, plus
``"format": "dvdesktop-criteria"`` and the year it was written for. Importing
checks everything first and writes nothing when anything is wrong: the
error lists every problem, one Vietnamese line each, with where it is
("Nhóm 2, tiêu chí 2.3: điểm tối đa phải lớn hơn 0.").
"""
from __future__ import annotations

import json
from pathlib import Path

from ...errors import NotFoundError, UserError, ValidationError
from .criteria import (
    CriteriaProblems, CriteriaSetData, criteria_set, data_from_definition, definition_of, definition_problems,
    require_criteria_set, save_criteria_set,
)

FORMAT = "dvdesktop-criteria"
FORMAT_VERSION = 1


def export_criteria_file(year: int, path: str | Path) -> Path:
    """Write *year*'s criteria set to *path* (UTF-8 JSON, readable and
    editable by hand)."""
    data = require_criteria_set(year)
    document = {"format": FORMAT, "format_version": FORMAT_VERSION, "year": year, **definition_of(data)}
    path = Path(path)
    try:
        path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        from ..files import describe_os_error

        raise UserError(describe_os_error(exc, path)) from exc
    return path


def read_criteria_file(path: str | Path, year: int) -> CriteriaSetData:
    """The criteria set in *path*, checked, for *year* (nothing written).
    Raises CriteriaProblems listing every problem."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise NotFoundError(f"Không tìm thấy tệp «{path}».") from None
    except OSError as exc:
        from ..files import describe_os_error

        raise UserError(describe_os_error(exc, path)) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CriteriaProblems([f"Tệp «{path.name}» không phải tệp văn bản UTF-8 của bộ tiêu chí."]) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CriteriaProblems([
            f"Tệp «{path.name}» không đúng định dạng JSON (dòng {exc.lineno}, cột {exc.colno}): kiểm tra dấu phẩy, ngoặc và dấu nháy."
        ]) from None
    problems = []
    if isinstance(document, dict) and "format" in document and document["format"] != FORMAT:
        problems.append(f"Tệp «{path.name}» không phải tệp bộ tiêu chí (tệp ghi loại «{document['format']}»).")
    problems += definition_problems(document)
    if problems:
        raise CriteriaProblems(problems)
    file_year = document.get("year")
    if isinstance(file_year, int) and file_year != year and isinstance(document.get("name"), str):
        document = {**document, "name": document["name"].replace(str(file_year), str(year))}
    return data_from_definition(document, year)


def import_criteria_file(path: str | Path, year: int, *, replace: bool = False) -> CriteriaSetData:
    """Make the set in *path* the criteria set of *year*, in one transaction.
    Everything is checked before anything is written. A year that already
    has a set keeps it unless *replace*."""
    data = read_criteria_file(path, year)
    existing = criteria_set(year)
    if existing is not None and not replace:
        raise ValidationError(
            "year", f"Năm {year} đã có bộ tiêu chí «{existing.name}». Chọn nhập thay thế nếu muốn dùng bộ tiêu chí trong tệp."
        )
    return save_criteria_set(year, data, expected_version=existing.version if existing else None)
