"""The layer rules of the package, checked over its import graph.

Every module is parsed with ``ast``; every import counts, at module level or
inside a function (the program imports heavy modules late, so most of its
imports are function-local), and relative imports are resolved to the full
module name. A rule names the layer that imports, what it must not import,
and why; a failure lists every offending import with its file and line.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import dvdesktop

QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
PEEWEE = ("peewee", "playhouse")


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, "dvdesktop.gui.forms.base"
    path: Path
    line: int
    target: str  # the imported module, "dvdesktop.store.models"


def _within(name: str, prefixes) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(root: Path, path: Path) -> list[Import]:
    """What one module imports. ``from X import a`` counts as importing X and
    X.a (a may be a submodule: ``from .. import store``)."""
    module = module_name(root, path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [Import(module, path, node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package.split(".")
                base_parts = base_parts[:len(base_parts) - (node.level - 1)]
                base = ".".join(base_parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            found.append(Import(module, path, node.lineno, base))
            found += [Import(module, path, node.lineno, f"{base}.{alias.name}") for alias in node.names
                      if alias.name != "*"]
    return found


@dataclass(frozen=True)
class Rule:
    layers: tuple[str, ...]  # importing modules: "dvdesktop.gui" and below
    forbidden: tuple[str, ...]  # imported modules and everything below them
    why: str
    allowed: tuple[str, ...] = ()  # exceptions inside *forbidden*

    def broken_by(self, imp: Import) -> bool:
        return (_within(imp.module, self.layers) and _within(imp.target, self.forbidden)
                and not _within(imp.target, self.allowed))


def rules(pkg: str) -> list[Rule]:
    return [
        Rule((f"{pkg}.store", f"{pkg}.services", f"{pkg}.documents", f"{pkg}.vn"), QT,
             "Qt belongs to the GUI only"),
        Rule((f"{pkg}.documents",), (f"{pkg}.store", f"{pkg}.services"),
             "documents are built from plain data, never from the database"),
        Rule((f"{pkg}.vn",), (pkg,), "vn is the bottom layer: it imports nothing else of the program",
             allowed=(f"{pkg}.vn",)),
        Rule((f"{pkg}.gui", f"{pkg}.cli"), (f"{pkg}.store", *PEEWEE),
             "screens and commands reach the data through services (plain data, services.session)"),
        # The arrows point down.
        Rule((f"{pkg}.store", f"{pkg}.services", f"{pkg}.documents", f"{pkg}.vn"), (f"{pkg}.gui", f"{pkg}.cli"),
             "nothing below the screens and the command line imports them"),
        Rule((f"{pkg}.store",), (f"{pkg}.services", f"{pkg}.documents"), "the store is the bottom of the data layers"),
    ]


# Attributes of peewee rows that screens and commands must not touch even
# when an object slips through: the row's stored values and its table.
PEEWEE_INTERNALS = ("__data__", "_meta")


def internals_used(root: Path, path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return [f"{path.relative_to(root.parent)}:{node.lineno}: .{node.attr}" for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and node.attr in PEEWEE_INTERNALS]


def violations(root: Path) -> list[str]:
    """Every broken rule in the package at *root*, one readable line each."""
    pkg = root.name
    result = []
    for path in sorted(root.rglob("*.py")):
        # One line per import statement and rule, naming what it imports most
        # precisely ("from .. import errors" is dvdesktop.errors, not dvdesktop).
        found: dict[tuple[int, Rule], Import] = {}
        for imp in imports_of(root, path):
            for rule in rules(pkg):
                if rule.broken_by(imp):
                    known = found.get((imp.line, rule))
                    if known is None or len(imp.target) > len(known.target):
                        found[(imp.line, rule)] = imp
        for (line, rule), imp in sorted(found.items(), key=lambda item: item[0][0]):
            result.append(f"{path.relative_to(root.parent)}:{line}: {imp.module} imports {imp.target} ({rule.why})")
        if _within(module_name(root, path), (f"{pkg}.gui", f"{pkg}.cli")):
            result += [f"{where} (a peewee internal; ask a service for plain data)"
                       for where in internals_used(root, path)]
    return result


PACKAGE = Path(dvdesktop.__file__).parent


def test_the_layers_hold():
    broken = violations(PACKAGE)
    assert not broken, "Layer rules broken:\n" + "\n".join(broken)


def test_every_import_is_seen_including_function_local_and_relative_ones():
    # The program's own habit: imports inside functions, relative to the package.
    targets = {i.target for i in imports_of(PACKAGE, PACKAGE / "gui" / "app.py")}
    assert "dvdesktop.services.session" in targets  # `from ..services import session` inside start()
    assert "PySide6.QtWidgets" in targets


def _write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_module_breaking_each_rule_is_reported(tmp_path):
    """The check fails when it should: a fake package with one offender per rule."""
    root = tmp_path / "fakepkg"
    for package in ("", "gui", "gui/forms", "cli", "store", "services", "services/core", "documents", "vn"):
        _write(root, f"{package}/__init__.py".lstrip("/"), "")
    _write(root, "store/models.py", "import peewee\n")
    _write(root, "errors.py", "")
    _write(root, "gui/forms/form.py",
           "def load(record_id):\n    from ...store.models import Area\n    return Area.get_by_id(record_id).__data__\n")
    _write(root, "gui/ok.py", "from ..services.core import records\nfrom PySide6.QtWidgets import QWidget\n")
    _write(root, "cli/cmd.py", "import peewee as pw\nfrom .. import store\n")
    _write(root, "services/core/qt.py", "def f():\n    from PySide6 import QtCore\n")
    _write(root, "documents/page.py", "from ..services.core.records import RecordService\n")
    _write(root, "vn/text.py", "from .. import errors\nfrom . import other\n")
    _write(root, "vn/other.py", "import unicodedata\n")
    _write(root, "services/core/ui.py", "from ...gui import ok\n")
    _write(root, "store/up.py", "def f():\n    from ..services.core import records\n")

    found = violations(root)
    joined = "\n".join(found)
    assert "fakepkg/gui/forms/form.py:2: fakepkg.gui.forms.form imports fakepkg.store.models" in joined
    assert "fakepkg/gui/forms/form.py:3: .__data__" in joined
    assert "fakepkg/cli/cmd.py:1: fakepkg.cli.cmd imports peewee" in joined
    assert "fakepkg/cli/cmd.py:2: fakepkg.cli.cmd imports fakepkg.store" in joined
    assert "fakepkg/services/core/qt.py:2: fakepkg.services.core.qt imports PySide6" in joined
    assert "fakepkg/documents/page.py:1: fakepkg.documents.page imports fakepkg.services.core.records" in joined
    assert "fakepkg/vn/text.py:1: fakepkg.vn.text imports fakepkg.errors" in joined
    assert "fakepkg/services/core/ui.py:1: fakepkg.services.core.ui imports fakepkg.gui" in joined
    assert "fakepkg/store/up.py:2: fakepkg.store.up imports fakepkg.services.core" in joined
    # and nothing is reported that is allowed: the GUI uses services and Qt, vn uses vn, store uses peewee
    assert not any(line.startswith(("fakepkg/gui/ok.py", "fakepkg/vn/other.py", "fakepkg/store/models.py"))
                   or "fakepkg.vn.other" in line for line in found), joined


def test_every_package_folder_is_a_regular_package():
    """A folder without __init__.py is a namespace package: PyInstaller's
    collect_submodules does not enter it, and the frozen program then lacks
    every module loaded by name (printed kinds, sections)."""
    root = Path(dvdesktop.__file__).parent
    missing = [str(d.relative_to(root.parent)) for d in root.rglob("*")
               if d.is_dir() and d.name != "__pycache__" and any(d.glob("*.py")) and not (d / "__init__.py").exists()]
    assert not missing, f"folders without __init__.py: {missing}"
