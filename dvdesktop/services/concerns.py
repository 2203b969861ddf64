"""Residents' concerns (ý kiến, kiến nghị, tâm tư nguyện vọng): the status flow
mới → đã chuyển → đã trả lời → đã giải quyết, due dates, overdue list and
search without diacritics. No Qt here."""
from __future__ import annotations

import datetime as dt

import peewee as pw

from ..errors import ValidationError
from ..store.models import Area, Concern, Meeting, Team
from ..vn import fold
from .core import vocab
from .core.fields import Boolean, Choice, Date, Ref, Text
from .core.data import RecordData
from .core.records import RecordService

# Days a concern may wait for its answer when the clerk sets no due date
# (the usual time limit for answering a citizen's petition; change here).
ANSWER_DAYS = 30

STATUS_ORDER = [code for code, _ in vocab.CONCERN_STATUSES]  # moi, da_chuyen, da_tra_loi, da_giai_quyet
RESOLVED = "da_giai_quyet"
# A concern is answered once the authority replied (and, the more so, once resolved);
# one still waiting for its answer past the due date is overdue. Every count of
# overdue concerns (overview, lists, charts, stats, reports) uses overdue_condition().
ANSWERED = ("da_tra_loi", RESOLVED)


def overdue_condition(on: dt.date) -> pw.Expression:
    """Past its due date on *on* and not answered yet."""
    return Concern.due_date.is_null(False) & (Concern.due_date < on) & Concern.status.not_in(ANSWERED)


# "Đã giải quyết" is the status itself (its day is resolved_on); a year's
# concerns are those *received* in it. The overview's cards, the lists, `stats`,
# the reports and every printout count with these two.
def resolved_condition() -> pw.Expression:
    return Concern.status == RESOLVED


def received_in(year: int) -> pw.Expression:
    return (Concern.received_on >= dt.date(year, 1, 1)) & (Concern.received_on <= dt.date(year, 12, 31))


def _rank(status: str) -> int:
    return STATUS_ORDER.index(status)


class ConcernService(RecordService):
    model = Concern
    label = "ý kiến, kiến nghị"
    fields = (
        Date("received_on", "Ngày tiếp nhận", required=True),
        Text("channel", "Kênh tiếp nhận", max_length=50),
        Text("raised_by", "Người phản ánh", max_length=200),
        Boolean("anonymous", "Ẩn danh", default=False),
        Text("contact", "Liên hệ", max_length=200),
        Ref("area", "Địa bàn", model=Area),
        Ref("team", "Tổ dân vận", model=Team),
        Ref("meeting", "Cuộc họp", model=Meeting),
        Text("field", "Lĩnh vực", max_length=100),
        Text("content", "Nội dung", required=True, max_length=20000, multiline=True),
        Text("forwarded_to", "Nơi chuyển đến", max_length=300),
        Date("forwarded_on", "Ngày chuyển"),
        Text("reference_no", "Số hiệu trên hệ thống", max_length=100),
        Text("platform", "Nền tảng", max_length=100),
        Text("answer", "Nội dung trả lời", max_length=20000, multiline=True),
        Date("answered_on", "Ngày trả lời"),
        Date("resolved_on", "Ngày giải quyết xong"),
        Choice("status", "Trạng thái", choices=vocab.CONCERN_STATUSES, default="moi"),
        Date("due_date", "Hạn trả lời"),
    )

    @classmethod
    def clean(cls, data, *, partial=False):
        cleaned = super().clean(data, partial=partial)
        for name, listed, default in (("channel", vocab.CONCERN_CHANNELS, "Trực tiếp"), ("field", vocab.CONCERN_FIELDS, "Khác")):
            if name in cleaned:
                typed = cleaned[name]
                cleaned[name] = next((x for x in listed if fold(x) == fold(typed)), typed) or default
        return cleaned

    @classmethod
    def derive_values(cls, cleaned, state, existing):
        """An anonymous concern keeps no name or contact, and a concern without
        a due date gets received_on + ANSWER_DAYS."""
        if state.get("anonymous"):
            for name in ("raised_by", "contact"):
                if state.get(name):
                    cleaned[name] = state[name] = ""
        if (existing is not None and "received_on" in cleaned and "due_date" not in cleaned
                and existing.due_date == default_due_date(existing.received_on)):
            state["due_date"] = None  # the default follows a corrected received date
        if state.get("due_date") is None and state.get("received_on") is not None:
            cleaned["due_date"] = state["due_date"] = default_due_date(state["received_on"])

    @classmethod
    def check(cls, values, existing):
        received = values["received_on"]
        if received > dt.date.today():
            raise ValidationError("received_on", "Ngày tiếp nhận không được sau hôm nay.")
        rank = _rank(values.get("status") or "moi")
        status_label = dict(vocab.CONCERN_STATUSES)[STATUS_ORDER[rank]]
        if rank >= 1:
            if not values.get("forwarded_to"):
                raise ValidationError("forwarded_to", f"Trạng thái «{status_label}» cần ghi nơi đã chuyển kiến nghị đến.")
            if values.get("forwarded_on") is None:
                raise ValidationError("forwarded_on", f"Trạng thái «{status_label}» cần ngày chuyển.")
        if rank >= 2 and values.get("answered_on") is None:
            raise ValidationError("answered_on", f"Trạng thái «{status_label}» cần ngày trả lời.")
        if rank >= 3 and values.get("resolved_on") is None:
            raise ValidationError("resolved_on", "Trạng thái «Đã giải quyết» cần ngày giải quyết xong.")
        # a later step recorded while the status says an earlier one
        for name, step, label in (("forwarded_on", 1, "ngày chuyển"), ("answered_on", 2, "ngày trả lời"),
                                  ("resolved_on", 3, "ngày giải quyết")):
            if values.get(name) is not None and rank < step:
                raise ValidationError("status", f"Đã có {label} nhưng trạng thái vẫn là «{status_label}»; hãy chọn lại trạng thái.")
        previous, previous_label = received, "ngày tiếp nhận"
        for name, label in (("forwarded_on", "Ngày chuyển"), ("answered_on", "Ngày trả lời"), ("resolved_on", "Ngày giải quyết")):
            day = values.get(name)
            if day is None:
                continue
            if day < previous:
                raise ValidationError(name, f"{label} không được trước {previous_label}.")
            if day > dt.date.today():
                raise ValidationError(name, f"{label} không được sau hôm nay.")
            previous, previous_label = day, label.lower()
        if values.get("due_date") is not None and values["due_date"] < received:
            raise ValidationError("due_date", "Hạn trả lời không được trước ngày tiếp nhận.")

    # --- steps of the flow -------------------------------------------------------

    @classmethod
    def forward(cls, concern_id: int, to: str, on: dt.date, reference_no: str = "", platform: str = "") -> RecordData:
        return cls.update(concern_id, {"status": "da_chuyen", "forwarded_to": to, "forwarded_on": on,
                                       "reference_no": reference_no, "platform": platform})

    @classmethod
    def answer(cls, concern_id: int, text: str, on: dt.date) -> RecordData:
        return cls.update(concern_id, {"status": "da_tra_loi", "answer": text, "answered_on": on})

    @classmethod
    def resolve(cls, concern_id: int, on: dt.date) -> RecordData:
        return cls.update(concern_id, {"status": RESOLVED, "resolved_on": on})


def default_due_date(received_on: dt.date) -> dt.date:
    return received_on + dt.timedelta(days=ANSWER_DAYS)


def overdue(on: dt.date | None = None) -> pw.ModelSelect:
    """Concerns waiting for their answer past the due date on *on* (today by default), oldest due first."""
    on = on or dt.date.today()
    return ConcernService.active().where(overdue_condition(on)).order_by(Concern.due_date, Concern.id)


def is_overdue(record: Concern | RecordData, on: dt.date | None = None) -> bool:
    on = on or dt.date.today()
    return record.status not in ANSWERED and record.due_date is not None and record.due_date < on


def like_pattern(text: str, escape: str = "!") -> str:
    """'%text%' with LIKE's own wildcards in *text* taken literally."""
    for ch in (escape, "%", "_"):
        text = text.replace(ch, escape + ch)
    return f"%{text}%"


def _contains(column, text: str) -> pw.Expression:
    return pw.NodeList((column, pw.SQL("LIKE"), like_pattern(text), pw.SQL("ESCAPE '!'")))


def search(query: str, *, status: str | None = None) -> pw.ModelSelect:
    """Concerns whose content, person, recipient or field contain every word of
    *query*, ignoring tones, marks and case ('dat dai' finds 'Đất đai')."""
    result = ConcernService.active()
    for word in fold(query).split():
        result = result.where(_contains(Concern.search_text, word))
    if status:
        result = result.where(Concern.status == status)
    return result.order_by(Concern.received_on.desc(), Concern.id.desc())
