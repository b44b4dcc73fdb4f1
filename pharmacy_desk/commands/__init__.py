"""Every subcommand of ``pharmacy-desk``, one module per group; each module's ``register`` adds its parsers.

``COMMANDS`` is the order they appear in ``--help``. ``common.open_from_args`` opens
the database the global ``--db`` / ``--demo`` options name; ``common.signed_in`` signs in
the operator of ``--as`` for the commands that change data or export personal data.

The groups are imported at the first mention of ``COMMANDS``, not with the package: the
windows start through ``commands.gui`` alone, before their first paint.
"""

from __future__ import annotations

from typing import Any

_ORDER = ("database", "first_run", "backup", "gui", "staff", "spreadsheet", "cards", "report", "coupons", "rules",
          "audit")


def __getattr__(name: str) -> Any:
    if name == "COMMANDS":
        import importlib

        commands = tuple(importlib.import_module(f"{__name__}.{group}").register for group in _ORDER)
        globals()["COMMANDS"] = commands  # found directly from now on
        return commands
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
