"""The rating of one team for one year: each criterion with its suggested
score and the numbers behind it, the score given (limited to the maximum)
and a comment; the total and the level follow as the clerk types. The
stages (self-assessment → commune review → decided) are recorded with their
date and who did them; a decided rating is read-only unless reopened with a
reason. Everything goes through services.evaluation (rating, save_rating,
set_stage, reopen); an edit by someone else meanwhile is refused and said so.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QDialog, QDoubleSpinBox, QLabel, QLineEdit, QWidget

from .. import designer, palette
from ...errors import ConflictError, UserError
from ...services import evaluation as ev
from ...vn import format_number, short_date
from ..dialogs import messages
from ..generated.ui_rating_dialog import Ui_RatingDialog
from ..generated.ui_reopen_rating_dialog import Ui_ReopenRatingDialog
from ..i18n import N_, _
from ..style import role, set_invalid
from ..widgets import fit_to_screen

NOT_SCORED = -0.5  # the spin boxes' "—": no score given yet
STAGE_LABELS = {"self": N_("Self-assessment"), "review": N_("Commune review"), "decided": N_("Decided")}


def _pts(value) -> str:
    return "" if value is None else format_number(Decimal(str(value)))


class ScoreBox(QDoubleSpinBox):
    """A score from 0 to the criterion's maximum in steps of 0.5, or "—"."""

    def __init__(self, maximum: Decimal, parent=None):
        super().__init__(parent)
        self.setDecimals(1)
        self.setSingleStep(0.5)
        self.setRange(NOT_SCORED, float(maximum))
        self.setSpecialValueText("—")
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(72)
        self.setLocale(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))  # 7,5 not 7.5
        self.setKeyboardTracking(True)

    def textFromValue(self, value: float) -> str:  # noqa: N802
        """15 and 7,5 (not 15,0)."""
        text = self.locale().toString(value, "f", 1)
        return text[:-2] if text.endswith(self.locale().decimalPoint() + "0") else text

    def score(self) -> Decimal | None:
        value = self.value()
        return None if value <= NOT_SCORED else Decimal(str(round(value, 1)))

    def set_score(self, value: Decimal | None) -> None:
        self.setValue(NOT_SCORED if value is None else float(value))


class ReasonDialog(QDialog):
    """Why a decided rating is reopened (kept in the audit log); ui/reopen_rating_dialog.ui."""

    def __init__(self, parent, team_name: str):
        super().__init__(parent)
        designer.setup(self, Ui_ReopenRatingDialog)
        self.intro.setText(_("The rating of {team} was decided. Give the reason for reopening it "
                             "(it is kept in the history).").format(team=team_name))
        self.error.hide()
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def text(self) -> str:
        return self.reason.toPlainText().strip()

    def save(self) -> None:
        if not self.text():
            self.error.setText(_("Write the reason."))
            self.error.show()
            self.reason.setFocus()
            return
        self.accept()


class RatingDialog(QDialog):
    """One team's rating (ui/rating_dialog.ui: the criteria grid's header
    row is there, its rows are the year's criteria, added by load());
    `changed` is emitted after anything was saved."""

    changed = Signal(int)

    def __init__(self, parent, team_id: int, year: int, *, default_by: str = ""):
        super().__init__(parent)
        self.team_id, self.year = team_id, year
        self.data: ev.RatingData | None = None
        self.rows: list[tuple[ev.RatingLine, ScoreBox, QLineEdit]] = []
        self._row_widgets: list[QWidget] = []
        self._stretch_row: int | None = None  # the grid row under the criteria that takes the spare height
        self._clean: tuple = ()
        self.ui = designer.setup(self, Ui_RatingDialog)
        fit_to_screen(self, 1000, 720)
        self.grid = self.ui.criteria_grid
        self.stages_layout = self.ui.stages_layout
        self.stage_labels: dict[str, QLabel] = {"self": self.stage_self, "review": self.stage_review,
                                                "decided": self.stage_decided}
        self.alert.hide()
        self.problems.hide()
        self.by.setText(default_by)
        self.on.set_date(dt.date.today())
        self.on.textChanged.connect(self._clear_problems)
        self.fill_button.clicked.connect(self.take_suggestions)
        self.advance_button.clicked.connect(self.advance)
        self.reopen_button.clicked.connect(self.reopen)
        self.print_button.make_job = self.sheet_job
        self.save_button.clicked.connect(self.save)
        self.close_buttons.rejected.connect(self.reject)
        self.load()

    # --- loading -----------------------------------------------------------------

    def load(self) -> None:
        self.data = d = ev.rating(self.team_id, self.year)
        self.heading.setText(_("{team} — rating of {year}").format(team=d.team_name, year=d.year))
        self.subheading.setText(_("{area} · {criteria} · {stage}").format(
            area=d.area_name, criteria=d.criteria_set_name, stage=d.stage_name))
        self.alert.setVisible(not d.eligible)
        self.alert.setText(d.reason)
        self._clear_problems()
        self._clear_rows()
        grid = self.grid
        self.rows = []
        row, group = 1, None
        for line in d.criteria:
            if line.group != group:
                group = line.group
                g = QLabel(group)
                role(g, "group-heading")
                g.setWordWrap(True)
                self._add(g, row, 0, 1, 6)
                row += 1
            self._add(QLabel(line.code), row, 0, alignment=Qt.AlignmentFlag.AlignTop)
            text = QLabel(line.text + (f"\n{line.explanation}" if line.explanation else ""))
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if line.explanation:
                text.setText(f"{line.text}<br><span style='color:{palette.GOOD}'>{line.explanation}</span>")
                text.setTextFormat(Qt.TextFormat.RichText)
            self._add(text, row, 1)
            top_right = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight
            self._add(QLabel(_pts(line.max_points)), row, 2, alignment=top_right)
            suggested = QLabel(_pts(line.suggested) if line.suggested is not None else _("by hand"))
            role(suggested, "good" if line.suggested is not None else "muted-row")
            self._add(suggested, row, 3, alignment=top_right)
            box = ScoreBox(line.max_points)
            box.set_score(line.given)
            box.setAccessibleName(_("Score of {code}").format(code=line.code))
            box.valueChanged.connect(self._update_total)
            self._add(box, row, 4, alignment=Qt.AlignmentFlag.AlignTop)
            comment = QLineEdit(line.comment)
            comment.setMinimumWidth(160)
            comment.setAccessibleName(_("Comment on {code}").format(code=line.code))
            comment.textChanged.connect(self._update_total)
            self._add(comment, row, 5, alignment=Qt.AlignmentFlag.AlignTop)
            self.rows.append((line, box, comment))
            row += 1
        grid.setRowStretch(row, 1)
        self._stretch_row = row
        self._tab_order()
        # the list scrolls only up and down: the dialog is never narrower than the criteria need
        scroll = self.criteria_scroll
        scroll.setMinimumWidth(self.criteria_body.minimumSizeHint().width() + 2 * scroll.frameWidth()
                               + scroll.verticalScrollBar().sizeHint().width())
        self._apply_state()
        self._clean = self._values()
        self._update_total()

    def _add(self, widget: QWidget, row: int, column: int, rows: int = 1, columns: int = 1,
             alignment=Qt.AlignmentFlag(0)) -> None:
        self.grid.addWidget(widget, row, column, rows, columns, alignment)
        self._row_widgets.append(widget)

    def _clear_rows(self) -> None:
        """The criteria of the last load() go (the header row of the .ui stays)."""
        for widget in self._row_widgets:
            self.grid.removeWidget(widget)
            widget.hide()  # gone from sight now, deleted once back in the event loop
            widget.deleteLater()
        self._row_widgets = []
        if self._stretch_row is not None:
            self.grid.setRowStretch(self._stretch_row, 0)

    def _tab_order(self) -> None:
        """Score and comment of each criterion in turn, then the .ui's own
        order from the button under the list; Alt+C goes to the first score."""
        chain = [w for _line, box, comment in self.rows for w in (box, comment)]
        chain += [self.fill_button, self.by, self.on, self.decision_number, self.decided_level,
                  self.advance_button, self.reopen_button, self.print_button, self.save_button]
        chain += self.close_buttons.buttons()
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)
        self.score_header.setBuddy(self.rows[0][1] if self.rows else None)

    def _clear_problems(self, *_args) -> None:
        set_invalid(self.on, False)
        self.problems.hide()

    def _show_problem(self, text: str) -> None:
        self.problems.setText(text)
        self.problems.show()

    def _apply_state(self) -> None:
        d = self.data
        editable = not d.read_only and d.eligible
        for _line, box, comment in self.rows:
            box.setEnabled(editable)
            comment.setReadOnly(not editable)
        self.save_button.setEnabled(editable)
        self.fill_button.setEnabled(editable and any(ln.suggested is not None for ln, _b, _c in self.rows))
        self.reopen_button.setVisible(d.read_only)
        for s in d.stages:
            mark = "✓ " if s.done else "○ "
            detail = ""
            if s.done:
                who = ", ".join(x for x in (short_date(s.on) if s.on else "", s.by) if x)
                if s.stage == "decided" and d.decision_number:
                    who = ", ".join(x for x in (who, _("Decision {number}").format(number=d.decision_number)) if x)
                detail = f" — {who}" if who else ""
            style = f"color:{palette.GOOD}" if s.done else f"color:{palette.MUTED_ROW}"
            self.stage_labels[s.stage].setText(f"<span style='{style}'><b>{mark}{_(STAGE_LABELS[s.stage])}</b>"
                                               f"{detail}</span>")
        following = self.next_stage()
        self.advance_button.setVisible(following is not None and d.eligible)
        self.stage_form_widgets = (self.by, self.on, self.by_caption, self.on_caption)
        for w in self.stage_form_widgets:
            w.setVisible(following is not None and d.eligible)
        # with nothing left to record, the stages' text takes the whole width (it wrapped in a third)
        self.stages_layout.setStretch(1, 2 if following is not None and d.eligible else 0)
        decided_next = following == "decided"
        for w in (self.decision_caption, self.decision_number, self.decided_level_caption, self.decided_level):
            w.setVisible(decided_next)
        if decided_next:
            self._fill_decided_levels()
        if following is not None:
            self.advance_button.setText(_("&Record «{stage}»").format(stage=_(STAGE_LABELS[following])))

    def _fill_decided_levels(self) -> None:
        """The level the scores reach and every lower one."""
        levels = list(self.data.levels)
        reached = self.level()
        start = next((i for i, lv in enumerate(levels) if reached and lv.code == reached[0]), 0)
        self.decided_level.set_items([(lv.code, f"{lv.code} – {lv.name}") for lv in levels[start:]])
        self.decided_level.setCurrentIndex(0)

    def next_stage(self) -> str | None:
        order = ("",) + ev.STAGES
        current = order.index(self.data.stage or "")
        return order[current + 1] if current + 1 < len(order) else None

    # --- values ------------------------------------------------------------------

    def _values(self) -> tuple:
        return tuple((line.code, box.score(), comment.text().strip()) for line, box, comment in self.rows)

    def is_dirty(self) -> bool:
        return self._values() != self._clean

    def total(self) -> Decimal:
        return sum((box.score() for _l, box, _c in self.rows if box.score() is not None), Decimal(0))

    def level(self) -> tuple[str, str] | None:
        """(code, name) the scores reach, None while a criterion is not scored."""
        if any(box.score() is None for _l, box, _c in self.rows) or not self.data.levels:
            return None
        return ev.level_for(self.total(), self.data.levels)

    def _update_total(self, *_args) -> None:
        d = self.data
        text = _("Total: {total}/{max} points").format(total=_pts(self.total()), max=_pts(d.max_total))
        if d.read_only and d.level_name:
            text += " — " + d.level_name
        else:
            level = self.level()
            text += " — " + (level[1] if level else _("not every criterion is scored yet"))
        self.total_label.setText(text)

    def take_suggestions(self) -> None:
        for line, box, _c in self.rows:
            if line.suggested is not None and box.score() is None:
                box.set_score(line.suggested)

    # --- saving ------------------------------------------------------------------

    def save(self) -> bool:
        """Save the scores and comments; False (and a plain message) when refused."""
        if not self.is_dirty():
            return True
        scores = {line.code: (box.score(), comment.text()) for line, box, comment in self.rows}
        return self._run(lambda: ev.save_rating(self.team_id, self.year, scores, expected_version=self.data.version),
                         _("Cannot save"))

    def _run(self, action, title: str) -> bool:
        try:
            action()
        except ConflictError as exc:
            messages().warning(self, _("Changed by someone else"), exc.message + "\n\n"
                               + _("The rating is shown again as it is now."))
            self.load()
            return False
        except UserError as exc:
            messages().warning(self, title, exc.message)
            return False
        self.load()
        self.changed.emit(self.team_id)
        return True

    def advance(self) -> bool:
        stage = self.next_stage()
        if stage is None:
            return False
        if not self.save():
            return False
        on = self.on.date()
        if on is None and self.on.text().strip():
            set_invalid(self.on, True)
            self._show_problem(_("The date is not valid (dd/mm/yyyy)."))
            self.on.setFocus()
            return False
        by = self.by.text()
        return self._run(lambda: ev.set_stage(self.team_id, self.year, stage, by, on,
                                              decision_number=self.decision_number.text(),
                                              level=self.decided_level.code() if stage == "decided" else None,
                                              expected_version=self.data.version),
                         _("Cannot record the stage"))

    def reopen(self) -> bool:
        dialog = ReasonDialog(self, self.data.team_name)
        if not messages().run_dialog(dialog):
            return False
        reason = dialog.text()
        return self._run(lambda: ev.reopen(self.team_id, self.year, reason), _("Cannot reopen"))

    def sheet_job(self):
        from ...services.printing.catalog import offer
        from ..print_preview import offer_job

        if self.is_dirty():
            messages().info(self, _("Print the sheet…"), _("Save the scores first, then print the sheet."))
            return None
        kind, sheet = offer("evaluation", "evaluation-sheet")
        return offer_job(kind, sheet, {"team": self.team_id, "year": self.year}, self.data.team_name, str(self.year))

    def reject(self) -> None:
        if self.is_dirty() and not messages().discard_changes(self):
            return
        super().reject()
