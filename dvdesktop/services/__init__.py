"""Use cases without Qt: the only layer that reads and writes the database.

Screens and the command line call these and get plain data back (RecordData,
dataclasses); see README.md, "Layout".
"""
