import sys


def _utf8_streams() -> None:
    """Every message is Vietnamese: when output goes to a pipe or a file on
    Windows, Python would encode it in the ANSI code page (cp1252) and fail
    on the first «ệ». Write UTF-8 there instead (a console is UTF-8 already)."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding and encoding != "utf8" and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(encoding="utf-8", errors="replace")
            except (OSError, ValueError):
                pass


def main() -> int:
    from .startup_gc import pause

    pause()  # no garbage collection while the program starts (startup_gc.py)
    _utf8_streams()
    from .cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
