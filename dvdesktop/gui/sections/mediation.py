"""Hòa giải ở cơ sở: the year's cases (the main window's year selector),
filtered by area, outcome and start deadline; a case whose start deadline
has passed shows in red. Parties' names appear in the list only where the
organisation setting allows (masked otherwise); the case form on the right.
Buttons: the year's statistics, the register (Sổ theo dõi) and the case's
settlement or không-thành record, in PDF or Word."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import texts
from ...services.mediation import rules
from ...services.mediation import stats as mediation_stats
from ...services.core import vocab
from ...services.listings import mediation as listing
from ...services.mediation.records import MediationCaseService
from ..dialogs import messages
from ..forms.choices import area_choices
from ..forms.mediation_form import MediationCaseForm
from ..i18n import N_, _
from ..style import role
from ..print_preview import PrintJob, offer_job, print_button
from ..table_model import Column, Row, RowSource
from ..widgets import ChoiceCombo
from .base import ListFormSection

DEADLINE_FILTERS = (
    (rules.DEADLINE_MISSED, N_("Start deadline missed")),
    (rules.DEADLINE_DUE, N_("Start deadline due")),
    (rules.DEADLINE_OK, N_("Not started, in time")),
    (rules.DEADLINE_STARTED, N_("Started or closed")),
)


class MediationSource(RowSource):
    """The year's cases through services.listings.mediation: filters, search
    and sorting in the service, rows built a block at a time (names masked
    there unless the organisation setting shows them)."""

    def __init__(self):
        self.columns = [
            Column("received_on", _("Received"), width=90),
            Column("number", _("No."), width=60),
            Column("area", _("Area"), width=105),
            Column("kind", _("Kind of dispute"), width=150),
            Column("deadline", _("Start deadline"), width=145),
            Column("outcome", _("Outcome"), width=140),
            Column("parties", _("Parties"), sortable=False, width=200),
            Column("mediators", _("Mediators"), sortable=False, width=170),
            Column("scope", _("Scope")),
        ]
        self.query = ""
        self.year: int = dt.date.today().year
        self.area_id: int | None = None
        self.outcome: str | None = None
        self.deadline: str | None = None
        self.today: dt.date | None = None  # tests fix "today"
        self.show_names = False

    def ids(self, sort_key, descending):
        from ...services.settings import load_organisation

        self.show_names = load_organisation().show_confidential_names
        filters = listing.MediationFilter(query=self.query, year=self.year, area_id=self.area_id,
                                          outcome=self.outcome, deadline=self.deadline, show_names=self.show_names)
        return listing.case_ids(filters, sort_key, descending, self.today)

    def rows(self, ids):
        from ...vn import short_date

        result = {}
        for r in listing.case_rows(ids, self.show_names, self.today):
            rid = r.id
            deadline = short_date(r.deadline)
            if r.deadline_state == rules.DEADLINE_MISSED:
                deadline += " – " + _("missed")
            elif r.deadline_state == rules.DEADLINE_DUE:
                deadline += " – " + _("due")
            tips = []
            if r.deadline_state == rules.DEADLINE_MISSED:
                tips.append(_("Mediation has not started within {n} days of the assignment.").format(
                    n=rules.START_WITHIN_DAYS))
            if r.names_masked:
                tips.append(_("Parties' names are hidden: the case is confidential."))
            result[rid] = Row([short_date(r.received_on), r.number, r.area_name, r.kind, deadline, r.outcome_label,
                               r.parties, r.mediators, r.scope],
                              alert=r.deadline_state == rules.DEADLINE_MISSED,
                              muted=r.outcome != "dang" and r.deadline_state != rules.DEADLINE_MISSED,
                              tooltip="\n".join(tips) or None)
        return result


class MediationSection(ListFormSection):
    trash_title = N_("Deleted mediation cases")
    service = MediationCaseService
    search_placeholder = N_("Search number, kind, area, mediator (Ctrl+F)")
    legend = N_("Red: mediation not started within 3 days of the assignment (Law on grassroots "
                "mediation). Grey: finished.")

    def __init__(self, window=None):
        super().__init__(window)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)  # newest first

    def make_source(self):
        return MediationSource()

    def make_editor(self):
        return MediationCaseForm()

    def count_text(self, n):
        return _("{n} cases").format(n=n)

    def add_filters(self, bar):
        self.f_area = ChoiceCombo([], blank=_(texts.ALL_AREAS))
        self.f_outcome = ChoiceCombo(vocab.MEDIATION_OUTCOMES, blank=_("All outcomes"))
        self.f_deadline = ChoiceCombo([(code, _(label)) for code, label in DEADLINE_FILTERS],
                                      blank=_("Deadline: all"))
        for combo in (self.f_area, self.f_outcome, self.f_deadline):
            combo.currentIndexChanged.connect(self.filters_changed)
            bar.addWidget(combo, 1)
        bar.addStretch(1)
        # the three print buttons go on the filters' row, in one box (the bar splits
        # in two past five items): all of them on the search row made the window
        # 1,386 px wide, more than a 1366-pixel screen, and kept every section so
        prints = QWidget()
        prints.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)  # their names read whole
        self.print_bar = QHBoxLayout(prints)
        self.print_bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(prints)
        self.stats_button = QPushButton(_("Statistics…"))
        self.stats_button.clicked.connect(self.show_statistics)
        self.search_bar.addWidget(self.stats_button)
        self.team_button = QPushButton(_("Mediation team…"))
        self.team_button.setToolTip(_("The mediators of the chosen area's tổ hòa giải: at least three, a woman among them"))
        self.team_button.clicked.connect(self.show_team)
        self.search_bar.addWidget(self.team_button)
        self.register_button = print_button("mediation-register", self.register_job, _("Print mediation register…"))
        self.register_button.setToolTip(_("Sổ theo dõi hoạt động hòa giải ở cơ sở of the chosen area's mediation team for the year"))
        self.print_bar.addWidget(self.register_button)
        self.summary_button = print_button("mediation-summary", self.summary_job, _("Print commune summary…"))
        self.summary_button.setToolTip(_("Bảng tổng hợp kết quả hoạt động hòa giải ở cơ sở: every mediation team "
                                         "of the commune for the year"))
        self.print_bar.addWidget(self.summary_button)
        self.case_print_button = print_button("mediation-case", self.case_job, _("Print case document…"))
        self.case_print_button.setToolTip(_("The settlement (hòa giải thành) or the record of an unsuccessful "
                                            "mediation, from the case's outcome"))
        self.print_bar.addWidget(self.case_print_button)

    def refresh_choices(self) -> None:
        self.f_area.set_items(area_choices(), blank=_(texts.ALL_AREAS))

    def apply_filters(self):
        s = self.source
        s.year = self.year
        s.area_id = self.f_area.code()
        s.outcome = self.f_outcome.code()
        s.deadline = self.f_deadline.code()

    def new_record(self) -> None:
        super().new_record()
        if self.f_area.code() is not None and not self.editor.is_dirty():
            self.editor.area.set_code(self.f_area.code())

    def describe(self, record_id):
        case = MediationCaseService.get(record_id)
        return _("case {number}").format(number=case.number or f"#{case.id}")

    # --- statistics and printing -------------------------------------------------

    def show_team(self) -> None:
        from ..forms.mediation_team_dialog import MediationTeamDialog

        area = self.f_area.code()
        if area is None:
            messages().info(self, _("Mediation team"), _("Choose an area first: each area has its own mediation team."))
            return
        dialog = MediationTeamDialog(self, area, self.f_area.currentText())
        self._team_dialog = dialog  # keep it alive (tests look at it)
        messages().run_dialog(dialog)
        self.editor.update_composition()

    def show_statistics(self) -> None:
        dialog = MediationStatsDialog(self, self.year)
        self._stats_dialog = dialog  # keep it alive (tests look at it)
        dialog.open()

    def register_job(self, kind, offer) -> PrintJob | None:
        area = self.f_area.code()
        if area is None:  # one book per tổ hòa giải: the commune's figures are the summary's
            messages().info(self, _("Print"), _("Choose an area first: the register is the book of one "
                                                "mediation team. The whole commune prints as a summary table."))
            return None
        area_name = self.f_area.currentText() if area is not None else ""
        return offer_job(kind, offer, {"year": self.year, "area": area}, area_name,
                         str(self.year))

    def summary_job(self, kind, offer) -> PrintJob | None:
        return offer_job(kind, offer, {"year": self.year}, "", str(self.year))

    def case_job(self, kind, offer) -> PrintJob | None:
        from ...services.mediation.printing import case_document_name

        case_id = self.editor.record_id
        if case_id is None:
            messages().info(self, _("Print"), _("Choose a case in the list first."))
            return None
        if self.editor.is_dirty():
            messages().info(self, _("Print"), _("Save the case first, then print it."))
            return None
        if self.editor.record.outcome == "dang":
            messages().info(self, _("Print"), _("The case has no outcome yet: the settlement or the record of an "
                                                "unsuccessful mediation is printed once mediation has ended."))
            return None
        return offer_job(kind, offer, {"id": case_id}, file_stem=case_document_name(case_id))

    def trash_label(self, record) -> str:
        return f"{record.number or '#' + str(record.id)} – {record.kind}"


def _cell(value, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem("" if value is None else str(value))
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class MediationStatsDialog(QDialog):
    """The year's figures as on the commune's reporting form: cases received,
    by scope, by result (thành / không thành / đang / chưa giải quyết), and a
    row per area."""

    def __init__(self, parent, year: int):
        super().__init__(parent)
        from ...services.mediation.register_data import STAT_RESULTS
        from ...vn import format_number

        self.setWindowTitle(_("Mediation statistics {year}").format(year=year))
        self.resize(900, 520)
        self.stats = mediation_stats.statistics(year)
        s = self.stats
        layout = QVBoxLayout(self)
        rate = s.success_rate
        summary = _("{year}: {n} cases received.").format(year=year, n=format_number(s.received))
        if rate is not None:
            summary += " " + _("Settled: {rate}% of the mediations that ended.").format(
                rate=format_number(100 * rate, 1))
        self.summary = QLabel(summary)
        role(self.summary, "subheading")
        layout.addWidget(self.summary)
        scopes = list(vocab.MEDIATION_SCOPES)
        headers = ([_("Area"), _("Received")] + [label for _c, label in scopes]
                   + [label for _c, label in STAT_RESULTS])
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 170)

        def add(name, counts, bold=False):
            row = self.table.rowCount()
            self.table.insertRow(row)
            values = ([name, counts.received] + [counts.by_scope.get(c, 0) for c, _l in scopes]
                      + [counts.by_result.get(c, 0) for c, _l in STAT_RESULTS])
            for column, value in enumerate(values):
                item = _cell(value if column == 0 else format_number(value), align_right=column > 0)
                if bold:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)

        for area in s.per_area:
            add(area.area_name, area)
        add(_("Whole commune"), s, bold=True)
        layout.addWidget(self.table, 1)
        note = QLabel(_("Đang giải quyết: mediation has started; chưa giải quyết: received but not started yet. "
                        "Không thành includes stopped cases and cases sent to the competent authority."))
        note.setWordWrap(True)
        role(note, "hint")
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def row_values(self, row: int) -> list[str]:
        return [self.table.item(row, c).text() for c in range(self.table.columnCount())]
