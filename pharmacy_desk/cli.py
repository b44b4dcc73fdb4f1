"""``pharmacy-desk``: the command line and the windows' entry point.

This module holds only the parser's global options and the error policy; every
subcommand lives in ``pharmacy_desk.commands`` and registers itself there.

Expected problems print one Chinese sentence and exit 1; a bug is logged with its
traceback and the user is told where the log is (exit 3).
"""

from __future__ import annotations

import logging
import os
import sys
import time
from types import SimpleNamespace
from typing import TYPE_CHECKING

from pharmacy_desk import APP_TITLE, __version__
from pharmacy_desk.commands import gui
from pharmacy_desk.core import applog
from pharmacy_desk.core.errors import DeskError, StorageError, expected_problem

if TYPE_CHECKING:
    import argparse

STARTED = time.monotonic()  # the start-up time is measured from here (the core is imported; Qt not yet)
log = logging.getLogger("pharmacy_desk.cli")


# The global options that take a value, with where ``build_parser`` keeps them.
_VALUED_OPTIONS = {"--db": "db", "--as": "as_name"}
_GUI_FLAGS = {"--smoke-test": "smoke_test", "--smoke-walk": "smoke_walk"}


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: the global options and every command's parser."""
    import argparse

    from pharmacy_desk.commands import COMMANDS

    parser = argparse.ArgumentParser(prog="pharmacy-desk", description=APP_TITLE)
    parser.add_argument("--version", action="version", version=__version__)
    parser.add_argument("--db", metavar="PATH", help="数据库文件（默认在程序数据目录，或环境变量 PHARMACY_DESK_DB）")
    parser.add_argument("--demo", action="store_true", help="使用演示数据库（不存在时自动生成演示数据）")
    parser.add_argument("--as", dest="as_name", metavar="NAME",
                        help="以这位店员的身份操作（修改数据或导出个人信息的命令需要）；"
                             "密码在提示时输入，或放在环境变量 PHARMACY_DESK_PASSWORD 中")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in COMMANDS:
        register(subparsers)
    return parser


def windows_arguments(argv: list[str]) -> SimpleNamespace | None:
    """What ``build_parser`` makes of ``argv`` when it opens the windows (no subcommand, or ``gui``
    with its smoke flags); None for anything else, which the whole command line parses.

    The windows start without argparse: its import, the catalogue lookups of its messages and
    the parsers of every command cost some milliseconds before the first paint. Whatever is
    not plainly the global options and ``gui`` (help, the version, an abbreviation, a value
    that looks like an option, a mistake) is left to argparse, with its help and its errors.
    """
    args = SimpleNamespace(db=None, demo=False, as_name=None, command=None)
    tokens = iter(argv)
    for token in tokens:
        option, equals, value = token.partition("=")
        if option in _VALUED_OPTIONS:
            if not equals:
                value = next(tokens, None)
                if value is None or value.startswith("-"):
                    return None
            setattr(args, _VALUED_OPTIONS[option], value)
        elif token == "--demo":
            args.demo = True
        elif token == "gui":
            args.command, args.func = "gui", gui.cmd_gui
            args.smoke_test = args.smoke_walk = False
            for flag in tokens:
                if flag not in _GUI_FLAGS:
                    return None
                setattr(args, _GUI_FLAGS[flag], True)
        else:
            return None
    return args


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = windows_arguments(argv) or build_parser().parse_args(argv)
    func = getattr(args, "func", gui.cmd_gui)  # no subcommand: the windows
    args.started = STARTED
    log_file = applog.setup()
    try:
        return func(args)
    except DeskError as error:
        print(f"错误：{error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader of our output went away (``… | head``): not a failure of ours. Point
        # stdout at nothing so that Python's own flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as error:  # noqa: BLE001 - the one place that turns failures into messages
        expected = expected_problem(error)
        if expected is not None:
            if isinstance(expected, StorageError) and expected.code:
                log.warning("database failure %s in %s: %s", expected.code, getattr(args, "command", "gui"), error)
            print(f"错误：{expected}", file=sys.stderr)
            return 1
        log.exception("unexpected error in %s", getattr(args, "command", "gui"))
        print(f"程序内部错误，详细信息已记录到 {log_file}。", file=sys.stderr)
        return 3
    finally:
        from pharmacy_desk.core.db import close_database

        close_database()
