"""Đánh giá, xếp loại: the yearly rating of the teams.

Two tabs: every team of the selected year (suggested and given totals,
level, stage; fill every team from the suggestions; the distribution of
levels and a plain red warning when the quota is broken; double-click opens
the team's rating form), and the year's criteria set (a tree of groups and
criteria, the levels and the quota; save, copy from last year, export and
import as one file). Data from services.evaluation only; the year's board
is read off the GUI thread (a province has 2,128 teams).
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer

from ...errors import UserError
from ...services import evaluation as ev
from ...services.evaluation import board as eval_board
from ...vn import format_number, sort_key
from ..dialogs import messages
from ..errors import report
from .. import designer
from ..generated.ui_evaluation_section import Ui_EvaluationSection
from ..i18n import N_, _
from .. import window_state
from ..print_preview import PrintJob, PrintMenuButton, offer_job
from .. import table_model
from ..table_model import ID_ROLE, Column, LazyTableModel, Row, RowSource
from .base import Section

NOT_RATED, CANNOT = "__unrated", "__cannot"
FILE_FILTER = N_("Criteria files (*.json)")


def _pts(value) -> str:
    return "" if value is None else format_number(value)


class BoardSource(RowSource):
    """The all-teams grid over the rows of services.evaluation.year_board
    (read once per refresh; sorted and filtered here, in memory)."""

    def __init__(self):
        self.columns = [
            Column("team", _("Team"), width=190),
            Column("area", _("Area"), width=110, optional=True),  # the team's name says it
            Column("suggested", _("Suggested"), numeric=True, width=75),
            Column("given", _("Given"), numeric=True, width=82),
            Column("level", _("Level"), width=195),
            Column("stage", _("Stage"), width=105, optional=True),
            Column("note", _("Note"), sortable=False, optional=True),
        ]
        self.board: eval_board.YearBoard | None = None
        self.query = ""
        self.level: str | None = None  # a level code, NOT_RATED or CANNOT

    def _rows(self) -> list:
        return list(self.board.rows) if self.board is not None else []

    def _match(self, r) -> bool:
        if self.query:
            from ...vn import fold

            words = fold(self.query).split()
            hay = fold(f"{r.team_name} {r.area_name} {r.commune}")
            if not all(w in hay for w in words):
                return False
        if self.level == CANNOT:
            return not r.eligible
        if self.level == NOT_RATED:
            return r.eligible and r.level_code is None
        if self.level:
            return r.eligible and r.level_code == self.level
        return True

    def ids(self, key, descending):
        rows = [r for r in self._rows() if self._match(r)]
        keys = {
            "team": lambda r: (sort_key(r.team_name),),
            "area": lambda r: (sort_key(r.area_name), sort_key(r.team_name)),
            "suggested": lambda r: (r.suggested_total,),
            "given": lambda r: (r.given_total is None, r.given_total or 0),
            "level": lambda r: (self._level_rank(r), sort_key(r.team_name)),
            "stage": lambda r: (("", "self", "review", "decided").index(r.stage or ""), sort_key(r.team_name)),
        }
        if key in keys:
            rows.sort(key=keys[key], reverse=descending)
        return [r.team_id for r in rows]

    def _level_rank(self, r) -> int:
        codes = [lv.code for lv in self.board.criteria_set.levels] if self.board and self.board.criteria_set else []
        if not r.eligible:
            return len(codes) + 2
        return codes.index(r.level_code) if r.level_code in codes else len(codes) + 1

    def rows(self, ids):
        by_id = self._by_id()
        out = {}
        for r in (by_id[i] for i in ids if i in by_id):
            note = r.reason if not r.eligible else ""
            out[r.team_id] = Row([r.team_name, r.area_name, _pts(r.suggested_total) if r.eligible else "",
                                  _pts(r.given_total),
                                  r.level_name if r.eligible else _("Cannot be rated"),
                                  r.stage_name if r.eligible else "", note],
                                 muted=not r.eligible, tooltip=r.reason or None)
        return out

    def _by_id(self) -> dict:
        board = self.board
        if board is None:
            return {}
        if getattr(self, "_index_of", None) is not board:  # one index per board read
            self._index, self._index_of = {r.team_id: r for r in board.rows}, board
        return self._index

    def row_of(self, team_id: int):
        return self._by_id().get(team_id)


class EvaluationSection(Section):
    key = "evaluation"
    title = N_("Rating of the teams")

    def __init__(self, window=None):
        super().__init__(window)
        self.board: eval_board.YearBoard | None = None
        self.criteria_set: ev.CriteriaSetData | None = None
        self.criteria_year = self.year  # the year the criteria editor shows
        self.last_by = ""
        self.rating_dialog = None
        self._loading_year: int | None = None
        # the layout is ui/evaluation_section.ui; what it does is here
        self.ui = designer.setup(self, Ui_EvaluationSection)
        # the documents the print catalog offers here (services/printing/catalog.py, scope "evaluation")
        self.print_button = PrintMenuButton()
        self.print_button.add_offers("evaluation", self.print_job)
        self.print_button.entries["evaluation-sheet"].unavailable = self.sheet_unavailable
        self.print_button.entries["evaluation-report"].unavailable = self.report_unavailable
        self.ui.top_bar.addWidget(self.print_button)
        from ..export_excel import add_export_button

        self.excel_button = add_export_button(self, self.ui.top_bar)
        self.export_button = self.ui.export_button  # the criteria file's (add_export_button named the Excel one so)
        self._connect_grid_tab()
        self._connect_criteria_tab()

    # --- wiring the form's widgets --------------------------------------------------

    def _connect_grid_tab(self) -> None:
        self.sample_button.clicked.connect(self.start_from_sample)
        self.copy_button_empty.clicked.connect(self.copy_from_last_year)
        self.import_button_empty.clicked.connect(self.import_file)
        self.search.searchChanged.connect(self._filters_changed)
        self.f_level.set_items([], blank=_("All ratings"))
        self.f_level.currentIndexChanged.connect(self._filters_changed)
        self.fill_button.clicked.connect(self.fill_from_suggestions)
        self.open_button.clicked.connect(lambda: self.open_rating())

        self.source = BoardSource()
        self.model = LazyTableModel(self.source, self)
        self.view.setModel(self.model)
        table_model.set_up_list_view(self.view, self.source.columns)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)
        # double-click or Enter (not `activated`: it also fires on a double-click, opening the form twice)
        self.view.doubleClicked.connect(lambda index: self.open_rating(self.model.data(index, ID_ROLE)))
        self.view.enterPressed.connect(lambda: self.open_rating())
        self.board_splitter.setSizes([820, 250])
        window_state.remember_splitter(self.board_splitter, "EvaluationSection")
        self.model.modelReset.connect(self._update_count)
        self.model.layoutChanged.connect(self._update_count)

    def _connect_criteria_tab(self) -> None:
        self.save_criteria_button.clicked.connect(self.save_criteria)
        self.discard_criteria_button.clicked.connect(self.discard_changes)
        self.copy_button.clicked.connect(self.copy_from_last_year)
        self.export_button.clicked.connect(self.export_file)
        self.import_button.clicked.connect(self.import_file)
        self._check_timer = QTimer(self, singleShot=True, interval=300)
        self._check_timer.timeout.connect(self.check_criteria)
        # the editor's bar under its fields: the tree does not move down while the clerk types
        self.problems_label = self.criteria_editor.problems
        self.criteria_editor.changed.connect(self._criteria_edited)

    # --- reading the year --------------------------------------------------------------

    def set_year(self, year: int) -> None:
        if self.criteria_editor.is_dirty() and year != self.criteria_year and messages().discard_changes(self):
            self.load_criteria(year)
        self.year = year
        self.refresh()

    def refresh(self) -> None:
        self.heading.setText(_("Rating of the teams, {year}").format(year=self.year))
        if not self.criteria_editor.is_dirty():
            self.load_criteria()
        self.reload_board()

    def activated(self) -> None:
        self.refresh()

    def load_criteria(self, year: int | None = None) -> None:
        year = year or self.year
        try:
            cset = ev.criteria_set(year)
        except UserError as exc:
            report(exc, self)
            return
        self.criteria_set, self.criteria_year = cset, year
        self.criteria_editor.load(cset)
        if cset is None:
            self.criteria_editor.name.setText(f"Tiêu chí đánh giá, xếp loại Tổ dân vận năm {year}")
            self.criteria_editor._clean = self.criteria_editor.definition()
        self._check_timer.stop()
        self.problems_label.hide()
        self.export_button.setEnabled(cset is not None)
        self.save_criteria_button.setEnabled(False)
        self.discard_criteria_button.setEnabled(False)

    def reload_board(self, select_id: int | None = None) -> None:
        """Read the year's grid off the GUI thread, then show it."""
        year = self.year
        keep = select_id if select_id is not None else self.current_id()
        self._loading_year = year
        runner = getattr(self.window_, "runner", None)
        if runner is None:
            self._show_board(year, eval_board.year_board(year), keep)
            return
        self.count_label.setText(_("Reading the ratings…"))
        runner.run(lambda _p: eval_board.year_board(year), on_done=lambda b: self._show_board(year, b, keep),
                   label=_("Reading the ratings"))

    def _show_board(self, year: int, board, keep: int | None) -> None:
        if year != self.year:
            return
        self.board = self.source.board = board
        if board.criteria_set is None:
            self.empty_label.setText(_("{year} has no criteria set yet. Start from the sample set shipped with "
                                       "the program, copy last year's, or import the file the province sent."
                                       ).format(year=year))
            self.grid_stack.setCurrentIndex(0)
        else:
            self.grid_stack.setCurrentIndex(1)
        levels = [(lv.code, lv.name) for lv in board.criteria_set.levels] if board.criteria_set else []
        self.f_level.set_items(levels + [(NOT_RATED, _("Not rated yet")), (CANNOT, _("Cannot be rated"))],
                               blank=_("All ratings"))
        cset = board.criteria_set
        self.fill_button.setEnabled(cset is not None and any(c.metric for c in cset.criteria))
        self._show_distribution()
        self.apply_filters()
        self.model.refresh()
        if keep is not None:
            self.select_id(keep)
        if self.window_ is not None and hasattr(self.window_, "data_shown"):
            self.window_.data_shown()

    def _show_distribution(self) -> None:
        board = self.board
        d = board.distribution if board else None
        if d is None:
            self.distribution_label.setText("")
            self.warning_label.hide()
            return
        rated = sum(lv.count for lv in d.levels)
        lines = []
        for lv in d.levels:
            share = f" ({format_number(round(100 * lv.count / rated, 1))}\u00a0%)" if rated else ""
            lines.append(f"<b>{format_number(lv.count)}</b> {lv.name}{share}")
        lines.append("")
        lines.append(_("Teams of the year: {n}").format(n=format_number(d.teams)))
        lines.append(_("Not rated yet: {n}").format(n=format_number(d.unrated)))
        if d.ineligible:
            lines.append(_("Cannot be rated (active too short a time): {n}").format(n=format_number(d.ineligible)))
        self.distribution_label.setText("<br>".join(lines))
        self.warning_label.setText("\n".join(board.warnings))
        self.warning_label.setVisible(bool(board.warnings))

    def _filters_changed(self, *_args) -> None:
        self.apply_filters()
        self.model.refresh()

    def apply_filters(self) -> None:
        self.source.query = self.search.text()
        self.source.level = self.f_level.code()

    def _update_count(self) -> None:
        self.count_label.setText(_("{n} teams").format(n=self.model.rowCount()))

    def current_id(self) -> int | None:
        return table_model.current_id(self.view, self.model)

    def select_id(self, team_id: int) -> bool:
        return table_model.select_id(self.view, self.model, team_id)

    def open_link(self, link: str) -> None:
        """From the overview: "level:CODE" shows the teams of one level ("level:" the teams not rated yet)."""
        self.tabs.setCurrentIndex(0)
        if link.startswith("level:"):
            code = link.partition(":")[2] or NOT_RATED
            self.f_level.set_code(code)
        else:
            self.f_level.set_code(None)
        self._filters_changed()

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search.setFocus()
        self.search.selectAll()

    # --- rating one team ------------------------------------------------------------------

    def open_rating(self, team_id: int | None = None):
        team_id = team_id if team_id is not None else self.current_id()
        if team_id is None:
            messages().info(self, _("Open rating…"), _("Choose a team in the list first."))
            return None
        from ..forms.rating_form import RatingDialog

        try:
            dialog = RatingDialog(self, team_id, self.year, default_by=self.last_by)
        except UserError as exc:
            messages().warning(self, _("Cannot open the rating"), exc.message)
            return None
        dialog.changed.connect(lambda tid: self._rating_changed(dialog, tid))
        self.rating_dialog = dialog
        dialog.open()
        return dialog

    def _rating_changed(self, dialog, team_id: int) -> None:
        self.last_by = dialog.by.text().strip() or self.last_by
        self.reload_board(select_id=team_id)

    def fill_from_suggestions(self) -> None:
        year = self.year
        if not messages().confirm(self, _("Fill from the suggestions"),
                                  _("Give every team of {year} that has no score yet the suggested scores? Teams "
                                    "already scored and decided ratings are left as they are; each team can "
                                    "still be reviewed.").format(year=year)):
            return

        def work(progress):
            progress.update(0, 0, _("Filling the scores from the suggestions…"))
            return ev.fill_from_suggestions(year)

        def done(n):
            self.status.emit(_("Scores filled from the suggestions for {n} teams.").format(n=n))
            self.reload_board()

        def failed(exc):
            if isinstance(exc, UserError):
                messages().warning(self, _("Fill from the suggestions"), exc.message)
            else:
                report(exc, self)

        runner = getattr(self.window_, "runner", None)
        if runner is None:
            from ..tasks import Progress

            try:
                done(work(Progress()))
            except Exception as exc:  # noqa: BLE001 - shown to the clerk
                failed(exc)
            return
        runner.run(work, on_done=done, on_error=failed, label=_("Filling the scores"))

    # --- the criteria set -------------------------------------------------------------------

    def _criteria_edited(self) -> None:
        dirty = self.criteria_editor.is_dirty()
        self.save_criteria_button.setEnabled(dirty)
        self.discard_criteria_button.setEnabled(dirty)
        self._check_timer.start()  # checked as the clerk edits, as a RecordForm does

    def check_criteria(self) -> list[str]:
        """Show every problem of the set as edited (the service's own rules); [] when it can be saved."""
        from ...services.evaluation.criteria import definition_problems

        self._check_timer.stop()
        problems = definition_problems(self.criteria_editor.definition()) if self.criteria_editor.is_dirty() else []
        self.problems_label.setText(_("To correct before saving:") + "\n" + "\n".join(f"• {p}" for p in problems))
        self.problems_label.setVisible(bool(problems))
        return problems

    def _show_problems(self, exc: UserError) -> None:
        problems = getattr(exc, "problems", None) or [exc.message]
        self.problems_label.setText(_("The criteria set was not saved:") + "\n" + "\n".join(f"• {p}" for p in problems))
        self.problems_label.show()

    def save_criteria(self) -> bool:
        definition = self.criteria_editor.definition()
        current = self.criteria_set
        try:
            from ...services.evaluation.criteria import data_from_definition

            if current is not None and current.is_sample and self.criteria_editor.is_dirty():
                definition = {**definition, "sample": False}  # adapted by the commune: no longer the sample
            year = self.criteria_year
            data = data_from_definition(definition, year)
            if not self._confirm_dropped(current, data):
                return False
            saved = ev.save_criteria_set(year, data, expected_version=current.version if current else None)
        except UserError as exc:
            self.tabs.setCurrentIndex(1)
            self._show_problems(exc)
            return False
        self._check_timer.stop()
        self.status.emit(_("Criteria of {year} saved.").format(year=year))
        self.criteria_set = saved
        self.criteria_editor.load(saved)
        self.problems_label.hide()
        self._criteria_edited()
        self.export_button.setEnabled(True)
        self.reload_board()
        return True

    def _confirm_dropped(self, current, data) -> bool:
        """Criteria left out lose the scores given to them: ask first when any team has scores."""
        if current is None:
            return True
        dropped = sorted({c.code for c in current.criteria} - {c.code for c in data.criteria})
        scored = self.board is not None and any(r.given_total is not None for r in self.board.rows)
        if not dropped or not scored:
            return True
        return messages().confirm(self, _("Save"), _(
            "The criteria {codes} were removed: the scores already given for them will be deleted. "
            "Save anyway?").format(codes=", ".join(dropped)), destructive=True)

    def _replace_ok(self, title: str) -> bool | None:
        """None: cancelled; else whether an existing set is to be replaced."""
        if self.criteria_editor.is_dirty() and not messages().discard_changes(self):
            return None
        existing = ev.criteria_set(self.year)
        if existing is None:
            return False
        if not messages().confirm(self, title, _("{year} already has the criteria set «{name}». Replace it?").format(
                year=self.year, name=existing.name), destructive=True):
            return None
        return True

    def _after_set_changed(self, message: str) -> None:
        self.load_criteria()
        self.status.emit(message)
        self.reload_board()

    def start_from_sample(self) -> None:
        try:
            eval_board.start_from_sample(self.year)
        except UserError as exc:
            messages().warning(self, _("Start from the sample set"), exc.message)
            return
        self.tabs.setCurrentIndex(1)
        self._after_set_changed(_("The sample set is now the criteria of {year}: adapt it.").format(year=self.year))

    def copy_from_last_year(self) -> None:
        title = _("Copy from last year")
        replace = self._replace_ok(title)
        if replace is None:
            return
        try:
            ev.copy_criteria_set(self.year - 1, self.year, replace=replace)
        except UserError as exc:
            messages().warning(self, title, exc.message)
            return
        self._after_set_changed(_("The criteria of {last} were copied to {year}.").format(
            last=self.year - 1, year=self.year))

    def export_file(self) -> None:
        title = _("Export the criteria set")
        path = messages().save_file(self, title, f"tieu-chi-danh-gia-{self.year}.json", _(FILE_FILTER))
        if not path:
            return
        if not path.lower().endswith(".json"):
            path += ".json"
        try:
            written = ev.export_criteria_file(self.year, path)
        except UserError as exc:
            messages().warning(self, title, exc.message)
            return
        self.status.emit(_("Saved: {path}").format(path=str(written)))

    def import_file(self) -> None:
        title = _("Import a criteria set")
        path = messages().open_file(self, title, _(FILE_FILTER))
        if not path:
            return
        try:
            ev.read_criteria_file(path, self.year)  # every problem first, before asking anything
        except UserError as exc:
            problems = getattr(exc, "problems", None) or [exc.message]
            messages().warning(self, title, _("The file was not imported; nothing was changed:") + "\n\n"
                               + "\n".join(f"• {p}" for p in problems))
            return
        replace = self._replace_ok(title)
        if replace is None:
            return
        try:
            ev.import_criteria_file(path, self.year, replace=replace)
        except UserError as exc:
            messages().warning(self, title, exc.message)
            return
        self._after_set_changed(_("The criteria set of {year} was imported.").format(year=self.year))

    # --- commands from the main window --------------------------------------------------------

    def save(self) -> bool:
        if self.criteria_editor.is_dirty():
            return self.save_criteria()
        return True

    def has_unsaved_changes(self) -> bool:
        return self.criteria_editor.is_dirty()

    def discard_changes(self) -> None:
        self.load_criteria()

    def cancel(self) -> None:
        if self.criteria_editor.is_dirty() and messages().discard_changes(self):
            self.load_criteria()

    # --- printing ---------------------------------------------------------------------------

    def sheet_unavailable(self) -> str | None:
        if self.board is None or self.board.criteria_set is None:
            return _("The year has no criteria set yet.")
        if self.current_id() is None:
            return _("Choose a team in the list first.")
        return None

    def report_unavailable(self) -> str | None:
        if self.board is None or self.board.criteria_set is None:
            return _("The year has no criteria set yet.")
        return None

    def print_job(self, kind, offer) -> PrintJob | None:
        if offer.key == "evaluation-report":
            return offer_job(kind, offer, {"year": self.year}, str(self.year))
        team_id = self.current_id()
        row = self.source.row_of(team_id) if team_id is not None else None
        if row is None:
            return None
        return offer_job(kind, offer, {"team": team_id, "year": self.year}, row.team_name, str(self.year))
