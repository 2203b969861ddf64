"""Choices for combo boxes, read through services.listings.choices."""
from __future__ import annotations

from ...services.listings.choices import area_choices, ethnicity_choices, team_choices

__all__ = ["area_choices", "ethnicity_choices", "team_choices"]
