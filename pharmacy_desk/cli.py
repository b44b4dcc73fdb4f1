"""``pharmacy-desk``: the command line and the windows' entry point.

Expected problems print one Chinese sentence and exit 1; a bug is logged with its
traceback and the user is told where the log is (exit 3).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from pharmacy_desk import __version__
from pharmacy_desk.core import applog, paths
from pharmacy_desk.core.errors import DeskError, explain_storage_error

log = logging.getLogger("pharmacy_desk.cli")


def _open(args) -> Path:
    from pharmacy_desk.core.db import open_database

    path = paths.demo_database_path() if args.demo else paths.database_path(args.db)
    open_database(path)
    return path


def cmd_init(args) -> int:
    path = _open(args)
    print(f"数据库已就绪：{path}")
    return 0


def cmd_demo(args) -> int:
    from pharmacy_desk.core import demo

    # Without an explicit --db, demo data goes to the demo database, never the pharmacy's own.
    args.demo = args.demo or not args.db
    path = _open(args)
    summary = demo.generate(members_count=args.members, months=args.months, seed=args.seed)
    print(f"演示数据已写入 {path}：{summary.members} 位会员，{summary.sales} 笔消费。")
    return 0


def cmd_check(args) -> int:
    from pharmacy_desk.core.check import run_checks

    path = _open(args)
    problems = run_checks()
    if not problems:
        print(f"检查通过：{path} 完整，积分账目一致。")
        return 0
    print(f"发现 {len(problems)} 个问题：{path}")
    for problem in problems:
        print(f"  - {problem.check}：{problem.detail}")
    return 2


def cmd_housekeeping(args) -> int:
    from pharmacy_desk.core.housekeeping import run_due_jobs

    _open(args)
    result = run_due_jobs()
    review = "本月已复核" if result.review.already_done else (
        f"降级 {result.review.downgraded} 人，升级 {result.review.upgraded} 人")
    print(f"到期积分 {result.points_expired} 分已过期；等级复核：{review}。")
    return 0


def _ensure_demo_database() -> None:
    from pharmacy_desk.core import demo
    from pharmacy_desk.core.models import Member

    if not Member.select().exists():
        print("正在生成演示数据……")
        demo.generate(members_count=300, months=12, seed=1)


def cmd_gui(args) -> int:
    from pharmacy_desk.ui.app import run

    path = _open(args)
    if args.demo:
        _ensure_demo_database()
    return run(path)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pharmacy-desk", description="药店会员管理")
    parser.add_argument("--version", action="version", version=__version__)
    parser.add_argument("--db", metavar="PATH", help="数据库文件（默认在程序数据目录，或环境变量 PHARMACY_DESK_DB）")
    parser.add_argument("--demo", action="store_true", help="使用演示数据库（不存在时自动生成演示数据）")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("init", help="创建或升级数据库").set_defaults(func=cmd_init)
    demo = commands.add_parser("demo", help="向新数据库写入演示数据")
    demo.add_argument("--members", type=int, default=300)
    demo.add_argument("--months", type=int, default=12)
    demo.add_argument("--seed", type=int, default=1)
    demo.set_defaults(func=cmd_demo)
    commands.add_parser("check", help="检查数据库完整性和积分账目").set_defaults(func=cmd_check)
    commands.add_parser("housekeeping", help="执行到期任务：积分过期、月度等级复核").set_defaults(
        func=cmd_housekeeping)
    commands.add_parser("gui", help="打开收银窗口（默认）").set_defaults(func=cmd_gui)
    for register in EXTRA_COMMANDS:
        register(commands)
    return parser


def _feature_commands() -> list:
    """Subcommands that features add; each module's ``register`` takes the subparsers."""
    from pharmacy_desk.commands import report, rules, spreadsheet

    return [spreadsheet.register, report.register, rules.register]


EXTRA_COMMANDS: list = _feature_commands()


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    func = getattr(args, "func", cmd_gui)
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
        expected = explain_storage_error(error)
        if expected is not None:
            print(f"错误：{expected}", file=sys.stderr)
            return 1
        log.exception("unexpected error in %s", getattr(args, "command", "gui"))
        print(f"程序内部错误，详细信息已记录到 {log_file}。", file=sys.stderr)
        return 3
    finally:
        from pharmacy_desk.core.db import close_database

        close_database()
