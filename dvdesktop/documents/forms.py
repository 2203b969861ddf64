"""Blank forms for paper-first work in the village: the meeting attendance
sheet and the concern intake slip."""
from __future__ import annotations

from . import blocks as B
from .common import header, sign
from .data import AttendanceSheetData, ConcernSlipData
from .layout_rules import MINUTES_WORDING, SIGN_NOTE

BOX = "\u25a1"  # □ (Liberation Serif and Times New Roman both have it)
NBSP = "\u00a0"


# One A4 page: the header, the title, two lines to fill in, the table and the
# signatures. ROWS rows of ROW_MM fit under the Party header (the taller one).
ROW_MM = 8.5
ROWS = 14


def rows_on_one_page(names: int) -> int:
    """Blank rows to add after *names* pre-filled ones so that the sheet fills
    its one page: a team of 9 gets 7 blank rows; a team too large for one page
    gets none (and the sheet runs on, as it must)."""
    return max(0, ROWS - names)


def attendance_sheet(data: AttendanceSheetData) -> B.Document:
    doc = B.Document(style=data.header.style, title=f"Danh sách tham dự – {data.team_name}",
                     subject="Danh sách người tham dự cuộc họp")
    subject = ["Người tham dự " + (data.meeting_title or "cuộc họp")]
    if data.team_name:
        subject.append(data.team_name)
    doc.add(header(data.header), B.Title("DANH SÁCH", subject))
    doc.add(B.FillLine("Thời gian"), B.FillLine("Địa điểm"))
    columns = [B.Column("STT", 0.075, "center"), B.Column("Họ và tên", 0.28), B.Column("Chức vụ", 0.385),
               B.Column("Ký tên", 0.16, "center"), B.Column("Ghi chú", 0.10)]
    # one line a person, so that the sheet stays on its one page: "Thành viên" goes
    # without saying; a long position is shrunk a little rather than wrapped
    rows = [[str(i), m.name, ", ".join(x for x in (m.position, m.role) if x and x != "Thành viên"), "", ""]
            for i, m in enumerate(data.names, 1)]
    rows += [[str(i), "", "", "", ""] for i in range(len(rows) + 1, len(rows) + data.blank_rows + 1)]
    doc.add(B.Table(columns=columns, rows=rows, size=12, min_row_height_mm=ROW_MM, nowrap=(1, 2)))
    doc.add(B.FillLine("Tổng số người tham dự"))
    # the same signers as the minutes of the meeting (THƯ KÝ / CHỦ TỌA, or CHỦ TRÌ in the Party's form)
    words = MINUTES_WORDING.get(data.header.style, MINUTES_WORDING["state"])
    secretary = sign(data.secretary, data.header.style)
    chair = sign(data.chair, data.header.style)
    if secretary is not None and secretary.title == "THƯ KÝ":
        secretary.title = words.left_signer
    if chair is not None and chair.title == "CHỦ TỌA":
        chair.title = words.right_signer
    doc.add(B.Signatures(left=secretary, right=chair, space_before=4))
    return doc


def _options(label: str, options: list[str]) -> B.Para:
    text = f"{NBSP}{NBSP} ".join(f"{BOX}{NBSP}{o.replace(' ', NBSP)}" for o in options)
    return B.Para([B.Run(label + ": ", bold=True), B.Run(text)], align="left", indent=False)


def concern_slip(data: ConcernSlipData) -> B.Document:
    doc = B.Document(style=data.header.style, title="Phiếu ghi nhận ý kiến, kiến nghị",
                     subject="Phiếu ghi nhận ý kiến, kiến nghị của Nhân dân")
    doc.add(header(data.header), B.Title("PHIẾU GHI NHẬN", ["Ý kiến, kiến nghị của Nhân dân"]))
    doc.add(B.FillLine("Họ và tên người phản ánh (có thể để trống)"), B.FillLine("Địa chỉ"),
            B.FillLine("Số điện thoại"), B.FillLine("Ngày tiếp nhận"))
    if data.channels:
        doc.add(_options("Hình thức tiếp nhận", data.channels))
    if data.fields:
        doc.add(_options("Lĩnh vực", data.fields))
    doc.add(B.FillLine("Nội dung ý kiến, kiến nghị", bold_label=True, lines=8))
    doc.add(B.FillLine("Đề xuất của người tiếp nhận", bold_label=True, lines=3))
    doc.add(B.para("Thông tin cá nhân của người phản ánh được giữ bí mật theo quy định của pháp luật "
                   "về bảo vệ dữ liệu cá nhân.", italic=True, size=12))
    doc.add(B.Signatures(left=B.SignBlock(title="NGƯỜI PHẢN ÁNH", note=SIGN_NOTE),
                         right=B.SignBlock(title="NGƯỜI TIẾP NHẬN", note=SIGN_NOTE), space_before=4))
    return doc
