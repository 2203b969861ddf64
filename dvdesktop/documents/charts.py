"""Bar charts of the reports: a reportlab.graphics drawing for the PDF, and
the same numbers as a small table for Word.

Why a table in Word: reportlab draws bitmaps only through its renderPM
backend (rlPyCairo, or the old _renderPM extension), which this program does
not install; adding cairo for one picture is not worth a dependency. The Word
reader still gets every number, in an editable table.

Greys rather than colours: reports are printed on office black-and-white
printers and photocopied.
"""
from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors

from ..vn import format_number
from . import blocks as B
from .fonts import fonts, text_width
from .layout_rules import MM

FILLS = [colors.HexColor("#bdbdbd"), colors.HexColor("#404040"), colors.HexColor("#7f7f7f"), colors.HexColor("#e0e0e0")]
LABEL_SIZE = 9


def _nice_max(value: float) -> float:
    """A round top of the value axis above *value*."""
    if value <= 0:
        return 1
    step = 1
    while step * 10 < value:
        step *= 10
    for m in (1, 2, 2.5, 5, 10):
        if value <= step * m:
            return step * m * (1.1 if value == step * m else 1)
    return step * 10


def drawing(b: B.BarChart, width: float) -> Drawing:
    font = fonts().name()
    height = b.height_mm * MM
    d = Drawing(width, height)
    top = max((max(v) if v else 0) for _, v in b.series) if b.series else 0
    legend_h = 14 if len(b.series) > 1 else 0
    if b.horizontal:
        label_w = max((text_width(c, LABEL_SIZE) for c in b.categories), default=40) + 6
        chart = HorizontalBarChart()
        chart.x, chart.y = label_w, 14
        chart.width, chart.height = width - label_w - 20, height - 20 - legend_h
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.categoryAxis.reverseDirection = 1  # first category on top
    else:
        chart = VerticalBarChart()
        chart.x, chart.y = 28, 16
        chart.width, chart.height = width - 34, height - 24 - legend_h
        chart.categoryAxis.labels.boxAnchor = "n"
    chart.data = [list(v) for _, v in b.series] or [[0] * len(b.categories)]
    chart.categoryAxis.categoryNames = list(b.categories)
    for axis in (chart.categoryAxis.labels, chart.valueAxis.labels):
        axis.fontName, axis.fontSize = font, LABEL_SIZE
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _nice_max(top * 1.15)
    chart.valueAxis.labelTextFormat = lambda v: format_number(int(v)) if float(v).is_integer() else format_number(v, 1)
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = colors.HexColor("#d0d0d0")
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.barSpacing = 1
    chart.groupSpacing = 6
    for i in range(len(chart.data)):
        chart.bars[i].fillColor = FILLS[i % len(FILLS)]
        chart.bars[i].strokeColor = colors.black
        chart.bars[i].strokeWidth = 0.3
    few = len(b.categories) * len(b.series) <= 24
    if few:  # the value on each bar, when there is room to read it
        chart.barLabelFormat = lambda v: format_number(int(v)) if float(v).is_integer() else format_number(v, 1)
        chart.barLabels.fontName, chart.barLabels.fontSize = font, LABEL_SIZE - 1
        chart.barLabels.nudge = 6
    d.add(chart)
    if legend_h:
        legend = Legend()
        legend.fontName, legend.fontSize = font, LABEL_SIZE
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.deltax = max(text_width(name, LABEL_SIZE) for name, _ in b.series) + 30
        legend.dx, legend.dy = 8, 8
        legend.colorNamePairs = [(FILLS[i % len(FILLS)], name) for i, (name, _) in enumerate(b.series)]
        legend.x, legend.y = chart.x, height - 4
        legend.boxAnchor = "nw"
        d.add(legend)
    return d


def as_table(b: B.BarChart) -> B.Table:
    """The chart's numbers: one row per category, one column per series."""
    first = 0.4 if b.horizontal else 0.25
    columns = [B.Column("", first)] + [B.Column(name, (1 - first) / max(1, len(b.series)), "right") for name, _ in b.series]
    rows = []
    for i, category in enumerate(b.categories):
        rows.append([category] + [format_number(values[i]) if i < len(values) else "" for _, values in b.series])
    return B.Table(columns=columns, rows=rows, size=11)
