"""Every list of the program as an Excel workbook (lists.py declares them)."""
from .lists import EXPORT_KINDS, ExportKind, export_list, export_to_file, kind

__all__ = ["EXPORT_KINDS", "ExportKind", "export_list", "export_to_file", "kind"]
