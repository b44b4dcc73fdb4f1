"""``init``, ``demo``, ``check``, ``housekeeping``: creating, filling, checking and maintaining the database."""

from __future__ import annotations

from pharmacy_desk.commands.common import open_from_args


def cmd_init(args) -> int:
    path = open_from_args(args, create=True)
    print(f"数据库已就绪：{path}")
    return 0


def cmd_demo(args) -> int:
    from pharmacy_desk.core import demo

    # Without an explicit --db, demo data goes to the demo database, never the pharmacy's own.
    args.demo = args.demo or not args.db
    path = open_from_args(args, create=True)
    summary = demo.generate(members_count=args.members, months=args.months, seed=args.seed)
    print(f"演示数据已写入 {path}：{summary.members} 位会员，{summary.sales} 笔消费。")
    return 0


def _recorded_head(given: str | None) -> str | None:
    """The head ``--head`` names: written out, or the one recorded with a backup file."""
    from pathlib import Path

    from pharmacy_desk.core import backup_files
    from pharmacy_desk.core.errors import InvalidInput

    if not given or not Path(given).is_file():
        return given
    info = backup_files.read_record(Path(given))
    if info is None or not info.chain_head:
        raise InvalidInput(f"{given} 不是本程序做的备份（找不到它的备份记录和链头）。")
    return info.chain_head


def cmd_check(args) -> int:
    from pharmacy_desk.core import chain, chain_checkpoint, db
    from pharmacy_desk.core.check import examine, integrity_problems
    from pharmacy_desk.core.errors import StorageError

    # A damaged file is opened read-only here, to say what is wrong with it; its other
    # checks would only meet the damaged pages again.
    path = open_from_args(args, allow_damaged=True)
    if db.read_only:
        problems = integrity_problems()
    else:
        report = examine(full=args.full, recorded_head=_recorded_head(args.head),
                         quick_checked=db.quick_checked_at_open)
        problems = report.problems
        if report.file_sound:
            db.note_checked()
        if report.chain.sound:
            since = report.chain.since
            print("哈希链：" + ("从第一行起全部校验" if since is None
                               else f"校验了校验点（操作日志编号 {since.operation_id}）之后的记录") + "，完好。")
            try:
                chain_checkpoint.record(report.chain)
            except StorageError as error:  # a full disk: the check itself still says what it found
                print(f"没有记下这次的校验点：{error}")
    if not problems:
        print(f"检查通过：{path} 完整，积分账目一致。")
        print(f"链头：{chain.head()}")
        return 0
    print(f"发现 {len(problems)} 个问题：{path}")
    for problem in problems:
        print(f"  - {problem.check}：{problem.detail}")
    if db.read_only:
        print(_damaged_advice(path))
    return 2


def _damaged_advice(path) -> str:
    """What to do about a damaged file: its newest good backup, restored to this database (``--db``)."""
    from pharmacy_desk.core import backup_files, db

    newest = backup_files.newest_good_backup(db.database_path() or path)
    if newest is None:
        return "数据库文件已损坏：只读打开检查，没有改动它。需要从备份恢复，但没有找到它的备份，请找出别处保存的副本。"
    return (f"数据库文件已损坏：只读打开检查，没有改动它。可以从最近的完好备份恢复：pharmacy-desk --db {path} "
            f"restore {newest}（pharmacy-desk --db {path} backups 列出全部备份）。")


def cmd_housekeeping(args) -> int:
    from pharmacy_desk.core.housekeeping import run_due_jobs

    open_from_args(args)
    result = run_due_jobs()
    review = "本月已复核" if result.review.already_done else (
        f"降级 {result.review.downgraded} 人，升级 {result.review.upgraded} 人")
    print(f"到期积分 {result.points_expired} 分已过期；等级复核：{review}。")
    if result.months_closed:
        print(f"已结账月份：{'、'.join(str(month) for month in result.months_closed)}。")
    return 0


def register(commands) -> None:
    commands.add_parser("init", help="创建或升级数据库").set_defaults(func=cmd_init)
    demo = commands.add_parser("demo", help="向新数据库写入演示数据")
    demo.add_argument("--members", type=int, default=300)
    demo.add_argument("--months", type=int, default=12)
    demo.add_argument("--seed", type=int, default=1)
    demo.set_defaults(func=cmd_demo)
    check = commands.add_parser(
        "check", help="检查数据库完整性、积分账目和防篡改哈希链",
        description="检查数据库：SQLite 快速检查、只追加保护、每一条积分账目规则，以及积分流水和操作日志的哈希链。"
                    "哈希链只校验上次检查（校验点）之后新增的记录，之前已校验过的记录不再重算；"
                    "在校验点之前被改动、但哈希未被改动的记录，只有 --full 才能发现。"
                    "有人连哈希一起重算时，只能用备份记录或日结单上的链头（--head）发现。")
    check.add_argument("--full", action="store_true",
                       help="完整检查：SQLite 完整性检查和外键检查，并从第一行起重算全部哈希链（大数据库需要数分钟）")
    check.add_argument("--head", default=None, metavar="HEAD|BACKUP",
                       help="先前记录的链头（日结报告上的），或一个备份文件（用它的备份记录里的链头），"
                            "检查其记录是否仍未被改动")
    check.set_defaults(func=cmd_check)
    commands.add_parser("housekeeping", help="执行到期任务：积分过期、月度等级复核、已结束月份的月报结账").set_defaults(
        func=cmd_housekeeping)
