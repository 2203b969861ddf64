"""The printed documents' tests. The renderers take plain dataclasses (no
database); the printing bridge's tests (test_printing.py,
test_mediation_documents.py) fill a database on both engines first. Reading
a PDF back is in pdf_reading.py, shared with the GUI's printing tests."""
