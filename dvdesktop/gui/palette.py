"""The program's colours, named by what they mean, defined once (style sheets
and table brushes use these names instead of hex literals)."""
from __future__ import annotations

# --- text ---------------------------------------------------------------------
ALERT = "#c0392b"  # errors, overdue tasks, missed deadlines: red
WARNING = "#b9770e"  # a deadline due soon, a composition warning: amber
GOOD = "#1e7b34"  # the mediation group meets the rules: green
EMPHASIS = "#1d4e89"  # counted figures: the quorum line, totals, a deadline in time: dark blue
MUTED = "#555"  # hints and counts under the widgets: grey
MUTED_ROW = "#777"  # a list row that no longer counts (ended, closed): lighter grey
ERROR_ROW = "#a33"  # a list row that could not be read: dull red
DONE_STEP = "#5b6b5b"  # a step of "getting started" already done: grey green
MERGED_NOTE = "#8a5a00"  # "merged into …" on an area: brown
FAILURE = "#8a1c1c"  # a section that could not be opened: dark red

# --- backgrounds and borders ----------------------------------------------------
NAV_BACKGROUND = "#1d3557"  # the navigation list on the left: navy
NAV_TEXT = "#f1f5f9"
NAV_SELECTED = "#457b9d"  # the chosen section: steel blue
INVALID_BACKGROUND = "#fff6f5"  # a field whose value breaks a rule (with an ALERT border)
CARD_BACKGROUND = "#f4f7fb"  # a figure card of the overview
CARD_ALERT_BACKGROUND = "#fdf0ef"  # a card that needs attention
CARD_BORDER = "#d5dde8"
NOTICE_BACKGROUND = "#fffbea"  # the "getting started" box
NOTICE_BORDER = "#e8d48a"
NOTE_BACKGROUND = "#fbf7e9"  # the summary of an area merge

# --- style sheets used in many places ---------------------------------------------
ERROR_TEXT_STYLE = f"color: {ALERT};"  # kept for code written before ui/dvdesktop.qss; prefer style.role(w, "error")
HINT_STYLE = f"color: {MUTED};"  # likewise; prefer style.role(w, "hint")

# Charts and small widgets of the overview, the rating and the report screens
CHART_BLUE = EMPHASIS  # meetings
CHART_GREEN = "#3f8f5a"  # outreach; concerns answered on time
CHART_AMBER = "#d08a1f"  # concerns; answered late
CHART_GREY = "#8d99ae"  # not due yet
CHART_LEVELS = NAV_SELECTED  # ratings by level
LABEL_TEXT = "#222"  # the value printed on a bar
CHIP_BACKGROUND = "#e8f0fa"  # a removable filter ("Tháng 5 ✕")
CHIP_BORDER = "#9db7d8"
ALERT_BORDER = "#e6b0aa"  # the frame of a list of problems
STRONG_TEXT = "#333"  # a criterion's code in the rating form
HEADING = NAV_BACKGROUND  # a group heading inside a form
SELECTED_TEXT = "#ffffff"  # the chosen section's name on the navigation
CHART_BACKGROUND = "#ffffff"  # behind a chart of the overview
