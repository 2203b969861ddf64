"""One mediation case on paper (Luật Hòa giải ở cơ sở 2013):

* the văn bản hòa giải thành (Điều 24.2): grounds; the parties; the main
  content of the dispute; how mediation went; the agreement and how it is
  carried out; rights and duties; manner and time limit; signatures or
  fingerprints of the parties and the mediator — a signature box for each;
* the biên bản hòa giải không thành (also used when mediation was stopped or
  the case was sent to the competent authority): the law asks for no
  minutes, but a record is usual.

``build()`` picks the document from the case's outcome.
"""
from __future__ import annotations

from ..errors import UserError
from ..vn import format_date, short_date
from . import blocks as B
from .common import header
from .mediation_data import CaseParty, MediationRecordData

LAW = "Căn cứ Luật Hòa giải ở cơ sở ngày 20 tháng 6 năm 2013;"
PARTY_SIGN_NOTE = "(Ký hoặc điểm chỉ, ghi rõ họ tên)"
MEDIATOR_SIGN_NOTE = "(Ký, ghi rõ họ tên)"
MEDIATOR_TITLE = "HÒA GIẢI VIÊN"

# Quyền, nghĩa vụ của các bên: the standard wording (Điều 15 and 24 of the
# law, Điều 416–419 Bộ luật Tố tụng dân sự 2015), used when the case gives none.
RIGHTS_DUTIES = (
    "Các bên có nghĩa vụ thực hiện đúng, đầy đủ thỏa thuận nêu tại mục 5; tôn trọng quyền, lợi ích hợp pháp "
    "của nhau và không làm phát sinh mâu thuẫn mới.",
    "Các bên có quyền yêu cầu Tòa án nhân dân có thẩm quyền công nhận kết quả hòa giải thành ngoài Tòa án "
    "theo quy định của Bộ luật Tố tụng dân sự.",
    "Tổ hòa giải theo dõi, đôn đốc việc thực hiện thỏa thuận; khi một bên không thực hiện, bên kia có quyền "
    "đề nghị cơ quan, tổ chức có thẩm quyền giải quyết theo quy định của pháp luật.",
)

UNSUCCESSFUL_SUBJECT = {
    "khong_thanh": "Hòa giải không thành",
    "dung": "Dừng hòa giải",
    "chuyen": "Hòa giải không thành, chuyển cơ quan có thẩm quyền",
}
UNSUCCESSFUL_RESULT = {
    "khong_thanh": "Các bên không đạt được thỏa thuận; hòa giải không thành.",
    "dung": "Hòa giải được dừng lại (một bên hoặc các bên rút yêu cầu hoặc không tiếp tục tham gia hòa giải).",
    "chuyen": "Các bên không đạt được thỏa thuận; vụ, việc được chuyển đến cơ quan có thẩm quyền giải quyết.",
}
UNSUCCESSFUL_ADVICE = {
    "khong_thanh": "Tổ hòa giải đã hướng dẫn các bên đề nghị cơ quan, tổ chức có thẩm quyền giải quyết theo "
                   "quy định của pháp luật.",
    "dung": "Các bên có thể đề nghị hòa giải lại hoặc đề nghị cơ quan, tổ chức có thẩm quyền giải quyết theo "
            "quy định của pháp luật.",
    "chuyen": "Tổ hòa giải đã chuyển vụ, việc và hướng dẫn các bên liên hệ cơ quan có thẩm quyền để được giải "
              "quyết theo quy định của pháp luật.",
}


def _honorific(p: CaseParty) -> str:
    return {"nam": "Ông", "nữ": "Bà"}.get((p.gender or "").lower(), "Ông/Bà")


def party_line(p: CaseParty) -> str:
    """'Bên thứ nhất: Ông Lò Văn Thắng, sinh năm 1979; địa chỉ: bản Nà Khoang.'"""
    parts = [f"{_honorific(p)} {p.name}"]
    if p.birth_year:
        parts.append(f"sinh năm {p.birth_year}")
    text = ", ".join(parts)
    if p.address:
        text += f"; địa chỉ: {p.address}"
    return f"{p.side}: {text}." if p.side else f"{text}."


def _subject_kind(data: MediationRecordData) -> str:
    kind = (data.kind or data.scope or "").strip()
    return kind[:1].lower() + kind[1:] if kind else ""


def _numbered(n: int, title: str, text: str = "") -> B.Para:
    """'1. Căn cứ tiến hành hòa giải: …' with the heading in bold."""
    runs = [B.Run(f"{n}. {title}:", bold=True)]
    if text:
        runs.append(B.Run(" " + text))
    return B.Para(runs, indent=True, keep_with_next=not text)


def _dash(text: str, **kw) -> B.Para:
    kw.setdefault("space_after", 2)
    return B.para(f"- {text}", indent=True, **kw)


def _grounds_text(data: MediationRecordData) -> str:
    text = data.grounds or "……"
    when = []
    if data.received_on:
        when.append(f"tiếp nhận vụ, việc ngày {short_date(data.received_on)}")
    if data.assigned_on:
        when.append(f"phân công hòa giải viên ngày {short_date(data.assigned_on)}")
    if when:
        text += " (" + "; ".join(when) + ")"
    return text + "."


def _parties_and_mediators(doc: B.Document, data: MediationRecordData, n: int) -> None:
    doc.add(_numbered(n, "Thông tin cơ bản về các bên"))
    for p in data.parties:
        doc.add(_dash(party_line(p)))
    if data.mediators:
        lead, *others = data.mediators
        names = f"{lead} (phụ trách)" + "".join(f", {m}" for m in others) if others else lead
        doc.add(_dash(f"Hòa giải viên: {names}."))
    if data.invitees:
        doc.add(_dash("Người được mời tham gia hòa giải: " + ", ".join(data.invitees) + "."))


def _course(doc: B.Document, data: MediationRecordData, n: int, *, with_demands: bool) -> None:
    doc.add(_numbered(n, "Diễn biến của quá trình hòa giải"))
    for s in data.sessions:
        where = f", tại {s.place}" if s.place else ""
        what = (s.content or "").strip() or "tiến hành hòa giải"
        doc.add(_dash(f"Ngày {short_date(s.held_on)}{where}: {what}"))
    if not data.sessions:
        doc.add(B.FillLine(lines=2))
    if with_demands:
        for p in data.parties:
            if (p.demands or "").strip():
                who = f"{p.side.lower()} ({p.name})" if p.side else p.name
                doc.add(_dash(f"Ý kiến, yêu cầu của {who}: {p.demands.strip()}"))


def _paragraphs_or_dots(doc: B.Document, text: str, lines: int = 2) -> None:
    paras = B.text_paras(text, indent=True)
    if paras:
        doc.add(*paras)
    else:
        doc.add(B.FillLine(lines=lines))


def _signatures(data: MediationRecordData) -> list[B.Signatures]:
    """A box for each party (by side), then the lead mediator's; two to a row."""
    boxes = [B.SignBlock(title=(p.side or "Các bên").upper(), note=PARTY_SIGN_NOTE, name=p.name) for p in data.parties]
    boxes.append(B.SignBlock(title=MEDIATOR_TITLE, note=MEDIATOR_SIGN_NOTE,
                             name=data.mediators[0] if data.mediators else ""))
    if len(boxes) % 2:
        boxes.insert(len(boxes) - 1, None)  # the mediator signs on the right of the last row
    rows = []
    for i in range(0, len(boxes), 2):
        rows.append(B.Signatures(left=boxes[i], right=boxes[i + 1], space_before=12 if i == 0 else 18))
    return rows


HOUR_BLANK = "…… giờ …… phút"


def clock(text: str) -> str:
    """'14:30' → '14 giờ 30 phút'; a blank to fill in when no time is recorded."""
    hour, _sep, minute = (text or "").partition(":")
    if not hour.strip():
        return HOUR_BLANK
    return f"{int(hour):02d} giờ {int(minute or 0):02d} phút"


def _last_session(data: MediationRecordData):
    """The session that ended the mediation (the last one), or None."""
    return data.sessions[-1] if data.sessions else None


def _closing_place(data: MediationRecordData) -> str:
    for s in reversed(data.sessions):
        if s.place:
            return s.place
    return ""


def settlement(data: MediationRecordData) -> B.Document:
    """Văn bản hòa giải thành."""
    kind = _subject_kind(data)
    doc = B.Document(style=data.header.style, title="Văn bản hòa giải thành", subject="Văn bản hòa giải thành")
    doc.add(header(data.header), B.Title("VĂN BẢN HÒA GIẢI THÀNH", [f"Vụ, việc {kind}"] if kind else []))
    doc.add(B.para(LAW, italic=True))
    day = data.closed_on or data.header.date
    when = format_date(day) if day else "ngày …… tháng …… năm ……"
    place = _closing_place(data)
    last = _last_session(data)
    at = f"hồi {clock(last.start_time)}, " if last is not None and last.start_time else ""
    doc.add(B.para(f"Hôm nay, {at}{when}" + (f", tại {place}" if place else "")
                   + f", {data.team_name} lập văn bản hòa giải thành"
                   + (f" vụ, việc {kind}" if kind else "") + " như sau:"))
    doc.add(_numbered(1, "Căn cứ tiến hành hòa giải", _grounds_text(data)))
    _parties_and_mediators(doc, data, 2)
    doc.add(_numbered(3, "Nội dung chủ yếu của vụ, việc"))
    _paragraphs_or_dots(doc, data.summary)
    _course(doc, data, 4, with_demands=True)
    doc.add(_numbered(5, "Thỏa thuận đạt được và giải pháp thực hiện"))
    _paragraphs_or_dots(doc, data.agreement, 3)
    doc.add(_numbered(6, "Quyền, nghĩa vụ của các bên"))
    for line in (RIGHTS_DUTIES if data.rights_duties is None else data.rights_duties):
        doc.add(_dash(line))
    doc.add(_numbered(7, "Phương thức, thời hạn thực hiện thỏa thuận"))
    if (data.carry_out_how or "").strip():
        doc.add(_dash("Phương thức thực hiện: " + data.carry_out_how.strip()))
    else:
        doc.add(B.FillLine("- Phương thức thực hiện"))
    if data.carry_out_by:
        doc.add(_dash(f"Thời hạn thực hiện: chậm nhất {format_date(data.carry_out_by)}."))
    else:
        doc.add(B.FillLine("- Thời hạn thực hiện"))
    copies = len(data.parties) + 1
    doc.add(B.para(f"Văn bản hòa giải thành được lập thành {copies:02d} bản có giá trị như nhau, mỗi bên giữ "
                   "01 bản, Tổ hòa giải lưu 01 bản. Các bên đã đọc lại, nhất trí với nội dung trên và cùng ký tên "
                   "hoặc điểm chỉ dưới đây./."))
    doc.add(_numbered(8, "Chữ ký hoặc điểm chỉ của các bên và hòa giải viên"))
    doc.add(*_signatures(data))
    return doc


def unsuccessful(data: MediationRecordData) -> B.Document:
    """Biên bản hòa giải không thành (or of a stopped / referred mediation)."""
    kind = _subject_kind(data)
    subject = [UNSUCCESSFUL_SUBJECT.get(data.outcome, UNSUCCESSFUL_SUBJECT["khong_thanh"])]
    if kind:
        subject.append(f"Vụ, việc {kind}")
    doc = B.Document(style=data.header.style, title="Biên bản hòa giải không thành",
                     subject="Biên bản hòa giải không thành")
    doc.add(header(data.header, with_date=False), B.Title("BIÊN BẢN", subject))
    last = _last_session(data)
    day = (last.held_on if last is not None and last.held_on else None) or data.closed_on or data.header.date
    day_text = format_date(day) if day else "ngày …… tháng …… năm ……"
    # Nghị định 30/2020, mẫu 1.9: a biên bản states when it begins and, in its closing line, when it ends
    doc.add(B.labelled("Thời gian bắt đầu", f"{clock(last.start_time if last else '')}, {day_text}."))
    doc.add(B.labelled("Địa điểm", (_closing_place(data) or "……") + "."))
    doc.add(B.labelled("Tổ hòa giải", data.team_name + "."))
    doc.add(_numbered(1, "Căn cứ tiến hành hòa giải", _grounds_text(data)))
    _parties_and_mediators(doc, data, 2)
    doc.add(_numbered(3, "Nội dung chủ yếu của vụ, việc"))
    _paragraphs_or_dots(doc, data.summary)
    _course(doc, data, 4, with_demands=True)
    result = UNSUCCESSFUL_RESULT.get(data.outcome, UNSUCCESSFUL_RESULT["khong_thanh"])
    doc.add(_numbered(5, "Kết quả hòa giải", result))
    if (data.notes or "").strip():
        doc.add(*B.text_paras("Lý do, ghi chú: " + data.notes.strip(), indent=True))
    doc.add(_numbered(6, "Hướng dẫn các bên",
                      UNSUCCESSFUL_ADVICE.get(data.outcome, UNSUCCESSFUL_ADVICE["khong_thanh"])))
    ended = clock(last.end_time if last else "")
    doc.add(B.para(f"Biên bản kết thúc lúc {ended} cùng ngày, được lập thành {len(data.parties) + 1:02d}"
                   " bản, mỗi bên giữ 01 bản, Tổ hòa giải lưu 01 bản; đã đọc lại cho những người có mặt "
                   "cùng nghe và nhất trí ký tên./.", keep_with_next=True))
    doc.add(*_signatures(data))
    return doc


def build(data: MediationRecordData) -> B.Document:
    """The settlement for "thành", the không-thành record for an ended mediation."""
    if data.outcome == "thanh":
        return settlement(data)
    if data.outcome in UNSUCCESSFUL_SUBJECT:
        return unsuccessful(data)
    raise UserError("Vụ việc đang hòa giải, chưa có kết quả: chưa có văn bản hòa giải để in.")
