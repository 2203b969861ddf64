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


def run_module_if_asked() -> None:
    """`PROGRAM -m MODULE ARGS…`: the program's own child processes
    (services/printing/child.py, services/demo/writer_process.py) start
    `sys.executable -m MODULE`, and frozen, sys.executable is this program."""
    if len(sys.argv) > 2 and sys.argv[1] == "-m":
        import runpy

        module = sys.argv[2]
        sys.argv = [sys.argv[0], *sys.argv[3:]]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
        sys.exit(0)


if __name__ == "__main__":
    run_module_if_asked()
    from dvdesktop.__main__ import main

    sys.exit(main())
