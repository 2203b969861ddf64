"""dvdesktop: the commune office's register of Tổ dân vận."""
__version__ = "0.1.0"

# peewee without psycopg2 until a PostgreSQL database is opened (lean_peewee.py)
from .lean_peewee import install as _install_lean_peewee  # noqa: E402

_install_lean_peewee()
