"""``import-members`` and ``export``: Excel migration and exports from the command line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pharmacy_desk.commands.common import open_from_args, signed_in
from pharmacy_desk.core.errors import InvalidInput

EXPORT_KINDS = ("members", "sales", "ledger", "coupons", "coupon_usage")
DEFAULT_VALIDITY_MONTHS = 12  # plan.DEFAULT_VALIDITY_MONTHS; the command line starts without the core
GROUPS_SHOWN = 10


def _choices(args):
    from pharmacy_desk.core.spreadsheet import remembered
    from pharmacy_desk.core.spreadsheet.layouts import Choices, SheetChoice, parse_map

    by_header = parse_map([part for item in args.map or [] for part in item.split(",") if part.strip()])
    choices = Choices(only_sheet=args.sheet, by_header=by_header, remembered=remembered.load())
    if args.header_row is not None:
        if args.header_row < 0:
            raise InvalidInput("--header-row 是表头所在的行号（从 1 开始，0 表示没有表头）。")
        if args.sheet is not None:
            choices.sheets[args.sheet] = SheetChoice(header_row=args.header_row - 1)
        else:
            choices.header_row = args.header_row - 1
    return choices


def _describe_layouts(file_plan) -> None:
    from pharmacy_desk.core.spreadsheet.columns import FIELDS

    for item in file_plan.sheets:
        if not item.imported or item.layout is None:
            continue
        layout = item.layout
        where = f"第{layout.header_row + 1}行是表头" if layout.headers else "没有表头"
        pairs = "，".join(f"{layout.column_title(column)}→{FIELDS[target]}"
                         for column, target in sorted(layout.mapping.items()))
        print(f"工作表“{item.name}”：{where}；{pairs}。")
    for notice in file_plan.notices:
        print(notice)


def cmd_import_members(args) -> int:
    from pharmacy_desk.core.spreadsheet import remembered
    from pharmacy_desk.core.spreadsheet.commit import commit_import
    from pharmacy_desk.core.spreadsheet.plan import match_database, read_plan
    from pharmacy_desk.core.spreadsheet.report import group_problems, write_error_report
    from pharmacy_desk.core.vocabulary import ImportProblemKind, Permission

    from pharmacy_desk.core import settings
    from pharmacy_desk.core.spreadsheet.plan import ImportOptions

    choices = _choices(args)
    if not 1 <= args.points_valid_months <= 120:
        raise InvalidInput("--points-valid-months 应在 1 到 120 个月之间。")
    options = ImportOptions(validity_months=args.points_valid_months, keep_id_numbers=args.keep_id_numbers)
    open_from_args(args)
    operator = signed_in(args, Permission.IMPORT)
    file_plan = read_plan(Path(args.file), choices=choices, options=options, against_members=True)
    _describe_layouts(file_plan)
    file_plan.require_importable()
    plan = match_database(file_plan)
    counts = plan.counts()
    print(f"新增 {counts['new']} 人，合并 {counts['merged']} 人，冲突 {counts['conflicts']} 行，"
          f"数据有误 {counts['rejected']} 行，跳过空行/合计行 {counts['skipped']} 行；"
          f"期初积分 {plan.opening_points} 分。")
    print(plan.describe_opening(dt.date.today(), settings.get("redeem_blocks")))
    groups = group_problems(plan.problems)
    for group in groups[:GROUPS_SHOWN]:
        print(f"  {ImportProblemKind.label_of(group.kind)}：{group.reason}（{len(group.rows)} 行，如{group.examples}）")
    if len(groups) > GROUPS_SHOWN:
        print(f"  ……另有 {len(groups) - GROUPS_SHOWN} 种问题，见错误报告。")
    if args.report and plan.problems:
        write_error_report(plan, args.report)
        print(f"错误报告已写入 {args.report}")
    if args.dry_run:
        print("预演结束，没有写入任何数据。")
        return 0
    if plan.already_imported:
        print("这个文件已经导入过，没有任何改动。")
        return 0
    result = commit_import(file_plan, operator)
    if choices.by_header or args.header_row is not None:
        for item in file_plan.sheets:
            if item.imported and item.layout is not None and item.layout.headers:
                remembered.remember(item.layout.signature, item.layout.mapping)
    print(f"导入完成：新增 {result.created} 位会员，补充 {result.updated} 位会员的资料，"
          f"{result.balances} 位会员的期初积分共 {result.points} 分。")
    return 0


def cmd_export(args) -> int:
    from pharmacy_desk.core.spreadsheet.tables import EXPORTS
    from pharmacy_desk.core.vocabulary import Permission

    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise InvalidInput("导出文件名应以 .xlsx 结尾。")
    open_from_args(args)
    operator = signed_in(args, Permission.EXPORT_PERSONAL)
    title, export = EXPORTS[args.table]
    count = export(out, operator)
    print(f"已导出{title} {count} 行到 {out}")
    return 0


def register(commands) -> None:
    parser = commands.add_parser("import-members", help="从 Excel/CSV 导入会员名单")
    parser.add_argument("file", metavar="FILE", help=".xlsx、.xls、.ods 或 .csv 文件")
    parser.add_argument("--dry-run", action="store_true", help="只预演，显示统计，不写入")
    parser.add_argument("--report", metavar="OUT.xlsx", help="把有问题的行写成错误报告")
    parser.add_argument("--map", action="append", metavar="列名=字段",
                        help="指定某列导入为哪一项，如 --map 联系人=姓名 --map C=手机号（可多次，或用逗号分隔）；"
                             "导入后记住，下次同样表头的文件自动使用")
    parser.add_argument("--sheet", metavar="NAME", help="只导入这张工作表")
    parser.add_argument("--header-row", type=int, metavar="N", help="表头在第 N 行（0 表示没有表头）")
    parser.add_argument("--points-valid-months", type=int, default=DEFAULT_VALIDITY_MONTHS, metavar="N",
                        help=f"期初积分自导入之日起的有效月数（默认 {DEFAULT_VALIDITY_MONTHS}）")
    parser.add_argument("--keep-id-numbers", action="store_true",
                        help="保存身份证号（默认只用来补全生日和性别，不保存）")
    parser.set_defaults(func=cmd_import_members)
    parser = commands.add_parser("export", help="导出会员、消费、积分流水或优惠券到 Excel")
    parser.add_argument("table", choices=EXPORT_KINDS)
    parser.add_argument("--out", required=True, metavar="FILE.xlsx")
    parser.set_defaults(func=cmd_export)
