"""``audit``: the audit log printed, newest first, or written to Excel (the owner's)."""

from __future__ import annotations

import datetime as dt

from pharmacy_desk.commands.common import open_from_args, signed_in


def _day(what: str, text: str | None) -> dt.date | None:
    """A date typed as YYYY-MM-DD, refused in Chinese (argparse would answer in English)."""
    from pharmacy_desk.core.errors import InvalidInput

    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"{what}应为 YYYY-MM-DD 格式的日期，例如 2026-06-01：{text}") from None


def _limit(text: str | None) -> int | None:
    from pharmacy_desk.core.errors import InvalidInput

    if text is None:
        return None
    if not text.strip().isdecimal() or int(text) < 1:
        raise InvalidInput(f"--limit 应为正整数：{text}")
    return int(text)


def cmd_audit(args) -> int:
    from pharmacy_desk.core import audit_log
    from pharmacy_desk.core.errors import InvalidInput, NotFound
    from pharmacy_desk.core.models import Staff
    from pharmacy_desk.core.staff import clean_name
    from pharmacy_desk.core.vocabulary import Permission

    if args.out and not args.out.lower().endswith(".xlsx"):
        raise InvalidInput("导出文件名应以 .xlsx 结尾。")
    open_from_args(args)
    operator = signed_in(args, Permission.VIEW_AUDIT)
    filters: dict = {"since": _day("开始日期", args.since), "until": _day("结束日期", args.until),
                     "limit": _limit(args.limit)}
    if args.kind:
        filters["kind"] = [audit_log.kind_of(part) for part in args.kind.replace("，", ",").split(",") if part.strip()]
    if args.operator:
        person = Staff.get_or_none(Staff.name == clean_name(args.operator))
        if person is None:
            raise NotFound(f"找不到名为“{args.operator}”的店员。")
        filters["staff_id"] = person.id
    if args.out:
        count = audit_log.export(operator, args.out, **filters)
        print(f"已导出操作日志 {count} 行到 {args.out}")
        return 0
    rows = audit_log.entries(operator, **filters)
    for row in rows:
        print("  ".join(filter(None, (f"{row.at:%Y-%m-%d %H:%M:%S}", row.operator, row.kind_label, row.subject,
                                      row.detail))))
    print(f"共 {len(rows)} 条。")
    return 0


def register(commands) -> None:
    parser = commands.add_parser("audit", help="查看操作日志（店长）：登录、导出、规则和店员变更……")
    parser.add_argument("--since", metavar="YYYY-MM-DD", help="从这一天起（含）")
    parser.add_argument("--until", metavar="YYYY-MM-DD", help="到这一天止（含）")
    parser.add_argument("--kind", metavar="K", help="操作类型，代码或中文名，如 sign_in 或 登录；多个用逗号分隔")
    parser.add_argument("--operator", metavar="NAME", help="只看这位店员的操作")
    parser.add_argument("--limit", metavar="N", help="最多显示最近的 N 条")
    parser.add_argument("--out", metavar="FILE.xlsx", help="写入 Excel 文件而不是显示")
    parser.set_defaults(func=cmd_audit)
