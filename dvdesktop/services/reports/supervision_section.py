"""The report section on people's supervision (Tổ chức giám sát của Nhân
dân), after the concerns: the activities by kind, the recommendations sent,
answered and acted on, beside the period compared with. Its figures carry the
keys of `dvdesktop stats` (services.stats.LABELS), counted by the same rule
(counting.supervision)."""
from __future__ import annotations

from ...documents.report_data import Chart, Figure, ReportSection
from ..core import vocab
from ..supervision.records import ANSWER_DAYS
from . import counting as c
from .figures import ReportContext, add_section
from .prose import listing, qty, rate, sentence, share, with_change


def _split(row: tuple) -> tuple[dict, dict[str, int]]:
    activities, sent, waiting, answered, acted, late, *kinds = row
    numbers = {"activities": activities, "sent": sent, "waiting": waiting, "answered": answered, "acted": acted,
               "late": late}
    return numbers, dict(zip(c.SUPERVISION_KINDS, kinds))


def _recommendations(now: dict) -> str:
    if not now["sent"]:
        return "chưa có kiến nghị nào được gửi đến cơ quan, đơn vị có thẩm quyền"
    text = f"qua giám sát đã gửi {qty(now['sent'], 'lượt kiến nghị')} đến cơ quan, đơn vị có thẩm quyền"
    if now["answered"]:
        text += (f", đã được trả lời {qty(now['answered'], 'lượt')} ({rate(share(now['answered'], now['sent']))})"
                 + (f", trong đó {qty(now['acted'], 'lượt')} đã được tiếp thu, thực hiện" if now["acted"]
                    else ", chưa có kiến nghị nào được thực hiện"))
    else:
        text += ", chưa có kiến nghị nào được trả lời"
    return text


def _waiting(now: dict) -> str:
    if not now["waiting"]:
        return "không còn kiến nghị nào chờ trả lời" if now["sent"] else ""
    text = f"còn {qty(now['waiting'], 'lượt kiến nghị')} chờ trả lời"
    if now["late"]:
        text += f", trong đó {qty(now['late'], 'lượt')} quá {ANSWER_DAYS}\u00a0ngày"
    return text


def supervision(ctx: ReportContext) -> ReportSection:
    row_now, row_before = ctx.totals(c.supervision)
    now, kinds_now = _split(row_now)
    before, kinds_before = _split(row_before)
    figures = [
        Figure("supervision_activities", "Cuộc giám sát của Nhân dân", now["activities"], before["activities"]),
        *[Figure(f"supervision_{code}", f"– lĩnh vực {label[0].lower()}{label[1:]}", kinds_now[code], kinds_before[code])
          for code, label in vocab.SUPERVISION_KINDS],
        Figure("supervision_sent", "Lượt kiến nghị đã gửi cơ quan có thẩm quyền", now["sent"], before["sent"]),
        Figure("supervision_answered", "Lượt kiến nghị đã được trả lời", now["answered"], before["answered"]),
        Figure("supervision_acted_on", "Lượt kiến nghị đã được thực hiện", now["acted"], before["acted"]),
        Figure("supervision_waiting", "Lượt kiến nghị chờ trả lời", now["waiting"], before["waiting"]),
        Figure("supervision_late", f"– trong đó quá {ANSWER_DAYS} ngày", now["late"], before["late"]),
    ]
    if not now["activities"]:
        text = sentence(f"{ctx.during}, các Tổ dân vận chưa tổ chức cuộc giám sát nào của Nhân dân"
                        + (f" ({ctx.comparison}: {qty(before['activities'], 'cuộc')})" if before["activities"] else ""))
    else:
        head = with_change(f"{ctx.during}, các Tổ dân vận đã tổ chức, phối hợp tổ chức {qty(now['activities'], 'cuộc')} "
                           "giám sát của Nhân dân đối với việc thực hiện các chương trình, dự án, quy chế dân chủ ở "
                           "cơ sở và các vấn đề Nhân dân quan tâm ở địa bàn",
                           now["activities"], before["activities"], "cuộc", ctx.comparison)
        detail = listing([f"{label[0].lower()}{label[1:]} ({qty(kinds_now[code], 'cuộc')})"
                          for code, label in vocab.SUPERVISION_KINDS if kinds_now[code]])
        text = sentence(head, f"trong đó giám sát {detail}" if detail else "", _recommendations(now), _waiting(now))
    labels = dict(vocab.SUPERVISION_KINDS)
    shown = [code for code in c.SUPERVISION_KINDS if kinds_now[code] or kinds_before[code]] or c.SUPERVISION_KINDS
    chart = Chart(f"Cuộc giám sát theo lĩnh vực, {ctx.previous.column.lower()} và {ctx.period.column.lower()}",
                  [labels[code] for code in shown],
                  [(ctx.previous.column, [kinds_before[k] for k in shown]),
                   (ctx.period.column, [kinds_now[k] for k in shown])], horizontal=True)
    from .sections import compare_table

    return ReportSection("supervision", "Tổ chức giám sát của Nhân dân", [text], figures,
                         [compare_table(ctx, "Giám sát của Nhân dân", "Giám sát của Nhân dân", figures)], [chart])


add_section(supervision, part="II", key="supervision", after="concerns")
