"""Modules generated from ui/ by scripts/build_ui.py (committed; do not edit)."""
