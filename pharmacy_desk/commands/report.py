"""``pharmacy-desk report --month YYYY-MM --out FILE.xlsx [--pdf]``: the monthly report without the windows.

``pharmacy-desk report recompute YYYY-MM``: compute an ended month from the records again
and store it as that month's figures (audited; the owner's).
"""

from __future__ import annotations

from pathlib import Path

from pharmacy_desk.commands.common import open_from_args, signed_in


def cmd_recompute(args) -> int:
    from pharmacy_desk.core.errors import InvalidInput
    from pharmacy_desk.core.reports.closing import recompute
    from pharmacy_desk.core.reports.period import Month
    from pharmacy_desk.core.vocabulary import Permission

    if args.recompute_month is None:
        raise InvalidInput("请写明要重算的月份，例如 pharmacy-desk report recompute 2026-06。")
    month = Month.parse(args.recompute_month)
    open_from_args(args)
    operator = signed_in(args, Permission.HOUSEKEEPING)
    print(recompute(month, operator).describe())
    return 0


def cmd_report(args) -> int:
    from pharmacy_desk.core.errors import InvalidInput
    from pharmacy_desk.core.reports.period import Month
    from pharmacy_desk.core.reports.report import build_report
    from pharmacy_desk.core.reports.workbook import write_workbook
    from pharmacy_desk.core.vocabulary import Permission

    if args.action == "recompute":
        return cmd_recompute(args)
    if args.month is None or args.out is None:
        raise InvalidInput("请写明 --month 年-月 和 --out 文件，例如 --month 2026-06 --out 月报.xlsx。")
    month = Month.parse(args.month)
    open_from_args(args)
    operator = signed_in(args, Permission.VIEW_REPORTS)
    report = build_report(month, operator)
    out = write_workbook(report, args.out, operator)
    print(f"{month} 月度报表已写入 {out}")
    if args.pdf:
        from pharmacy_desk.charts.figures import save_all_pdf

        pdf = Path(out).with_suffix(".pdf")
        save_all_pdf(report, pdf)
        print(f"图表已写入 {pdf}")
    return 0


def register(commands) -> None:
    parser = commands.add_parser("report", help="导出月度报表（Excel，可附图表PDF）；report recompute 年-月 重算已结账月份")
    parser.add_argument("action", nargs="?", choices=["recompute"], help="recompute：按记录重算已结束的月份并保存")
    parser.add_argument("recompute_month", nargs="?", metavar="YYYY-MM", help="要重算的月份")
    parser.add_argument("--month", metavar="YYYY-MM", help="报表月份，例如 2026-06")
    parser.add_argument("--out", type=Path, metavar="FILE", help="Excel 文件（.xlsx）")
    parser.add_argument("--pdf", action="store_true", help="另存全部图表为同名 PDF")
    parser.set_defaults(func=cmd_report)
