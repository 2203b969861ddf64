"""The overview's charts (QtCharts): activity by month, ratings by level,
concerns answered on time. The data is services.overview_charts (grouped
queries, no Qt); clicking a bar opens the list behind it through the
overview's open_link, as its cards do.

This module imports QtCharts, which is slow to load: the overview imports it
only after its first paint (see OverviewSection.request_charts), so the
program's start is not delayed.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCharts import (
    QAbstractBarSeries, QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QHorizontalBarSeries, QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGridLayout, QLabel, QToolTip, QWidget

from . import palette
from ..services.overview_charts import LATE, ON_TIME, OVERDUE, TIMELINESS, WAITING, OverviewCharts
from .i18n import N_, _
from .style import role

COLORS = {"meetings": palette.EMPHASIS, "outreach": palette.CHART_GREEN, "concerns": palette.CHART_AMBER, "levels": palette.CHART_LEVELS,
          ON_TIME: palette.CHART_GREEN, LATE: palette.CHART_AMBER, OVERDUE: palette.ALERT, WAITING: palette.CHART_GREY}
TIMELINESS_LONG = {ON_TIME: N_("Answered on time"), LATE: N_("Answered late"), OVERDUE: N_("Overdue, not answered"),
                   WAITING: N_("Not due yet")}
CHART_HEIGHT = 250


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = chart.titleFont()
    font.setPointSizeF(font.pointSizeF() * 1.1)
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(6)
    return chart


def _axes(chart: QChart, series, categories: list[str], maximum: int, *, horizontal: bool = False) -> None:
    """Categories along the bottom (or, *horizontal*, down the left, where long
    Vietnamese labels have room), counts on the other axis."""
    x = QBarCategoryAxis()
    x.append(categories)
    chart.addAxis(x, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(x)
    y = QValueAxis()
    y.setRange(0, max(4, maximum + max(1, maximum // 8)))
    y.setLabelFormat("%d")
    y.applyNiceNumbers()  # ticks on round numbers (0, 5, 10 …), not 0, 5.75, 11.5
    chart.addAxis(y, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(y)


class ChartsPanel(QWidget):
    """Three charts; *open_link((section, filter))* is called with the list behind a clicked bar."""

    def __init__(self, open_link: Callable[[tuple[str, str]], None], parent=None):
        super().__init__(parent)
        self.open_link = open_link
        self.data: OverviewCharts | None = None
        self.links: dict[int, Callable[[int], tuple[str, str] | None]] = {}
        self.bar_sets: dict[str, QBarSet] = {}
        self.targets: dict[str, list] = {}  # the list each bar opens, by bar set and bar
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setHorizontalSpacing(14)
        layout.setVerticalSpacing(14)
        self.views = [QChartView() for _i in range(3)]
        for view in self.views:
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setFixedHeight(CHART_HEIGHT)
            role(view, "chart")
        layout.addWidget(self.views[0], 0, 0, 1, 2)
        layout.addWidget(self.views[1], 1, 0)
        layout.addWidget(self.views[2], 1, 1)
        self.hint = QLabel(_("Click a bar to open the list behind it."))
        role(self.hint, "hint")
        layout.addWidget(self.hint, 2, 0, 1, 2)

    def _connect(self, key: str, bar_set: QBarSet, link: Callable[[int], tuple[str, str] | None]) -> None:
        self.bar_sets[key] = bar_set
        self.targets[key] = [link(i) for i in range(bar_set.count())]
        bar_set.clicked.connect(lambda index: self._clicked(link, index))
        bar_set.hovered.connect(lambda status, index: self._hovered(bar_set, status, index))

    def _clicked(self, link, index: int) -> None:
        target = link(index)
        if target is not None:
            self.open_link(target)

    def _hovered(self, bar_set: QBarSet, status: bool, index: int) -> None:
        from PySide6.QtGui import QCursor

        if status:
            QToolTip.showText(QCursor.pos(), f"{bar_set.label()}: {int(bar_set.at(index))}")
        else:
            QToolTip.hideText()

    def show_data(self, data: OverviewCharts) -> None:
        self.data = data
        self.bar_sets.clear()
        self.views[0].setChart(self._activity(data))
        self.views[1].setChart(self._levels(data))
        self.views[2].setChart(self._timeliness(data))

    def _activity(self, data: OverviewCharts) -> QChart:
        chart = _chart(_("Activity by month, {year}").format(year=data.year))
        series = QBarSeries()
        for key, label, section in (("meetings", _("Team meetings"), "meetings"),
                                    ("outreach", _("Outreach sessions"), "outreach"),
                                    ("concerns", _("Concerns received"), "concerns")):
            bar_set = QBarSet(label)
            bar_set.setColor(QColor(COLORS[key]))
            field = {"meetings": "meetings", "outreach": "outreach_sessions", "concerns": "concerns"}[key]
            bar_set.append([getattr(m, field) for m in data.months])
            self._connect(key, bar_set, lambda i, s=section: (s, f"month:{i + 1}"))
            series.append(bar_set)
        chart.addSeries(series)
        top = max([m.meetings for m in data.months] + [m.outreach_sessions for m in data.months]
                  + [m.concerns for m in data.months] + [0])
        _axes(chart, series, [_("M{m}").format(m=m) for m in range(1, 13)], top)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        return chart

    def _levels(self, data: OverviewCharts) -> QChart:
        chart = _chart(_("Ratings of the teams, {year}").format(year=data.year))
        series = _horizontal()
        bar_set = QBarSet(_("Teams"))
        bar_set.setColor(QColor(COLORS["levels"]))
        bar_set.setLabelColor(QColor(palette.LABEL_TEXT))
        codes = [lv.code for lv in data.levels]
        values = [lv.count for lv in data.levels]
        categories = [lv.name for lv in data.levels]
        if data.has_criteria:
            codes.append("")
            values.append(data.unrated)
            categories.append(_("Not rated yet"))
        codes, values, categories = codes[::-1], values[::-1], categories[::-1]  # the best level on top
        bar_set.append(values)
        self._connect("levels", bar_set, lambda i: ("evaluation", f"level:{codes[i]}") if i < len(codes) else None)
        series.append(bar_set)
        chart.addSeries(series)
        _axes(chart, series, categories or [""], max(values + [0]), horizontal=True)
        chart.legend().hide()
        if not data.has_criteria:
            chart.setTitle(chart.title() + " — " + _("no criteria set yet"))
        return chart

    def _timeliness(self, data: OverviewCharts) -> QChart:
        chart = _chart(_("Concerns of {year}: answers").format(year=data.year))
        series = _horizontal()
        bar_set = QBarSet(_("Concerns"))
        bar_set.setColor(QColor(COLORS[ON_TIME]))
        bar_set.setLabelColor(QColor(palette.LABEL_TEXT))
        t = data.timeliness
        kinds = list(TIMELINESS)[::-1]  # on time on top
        bar_set.append([getattr(t, k) for k in kinds])
        # overdue in red: a bar set has one colour, its selected bars another
        bar_set.setSelectedColor(QColor(COLORS[OVERDUE]))
        bar_set.selectBar(kinds.index(OVERDUE))
        self._connect("timeliness", bar_set, lambda i: ("concerns", f"timeliness:{kinds[i]}"))
        series.append(bar_set)
        chart.addSeries(series)
        _axes(chart, series, [_(TIMELINESS_LONG[k]) for k in kinds], max(getattr(t, k) for k in TIMELINESS),
              horizontal=True)
        chart.legend().hide()
        return chart


def _horizontal() -> QHorizontalBarSeries:
    series = QHorizontalBarSeries()
    series.setLabelsVisible(True)
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
    return series
