"""What the database file holds besides its rows: its triggers, indexes and views, read from
SQLite's catalogue (``sqlite_master``) and dropped by name, for the restores at opening
(``core/schema.py``, ``core/schema_objects.py``, ``core/kept_figures.py``) and for ``check``.

Part of the SQLite-only seam beside ``core.dialect``: a second backend would read its own
catalogue under the same names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pharmacy_desk.core.dialect import AnyDatabase


def trigger_names(database: AnyDatabase) -> set[str]:
    return {row[0] for row in database.execute_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}


def trigger_definitions(database: AnyDatabase) -> dict[str, str]:
    """name -> CREATE statement of every trigger."""
    return dict(database.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())


def drop_trigger(database: AnyDatabase, name: str) -> None:
    database.execute_sql(f'DROP TRIGGER IF EXISTS "{name}"')


def schema_objects(database: AnyDatabase, kind: str) -> dict[str, str]:
    """name -> CREATE statement of every index (not those a constraint made) or every view (``kind``)."""
    return dict(database.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = ? AND sql IS NOT NULL",
                                     (kind,)).fetchall())


def drop_object(database: AnyDatabase, kind: str, name: str) -> None:
    """Drop the index or the view ``name`` if there is one."""
    verb = {"index": "INDEX", "view": "VIEW"}[kind]
    database.execute_sql(f'DROP {verb} IF EXISTS "{name}"')


def index_definitions(database: AnyDatabase, table: str) -> list[tuple[str, str]]:
    """(name, CREATE statement) of the indexes declared on ``table`` (not those a constraint made)."""
    return database.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
        (table,)).fetchall()


def drop_index(database: AnyDatabase, name: str) -> None:
    database.execute_sql(f'DROP INDEX "{name}"')
