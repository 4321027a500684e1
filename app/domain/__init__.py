"""Frozen value types and pure rules: no I/O, no Qt, no database, no models."""
