"""Sections of the main window. See base.py for the pattern to follow."""
