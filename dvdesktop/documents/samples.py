"""Hand-made sample data for every document: used by tests, the benchmark
and the print preview of an empty database."""
from __future__ import annotations

import datetime as dt

from .data import (
    AgendaEntry, Attendee, AttendanceSheetData, ConcernEntry, ConcernRegisterData, ConcernSlipData,
    DecisionData, HeaderData, MemberRow, MinutesData, OutreachRecordData, RosterData, RosterGroup,
    SignerData, TaskEntry,
)

TEAM = "Tổ dân vận bản Nà Khoang"

MEMBERS = [
    MemberRow("Lò Văn Thắng", "Tổ trưởng", "Bí thư chi bộ", "nam", 1975, "Thái", "0912 345 678", True),
    MemberRow("Quàng Thị Mai", "Tổ phó", "Trưởng bản", "nữ", 1982, "Thái", "0987 654 321", True),
    MemberRow("Vàng A Dơ", "Tổ phó", "Trưởng ban công tác Mặt trận", "nam", 1970, "Mông", "", True),
    MemberRow("Lường Thị Hoa", "Thành viên", "Chi hội trưởng Hội Phụ nữ", "nữ", 1988, "Thái"),
    MemberRow("Tòng Văn Ún", "Thành viên", "Chi hội trưởng Hội Nông dân", "nam", 1968, "Thái"),
    MemberRow("Nguyễn Văn Đức", "Thành viên", "Chi hội trưởng Hội Cựu chiến binh", "nam", 1958, "Kinh"),
    MemberRow("Cà Thị Ngọc", "Thành viên", "Bí thư Chi đoàn", "nữ", 1998, "Thái"),
    MemberRow("Giàng A Sử", "Thành viên", "Công an viên", "nam", 1990, "Mông"),
    MemberRow("Lò Thị Ỷ", "Thành viên", "Chi hội trưởng Hội Người cao tuổi", "nữ", 1955, "Thái"),
]


def party_header(kind_code: str = "BB", number: str = "", date: dt.date | None = None) -> HeaderData:
    return HeaderData(style="party", parent="ĐẢNG BỘ XÃ NẬM PỒ", issuer="TỔ DÂN VẬN BẢN NÀ KHOANG",
                      number=number, kind_code=kind_code, issuer_code="TDV", place="Nậm Pồ", date=date)


def state_header(kind_code: str = "BB", number: str = "", date: dt.date | None = None) -> HeaderData:
    return HeaderData(style="state", parent="ỦY BAN NHÂN DÂN XÃ NẬM PỒ", issuer="TỔ DÂN VẬN BẢN NÀ KHOANG",
                      number=number, kind_code=kind_code, issuer_code="TDV", place="Nậm Pồ", date=date)


def minutes(style: str = "party") -> MinutesData:
    day = dt.date(2025, 1, 5)
    h = (party_header if style == "party" else state_header)("BB", "05-BB/TDV" if style == "party" else "05/BB-TDV", day)
    people = [Attendee(m.name, f"{m.position}, {m.role}") for m in MEMBERS]
    people[3].status, people[3].reason = "excused", "đi viện thăm người nhà"
    return MinutesData(
        header=h, team_name=TEAM, kind="dinh_ky", title="Tháng 01 năm 2025",
        starts_at=dt.datetime(2025, 1, 5, 14, 0), ends_at=dt.datetime(2025, 1, 5, 16, 30),
        place="Nhà văn hóa bản Nà Khoang",
        chair="Lò Văn Thắng", chair_position="Bí thư chi bộ, Tổ trưởng",
        secretary="Cà Thị Ngọc", secretary_position="Bí thư Chi đoàn",
        attendees=people, guests=["Đồng chí Điêu Chính Tới, cán bộ phụ trách bản, Đảng ủy xã Nậm Pồ"],
        agenda=[
            AgendaEntry("Đánh giá kết quả hoạt động tháng 12 năm 2024",
                        "Tổ trưởng báo cáo: trong tháng, Tổ đã phối hợp với Ban công tác Mặt trận vận động "
                        "32 hộ tham gia làm đường bê tông nội bản, đóng góp 145 ngày công; tuyên truyền "
                        "về phòng, chống cháy rừng tại 2 buổi họp bản với 118 lượt người dự."),
            AgendaEntry("Triển khai nhiệm vụ tháng 01 năm 2025",
                        "Vận động Nhân dân đón Tết Nguyên đán an toàn, tiết kiệm; không đốt pháo; giữ gìn "
                        "an ninh trật tự.\nNắm tình hình tư tưởng, tâm trạng của Nhân dân, kịp thời báo cáo chi bộ."),
        ],
        discussion="Đồng chí Quàng Thị Mai đề nghị sớm sửa đoạn đường qua suối Nậm Chà trước mùa mưa.\n"
                   "Đồng chí Giàng A Sử đề nghị tăng cường tuần tra ban đêm dịp Tết.",
        conclusions="Thống nhất các nội dung trên; giao các thành viên phụ trách cụm dân cư nắm tình hình và báo cáo "
                    "tại cuộc họp tháng 02 năm 2025.",
        tasks=[
            TaskEntry("Vận động các hộ ký cam kết không đốt pháo dịp Tết", "Quàng Thị Mai", dt.date(2025, 1, 20)),
            TaskEntry("Tổ chức tuần tra an ninh trật tự ban đêm", "Giàng A Sử", dt.date(2025, 2, 5)),
            TaskEntry("Tổng hợp ý kiến của Nhân dân về đoạn đường qua suối Nậm Chà, báo cáo Đảng ủy xã",
                      "Lò Văn Thắng", dt.date(2025, 1, 15)),
        ],
    )


def outreach(style: str = "party") -> OutreachRecordData:
    day = dt.date(2025, 3, 12)
    h = (party_header if style == "party" else state_header)("BB", "", day)
    return OutreachRecordData(
        header=h, team_name=TEAM, held_on=day, place="Nhà văn hóa bản Nà Khoang", form="Họp dân",
        topic="Phòng, chống cháy rừng mùa khô năm 2025",
        policy="Luật Lâm nghiệp năm 2017; Chỉ thị của Ủy ban nhân dân tỉnh về phòng cháy, chữa cháy rừng",
        presenters="Lò Văn Thắng, Tổ trưởng; Giàng A Sử, Công an viên",
        audience_total=86, audience_women=41, audience_minority=80,
        materials="Tờ rơi, loa cầm tay",
        result="Các hộ nắm được quy định về đốt nương; 62 hộ ký cam kết không đốt nương khi có gió lớn.",
        recorder="Cà Thị Ngọc",
        leader=SignerData("TỔ TRƯỞNG", "T/M TỔ DÂN VẬN", "Lò Văn Thắng"),
    )


def concerns(style: str = "party") -> ConcernRegisterData:
    h = (party_header if style == "party" else state_header)("BC", "", dt.date(2025, 4, 1))
    fields = ["Đất đai", "Giao thông", "Chính sách xã hội", "Môi trường", "An ninh trật tự"]
    entries = []
    for i in range(24):
        entries.append(ConcernEntry(
            received_on=dt.date(2025, 1 + i // 8, 1 + i), raised_by="Ẩn danh", area="Bản Nà Khoang",
            channel="Họp Tổ dân vận", field=fields[i % 5],
            content=f"Ý kiến số {i + 1}: đề nghị xã xem xét sửa chữa đoạn đường liên bản bị sạt lở, "
                    "đi lại khó khăn cho học sinh và bà con vào mùa mưa.",
            forwarded_to="Ủy ban nhân dân xã" if i % 3 else "", forwarded_on=dt.date(2025, 1 + i // 8, 3 + i) if i % 3 else None,
            answer="Đã đưa vào kế hoạch sửa chữa quý II" if i % 4 == 1 else "",
            status=["Mới", "Đã chuyển", "Đã trả lời"][i % 3],
        ))
    return ConcernRegisterData(header=h, scope_name=TEAM, period_start=dt.date(2025, 1, 1),
                               period_end=dt.date(2025, 3, 31), entries=entries, maker="Cà Thị Ngọc",
                               signer=SignerData("TỔ TRƯỞNG", "T/M TỔ DÂN VẬN", "Lò Văn Thắng"))


def roster(style: str = "party", teams: int = 1) -> RosterData:
    h = (party_header if style == "party" else state_header)("DS", "", dt.date(2025, 2, 1))
    groups = [RosterGroup(TEAM if i == 0 else f"Tổ dân vận bản Huổi {i}", list(MEMBERS)) for i in range(teams)]
    return RosterData(header=h, subject=TEAM if teams == 1 else "các Tổ dân vận xã Nậm Pồ", groups=groups,
                      on=dt.date(2025, 2, 1), signer=SignerData("TỔ TRƯỞNG", "T/M TỔ DÂN VẬN", "Lò Văn Thắng"))


def decision(style: str = "party", kind: str = "thanh_lap") -> DecisionData:
    day = dt.date(2025, 7, 15)
    if style == "party":
        h = HeaderData(style="party", parent="ĐẢNG BỘ TỈNH ĐIỆN BIÊN", issuer="ĐẢNG ỦY XÃ NẬM PỒ",
                       number="125-QĐ/ĐU", place="Nậm Pồ", date=day)
        signer = SignerData("BÍ THƯ", "T/M BAN THƯỜNG VỤ", "Lò Văn Mạnh")
        authority = "BAN THƯỜNG VỤ ĐẢNG ỦY XÃ NẬM PỒ"
    else:
        h = HeaderData(style="state", parent="", issuer="ỦY BAN NHÂN DÂN XÃ NẬM PỒ",
                       number="125/QĐ-UBND", place="Nậm Pồ", date=day)
        signer = SignerData("CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "Lò Văn Mạnh")
        authority = "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ NẬM PỒ"
    return DecisionData(
        header=h, team_name=TEAM, kind=kind, authority=authority,
        grounds=["Căn cứ Điều lệ Đảng Cộng sản Việt Nam",
                 "Căn cứ Quy chế làm việc của Đảng ủy xã Nậm Pồ nhiệm kỳ 2025 - 2030"],
        proposal="Xét đề nghị của Ban Xây dựng Đảng Đảng ủy xã",
        members=list(MEMBERS), previous_decision="12-QĐ/ĐU ngày 10 tháng 3 năm 2021" if kind == "kien_toan" else "",
        signer=signer,
        recipients=["Ban Tuyên giáo và Dân vận Tỉnh ủy (b/c)", "Thường trực Đảng ủy xã", "Chi bộ bản Nà Khoang",
                    "Như Điều 3", "Lưu Văn phòng Đảng ủy"],
    )


def attendance_sheet(style: str = "party") -> AttendanceSheetData:
    return AttendanceSheetData(header=(party_header if style == "party" else state_header)("DS"), team_name=TEAM,
                               meeting_title="họp định kỳ tháng 01 năm 2025", names=list(MEMBERS), blank_rows=6)


def concern_slip(style: str = "party") -> ConcernSlipData:
    return ConcernSlipData(
        header=(party_header if style == "party" else state_header)("PTN"), team_name=TEAM,
        channels=["Trực tiếp", "Điện thoại", "Họp thôn", "Họp Tổ dân vận", "Zalo", "Khác"],
        fields=["Đất đai", "Môi trường", "Chính sách xã hội", "An ninh trật tự", "Giao thông", "Y tế",
                "Giáo dục", "Điện, nước", "Khác"])
