"""The data steps of `dvdesktop --self-test` (no Qt): a scratch database in a
folder of its own, a record with Vietnamese text saved and read back, one
document rendered to PDF and to Word and read back.

Each step raises on failure (a UserError with a Vietnamese message, or any
exception: the command says which step failed). The IT person runs the
self-test on a PC after installing, and the Windows build runs it on the
frozen program; it never touches the clerk's own database.
"""
from __future__ import annotations

import datetime as dt
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import UserError
from . import session

# Every kind of Vietnamese letter a clerk types: tones on a, e, o, u, y,
# ă â ê ô ơ ư đ, capitals; typed decomposed (NFD) as some keyboards send it.
PERSON_NAME = "Nguyễn Thị Hằng"
AREA_NAME = "Thôn Nà Khoang Ưởng Đậu"
NOTE = "Ý kiến về đường liên thôn; ơ ư ă â ê ô đ Đ ỹ Ỹ ự ẫ"


@dataclass(frozen=True)
class SavedRecords:
    area_id: int
    team_id: int
    person_id: int


def open_scratch(folder: Path) -> session.DatabaseInfo:
    """A new SQLite database in *folder* (created with every table)."""
    path = Path(folder) / "tu-kiem-tra.sqlite3"
    if path.exists():
        raise UserError(f"Đã có tệp «{path}»; thư mục tự kiểm tra phải trống.")
    info = session.open(str(path), create=True)
    if not path.is_file():
        raise UserError(f"Không tạo được cơ sở dữ liệu thử «{path}».")
    return info


def save_and_read_back() -> SavedRecords:
    """An area, its team, a person and her membership, saved with text typed
    decomposed; read back, the text must come out composed (NFC) and equal."""
    from .register import AreaService, MembershipService, PersonService, TeamService

    nfd = lambda text: unicodedata.normalize("NFD", text)  # noqa: E731
    area = AreaService.create({"name": nfd(AREA_NAME), "kind": "thôn", "commune": "Xã Nậm Pồ",
                               "province": "Tỉnh Điện Biên", "households": 120, "population": 530})
    team = TeamService.create({"area": area.id, "name": f"Tổ dân vận {AREA_NAME}",
                               "established_on": dt.date(2024, 3, 5)})
    person = PersonService.create({"full_name": nfd(PERSON_NAME), "gender": "nữ", "birth_year": 1985,
                                   "area": area.id, "notes": nfd(NOTE)})
    MembershipService.create({"person": person.id, "team": team.id, "role": "to_truong",
                              "start_date": dt.date(2024, 3, 5)})
    back = PersonService.get(person.id)
    for field, expected in (("full_name", PERSON_NAME), ("notes", NOTE)):
        got = back[field]
        if got != expected:
            raise UserError(f"Đọc lại «{field}» được «{got}», mong đợi «{expected}».")
    if AreaService.get(area.id)["name"] != AREA_NAME:
        raise UserError("Tên địa bàn đọc lại không đúng.")
    return SavedRecords(area.id, team.id, person.id)


def render_documents(folder: Path, records: SavedRecords) -> tuple[Path, Path]:
    """The team's member list to PDF and to Word in *folder*; both read back:
    the PDF is complete and embeds its fonts, the Word file names the person."""
    from .printing import print_document

    written = []
    for ending in (".pdf", ".docx"):
        target = Path(folder) / f"danh-sach-thanh-vien{ending}"
        written.append(Path(print_document("roster", target, team=records.team_id)))
    pdf, docx = written
    data = pdf.read_bytes()
    if not data.startswith(b"%PDF") or b"%%EOF" not in data[-64:]:
        raise UserError(f"Tệp PDF «{pdf}» không đầy đủ.")
    if b"/FontFile2" not in data:
        raise UserError(f"Tệp PDF «{pdf}» không nhúng phông chữ.")
    try:
        with zipfile.ZipFile(docx) as z:
            body = z.read("word/document.xml").decode("utf-8")
    except (OSError, KeyError, zipfile.BadZipFile) as exc:
        raise UserError(f"Tệp Word «{docx}» không đọc được: {exc}") from exc
    if PERSON_NAME not in body:
        raise UserError(f"Tệp Word «{docx}» thiếu tên «{PERSON_NAME}».")
    return pdf, docx
