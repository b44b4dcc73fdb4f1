"""Reports for the owner's desk: figures computed by set-based queries, never per-member loops.

Every figure is an SQL aggregate over one calendar month, and each has its Chinese
name and definition in ``definitions`` so the window, the workbook and the tests
all speak of the same thing.
"""
