"""Every subcommand of ``pharmacy-desk``, one module per group; each module's ``register`` adds its parsers.

``COMMANDS`` is the order they appear in ``--help``. ``common.open_from_args`` opens
the database the global ``--db`` / ``--demo`` options name; ``common.signed_in`` signs in
the operator of ``--as`` for the commands that change data or export personal data.
"""

from __future__ import annotations

from pharmacy_desk.commands import (
    audit, backup, cards, coupons, database, first_run, gui, report, rules, spreadsheet, staff,
)

COMMANDS = (database.register, first_run.register, backup.register, gui.register, staff.register,
            spreadsheet.register, cards.register, report.register, coupons.register, rules.register, audit.register)
