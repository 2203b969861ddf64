"""Build step: copy the top-level resources/ and i18n/ (with compiled .mo)
into the package, so that a plain `pip install .` carries every data file."""
from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
DATA_DIRS = ("resources", "i18n")


class BuildWithData(build_py):
    def run(self):
        super().run()
        target = Path(self.build_lib) / "dvdesktop"
        for name in DATA_DIRS:
            source = HERE / name
            if source.is_dir():
                shutil.copytree(source, target / name, dirs_exist_ok=True,
                                ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        self._compile_catalogs(target / "i18n")

    @staticmethod
    def _compile_catalogs(i18n: Path) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po in i18n.glob("*/LC_MESSAGES/*.po"):
            with po.open("rb") as fh:
                catalog = read_po(fh)
            with po.with_suffix(".mo").open("wb") as fh:
                write_mo(fh, catalog)


setup(cmdclass={"build_py": BuildWithData})
