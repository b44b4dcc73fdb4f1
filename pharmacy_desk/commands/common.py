"""What every subcommand shares: opening the database the global options name, and signing in.

A command that changes data or exports personal data acts as the person named by the
global ``--as NAME``, who proves it with their password or PIN: read from the
environment variable ``PHARMACY_DESK_PASSWORD`` when it is set (for scripts), else
asked for without echo. A new PIN or password for someone else (``staff add``, ``staff
reset``) comes from ``PHARMACY_DESK_NEW_PASSWORD`` or is asked for twice.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from pharmacy_desk.core import paths
from pharmacy_desk.core.errors import InvalidInput, NotPermitted

if TYPE_CHECKING:
    from pharmacy_desk.core.operator import Operator
    from pharmacy_desk.core.vocabulary import Permission

PASSWORD_ENV = "PHARMACY_DESK_PASSWORD"
NEW_PASSWORD_ENV = "PHARMACY_DESK_NEW_PASSWORD"


def chosen_path(args) -> Path:
    """The database file of ``--db`` / ``--demo`` (or ``PHARMACY_DESK_DB``, or the default)."""
    return paths.demo_database_path() if args.demo else paths.database_path(args.db)


def is_default_path(args) -> bool:
    """Whether the database is the pharmacy's default one, not a file someone named."""
    return not args.demo and not args.db and not os.environ.get(paths.DB_ENV)


def open_from_args(args, *, create: bool = False, allow_damaged: bool = False, lazily: bool = False) -> Path:
    """Open (upgrading) the database of ``--db`` / ``--demo``; returns its path.

    Only ``create`` (``init``, ``setup``, ``demo``) or the demo database makes a new file; a missing,
    empty, foreign or damaged one is otherwise refused in one sentence, untouched. ``lazily``
    (the windows): the engine is attached after the first window paints (``db.open_database``), and
    what takes long to put back (a lost index, a figure counted beside the tills) is left to the
    counter, which does it in the background (``repairs.beside_tills``, ``MainWindow.start_repairs``).
    """
    from pharmacy_desk.core.db import open_database

    path = chosen_path(args)
    open_database(path, create=create or args.demo, allow_damaged=allow_damaged, lazily=lazily,
                  repair_later=lazily)
    return path


def _ask(prompt: str) -> str:
    """One line typed without echo; from a pipe (``echo … |``), the line as it comes."""
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return getpass.getpass(prompt)
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.rstrip("\r\n")


def read_secret(prompt: str, env: str = PASSWORD_ENV, *, confirm: bool = False) -> str:
    """A password or PIN from ``env`` if set, else asked for (twice when ``confirm``)."""
    given = os.environ.get(env)
    if given is not None:
        return given
    secret = _ask(prompt)
    if not secret:
        raise InvalidInput(f"没有收到密码：请在提示时输入，或放在环境变量 {env} 中。")
    if confirm and _ask("再输入一次：") != secret:
        raise InvalidInput("两次输入的密码不一致，没有做任何改动。")
    return secret


def signed_in(args, permission: Permission | None = None) -> Operator:
    """The operator of ``--as NAME``, signed in (and recorded); call after opening the database.

    With ``permission``, someone who lacks it is refused before the command does anything.
    """
    from pharmacy_desk.core import setup, signin
    from pharmacy_desk.core.permissions import require

    name = getattr(args, "as_name", None)
    if not name:
        raise NotPermitted(f"这个命令会修改数据或导出个人信息，需要用 --as 姓名 指明操作员"
                           f"（密码在提示时输入，或放在环境变量 {PASSWORD_ENV} 中）。")
    if setup.needs_setup():
        raise InvalidInput("这个数据库还没有开店设置：先运行 pharmacy-desk setup --pharmacy 店名 --owner 姓名。")
    operator = signin.sign_in(name, read_secret(f"{name} 的密码或 PIN："))
    if permission is not None:
        require(operator, permission)
    return operator
