"""Demo data: a believable commune or province (generator.py)."""
