"""Excel migration: reading legacy member lists safely, importing them, exporting tables.

``safety`` refuses hostile or broken files before anything decompresses them,
``reading`` turns a workbook or CSV into rows, ``columns`` finds the header and
maps it (``values`` guesses columns from their values, ``layouts`` applies what the
owner chose and says why a sheet is left out, ``remembered`` keeps mappings), ``rows``
cleans one row into a member, ``plan`` previews and ``commit`` writes an import,
``report`` writes the rows that need fixing, ``export`` is the one writer of every
``.xlsx`` the app makes (``sheetxml`` streams its rows).
"""
