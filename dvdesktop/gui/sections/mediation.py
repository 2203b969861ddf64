"""Hòa giải ở cơ sở: the year's cases (the main window's year selector),
filtered by area, outcome and start deadline; a case whose start deadline
has passed shows in red. Parties' names appear in the list only where the
organisation setting allows (masked otherwise); the case form on the right.
Buttons: the year's statistics, the register (Sổ theo dõi) and the case's
settlement or không-thành record, in PDF or Word."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTableWidgetItem

from .. import designer, texts
from ...services.mediation import rules
from ...services.mediation import stats as mediation_stats
from ...services.core import vocab
from ...services.listings import mediation as listing
from ...services.mediation.records import MediationCaseService
from ..dialogs import messages
from ..forms.choices import area_choices
from ..forms.mediation_form import MediationCaseForm
from ..generated.ui_mediation_filters import Ui_MediationFilters
from ..generated.ui_mediation_stats_dialog import Ui_MediationStatsDialog
from ..i18n import N_, _
from ..print_preview import PrintJob, PrintMenuButton, offer_job
from ..table_model import Column, Row, RowSource
from ..widgets import fit_to_screen
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
            Column("area", _("Area"), width=105, optional=True),
            Column("kind", _("Kind of dispute"), width=150),
            Column("deadline", _("Start deadline"), width=145),
            Column("outcome", _("Outcome"), width=140),
            Column("parties", _("Parties"), sortable=False, width=200, optional=True),
            Column("mediators", _("Mediators"), sortable=False, width=170, optional=True),
            Column("scope", _("Scope"), optional=True),
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
        # the case form's drop-downs read whole at 125 % too (its 380 px cut "Tranh chấp nguồn nước làm ruộng")
        self.splitter.setSizes([480, 620])
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)  # newest first

    def make_source(self):
        return MediationSource()

    def make_editor(self):
        return MediationCaseForm()

    def count_text(self, n):
        return _("{n} cases").format(n=n)

    def add_filters(self, bar):
        # the row is ui/mediation_filters.ui: three drop-downs, the statistics and the tổ hòa giải
        self.filters_ui = self.add_filter_row(bar, Ui_MediationFilters)
        self.f_area.set_items([], blank=_(texts.ALL_AREAS))
        self.f_outcome.set_items(vocab.MEDIATION_OUTCOMES, blank=_("All outcomes"))
        self.f_deadline.set_items([(code, _(label)) for code, label in DEADLINE_FILTERS], blank=_("Deadline: all"))
        self.stats_button.clicked.connect(self.show_statistics)
        self.team_button.clicked.connect(self.show_team)
        # one «In…» for the three documents (the register, the commune's summary, the
        # case's document): three buttons made the section 1,090 px wide, more than a
        # 1366x768 screen at 125 % leaves it; each document says why it cannot be printed yet
        self.print_button = PrintMenuButton()
        self.print_button.add_offers("mediation-register", self.register_job, unavailable=self.register_unavailable)
        self.print_button.add_offers("mediation-summary", self.summary_job)
        self.print_button.add_offers("mediation-case", self.case_job, unavailable=self.case_unavailable)
        self.filters_ui.filter_row.addWidget(self.print_button)

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
        self.prefill_new(self.editor.area, self.f_area.code())  # its team follows (mediation_form)

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

    def register_unavailable(self) -> str | None:
        if self.f_area.code() is None:  # one book per tổ hòa giải: the commune's figures are the summary's
            return _("Choose an area first: the register is the book of one mediation team. The whole commune "
                     "prints as a summary table.")
        return None

    def register_job(self, kind, offer) -> PrintJob | None:
        area = self.f_area.code()
        if area is None:
            return None
        return offer_job(kind, offer, {"year": self.year, "area": area}, self.f_area.currentText(), str(self.year))

    def summary_job(self, kind, offer) -> PrintJob | None:
        return offer_job(kind, offer, {"year": self.year}, "", str(self.year))

    def case_unavailable(self) -> str | None:
        if self.editor.record_id is None:
            return _("Choose a case in the list first.")
        if self.editor.is_dirty():
            return _("Save the case first, then print it.")
        if self.editor.record.outcome == "dang":
            return _("The case has no outcome yet: the settlement or the record of an unsuccessful mediation is "
                     "printed once mediation has ended.")
        return None

    def case_job(self, kind, offer) -> PrintJob | None:
        from ...services.mediation.printing import case_document_name

        case_id = self.editor.record_id
        if case_id is None:
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

        designer.setup(self, Ui_MediationStatsDialog)  # ui/mediation_stats_dialog.ui
        self.setWindowTitle(_("Mediation statistics {year}").format(year=year))
        fit_to_screen(self, 900, 520)
        self.stats = mediation_stats.statistics(year)
        s = self.stats
        rate = s.success_rate
        summary = _("{year}: {n} cases received.").format(year=year, n=format_number(s.received))
        if rate is not None:
            summary += " " + _("Settled: {rate}% of the mediations that ended.").format(
                rate=format_number(100 * rate, 1))
        self.summary.setText(summary)
        scopes = list(vocab.MEDIATION_SCOPES)
        headers = ([_("Area"), _("Received")] + [label for _c, label in scopes]
                   + [label for _c, label in STAT_RESULTS])
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setColumnWidth(0, 170)
        from ..column_fit import fit_columns

        fit_columns(self.table)  # eleven columns of figures: their long titles on two or three lines

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
        self.buttons.rejected.connect(self.reject)

    def row_values(self, row: int) -> list[str]:
        return [self.table.item(row, c).text() for c in range(self.table.columnCount())]
