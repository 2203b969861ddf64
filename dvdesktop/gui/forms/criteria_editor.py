"""The criteria set of a year, edited as a tree and two small tables (never
as JSON): groups → criteria (code, text, maximum points, the metric that
suggests the score and its target, or none), the rating levels with their
thresholds, the quota rules.

The widgets are turned into the definition's plain shape and checked by
services.evaluation (data_from_definition): every problem comes back as one
Vietnamese line saying where it is, and is shown as it is, all of them.
"""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QHeaderView, QStyledItemDelegate, QTableWidgetItem, QTreeWidgetItem, QWidget,
)

from .. import designer
from ...services.evaluation import METRICS, CriteriaSetData
from ..generated.ui_criteria_editor import Ui_CriteriaEditor
from ..i18n import _

# tree columns
C_CODE, C_TEXT, C_POINTS, C_METRIC, C_TARGET = range(5)
METRIC_ROLE = Qt.ItemDataRole.UserRole + 7
GROUP_ROLE = Qt.ItemDataRole.UserRole + 8


def _num(value) -> str:
    if value is None:
        return ""
    return f"{Decimal(str(value)).normalize():f}".replace(".", ",")


class MetricDelegate(QStyledItemDelegate):
    """The metric column: a choice among the known metrics, or none (scored by hand)."""

    def createEditor(self, parent, option, index):  # noqa: N802
        if index.data(GROUP_ROLE):
            return None
        combo = QComboBox(parent)
        combo.addItem(_("(scored by hand)"), "")
        for name, label in METRICS.items():
            combo.addItem(label, name)
        return combo

    def setEditorData(self, editor, index):  # noqa: N802
        i = editor.findData(index.data(METRIC_ROLE) or "")
        editor.setCurrentIndex(max(i, 0))

    def setModelData(self, editor, model, index):  # noqa: N802
        name = editor.currentData() or ""
        model.setData(index, name, METRIC_ROLE)
        label = METRICS.get(name, _("(scored by hand)")) if name else _("(scored by hand)")
        model.setData(index, label)
        model.setData(index, label, Qt.ItemDataRole.ToolTipRole)


class CriterionOnlyDelegate(QStyledItemDelegate):
    """Code, points and target belong to criteria: a group row has none to edit."""

    def createEditor(self, parent, option, index):  # noqa: N802
        if index.siblingAtColumn(C_METRIC).data(GROUP_ROLE):
            return None
        return super().createEditor(parent, option, index)


class CriteriaEditor(QWidget):
    """Laid out in ui/criteria_editor.ui; `problems` is the one place, under
    the editor, where what must be fixed is listed (the evaluation section
    fills it as its problems_label: the tree above it never moves down)."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._loading = False
        self._clean = None
        self._is_sample = False
        self._note = ""
        designer.setup(self, Ui_CriteriaEditor)
        self.sample_note.hide()
        self.problems.hide()
        self.name.textChanged.connect(self._changed)

        # groups and criteria
        self.tree.setItemDelegateForColumn(C_METRIC, MetricDelegate(self.tree))
        self._criterion_only = CriterionOnlyDelegate(self.tree)
        for col in (C_CODE, C_POINTS, C_TARGET):
            self.tree.setItemDelegateForColumn(col, self._criterion_only)
        header = self.tree.header()
        header.setSectionResizeMode(C_TEXT, QHeaderView.ResizeMode.Stretch)
        for col, width in ((C_CODE, 80), (C_POINTS, 85), (C_METRIC, 230), (C_TARGET, 115)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.tree.setColumnWidth(col, width)
        self.tree.itemChanged.connect(self._changed)
        self.add_group_button.clicked.connect(lambda: self.add_group())
        self.add_criterion_button.clicked.connect(lambda: self.add_criterion())
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))

        # levels and quota
        levels_header = self.levels.horizontalHeader()
        levels_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.levels.setColumnWidth(0, 70)
        self.levels.setColumnWidth(2, 100)
        self.levels.itemChanged.connect(self._levels_changed)
        self.add_level_button.clicked.connect(lambda: self.add_level())
        self.remove_level_button.clicked.connect(self.remove_level)
        for signal in (self.top_level.currentIndexChanged, self.base_level.currentIndexChanged,
                       self.share.valueChanged, self.min_months.valueChanged):
            signal.connect(self._changed)

    # --- loading ---------------------------------------------------------------

    def load(self, data: CriteriaSetData | None) -> None:
        self._loading = True
        try:
            self.tree.clear()
            self.levels.setRowCount(0)
            self._is_sample = bool(data and data.is_sample)
            self._note = data.note if data else ""
            self.sample_note.setVisible(self._is_sample)
            self.name.setText(data.name if data else "")
            if data is not None:
                for group in data.groups:
                    item = self.add_group(group.title, select=False)
                    for c in group.criteria:
                        self.add_criterion(item, c.code, c.text, c.max_points, c.metric or "", c.target, select=False)
                for level in data.levels:
                    self.add_level(level.code, level.name, level.min_points)
            self.tree.expandAll()
            self._fill_level_choices()
            quota = data.quota if data else None
            self.top_level.setCurrentIndex(max(self.top_level.findData(quota.top_level if quota else None), 0))
            self.base_level.setCurrentIndex(max(self.base_level.findData(quota.base_level if quota else None), 0))
            self.share.setValue(float(quota.max_share * 100) if quota and quota.max_share is not None else 0)
            self.min_months.setValue(quota.min_active_months if quota else 0)
        finally:
            self._loading = False
        self._update_total()
        self._clean = self.definition()

    def is_dirty(self) -> bool:
        return self._clean is not None and self.definition() != self._clean

    def _changed(self, *_args) -> None:
        if self._loading:
            return
        self._update_total()
        self.changed.emit()

    def _levels_changed(self, *_args) -> None:
        if self._loading:
            return
        self._fill_level_choices()
        self._changed()

    # --- groups and criteria -------------------------------------------------------

    def _flags(self):
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable)

    def add_group(self, title: str = "", *, select: bool = True) -> QTreeWidgetItem:
        item = QTreeWidgetItem([""] * 5)
        item.setText(C_TEXT, title or _("New group"))
        item.setData(C_METRIC, GROUP_ROLE, True)
        item.setFlags(self._flags())
        font = item.font(C_TEXT)
        font.setBold(True)
        item.setFont(C_TEXT, font)
        item.setFirstColumnSpanned(False)
        self.tree.addTopLevelItem(item)
        item.setExpanded(True)
        if select:
            self.tree.setCurrentItem(item, C_TEXT)
            self._changed()
        return item

    def add_criterion(self, group: QTreeWidgetItem | None = None, code: str = "", text: str = "",
                      max_points=None, metric: str = "", target=None, *, select: bool = True) -> QTreeWidgetItem:
        if group is None:
            current = self.tree.currentItem()
            group = (current.parent() or current) if current is not None else None
            if group is None:
                group = self.add_group(select=False)
        item = QTreeWidgetItem([code, text, _num(max_points), "", _num(target) if metric else ""])
        item.setData(C_METRIC, METRIC_ROLE, metric)
        item.setText(C_METRIC, METRICS.get(metric, "") if metric else _("(scored by hand)"))
        item.setToolTip(C_METRIC, item.text(C_METRIC))  # whole when the column cuts it
        item.setToolTip(C_TEXT, text)
        item.setFlags(self._flags())
        item.setTextAlignment(C_POINTS, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setTextAlignment(C_TARGET, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        group.addChild(item)
        group.setExpanded(True)
        if select:
            self.tree.setCurrentItem(item, C_CODE)
            self._changed()
        return item

    def criterion_items(self) -> list[QTreeWidgetItem]:
        return [self.tree.topLevelItem(g).child(c) for g in range(self.tree.topLevelItemCount())
                for c in range(self.tree.topLevelItem(g).childCount())]

    def remove_current(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        parent = item.parent()
        if parent is None:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))
        else:
            parent.removeChild(item)
        self._changed()

    def move_current(self, step: int) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        parent = item.parent()
        if parent is None:
            i = self.tree.indexOfTopLevelItem(item)
            j = i + step
            if 0 <= j < self.tree.topLevelItemCount():
                self.tree.takeTopLevelItem(i)
                self.tree.insertTopLevelItem(j, item)
                item.setExpanded(True)
        else:
            i = parent.indexOfChild(item)
            j = i + step
            if 0 <= j < parent.childCount():
                parent.takeChild(i)
                parent.insertChild(j, item)
        self.tree.setCurrentItem(item)
        self._changed()

    # --- levels ------------------------------------------------------------------

    def add_level(self, code: str = "", name: str = "", min_points=None) -> None:
        was = self._loading
        self._loading = True
        row = self.levels.rowCount()
        self.levels.insertRow(row)
        for col, text in enumerate((code, name, _num(min_points))):
            item = QTableWidgetItem(text)
            if col == 2:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.levels.setItem(row, col, item)
        self._loading = was
        if not was:
            self._fill_level_choices()
            self._changed()

    def remove_level(self) -> None:
        row = self.levels.currentRow()
        if row >= 0:
            self.levels.removeRow(row)
            self._fill_level_choices()
            self._changed()

    def _level_rows(self) -> list[tuple[str, str, str]]:
        def text(r, c):
            item = self.levels.item(r, c)
            return item.text().strip() if item is not None else ""
        return [(text(r, 0), text(r, 1), text(r, 2)) for r in range(self.levels.rowCount())]

    def _fill_level_choices(self) -> None:
        was = self._loading
        self._loading = True
        try:
            for combo, blank in ((self.top_level, _("(no quota)")), (self.base_level, "")):
                current = combo.currentData()
                combo.clear()
                if blank:
                    combo.addItem(blank, None)
                for code, name, _p in self._level_rows():
                    if code:
                        combo.addItem(f"{code} – {name}" if name else code, code)
                i = combo.findData(current)
                combo.setCurrentIndex(i if i >= 0 else (0 if combo.count() else -1))
                # as wide as the longest level: the quota form then puts its label above it
                combo.setMinimumWidth(combo.sizeHint().width())
        finally:
            self._loading = was

    # --- the definition -------------------------------------------------------------

    def definition(self) -> dict:
        """The widgets as the definition the service checks (numbers kept as typed)."""
        groups = []
        for g in range(self.tree.topLevelItemCount()):
            gi = self.tree.topLevelItem(g)
            criteria = []
            for c in range(gi.childCount()):
                ci = gi.child(c)
                metric = ci.data(C_METRIC, METRIC_ROLE) or ""
                target = ci.text(C_TARGET).strip()
                criteria.append({"code": ci.text(C_CODE).strip(), "title": ci.text(C_TEXT).strip(),
                                 "max_points": ci.text(C_POINTS).strip(),
                                 "metric": f"{metric}:{target}" if metric and target else metric})
            groups.append({"title": gi.text(C_TEXT).strip(), "criteria": criteria})
        levels = [{"code": code, "name": name, "min_points": points} for code, name, points in self._level_rows()]
        quota: dict = {"min_active_months": self.min_months.value()}
        top, base = self.top_level.currentData(), self.base_level.currentData()
        if top:
            quota["top_level_max_share_of"] = [top, base or top, round(self.share.value() / 100, 4)]
        return {"name": self.name.text().strip(), "sample": self._is_sample, "note": self._note,
                "groups": groups, "levels": levels, "quota": quota}

    def _update_total(self) -> None:
        total = Decimal(0)
        for item in self.criterion_items():
            try:
                total += Decimal(item.text(C_POINTS).strip().replace(",", ".") or "0")
            except ArithmeticError:
                pass
        self.total_label.setText(_("Total: {points} points").format(points=_num(total)))
