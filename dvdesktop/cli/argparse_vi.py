"""argparse in Vietnamese: its own words ("usage:", "positional arguments",
"show this help message and exit", "invalid choice", "unrecognized
arguments" …) and placeholders a person understands (--db CSDL, --year NĂM,
-o TỆP instead of CMD_DB, YEAR, OUTPUT).

argparse asks gettext for its words through its module-level `_` and
`ngettext`; `install()` answers them from the table below (the program has
no English command line). Strings argparse adds in later Pythons fall back to
English rather than break.
"""
from __future__ import annotations

import argparse

WORDS = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số bắt buộc",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "không hiểu các tham số: %s",
    "the following arguments are required: %s": "còn thiếu tham số bắt buộc: %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "not allowed with argument %s": "không dùng cùng với tham số %s",
    "ignored explicit argument %r": "tham số %r không dùng được ở đây",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn %(option)s chưa rõ, có thể là %(matches)s",
    "unexpected option string: %s": "tùy chọn không đúng chỗ: %s",
    "invalid %(type)s value: %(value)r": "giá trị %(value)r không hợp lệ (cần %(type)s)",
    "invalid choice: %(value)r (choose from %(choices)s)": "không có lựa chọn %(value)r (chọn một trong: %(choices)s)",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "không có lệnh %(parser_name)r (chọn một trong: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "không mở được «%(filename)s»: %(error)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "conflicting subparser: %s": "lệnh con trùng: %s",
    "conflicting subparser alias: %s": "tên khác của lệnh con trùng: %s",
}
PLURALS = {
    "expected %s argument": ("cần %s giá trị", "cần %s giá trị"),
    "conflicting option string: %s": ("tùy chọn trùng: %s", "các tùy chọn trùng: %s"),
}
# "invalid int value": the type's name as a person says it
TYPE_NAMES = {"int": "một số nguyên", "float": "một số"}

# Placeholders of options by their dest (argparse would print DEST in capitals)
METAVARS = {
    "db": "CSDL", "cmd_db": "CSDL", "year": "NĂM", "team": "TỔ", "area": "ĐỊA_BÀN", "id": "SỐ_ID",
    "on": "NGÀY", "output": "TỆP", "seed": "SỐ", "today": "NGÀY", "commune": "XÃ", "number": "SỐ_HIỆU",
    "date_from": "NGÀY", "date_to": "NGÀY", "file": "TỆP", "backup": "TỆP_SAO_LƯU", "kind": "LOẠI",
}


def _gettext(message: str) -> str:
    return WORDS.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    if singular in PLURALS:
        one, many = PLURALS[singular]
        return one if n == 1 else many
    return singular if n == 1 else plural


class VietnameseHelpFormatter(argparse.HelpFormatter):
    def _get_default_metavar_for_optional(self, action):  # noqa: D401 - argparse API
        return METAVARS.get(action.dest, action.dest.upper())

    def _get_default_metavar_for_positional(self, action):
        return METAVARS.get(action.dest, action.dest.upper())


def install() -> None:
    """Make argparse speak Vietnamese (this process has no English command line)."""
    argparse._ = _gettext
    argparse.ngettext = _ngettext


