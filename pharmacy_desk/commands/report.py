"""``pharmacy-desk report --month YYYY-MM --out FILE.xlsx [--pdf]``: the monthly report without the windows."""

from __future__ import annotations

from pathlib import Path

from pharmacy_desk.commands.common import open_from_args, signed_in


def cmd_report(args) -> int:
    from pharmacy_desk.core.reports.period import Month
    from pharmacy_desk.core.reports.report import build_report
    from pharmacy_desk.core.reports.workbook import write_workbook
    from pharmacy_desk.core.vocabulary import Permission

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
    parser = commands.add_parser("report", help="导出月度报表（Excel，可附图表PDF）")
    parser.add_argument("--month", required=True, metavar="YYYY-MM", help="报表月份，例如 2026-06")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE", help="Excel 文件（.xlsx）")
    parser.add_argument("--pdf", action="store_true", help="另存全部图表为同名 PDF")
    parser.set_defaults(func=cmd_report)
