"""UI strings that many screens share, defined once. Marked with N_ for the
catalog; a screen shows them through _() (translated when shown)."""
from __future__ import annotations

from .i18n import N_

NONE = N_("(none)")  # the blank of a combo whose choice is optional
CHOOSE = N_("(choose)")  # the blank of a combo whose choice is required
ALL_TEAMS = N_("All teams")  # the blank of a list's team filter
ALL_AREAS = N_("All areas")  # the blank of a list's area filter
CANNOT_SAVE = N_("Cannot save")  # the title of a message about a refused save
ENTER_DATE = N_("Enter the date as dd/mm/yyyy.")
