"""Reading the lists communes already keep in Excel, and importing them.

sheet.py reads a workbook as clerks really keep one (title lines, merged
cells, legacy fonts) into a grid of clean values; headers.py finds the header
row by its words; values.py cleans each value; members.py plans an import of
people (with their area, team and role), previews it and writes it all or
nothing."""
