"""Every subcommand of ``pharmacy-desk``, one module per group; each module's ``register`` adds its parsers.

``COMMANDS`` is the order they appear in ``--help``. ``common.open_from_args`` opens
the database the global ``--db`` / ``--demo`` options name; ``common.signed_in`` signs in
the operator of ``--as`` for the commands that change data or export personal data.

The groups are imported at the first mention of ``COMMANDS``, not with the package: the
windows start through ``commands.gui`` alone, before their first paint.
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    if name == "COMMANDS":
        from pharmacy_desk.commands import (
            audit, backup, cards, coupons, database, first_run, gui, report, rules, spreadsheet, staff,
        )

        commands = (database.register, first_run.register, backup.register, gui.register, staff.register,
                    spreadsheet.register, cards.register, report.register, coupons.register, rules.register,
                    audit.register)
        globals()["COMMANDS"] = commands  # found directly from now on
        return commands
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
