"""Every subcommand of ``pharmacy-desk``, one module per group; each module's ``register`` adds its parsers.

``COMMANDS`` is the order they appear in ``--help``. ``common.open_from_args`` opens
the database the global ``--db`` / ``--demo`` options name.
"""

from __future__ import annotations

from pharmacy_desk.commands import database, gui, report, rules, spreadsheet

COMMANDS = (database.register, gui.register, spreadsheet.register, report.register, rules.register)
