"""A pharmacy set up for command-line tests: its owner signs in with ``--as`` and the environment's password."""

from __future__ import annotations

from pharmacy_desk.commands.common import PASSWORD_ENV

OWNER, OWNER_PASSWORD = "王芳", "owner-pass"
AS_OWNER = ("--as", OWNER)


def set_up_shop(db_path, monkeypatch=None, *, staff=()) -> None:
    """Set up the database at ``db_path`` with its owner (and ``(name, role, secret)`` staff).

    With ``monkeypatch``, the owner's password is put where ``--as`` reads it.
    """
    from pharmacy_desk.core import accounts, setup
    from pharmacy_desk.core.db import close_database, open_database

    open_database(db_path, create=True)
    try:
        if setup.needs_setup():
            owner = setup.set_up(setup.PharmacyInfo("康宁大药房"), OWNER, OWNER_PASSWORD)
            for name, role, secret in staff:
                accounts.add_staff(name, role, secret, owner)
    finally:
        close_database()
    if monkeypatch is not None:
        monkeypatch.setenv(PASSWORD_ENV, OWNER_PASSWORD)


def as_owner(argv) -> list[str]:
    """``argv`` run by the owner of the ``--db`` it names, which is set up first if it is new."""
    argv = [str(a) for a in argv]
    set_up_shop(argv[argv.index("--db") + 1])
    return [*AS_OWNER, *argv]


def run(capsys, *argv):
    """``pharmacy_desk`` run with ``argv``: its exit code, what it printed and what it printed to stderr."""
    from pharmacy_desk import cli

    code = cli.main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def rows(db_path, sql) -> list[tuple]:
    """What ``sql`` reads from the database at ``db_path``, on a connection of its own."""
    import sqlite3

    con = sqlite3.connect(db_path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()
