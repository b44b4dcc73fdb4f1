"""``import-members`` and ``export``: Excel migration and exports from the command line."""

from __future__ import annotations

from pathlib import Path

from pharmacy_desk.commands.common import open_from_args
from pharmacy_desk.core.errors import InvalidInput

EXPORT_KINDS = ("members", "sales", "ledger", "coupons")


def cmd_import_members(args) -> int:
    from pharmacy_desk.core import defaults
    from pharmacy_desk.core.spreadsheet.commit import commit_import
    from pharmacy_desk.core.spreadsheet.plan import match_database, read_plan
    from pharmacy_desk.core.spreadsheet.report import write_error_report

    open_from_args(args)
    file_plan = read_plan(Path(args.file))
    plan = match_database(file_plan)
    counts = plan.counts()
    print(f"新增 {counts['new']} 人，合并 {counts['merged']} 人，冲突 {counts['conflicts']} 行，"
          f"数据有误 {counts['rejected']} 行，跳过空行/合计行 {counts['skipped']} 行；"
          f"期初积分 {plan.opening_points} 分。")
    for problem in plan.problems[:10]:
        print(f"  “{problem.source.sheet}”第{problem.source.row_number}行：{problem.reason}")
    if len(plan.problems) > 10:
        print(f"  ……另有 {len(plan.problems) - 10} 行，见错误报告。")
    if args.report and plan.problems:
        write_error_report(plan, args.report)
        print(f"错误报告已写入 {args.report}")
    if args.dry_run:
        print("预演结束，没有写入任何数据。")
        return 0
    if plan.already_imported:
        print("这个文件已经导入过，没有任何改动。")
        return 0
    result = commit_import(file_plan, defaults.system_staff())
    print(f"导入完成：新增 {result.created} 位会员，补充 {result.updated} 位会员的资料，"
          f"{result.balances} 位会员的期初积分共 {result.points} 分。")
    return 0


def cmd_export(args) -> int:
    from pharmacy_desk.core.spreadsheet.tables import EXPORTS

    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise InvalidInput("导出文件名应以 .xlsx 结尾。")
    open_from_args(args)
    title, export = EXPORTS[args.table]
    count = export(out)
    print(f"已导出{title} {count} 行到 {out}")
    return 0


def register(commands) -> None:
    parser = commands.add_parser("import-members", help="从 Excel/CSV 导入会员名单")
    parser.add_argument("file", metavar="FILE", help=".xlsx、.xls、.ods 或 .csv 文件")
    parser.add_argument("--dry-run", action="store_true", help="只预演，显示统计，不写入")
    parser.add_argument("--report", metavar="OUT.xlsx", help="把有问题的行写成错误报告")
    parser.set_defaults(func=cmd_import_members)
    parser = commands.add_parser("export", help="导出会员、消费、积分流水或优惠券到 Excel")
    parser.add_argument("table", choices=EXPORT_KINDS)
    parser.add_argument("--out", required=True, metavar="FILE.xlsx")
    parser.set_defaults(func=cmd_export)
