"""Build step: copy the top-level resources/ into the package and compile
the top-level i18n/*.po into .mo files inside it, so that a wheel carries
every data file the program needs.

The folders are found beside this file: in the source tree, and in an
unpacked sdist, which has them because MANIFEST.in grafts them in (`uv build`
and `python -m build` make the sdist first and the wheel from it).
"""
from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


def _catalogs_module():
    # By path, not `import dvdesktop.catalogs`: the build environment has only
    # setuptools and babel, and the package's __init__ is none of its business.
    spec = importlib.util.spec_from_file_location("dvdesktop_catalogs", HERE / "dvdesktop" / "catalogs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildWithData(build_py):
    def run(self):
        super().run()
        target = Path(self.build_lib) / "dvdesktop"
        # build/ is reused between builds from the source tree: start these
        # two folders afresh so a removed file or an old .po does not linger.
        for name in ("resources", "i18n"):
            shutil.rmtree(target / name, ignore_errors=True)
        shutil.copytree(HERE / "resources", target / "resources", dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        # Only the .mo files go in: with no .po beside them the program uses
        # them as they are (dvdesktop.gui.i18n.catalog_file).
        _catalogs_module().compile_catalogs(HERE / "i18n", target / "i18n")


setup(cmdclass={"build_py": BuildWithData})
