"""Entry script of the frozen program (PyInstaller needs a file to run, and
dvdesktop/__main__.py uses relative imports)."""
import os
import sys

# A windowed Windows build has no console: sys.stdout/stderr are None, and a
# library writing to them would fail. Send such output nowhere instead
# (dvdesktop-cli.exe is the console build for the command line).
for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the program

from dvdesktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
