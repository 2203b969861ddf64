"""Data exchange between a commune and its province: a commune's records as
one package file (package.py), imported into the province's database by uid
(merge.py)."""
from .merge import ExchangeResult, import_package
from .package import PackageInfo, export_package, read_package

__all__ = ["ExchangeResult", "PackageInfo", "export_package", "import_package", "read_package"]
