"""Supervision activities (cuộc giám sát của Nhân dân) of the teams: what was
supervised, how, by whom, what was found, the recommendations, where and when
they were sent, the answer and whether it was acted on. No Qt here.

The steps follow the Front's supervision practice (Quy chế giám sát 217-QĐ/TW,
Luật Thực hiện dân chủ ở cơ sở 2022): supervise → report the findings and
recommend → send the recommendations → the authority answers → follow up
whether they were carried out.
"""
from __future__ import annotations

import datetime as dt

from ...errors import ValidationError
from ...store.models import SupervisionActivity, Team
from ...vn import fold
from ..core import vocab
from ..core.fields import Choice, Date, Integer, Ref, Text
from ..core.records import RecordService

DEFAULT_FORM = vocab.SUPERVISION_FORMS[0]
# "acted on" of a recommendation answered but not yet followed up
WAITING = "cho"
# counted as acted on (fully or partly)
ACTED = ("co", "mot_phan")
# A recommendation still unanswered this many days after it was sent is shown as late.
ANSWER_DAYS = 30

KIND_LABELS = dict(vocab.SUPERVISION_KINDS)
ACTED_LABELS = dict(vocab.SUPERVISION_ACTED)

# Where a recommendation stands, from its dates (listing filters and the printed list).
STATUSES = (
    ("not_sent", "Chưa gửi kiến nghị"),
    ("waiting", "Chờ trả lời"),
    ("answered", "Đã trả lời"),
    ("acted", "Đã thực hiện"),
)
STATUS_LABELS = dict(STATUSES)


def status_of(sent_on: dt.date | None, answered_on: dt.date | None, acted_on: str | None) -> str:
    if answered_on is not None:
        return "acted" if acted_on in ACTED else "answered"
    return "waiting" if sent_on is not None else "not_sent"


def is_late(sent_on: dt.date | None, answered_on: dt.date | None, on: dt.date | None = None) -> bool:
    """Sent, unanswered and older than ANSWER_DAYS on *on* (today)."""
    on = on or dt.date.today()
    return sent_on is not None and answered_on is None and (on - sent_on).days > ANSWER_DAYS


class SupervisionService(RecordService):
    model = SupervisionActivity
    label = "cuộc giám sát"
    fields = (
        Ref("team", "Tổ dân vận", required=True, model=Team),
        Text("subject", "Nội dung, đối tượng giám sát", required=True, max_length=500),
        Choice("kind", "Lĩnh vực giám sát", choices=vocab.SUPERVISION_KINDS, default="du_an"),
        Text("form", "Hình thức giám sát", max_length=200),
        Date("start_date", "Ngày bắt đầu", required=True),
        Date("end_date", "Ngày kết thúc"),
        Text("participants", "Thành phần tham gia", max_length=5000, multiline=True),
        Integer("participant_count", "Số người tham gia", maximum=10000, default=0),
        Text("findings", "Kết quả giám sát", max_length=20000, multiline=True),
        Text("recommendations", "Kiến nghị", max_length=20000, multiline=True),
        Text("sent_to", "Nơi nhận kiến nghị", max_length=300),
        Date("sent_on", "Ngày gửi kiến nghị"),
        Text("answer", "Nội dung trả lời", max_length=20000, multiline=True),
        Date("answered_on", "Ngày trả lời"),
        Choice("acted_on", "Kết quả thực hiện kiến nghị", choices=vocab.SUPERVISION_ACTED, default=""),
        Text("notes", "Ghi chú", max_length=5000, multiline=True),
    )

    @classmethod
    def clean(cls, data, *, partial=False):
        cleaned = super().clean(data, partial=partial)
        if "form" in cleaned:
            # "giam sat truc tiep" is the listed "Giám sát trực tiếp"; other forms are kept as typed
            typed = cleaned["form"]
            cleaned["form"] = next((f for f in vocab.SUPERVISION_FORMS if fold(f) == fold(typed)), typed) or DEFAULT_FORM
        if cleaned.get("acted_on") is None and "acted_on" in cleaned:
            cleaned["acted_on"] = ""
        return cleaned

    @classmethod
    def derive_values(cls, cleaned, state, existing):
        """An answered recommendation not yet followed up is "waiting to be
        carried out"; without an answer (its date cleared) that says nothing."""
        if state.get("answered_on") is not None and not state.get("acted_on"):
            cleaned["acted_on"] = state["acted_on"] = WAITING
        elif state.get("answered_on") is None and state.get("acted_on") == WAITING:
            cleaned["acted_on"] = state["acted_on"] = ""

    @classmethod
    def check(cls, values, existing):
        today = dt.date.today()
        start = values["start_date"]
        if start > today:
            raise ValidationError("start_date", "Ngày bắt đầu giám sát không được sau hôm nay.")
        end = values.get("end_date")
        if end is not None and end < start:
            raise ValidationError("end_date", "Ngày kết thúc không được trước ngày bắt đầu giám sát.")
        sent, answered = values.get("sent_on"), values.get("answered_on")
        if sent is not None:
            if not (values.get("recommendations") or "").strip():
                raise ValidationError("recommendations", "Đã có ngày gửi nhưng chưa ghi nội dung kiến nghị.")
            if not values.get("sent_to"):
                raise ValidationError("sent_to", "Đã có ngày gửi; hãy ghi cơ quan, tổ chức nhận kiến nghị.")
            if sent < start:
                raise ValidationError("sent_on", "Ngày gửi kiến nghị không được trước ngày bắt đầu giám sát.")
            if sent > today:
                raise ValidationError("sent_on", "Ngày gửi kiến nghị không được sau hôm nay.")
        if (values.get("answer") or "").strip() and answered is None:
            raise ValidationError("answered_on", "Đã ghi nội dung trả lời; hãy nhập ngày trả lời.")
        if answered is not None:
            if sent is None:
                raise ValidationError("answered_on", "Chưa có ngày gửi kiến nghị thì chưa thể có ngày trả lời.")
            if answered < sent:
                raise ValidationError("answered_on", "Ngày trả lời không được trước ngày gửi kiến nghị.")
            if answered > today:
                raise ValidationError("answered_on", "Ngày trả lời không được sau hôm nay.")
        elif values.get("acted_on"):
            raise ValidationError("acted_on", "Chỉ ghi kết quả thực hiện kiến nghị khi cơ quan đã trả lời "
                                              "(chưa có ngày trả lời).")

    # --- steps --------------------------------------------------------------------

    @classmethod
    def send(cls, activity_id: int, to: str, on: dt.date) -> SupervisionActivity:
        return cls.update(activity_id, {"sent_to": to, "sent_on": on})

    @classmethod
    def record_answer(cls, activity_id: int, text: str, on: dt.date, acted_on: str = WAITING) -> SupervisionActivity:
        return cls.update(activity_id, {"answer": text, "answered_on": on, "acted_on": acted_on})


def kind_label(code: str | None) -> str:
    return KIND_LABELS.get(code or "", code or "")


def acted_label(code: str | None) -> str:
    return ACTED_LABELS.get(code or "", "")


__all__ = ["ACTED", "ANSWER_DAYS", "STATUSES", "STATUS_LABELS", "SupervisionService", "WAITING", "acted_label",
           "is_late", "kind_label", "status_of"]
