"""A window's start parses its few options without the 17 commands' parsers
(cli.window_only); it must read them exactly as the full parser does, and
leave anything else (a command, help, an abbreviation, a mistake) to it."""
from __future__ import annotations

import pytest

from dvdesktop.cli import build_parser, window_only

WINDOW_STARTS = [
    [], ["--demo"], ["--debug"], ["--self-test"], ["--db", "x.sqlite3"], ["--db=x.sqlite3"], ["--db="],
    ["--db", "postgresql://u:p@h/db"], ["--db", "a", "--db", "b"], ["--debug", "--db", "stats", "--demo"],
    ["--db", "C:\\Dữ liệu\\tổ dân vận.sqlite3", "--debug"],
]
OTHERS = [
    ["stats"], ["--db", "x", "stats"], ["-h"], ["--help"], ["--version"], ["--dem"], ["--db"], ["--db", "--demo"],
    ["--db", "-x"], ["--"], [""], ["x.sqlite3"], ["--unknown"], ["-d"],
]


@pytest.mark.parametrize("argv", WINDOW_STARTS)
def test_a_window_start_is_read_as_the_full_parser_reads_it(argv):
    assert window_only(argv)
    lean = build_parser(load_commands=False, commands=False).parse_known_args(argv)
    full = build_parser(load_commands=False).parse_known_args(argv)
    assert lean == full
    assert lean[0].command is None and lean[1] == []


@pytest.mark.parametrize("argv", OTHERS)
def test_anything_else_goes_to_the_parser_of_every_command(argv):
    assert not window_only(argv)
