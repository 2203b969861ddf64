"""People's supervision (giám sát của Nhân dân) organised by the Tổ dân vận:
the records and their rules (records), printing (printing) and counts (counts)."""
