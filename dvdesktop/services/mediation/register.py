"""The rows of the *Sổ theo dõi hoạt động hòa giải ở cơ sở* (the printed
mediation register): Part I, a line per case, and Part II, the summary.
Building it with confidential cases writes an audit row. No Qt here."""
from __future__ import annotations

import datetime as dt
import re

from ...store.models import Area, MediationCase
from ...vn import clean_line, fold, name_sort_key, short_date
from ..core import audit, vocab
from .records import area_names, cases_received, parts_of
from .register_data import (
    REGISTER_RESULTS, STAT_RESULTS, MediationRegister, MediatorSummary, RegisterEntry, RegisterParty, RegisterSummary,
    result_category,
)
from .rules import status_on

_SCOPE_LABELS = dict(vocab.MEDIATION_SCOPES)
_OUTCOME_LABELS = dict(vocab.MEDIATION_OUTCOMES)
_SIDE_LABELS = dict(vocab.MEDIATION_SIDES)
_RESULT_LABELS = dict(STAT_RESULTS)


def _split_people(text: str) -> list[str]:
    return [clean_line(p) for p in re.split(r"[,;\n]", text or "") if clean_line(p)]


def invitees(sessions, mediator_names: list[str], party_names: list[str]) -> list[str]:
    """People named in the sessions' attendees who are neither mediators nor parties."""
    known = {fold(n) for n in mediator_names + party_names}
    result, seen = [], set()
    for s in sessions:
        for name in _split_people(s.attendees):
            key = fold(name)
            if key not in known and key not in seen:
                seen.add(key)
                result.append(name)
    return result


def _agreement_text(c: MediationCase) -> str:
    if c.outcome != "thanh":
        return ""
    parts = [c.agreement]
    if c.carry_out_how:
        parts.append(f"Phương thức thực hiện: {c.carry_out_how}")
    if c.carry_out_by:
        parts.append(f"Thời hạn thực hiện: {short_date(c.carry_out_by)}")
    return "\n".join(p for p in parts if p)


def _notes(c: MediationCase) -> str:
    """Column (10): how the case ended, then whether the agreement was carried out."""
    parts = []
    if c.outcome in {"dung", "chuyen"}:
        parts.append(_OUTCOME_LABELS[c.outcome])
    elif c.outcome == "dang":
        parts.append("Đang hòa giải")
    if c.closed_on:
        parts.append(f"Kết thúc hòa giải ngày {short_date(c.closed_on)}")
    if c.outcome == "thanh":
        if c.carried_out is True:
            parts.append("Đã thực hiện xong thỏa thuận" + (f" ngày {short_date(c.carried_out_on)}" if c.carried_out_on else ""))
        elif c.carried_out is False:
            parts.append("Chưa thực hiện thỏa thuận")
    if c.notes:
        parts.append(c.notes)
    return "; ".join(parts)


def _age(birth_year: int | None, on: dt.date) -> int | None:
    return on.year - birth_year if birth_year else None


def register_rows(year: int, area_id: int | None = None, username: str | None = None) -> MediationRegister:
    """Part I and Part II of the *Sổ theo dõi hoạt động hòa giải ở cơ sở* for the
    cases received in *year* (one area's book, or all), oldest first.

    The register carries the parties' names (it is the legal record); building
    it with confidential cases writes one audit row listing them."""
    cases = cases_received(year, area_id)
    parties, mediators, sessions = parts_of(cases)
    areas = area_names(cases)
    register = MediationRegister(year=year)
    if area_id is not None:
        area = Area.get_or_none(Area.id == area_id)
        register.area_name = area.name if area else ""
    by_mediator: dict[object, MediatorSummary] = {}
    summary = RegisterSummary(total=len(cases))
    scope_counts = {code: 0 for code, _ in vocab.MEDIATION_SCOPES}
    result_counts = {code: 0 for code, _ in STAT_RESULTS}
    for stt, c in enumerate(cases, start=1):
        names = [m.name for m in mediators[c.id]]
        party_names = [p.name for p in parties[c.id]]
        _, started = status_on(c, [s.held_on for s in sessions[c.id]], None)
        category = result_category(c.outcome, started)
        register.entries.append(RegisterEntry(
            stt=stt,
            received_on=c.received_on,
            mediators=names,
            invitees=invitees(sessions[c.id], names, party_names),
            parties=[RegisterParty(p.name, _age(p.birth_year, c.received_on), p.address,
                                   _SIDE_LABELS.get(p.side, p.side), p.demands) for p in parties[c.id]],
            content=c.summary or c.kind,
            agreement=_agreement_text(c),
            demands=[f"{p.name}: {p.demands}" for p in parties[c.id] if p.demands] if c.outcome != "thanh" else [],
            result=REGISTER_RESULTS.get(c.outcome, c.outcome),
            result_code=c.outcome,
            notes=_notes(c),
            scope=_SCOPE_LABELS.get(c.scope, c.scope),
            number=c.number,
            area_name=areas.get(c.area_id, ""),
        ))
        scope_counts[c.scope] = scope_counts.get(c.scope, 0) + 1
        result_counts[category] += 1
        for m in mediators[c.id]:
            key = m.person_id or fold(m.name)
            row = by_mediator.setdefault(key, MediatorSummary(name=m.name))
            row.cases += 1
            row.by_result[category] += 1
            label = _SCOPE_LABELS.get(c.scope, c.scope)
            row.by_scope[label] = row.by_scope.get(label, 0) + 1
    summary.by_mediator = sorted(by_mediator.values(), key=lambda r: name_sort_key(r.name))
    summary.by_scope = [(_SCOPE_LABELS.get(code, code), n) for code, n in scope_counts.items()]
    summary.by_result = [(_RESULT_LABELS[code], n) for code, n in result_counts.items()]
    register.summary = summary
    confidential = [c.id for c in cases if c.confidential]
    if confidential:
        audit.write("view", table=MediationCase._meta.table_name, username=username,
                    after={"purpose": "register", "year": year, "case_ids": confidential})
    return register
