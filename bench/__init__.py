"""Benchmarks, run on purpose (see README.md); not part of the installed package."""
