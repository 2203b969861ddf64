"""Grassroots mediation: records, rules, register, printing."""
