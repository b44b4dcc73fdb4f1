"""``coupons templates|issue|report``: the owner's coupon templates, issuing them, and the usage report.

The same core calls as the coupons window: ``coupon_templates`` for the templates,
``coupon_issue`` to issue one to a member (card number or phone), a call list or a
campaign, ``reports.coupon_usage`` for issued against used.
"""

from __future__ import annotations

import uuid

from pharmacy_desk.commands.common import open_from_args, signed_in

KINDS = ("fixed", "percent", "threshold", "service")


def _whole(what: str, text: str | None) -> int:
    from pharmacy_desk.core.errors import InvalidInput

    if text is None:
        return 0
    if not text.strip().isdecimal():
        raise InvalidInput(f"{what}应为整数：{text}")
    return int(text)


def _terms(args):
    from pharmacy_desk.core.coupon_templates import Terms
    from pharmacy_desk.core.errors import InvalidInput
    from pharmacy_desk.core.normalize import parse_yuan

    if args.kind not in KINDS:
        raise InvalidInput(f"--kind 应为 {'、'.join(KINDS)} 之一：{args.kind}")
    return Terms(kind=args.kind, title=args.title or "", valid_days=_whole("--days", args.days),
                 value_fen=parse_yuan(args.value) if args.value else 0,
                 percent_off=_whole("--percent", args.percent),
                 min_spend_fen=parse_yuan(args.min_spend) if args.min_spend else 0, service=args.service or "")


def _template_id(text: str) -> int:
    return _whole("模板编号", text)


def _show_templates() -> None:
    from pharmacy_desk.core import coupon_templates

    rows = coupon_templates.all_templates()
    for t in rows:
        state = "" if t.active else "（已停用）"
        print(f"  #{t.id} {t.title}{state}：{coupon_templates.describe_terms(t.terms)}")
    print(f"共 {len(rows)} 个券模板。")


def _member_id(text: str):
    from pharmacy_desk.core import members
    from pharmacy_desk.core.errors import NotFound

    found = members.lookup(text)
    if found.exact is None:
        raise NotFound(f"找不到卡号或手机号为“{text}”的会员（同一手机号有几位会员时请用卡号）。")
    return found.exact.id


def cmd_coupons(args) -> int:
    from pharmacy_desk.core import coupon_issue, coupon_templates
    from pharmacy_desk.core.errors import InvalidInput
    from pharmacy_desk.core.reports import coupon_usage
    from pharmacy_desk.core.vocabulary import CouponKind, Permission

    open_from_args(args)
    if args.action == "report":
        operator = signed_in(args, Permission.VIEW_REPORTS)
        if args.out:
            if not args.out.lower().endswith(".xlsx"):
                raise InvalidInput("导出文件名应以 .xlsx 结尾。")
            print(f"已导出券核销 {coupon_usage.export_usage(args.out, operator)} 行到 {args.out}")
            return 0
        for row in coupon_usage.usage_rows(operator):
            print(f"  {row.coupon}（{CouponKind.label_of(row.kind)}，{row.target}）：发放 {row.issued} 张，"
                  f"已使用 {row.used} 张，使用率 {float(row.usage):.0%}，优惠 {row.discount_fen / 100:.2f} 元")
        return 0
    operator = signed_in(args, Permission.MANAGE_COUPONS)
    if args.action == "issue":
        template_id = _template_id(args.template)
        chosen = [name for name in ("member", "list", "campaign") if getattr(args, name)]
        if len(chosen) != 1:
            raise InvalidInput("请用 --member、--list 或 --campaign 中的一个指明发给谁。")
        if args.member:
            result = coupon_issue.issue_to_member(template_id, _member_id(args.member), operator,
                                                  batch=uuid.uuid4().hex)
        elif args.list:
            result = coupon_issue.issue_to_call_list(template_id, args.list, operator)
        else:
            result = coupon_issue.issue_to_campaign(template_id, args.campaign, operator)
        already = f"，{result.already} 位今天已发过" if result.already else ""
        print(f"已发放 {result.issued} 张{already}。")
        return 0
    what = args.what or "list"
    if what not in ("list", "add", "edit", "retire"):
        raise InvalidInput(f"coupons templates 后应为 list、add、edit 或 retire：{what}")
    if what == "list":
        _show_templates()
        return 0
    if what == "add":
        made = coupon_templates.create_template(_terms(args), operator).template
        print(f"已新增券模板 #{made.id} {made.title}。")
    elif what == "edit":
        if args.id is None:
            raise InvalidInput("请写出要修改的模板编号，例如 coupons templates edit 3 …")
        changed = coupon_templates.edit_template(_template_id(args.id), _terms(args), operator)
        print(f"已修改券模板 #{changed.template.id}；已发放的券不变。" if changed.changed else "没有改动。")
    elif what == "retire":
        if args.id is None:
            raise InvalidInput("请写出要停用的模板编号，例如 coupons templates retire 3。")
        done = coupon_templates.retire_template(_template_id(args.id), operator)
        print(f"已停用券模板 #{done.template.id}；已发放的券仍可使用。")
    return 0


def register(commands) -> None:
    parser = commands.add_parser("coupons", help="优惠券（店长）：券模板、发券、券核销报表")
    parser.set_defaults(func=cmd_coupons)
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    templates = actions.add_parser("templates", help="券模板：list 列出（默认）、add 新增、edit 修改、retire 停用")
    templates.add_argument("what", nargs="?", metavar="list|add|edit|retire")
    templates.add_argument("id", nargs="?", metavar="ID", help="模板编号（edit、retire）")
    templates.add_argument("--kind", default="fixed", metavar="KIND",
                           help="fixed 代金券 / percent 折扣券 / threshold 满减券 / service 体验券")
    templates.add_argument("--title", metavar="名称")
    templates.add_argument("--value", metavar="元", help="代金券面额、满减券减免金额；体验券的价值（可不填）")
    templates.add_argument("--percent", metavar="N", help="折扣券减免的百分比，例如 10 即九折")
    templates.add_argument("--min-spend", metavar="元", help="满减券的门槛（满多少元）")
    templates.add_argument("--service", metavar="服务", help="体验券兑换的服务，例如 免费测血压")
    templates.add_argument("--days", default="30", metavar="N", help="发放后有效天数（默认 30）")
    issue = actions.add_parser("issue", help="按模板发券：--member 卡号或手机号、--list 回访名单、--campaign 营销活动")
    issue.add_argument("template", metavar="TEMPLATE_ID")
    issue.add_argument("--member", metavar="卡号或手机号")
    issue.add_argument("--list", metavar="KEY", help="回访名单，例如 dormant、birthday_7、ab_class")
    issue.add_argument("--campaign", metavar="KEY", help="营销活动，例如 ab、birthday、thanks")
    report = actions.add_parser("report", help="券核销：每个模板和营销活动的发放、使用张数和使用率")
    report.add_argument("--out", metavar="FILE.xlsx", help="导出到 Excel")
