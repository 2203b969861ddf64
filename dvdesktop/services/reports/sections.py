"""The sections of a work report, one builder each, registered in order.

A builder takes the ReportContext and returns a ReportSection: its figures
(this period beside the one compared with), a drafted paragraph stating them,
its statistics table and, where a picture says it faster, a chart. Figures
that `dvdesktop stats` also gives carry the same key as its JSON.
"""
from __future__ import annotations

from ...documents.report_data import Chart, Figure, ReportSection, StatTable, TableRow
from ...vn import format_money, short_date
from ..core import vocab
from . import breakdowns as bd
from . import counting as c
from .figures import ReportContext, add_section
from .prose import change, half_up, listing, num, points_change, qty, rate, sentence, share, with_change

ROLE_LABELS = dict(vocab.TEAM_ROLES)
SCOPE_LABELS = dict(vocab.MEDIATION_SCOPES)
OUTCOME_LABELS = dict(vocab.MEDIATION_OUTCOMES)
SHORT_OUTCOMES = {"thanh": "Thành", "khong_thanh": "Không thành", "dung": "Dừng", "chuyen": "Chuyển cơ quan",
                  "dang": "Đang hòa giải"}


def compare_table(ctx: ReportContext, title: str, sheet: str, figures: list[Figure]) -> StatTable:
    """Rows 'label | previous | current | change' of *figures*."""
    return StatTable(title=title, sheet=sheet,
                     columns=["Chỉ tiêu", ctx.previous.column, ctx.period.column, "Tăng/giảm"],
                     rows=[TableRow(f.label, [f.previous, f.current, f.change], f.decimals) for f in figures])


def pct_figure(key: str, label: str, part_now, whole_now, part_before, whole_before) -> Figure:
    now, before = share(part_now, whole_now), share(part_before, whole_before)
    return Figure(key, label, half_up(now) if now is not None else 0.0,
                  half_up(before) if before is not None else None, decimals=1)


def _where(ctx: ReportContext) -> str:
    """'Toàn xã Nà Hỳ', 'Toàn tỉnh Bắc Ninh', 'Địa bàn Nà Hỳ'."""
    name = ctx.scope_name
    if name.lower().startswith("toàn "):
        return "T" + name[1:]
    if name.split(" ")[0].lower() in {"xã", "phường", "đặc", "thị", "tỉnh", "thành"}:
        return f"Toàn {name}"
    return f"Địa bàn {name}"


def _as_on(ctx: ReportContext) -> str:
    return f"tính đến ngày {short_date(ctx.scope.on)}"


# --- I. Đặc điểm tình hình ---------------------------------------------------------------


def areas_and_teams(ctx: ReportContext) -> ReportSection:
    (areas_now,), (areas_before,) = ctx.totals(c.areas)
    (teams_now,), (teams_before,) = ctx.totals(c.teams)
    uncovered_now, uncovered_before = ctx.both(bd.uncovered_areas)
    figures = [
        Figure("areas", "Địa bàn (thôn, bản, tổ dân phố)", areas_now, areas_before),
        Figure("teams", "Tổ dân vận đang hoạt động", teams_now, teams_before),
        Figure("areas_without_team", "Địa bàn chưa có Tổ dân vận", len(uncovered_now), len(uncovered_before)),
    ]
    first = f"{_where(ctx)} có {qty(areas_now, 'thôn, bản, tổ dân phố')}"
    if teams_now:
        second = with_change(f"{_as_on(ctx)} có {qty(teams_now, 'Tổ dân vận')} đang hoạt động",
                             teams_now, teams_before, "tổ", ctx.comparison, percent=False)
    else:
        second = f"{_as_on(ctx)} chưa có Tổ dân vận nào đang hoạt động"
    if not uncovered_now and areas_now:
        third = "100% thôn, bản, tổ dân phố đã có Tổ dân vận"
    elif uncovered_now:
        names = listing(uncovered_now[:5]) + (" …" if len(uncovered_now) > 5 else "")
        third = f"còn {qty(len(uncovered_now), 'địa bàn')} chưa có Tổ dân vận ({names})"
    else:
        third = ""
    return ReportSection("areas", "Địa bàn và tổ chức Tổ dân vận", [sentence(first, second, third)], figures)


def members(ctx: ReportContext) -> ReportSection:
    (ships_now, members_now), (ships_before, members_before) = ctx.totals(c.memberships)
    (persons_now,), (persons_before,) = ctx.totals(c.persons)
    roles_now, roles_before = ctx.both(bd.roles)
    kinds_now, kinds_before = ctx.both(bd.member_kinds)
    figures = [
        Figure("members", "Thành viên đang tham gia tổ (người)", members_now, members_before),
        Figure("memberships_active", "Lượt thành viên đang hoạt động", ships_now, ships_before),
        *[Figure(f"role_{code}", f"– {label}", roles_now.get(code, 0), roles_before.get(code, 0))
          for code, label in vocab.TEAM_ROLES],
        Figure("members_women", "Thành viên nữ", kinds_now["women"], kinds_before["women"]),
        Figure("members_kinh", "Thành viên dân tộc Kinh", kinds_now["kinh"], kinds_before["kinh"]),
        Figure("members_minority", "Thành viên dân tộc thiểu số", kinds_now["minority"], kinds_before["minority"]),
        Figure("members_party", "Thành viên là đảng viên", kinds_now["party"], kinds_before["party"]),
        Figure("persons", "Người tham gia tổ trong kỳ", persons_now, persons_before),
    ]
    if not members_now:
        text = sentence(f"{_as_on(ctx)}, các Tổ dân vận chưa có thành viên nào")
    else:
        head = with_change(f"{_as_on(ctx)}, các Tổ dân vận có {qty(members_now, 'thành viên')}"
                           + (f" ({qty(ships_now, 'lượt')} đảm nhiệm)" if ships_now != members_now else ""),
                           members_now, members_before, "người", ctx.comparison)
        roles = listing([f"{ROLE_LABELS[code].lower()} {num(roles_now[code])}"
                         for code, _ in vocab.TEAM_ROLES if roles_now.get(code)])
        kinds = []
        for key, words in (("women", "nữ"), ("minority", "người dân tộc thiểu số"), ("party", "đảng viên")):
            n = kinds_now[key]
            kinds.append(f"{words} {qty(n, 'người')} ({rate(share(n, members_now))})" if n else f"không có {words}")
        text = sentence(head, f"trong đó {roles}" if roles else "", listing(kinds))
        text += f" Trong {ctx.period.label} có {qty(persons_now, 'người')} đã tham gia Tổ dân vận."
    table = compare_table(ctx, "Tổ chức và thành viên Tổ dân vận", "Tổ chức, thành viên",
                          ctx.cache.get("areas_figures", []) + figures)
    return ReportSection("members", "Thành viên Tổ dân vận", [text], figures, [table])


def _areas_then_members(ctx: ReportContext) -> ReportSection:
    section = areas_and_teams(ctx)
    ctx.cache["areas_figures"] = section.figures
    return section


# --- II. Kết quả thực hiện nhiệm vụ ----------------------------------------------------------


def kien_toan(ctx: ReportContext) -> ReportSection:
    now, before = ctx.both(bd.kien_toan)
    figures = [
        Figure("kien_toan_teams", "Tổ dân vận được kiện toàn", now["teams"], before["teams"]),
        Figure("kien_toan_joined", "Thành viên được bổ sung", now["joined"], before["joined"]),
        Figure("kien_toan_left", "Thành viên thôi tham gia", now["left"], before["left"]),
        Figure("kien_toan_new_leaders", "Tổ có tổ trưởng mới", now["new_leaders"], before["new_leaders"]),
    ]
    if not now["teams"]:
        text = sentence(f"{ctx.during}, thành phần các Tổ dân vận ổn định, không có tổ nào phải kiện toàn"
                        + (f" ({ctx.comparison}: {qty(before['teams'], 'tổ')})" if before["teams"] else ""))
    else:
        head = with_change(f"{ctx.during}, đã kiện toàn {qty(now['teams'], 'Tổ dân vận')}",
                           now["teams"], before["teams"], "tổ", ctx.comparison, percent=False)
        detail = listing([f"bổ sung {qty(now['joined'], 'thành viên')}" if now["joined"] else "",
                          f"{qty(now['left'], 'thành viên')} thôi tham gia" if now["left"] else ""])
        leaders = (f"{qty(now['new_leaders'], 'tổ')} có tổ trưởng mới" if now["new_leaders"]
                   else "không có tổ nào thay đổi tổ trưởng")
        text = sentence(head, detail, leaders)
    return ReportSection("kien_toan", "Công tác kiện toàn Tổ dân vận", [text], figures,
                         [compare_table(ctx, "Kiện toàn Tổ dân vận", "Kiện toàn tổ", figures)])


def _monthly(ctx: ReportContext) -> tuple[StatTable, Chart]:
    data = bd.by_month(ctx.scope)
    months = ctx.period.months()
    keys = [f"{y}-{m:02d}" for y, m in months]
    several_years = len({y for y, _ in months}) > 1
    labels = [f"{m}/{y}" if several_years else f"T{m}" for y, m in months]
    names = (("meetings", "Cuộc họp"), ("outreach", "Buổi tuyên truyền"), ("concerns", "Ý kiến, kiến nghị"))
    series = [(label, [data[k].get(key, 0) for key in keys]) for k, label in names]
    table = StatTable(
        "Hoạt động của các Tổ dân vận theo tháng", "Hoạt động theo tháng",
        ["Tháng", *[label for _, label in names]],
        [TableRow(f"Tháng {m}/{y}", [data[k].get(key, 0) for k, _ in names]) for (y, m), key in zip(months, keys)],
        signed_last=False, first_width=0.31)
    table.rows.append(TableRow("Cộng", [sum(v) for _, v in series], bold=True))
    return table, Chart(f"Hoạt động theo tháng, {ctx.period.label}", labels, series)


def meetings(ctx: ReportContext) -> ReportSection:
    (held_now,), (held_before,) = ctx.totals(c.meetings)
    (rows_now, present_now), (rows_before, present_before) = ctx.both(c.attendance)
    att_now, att_before = share(present_now, rows_now), share(present_before, rows_before)
    figures = [
        Figure("meetings", "Cuộc họp Tổ dân vận", held_now, held_before),
        pct_figure("attendance_pct", "Tỷ lệ thành viên dự họp (%)", present_now, rows_now, present_before, rows_before),
    ]
    if not held_now:
        text = sentence(f"{ctx.during}, các Tổ dân vận chưa tổ chức cuộc họp nào"
                        + (f" ({ctx.comparison}: {qty(held_before, 'cuộc')})" if held_before else ""))
    else:
        head = with_change(f"{ctx.during}, các Tổ dân vận đã tổ chức {qty(held_now, 'cuộc họp')}",
                           held_now, held_before, "cuộc", ctx.comparison)
        att = ""
        if att_now is not None:
            att = f"tỷ lệ thành viên dự họp bình quân đạt {rate(att_now)}"
            pc = points_change(att_now, att_before, ctx.comparison)
            att += f" ({pc})" if pc and not pc.startswith("bằng") else ""
        text = sentence(head, att)
    table, chart = _monthly(ctx)
    return ReportSection("meetings", "Sinh hoạt, họp Tổ dân vận", [text], figures,
                         [compare_table(ctx, "Họp Tổ dân vận", "Họp tổ", figures), table], [chart])


def outreach(ctx: ReportContext) -> ReportSection:
    now, before = ctx.totals(c.outreach)
    (s_now, a_now, w_now, m_now), (s_before, a_before, w_before, m_before) = now, before
    figures = [
        Figure("outreach_sessions", "Buổi tuyên truyền, vận động", s_now, s_before),
        Figure("outreach_audience", "Lượt người nghe", int(a_now), int(a_before)),
        Figure("outreach_women", "– trong đó nữ", int(w_now), int(w_before)),
        Figure("outreach_minority", "– trong đó người dân tộc thiểu số", int(m_now), int(m_before)),
    ]
    if not s_now:
        text = sentence(f"{ctx.during}, các Tổ dân vận chưa tổ chức buổi tuyên truyền, vận động nào"
                        + (f" ({ctx.comparison}: {qty(s_before, 'buổi')})" if s_before else ""))
    else:
        head = with_change(f"{ctx.during}, các Tổ dân vận đã tổ chức, phối hợp tổ chức {qty(s_now, 'buổi')} "
                           "tuyên truyền, vận động Nhân dân thực hiện chủ trương của Đảng, chính sách, pháp luật "
                           "của Nhà nước", s_now, s_before, "buổi", ctx.comparison)
        audience = with_change(f"thu hút {qty(a_now, 'lượt người')} nghe", a_now, a_before, "lượt", ctx.comparison)
        parts = [f"nữ {qty(w_now, 'lượt')} ({rate(share(w_now, a_now))})" if w_now else "",
                 f"người dân tộc thiểu số {qty(m_now, 'lượt')} ({rate(share(m_now, a_now))})" if m_now else ""]
        detail = listing(parts)
        text = sentence(head, audience + (f", trong đó {detail}" if detail else ""))
    return ReportSection("outreach", "Tuyên truyền, vận động Nhân dân", [text], figures,
                         [compare_table(ctx, "Tuyên truyền, vận động", "Tuyên truyền", figures)])


def concerns(ctx: ReportContext) -> ReportSection:
    (r_now, res_now, fw_now, ans_now, od_now), (r_before, res_before, fw_before, ans_before, od_before) = \
        ctx.totals(c.concerns)
    fields_now, fields_before = ctx.both(bd.concern_fields)
    figures = [
        Figure("concerns", "Ý kiến, kiến nghị tiếp nhận", r_now, r_before),
        Figure("concerns_forwarded", "Đã chuyển cơ quan có thẩm quyền", fw_now, fw_before),
        Figure("concerns_answered", "Đã được trả lời", ans_now, ans_before),
        Figure("concerns_resolved", "Đã được giải quyết", res_now, res_before),
        Figure("concerns_overdue", "Quá hạn chưa được trả lời", od_now, od_before),
    ]
    if not r_now:
        text = sentence(f"{ctx.during}, các Tổ dân vận không tiếp nhận ý kiến, kiến nghị nào của Nhân dân"
                        + (f" ({ctx.comparison}: {qty(r_before, 'ý kiến')})" if r_before else ""))
    else:
        head = with_change(f"{ctx.during}, các Tổ dân vận đã tiếp nhận, tổng hợp {qty(r_now, 'ý kiến')}, "
                           "kiến nghị của Nhân dân", r_now, r_before, "ý kiến", ctx.comparison)
        top = sorted(fields_now.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
        mainly = "chủ yếu về lĩnh vực " + listing([f"{f.lower()} ({num(n)})" for f, n in top]) if top else ""
        handled = [f"đã chuyển cơ quan có thẩm quyền {qty(fw_now, 'ý kiến')}" if fw_now else "",
                   f"đã được trả lời {qty(ans_now, 'ý kiến')} ({rate(share(ans_now, r_now))})",
                   f"trong đó đã giải quyết xong {qty(res_now, 'ý kiến')} ({rate(share(res_now, r_now))})"
                   if res_now else "chưa có ý kiến nào được giải quyết xong"]
        overdue = (f"còn {qty(od_now, 'ý kiến')} quá hạn chưa được trả lời" if od_now
                   else "không có ý kiến nào quá hạn chưa được trả lời")
        text = sentence(head, mainly, ", ".join(h for h in handled if h), overdue)
    by_field = StatTable("Ý kiến, kiến nghị theo lĩnh vực", "Kiến nghị theo lĩnh vực",
                         ["Lĩnh vực", ctx.previous.column, ctx.period.column, "Tăng/giảm"])
    known = list(vocab.CONCERN_FIELDS) + sorted((set(fields_now) | set(fields_before)) - set(vocab.CONCERN_FIELDS))
    for f in known:
        a, b = fields_before.get(f, 0), fields_now.get(f, 0)
        if a or b:
            by_field.rows.append(TableRow(f, [a, b, b - a]))
    by_field.rows.append(TableRow("Tổng số", [r_before, r_now, r_now - r_before], bold=True))
    return ReportSection("concerns", "Tiếp nhận, phản ánh ý kiến, kiến nghị của Nhân dân", [text], figures,
                         [compare_table(ctx, "Tiếp nhận, xử lý ý kiến, kiến nghị", "Ý kiến, kiến nghị", figures),
                          by_field])


def mediation(ctx: ReportContext) -> ReportSection:
    (n_now, ok_now, no_now, on_now), (n_before, ok_before, no_before, on_before) = ctx.totals(c.mediation)
    scopes_now, scopes_before = ctx.both(bd.mediation_by, "scope")
    results_now, results_before = ctx.both(bd.mediation_by, "outcome")
    closed_now, closed_before = ok_now + no_now, ok_before + no_before
    figures = [
        Figure("mediation_cases", "Vụ việc hòa giải tiếp nhận", n_now, n_before),
        *[Figure(f"mediation_scope_{code}", f"– {label}", scopes_now.get(code, 0), scopes_before.get(code, 0))
          for code, label in vocab.MEDIATION_SCOPES],
        Figure("mediation_successful", "Hòa giải thành", ok_now, ok_before),
        Figure("mediation_unsuccessful", "Hòa giải không thành (kể cả dừng, chuyển)", no_now, no_before),
        Figure("mediation_ongoing", "Đang hòa giải", on_now, on_before),
        pct_figure("mediation_success_pct", "Tỷ lệ hòa giải thành (%)", ok_now, closed_now, ok_before, closed_before),
    ]
    if not n_now:
        text = sentence(f"{ctx.during}, trên địa bàn không phát sinh vụ việc phải hòa giải ở cơ sở"
                        + (f" ({ctx.comparison}: {qty(n_before, 'vụ việc')})" if n_before else ""))
    else:
        head = with_change(f"{ctx.during}, các Tổ dân vận đã phối hợp với tổ hòa giải tiếp nhận "
                           f"{qty(n_now, 'vụ việc')}", n_now, n_before, "vụ việc", ctx.comparison)
        kinds = listing([f"{label.lower()} {num(scopes_now[code])}" for code, label in vocab.MEDIATION_SCOPES
                         if scopes_now.get(code)])
        result = f"hòa giải thành {qty(ok_now, 'vụ')}"
        if closed_now:
            result += f", đạt tỷ lệ {rate(share(ok_now, closed_now))}"
        rest = listing([f"không thành {qty(no_now, 'vụ')}" if no_now else "",
                        f"đang hòa giải {qty(on_now, 'vụ')}" if on_now else ""])
        text = sentence(head, f"trong đó {kinds}" if kinds else "", result + (f"; {rest}" if rest else ""))
    codes = ["thanh", "khong_thanh", "dung", "chuyen", "dang"]
    chart = Chart(f"Kết quả hòa giải, {ctx.previous.column.lower()} và {ctx.period.column.lower()}",
                  [SHORT_OUTCOMES[code] for code in codes],
                  [(ctx.previous.column, [results_before.get(k, 0) for k in codes]),
                   (ctx.period.column, [results_now.get(k, 0) for k in codes])])
    by_result = StatTable("Vụ việc hòa giải theo kết quả", "Hòa giải theo kết quả",
                          ["Kết quả", ctx.previous.column, ctx.period.column, "Tăng/giảm"],
                          [TableRow(OUTCOME_LABELS[k], [results_before.get(k, 0), results_now.get(k, 0),
                                                        results_now.get(k, 0) - results_before.get(k, 0)]) for k in codes])
    return ReportSection("mediation", "Tham gia hòa giải ở cơ sở", [text], figures,
                         [compare_table(ctx, "Hòa giải ở cơ sở", "Hòa giải", figures), by_result], [chart])


def campaigns(ctx: ReportContext) -> ReportSection:
    (wd_now, money_now, hh_now, camp_now), (wd_before, money_before, hh_before, camp_before) = ctx.totals(c.campaigns)
    (helped_now, left_now), (helped_before, left_before) = ctx.totals(c.households)
    wd_now, wd_before = c.work_days_value(wd_now), c.work_days_value(wd_before)
    figures = [
        Figure("campaigns", "Phong trào, cuộc vận động tham gia", camp_now, camp_before),
        Figure("campaign_households", "Lượt hộ được vận động tham gia", int(hh_now), int(hh_before)),
        Figure("campaign_work_days", "Ngày công đóng góp", wd_now, wd_before, decimals=0 if isinstance(wd_now, int) else 1),
        Figure("campaign_money", "Tiền đóng góp (đồng)", int(money_now), int(money_before)),
        Figure("households_helped", "Hộ nghèo, hộ khó khăn được giúp đỡ", helped_now, helped_before),
        Figure("households_left_poverty", "– trong đó đã thoát nghèo", left_now, left_before),
    ]
    if camp_now:
        first = with_change(f"{ctx.during}, các Tổ dân vận đã vận động Nhân dân tham gia {qty(camp_now, 'phong trào')}, "
                            f"cuộc vận động với {qty(hh_now, 'lượt hộ')} tham gia, đóng góp {qty(wd_now, 'ngày công')} "
                            f"và {format_money(money_now)}", money_now, money_before, "đồng", ctx.comparison)
    else:
        first = f"{ctx.during}, các Tổ dân vận chưa tham gia phong trào, cuộc vận động nào có ghi nhận đóng góp"
    if helped_now:
        second = with_change(f"giúp đỡ {qty(helped_now, 'hộ')} nghèo, cận nghèo, hộ khó khăn", helped_now,
                             helped_before, "hộ", ctx.comparison, percent=False)
        second += (f", trong đó {qty(left_now, 'hộ')} đã thoát nghèo" if left_now
                   else ", chưa có hộ nào thoát nghèo")
    else:
        second = "chưa ghi nhận hộ nghèo, hộ khó khăn nào được giúp đỡ"
    return ReportSection("campaigns", "Vận động Nhân dân tham gia các phong trào, giúp đỡ hộ khó khăn",
                         [sentence(first, second)], figures,
                         [compare_table(ctx, "Phong trào, giúp đỡ hộ khó khăn", "Phong trào, hộ khó khăn", figures)])


def exemplary_models(ctx: ReportContext) -> ReportSection:
    (n_now,), (n_before,) = ctx.totals(c.exemplary_models)
    levels_now, levels_before = ctx.both(bd.model_levels)
    named = [lv for lv in vocab.MODEL_LEVELS if lv]
    figures = [Figure("exemplary_models", "Mô hình \u201cDân vận khéo\u201d", n_now, n_before),
               *[Figure(f"models_{i}", f"– {lv.lower()}", levels_now.get(lv, 0), levels_before.get(lv, 0))
                 for i, lv in enumerate(named, 1)]]
    years = ctx.period.start.year if ctx.period.start.year == ctx.period.end.year else None
    when = f"năm {years}" if years else ctx.period.label
    if not n_now:
        text = sentence(f"Trong {when}, chưa có mô hình \u201cDân vận khéo\u201d mới nào được ghi nhận"
                        + (f" ({ctx.comparison}: {qty(n_before, 'mô hình')})" if n_before else ""))
    else:
        detail = listing([f"{lv.lower()} {num(levels_now[lv])}" for lv in named if levels_now.get(lv)])
        text = sentence(with_change(f"Trong {when}, có {qty(n_now, 'mô hình')} \u201cDân vận khéo\u201d được xây dựng, "
                                    "nhân rộng" + (f" (được công nhận {detail})" if detail else ""),
                                    n_now, n_before, "mô hình", ctx.comparison, percent=False))
    return ReportSection("models", "Phong trào thi đua \u201cDân vận khéo\u201d", [text], figures,
                         [compare_table(ctx, "Mô hình \u201cDân vận khéo\u201d", "Dân vận khéo", figures)])


def ratings(ctx: ReportContext) -> ReportSection | None:
    """Only in a report of whole years: the rating is made once a year."""
    if not ctx.period.is_year:
        return None
    year = ctx.period.end.year
    levels, now = bd.ratings(ctx.scope, year)
    levels_before, before = bd.ratings(ctx.prev_scope, year - 1)
    (total_now,), (total_before,) = ctx.totals(c.evaluations)
    names = {lv["code"]: lv["name"] for lv in levels_before + levels}
    codes = [lv["code"] for lv in levels] or sorted(set(now) | set(before))
    codes += [k for k in sorted(set(now) | set(before)) if k not in codes]
    figures = [Figure("evaluations", "Tổ dân vận được đánh giá, xếp loại", total_now, total_before),
               *[Figure(f"rating_{code or 'none'}", f"– {names.get(code, code or 'Chưa xếp loại')}",
                        now.get(code, 0), before.get(code, 0)) for code in codes]]
    best = bd.best_rated(ctx.scope, year)
    if not total_now:
        text = sentence(f"Năm {year} chưa có Tổ dân vận nào được đánh giá, xếp loại"
                        + (f" ({ctx.comparison}: {qty(total_before, 'tổ')})" if total_before else ""))
        paragraphs = [text]
    else:
        dist = listing([f"{names.get(code, code).lower()} {qty(now[code], 'tổ')} ({rate(share(now[code], total_now))})"
                        for code in codes if now.get(code)])
        text = sentence(with_change(f"Năm {year} có {qty(total_now, 'Tổ dân vận')} được đánh giá, xếp loại",
                                    total_now, total_before, "tổ", ctx.comparison, percent=False), dist)
        paragraphs = [text]
        if best:
            paragraphs.append(sentence("Các tổ được đánh giá cao nhất: " + "; ".join(
                f"{name} ({num(points, 1) if points % 1 else num(points)} điểm)" for name, points, _ in best)))
    chart = Chart(f"Kết quả xếp loại Tổ dân vận, {ctx.previous.column.lower()} và {ctx.period.column.lower()}",
                  [names.get(code, code or "Chưa xếp loại") for code in codes],
                  [(ctx.previous.column, [before.get(k, 0) for k in codes]),
                   (ctx.period.column, [now.get(k, 0) for k in codes])], horizontal=True)
    tables = [compare_table(ctx, "Kết quả đánh giá, xếp loại Tổ dân vận", "Xếp loại", figures)]
    if best:
        tables.append(StatTable(f"Các Tổ dân vận được đánh giá cao nhất năm {year}", "Tổ xếp loại cao nhất",
                                ["Tổ dân vận", "Tổng điểm"],
                                [TableRow(name, [points], decimals=1 if points % 1 else 0) for name, points, _ in best],
                                signed_last=False, first_width=0.75))
    return ReportSection("ratings", "Đánh giá, xếp loại Tổ dân vận", paragraphs, figures, tables, [chart])


# Order of the report. Another section (e.g. people's supervision) goes in with
# add_section(builder, part="II", after="concerns").
for _part, _builder, _key in (
    ("I", _areas_then_members, "areas"), ("I", members, "members"),
    ("II", kien_toan, "kien_toan"), ("II", meetings, "meetings"), ("II", outreach, "outreach"),
    ("II", concerns, "concerns"), ("II", mediation, "mediation"), ("II", campaigns, "campaigns"),
    ("II", exemplary_models, "models"), ("II", ratings, "ratings"),
):
    add_section(_builder, part=_part, key=_key)


__all__ = ["compare_table", "pct_figure", "change"]

from . import supervision_section  # noqa: E402,F401  (its section goes in after the concerns)
