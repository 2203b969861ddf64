"""Tổng quan: the commune at a glance for the selected year."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout

from .. import designer
from ..generated.ui_getting_started import Ui_GettingStarted
from ..generated.ui_overview_section import Ui_OverviewSection
from ..i18n import _
from ..style import role
from .base import Section


def register_counts(on: dt.date) -> list[tuple[str, int]]:
    """The register's figures on *on* (services.overview.register_counts), labelled."""
    from ...services.overview import register_counts as count

    c = count(on)
    return [
        (_("Areas"), c.areas),
        (_("Active teams"), c.active_teams),
        (_("Team members"), c.members),
        (_("of whom women"), c.women),
        (_("of whom party members"), c.party_members),
        (_("of whom ethnic minorities"), c.minorities),
        (_("People in the register"), c.people),
    ]


class _Card(QFrame):
    """A figure on the overview; clicking it opens the list behind it."""

    def __init__(self, overview, link):
        super().__init__()
        self.overview, self.link = overview, link
        if link is not None:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setToolTip(_("Click to open the list"))

    def mouseReleaseEvent(self, event):  # noqa: N802
        if self.link is not None and event.button() == Qt.MouseButton.LeftButton:
            self.overview.open_link(self.link)
        super().mouseReleaseEvent(event)


class GettingStarted(QFrame):
    """On a new database: the steps in the order the register needs them,
    each with a button that goes there; a step done is ticked."""

    def __init__(self, overview):
        super().__init__()
        self.overview = overview
        ui = designer.setup(self, Ui_GettingStarted)  # ui/getting_started.ui
        actions = (self._settings, lambda: self._new("areas"), lambda: self._open("areas"),
                   lambda: self._new("people"), lambda: self._open("areas"))
        self.steps: list[tuple[QLabel, QPushButton]] = []
        for i, action in enumerate(actions, 1):
            label, button = getattr(ui, f"step_{i}"), getattr(ui, f"step_{i}_button")
            button.clicked.connect(action)
            self.steps.append((label, button))
        self.texts: list[str] = [label.text() for label, _button in self.steps]

    def show_progress(self, done: list[bool]) -> None:
        """Tick the steps done; the first step not done is the one to do next."""
        first = next((i for i, d in enumerate(done) if not d), None)
        for i, ((label, button), text, d) in enumerate(zip(self.steps, self.texts, done)):
            label.setText(f"{i + 1}. {text}" + (" ✓" if d else ""))
            role(label, "done-step" if d else "next-step" if i == first else None)
            button.setDefault(i == first)
        self.setVisible(first is not None)

    def _window(self):
        return self.overview.window_

    def _settings(self):
        if self._window() is not None:
            self._window().open_settings()
            self.overview.refresh()

    def _open(self, key):
        if self._window() is not None:
            return self._window().section(key)

    def _new(self, key):
        section = self._open(key)
        if section is not None:
            section.new_record()


class OverviewSection(Section):

    def __init__(self, window=None):
        super().__init__(window)
        # ui/overview_section.ui: scrolled, so that the figures never make the
        # window taller than a 1366x768 screen
        ui = designer.setup(self, Ui_OverviewSection)
        self.grid, self.charts_holder = ui.grid, ui.charts_holder
        self.getting_started = GettingStarted(self)
        self.getting_started.hide()
        ui.getting_started_holder.addWidget(self.getting_started)
        self.charts = None  # gui.overview_charts.ChartsPanel, once built
        self.chart_data = None
        self._charts_for = None  # (year, day) the charts show or are being read for
        self.values: dict[str, int] = {}
        self._generation = 0  # counts refresh(): the figures of an earlier one are dropped

    def _card(self, row: int, col: int, label: str, value, link: tuple[str, str] | None = None,
              alert: bool = False) -> None:
        """A figure; with *link* (section key, filter) a click opens the list behind it."""
        from ...vn import format_number

        card = _Card(self, link)
        card.setFrameShape(QFrame.Shape.StyledPanel)
        role(card, "card-alert" if alert else "card")
        lay = QVBoxLayout(card)
        number = QLabel(format_number(value))
        role(number, "card-figure-alert" if alert else "card-figure")
        text = QLabel(label)
        text.setWordWrap(True)
        lay.addWidget(number)
        lay.addWidget(text)
        card.setMinimumWidth(170)
        self.grid.addWidget(card, row, col)

    def open_link(self, link: tuple[str, str]) -> None:
        """Open the section *link[0]* showing the records behind a figure."""
        key, name = link
        if self.window_ is None or not hasattr(self.window_, "section"):
            return
        try:
            section = self.window_.section(key)
        except KeyError:
            return
        if section is not None and hasattr(section, "open_link"):
            section.open_link(name)

    def refresh(self) -> None:
        """Compute the figures off the GUI thread in two steps: the register's
        counts (quick) are shown first, then the year's work (a province
        database takes a moment more); the charts come last."""
        on, year = self.on_date, self.year
        self._charts_for = None  # read again after the cards: records may have changed meanwhile
        self._generation = generation = self._generation + 1  # a later refresh wins

        def register(progress):
            from ...services.settings import load_organisation

            return load_organisation(), register_counts(on)

        def work(progress):
            from ...services.overview import overview

            return overview(on)

        runner = getattr(self.window_, "runner", None)
        if runner is None:
            from ..tasks import Progress

            self._fill(year, on, *register(Progress()))
            self._fill_work(year, on, work(Progress()))
            return
        self.subheading.setText(_("Counting…"))
        # Both counted at once (two threads: SQLite works without Python's lock); the
        # year's work is shown under the register's cards, so it waits for them if it comes first.
        state: dict = {}

        def registered(result):
            if generation == self._generation and self._fill(year, on, *result):
                state["registered"] = True
                if "work" in state:
                    self._fill_work(year, on, state.pop("work"))

        def counted(data):
            if generation != self._generation:
                return
            if state.get("registered"):
                self._fill_work(year, on, data)
            else:
                state["work"] = data

        runner.run(register, on_done=registered, label=_("Counting"))
        runner.run(work, on_done=counted, label=_("Counting"))

    def _fill(self, year, on, org, counts) -> bool:
        """The register's cards; False when the year changed meanwhile."""
        if (year, on) != (self.year, self.on_date):
            return False  # the year changed meanwhile; a newer count is on its way
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        place = ", ".join(p for p in (org.commune, org.province) if p)
        self.heading.setText(_("Overview {year}").format(year=year) + (f" — {place}" if place else ""))
        day = on.strftime("%d/%m/%Y")
        self.subheading.setText(_("Figures on {day}.").format(day=day) if place
                                else _("Figures on {day}. Set the commune in Settings.").format(day=day))
        self.values = {label: value for label, value in counts}
        n = [value for _label, value in counts]
        self.getting_started.show_progress([bool(org.commune), n[0] > 0, n[1] > 0, n[6] > 0, n[2] > 0])
        links = [("areas", ""), ("areas", "with"), ("people", ""), ("people", ""), ("people", ""), ("people", ""),
                 ("people", "")]
        for i, (label, value) in enumerate(counts):
            self._card(i // 4, i % 4, label, value, links[i] if i < len(links) else None)
        self.extra.setText("")
        if self.window_ is not None and hasattr(self.window_, "data_shown"):
            self.window_.data_shown()
        return True

    def _fill_work(self, year, on, data) -> None:
        """The cards of the year's work, under the register's."""
        if (year, on) != (self.year, self.on_date):
            return
        if data is None:
            return
        c = data.counts
        work = [
            (_("Meetings held in {year}").format(year=year), c.meetings, ("meetings", "held"), False),
            (_("Outreach sessions"), c.outreach_sessions, ("outreach", ""), False),
            (_("People reached"), c.audience, ("outreach", ""), False),
            (_("Concerns received"), c.concerns_received, ("concerns", "received"), False),
            (_("Concerns resolved"), c.concerns_resolved, ("concerns", "resolved"), False),
            (_("Overdue concerns"), data.overdue_concerns, ("concerns", "overdue"), data.overdue_concerns > 0),
            (_("Overdue meeting tasks"), data.overdue_tasks, ("meetings", "overdue"), data.overdue_tasks > 0),
            (_("\"Skilful mobilisation\" models"), c.models, ("models", ""), False),
            (_("Work days contributed"), c.work_days, ("campaigns", ""), False),
            (_("Money contributed (đồng)"), c.money, ("campaigns", ""), False),
            (_("Teams with no meeting this quarter"), data.idle_teams, ("areas", "idle"), data.idle_teams > 0),
            (_("Areas without a team"), len(data.coverage.uncovered), ("areas", "without"),
             bool(data.coverage.uncovered)),
        ]
        # people's supervision: the year's activities, the recommendations still waiting for an answer
        # (in red when one has waited over a month)
        work += [
            (_("Supervision activities"), c.supervision, ("supervision", ""), False),
            (_("Supervision recommendations waiting for an answer"), c.supervision_waiting,
             ("supervision", "waiting"), c.supervision_late > 0),
        ]
        for i, (label, value, link, alert) in enumerate(work):
            self._card(2 + i // 4, i % 4, label, value, link, alert)
            self.values[label] = value
        lines = [_("Areas with an active team: {covered} of {areas} ({percent}%).").format(
            covered=data.coverage.covered, areas=data.coverage.areas,
            percent=f"{data.coverage.percent:g}".replace(".", ","))]
        if data.idle_teams:
            # a province's teams share names ("thôn Bãi Cả" in six communes): then each says its commune
            communes = {t.commune for t in data.first_idle_teams}
            names = ", ".join(f"{t.team_name} ({t.commune})" if len(communes) > 1 and t.commune else t.team_name
                              for t in data.first_idle_teams)
            more = data.idle_teams - len(data.first_idle_teams)
            lines.append(_("Teams with no meeting in {quarter}: {n} ({names}{more}).").format(
                quarter=data.quarter.label, n=data.idle_teams, names=names,
                more=_(" and {n} more").format(n=more) if more > 0 else ""))
        self.extra.setText("\n".join(lines))
        from ..app import exit_point

        exit_point("figures")  # every card is filled (benchmarks)
        QTimer.singleShot(0, self.request_charts)

    # --- charts ----------------------------------------------------------------------

    def request_charts(self) -> None:
        """Read the charts' data off the GUI thread, then draw them."""
        year, on = self.year, self.on_date
        if self._charts_for == (year, on):
            return
        self._charts_for = (year, on)

        def work(_progress):
            from ...services.overview_charts import overview_charts

            return overview_charts(year, on)

        runner = getattr(self.window_, "runner", None)
        if runner is None:
            self._show_charts(year, on, work(None))
            return
        runner.run(work, on_done=lambda data: self._show_charts(year, on, data), label=_("Drawing the charts"))

    def build_charts_now(self) -> None:
        """Draw the charts at once (tests, screenshots)."""
        from ...services.overview_charts import overview_charts

        self._charts_for = (self.year, self.on_date)
        self._show_charts(self.year, self.on_date, overview_charts(self.year, self.on_date))

    def _show_charts(self, year, on, data) -> None:
        if (year, on) != (self.year, self.on_date):
            return
        if self.charts is None:
            from ..overview_charts import ChartsPanel

            self.charts = ChartsPanel(self.open_link)
            self.charts_holder.addWidget(self.charts)
        self.chart_data = data
        self.charts.show_data(data)

    def scroll_to_charts(self) -> None:
        if self.charts is not None:
            self.figures_scroll.verticalScrollBar().setValue(self.charts.mapTo(self.figures_scroll.widget(), self.charts.rect().topLeft()).y() - 8)

    def activated(self) -> None:
        self.refresh()
