"""``pharmacy-desk``: the command line and the windows' entry point.

This module holds only the parser's global options and the error policy; every
subcommand lives in ``pharmacy_desk.commands`` and registers itself there.

Expected problems print one Chinese sentence and exit 1; a bug is logged with its
traceback and the user is told where the log is (exit 3).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time

from pharmacy_desk import APP_TITLE, __version__
from pharmacy_desk.commands import COMMANDS, gui
from pharmacy_desk.core import applog
from pharmacy_desk.core.errors import DeskError, StorageError, expected_problem

STARTED = time.monotonic()  # the start-up time is measured from here (the core is imported; Qt not yet)
log = logging.getLogger("pharmacy_desk.cli")


# The global options that take a value, as ``_starts_the_windows`` steps over them.
_VALUED_OPTIONS = ("--db", "--as")


def build_parser(*, windows_only: bool = False) -> argparse.ArgumentParser:
    """The whole command line; ``windows_only``: the global options and ``gui`` alone, for starting the windows."""
    parser = argparse.ArgumentParser(prog="pharmacy-desk", description=APP_TITLE)
    parser.add_argument("--version", action="version", version=__version__)
    parser.add_argument("--db", metavar="PATH", help="数据库文件（默认在程序数据目录，或环境变量 PHARMACY_DESK_DB）")
    parser.add_argument("--demo", action="store_true", help="使用演示数据库（不存在时自动生成演示数据）")
    parser.add_argument("--as", dest="as_name", metavar="NAME",
                        help="以这位店员的身份操作（修改数据或导出个人信息的命令需要）；"
                             "密码在提示时输入，或放在环境变量 PHARMACY_DESK_PASSWORD 中")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in (gui.register,) if windows_only else COMMANDS:
        register(subparsers)
    return parser


def _starts_the_windows(argv: list[str]) -> bool:
    """Whether ``argv`` opens the windows (no subcommand, or ``gui``) and asks for no help or version.

    The windows start without building the parsers of every other command (some
    milliseconds before the first paint); anything else gets the whole command line,
    with its help and its errors.
    """
    tokens = iter(argv)
    for token in tokens:
        if token in _VALUED_OPTIONS:
            next(tokens, None)
        elif token == "gui":
            return all(rest in ("--smoke-test", "--smoke-walk") for rest in tokens)
        elif token not in ("--demo",) and not token.startswith(tuple(f"{option}=" for option in _VALUED_OPTIONS)):
            return False
    return True


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(windows_only=_starts_the_windows(argv)).parse_args(argv)
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
