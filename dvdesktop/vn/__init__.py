"""Vietnamese text: NFC, diacritic folding, collation, dates, numbers."""
from .collation import name_sort_key, sort_key, split_name
from .dates import format_date, format_time, parse_date, place_date, short_date
from .numbers import format_money, format_number
from .text import clean_line, digits, fold, nfc

__all__ = [
    "nfc", "clean_line", "fold", "digits",
    "sort_key", "name_sort_key", "split_name",
    "format_date", "place_date", "short_date", "format_time", "parse_date",
    "format_number", "format_money",
]
