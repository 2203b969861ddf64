"""Forms: one class per record kind, built in code on RecordForm."""
