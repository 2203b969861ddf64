"""Shared machinery of the record services: fields, RecordService, audit log, numbering, vocabularies."""
