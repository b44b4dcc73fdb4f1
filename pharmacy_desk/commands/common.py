"""What every subcommand shares: opening the database the global options name."""

from __future__ import annotations

from pathlib import Path

from pharmacy_desk.core import paths


def open_from_args(args) -> Path:
    """Open (creating or upgrading) the database of ``--db`` / ``--demo``; returns its path."""
    from pharmacy_desk.core.db import open_database

    path = paths.demo_database_path() if args.demo else paths.database_path(args.db)
    open_database(path)
    return path
