"""``pharmacy-desk rules``: read and change the business rules until a settings window exists.

  rules                                   every setting, tier and category rule, with its current value
  rules set KEY VALUE                     one setting, in the unit shown (points_validity_months 6,
                                          new_member_coupon_fen 3 for 3 元, redeem_blocks 500=20,1000=42 …)
  rules tier CODE [--min-spend YUAN] [--min-visits N] [--multiplier X] [--cap YUAN]
  rules category CODE [--points N] [--per YUAN]

Changes are recorded under the system operator, as imports from the command line are.
"""

from __future__ import annotations


def _show() -> None:
    from pharmacy_desk.core import settings
    from pharmacy_desk.core.models import Category, Tier
    from pharmacy_desk.core.normalize import yuan

    print("设置（键 = 当前值；* 为已修改；括号内为允许的范围）")
    group = None
    for declaration in settings.DECLARATIONS:
        if declaration.group != group:
            group = declaration.group
            print(f"[{group}]")
        value = settings.get(declaration.key)
        changed = "*" if value != declaration.default_value else " "
        allowed = "由程序维护" if declaration.internal else declaration.describe()
        print(f" {changed} {declaration.key} = {declaration.format(value)}    {declaration.label}（{allowed}）")
    print("\n会员等级（代码：名称，门槛，积分倍数，每月兑换上限）")
    for tier in Tier.select().order_by(Tier.rank):
        print(f"  {tier.code}：{tier.name}，消费满 {yuan(tier.min_spend_fen)} 元且 {tier.min_visits} 次，"
              f"{tier.multiplier} 倍，上限 {yuan(tier.monthly_cap_fen)} 元")
    print("\n商品类别（代码：名称，积分规则）")
    for category in Category.select().order_by(Category.sort_order):
        print(f"  {category.code}：{category.name}，每 {yuan(category.block_fen)} 元 {category.points_per_block} 分")


def _count(what: str):
    """A whole number typed on the command line, refused in Chinese (argparse would answer in English)."""
    def parse(text: str) -> int:
        from pharmacy_desk.core.errors import InvalidInput
        from pharmacy_desk.core.normalize import halfwidth

        cleaned = halfwidth(text).strip()
        if not cleaned.isdecimal():
            raise InvalidInput(f"{what}应为不小于 0 的整数：{text}")
        return int(cleaned)
    return parse


def cmd_rules(args) -> int:
    from pharmacy_desk.commands.common import open_from_args, signed_in
    from pharmacy_desk.core import rules, settings
    from pharmacy_desk.core.errors import InvalidInput
    from pharmacy_desk.core.normalize import parse_yuan
    from pharmacy_desk.core.vocabulary import Permission

    open_from_args(args)
    action = getattr(args, "action", None)
    if action == "set" and args.key not in settings.DECLARATION_BY_KEY:
        raise InvalidInput(f"没有名为“{args.key}”的设置。用 rules 查看全部设置。")
    operator = signed_in(args, Permission.CHANGE_RULES) if action else None
    if action == "set":
        settings.change(args.key, args.value, operator)
    elif action == "tier":
        changes = {name: convert(value) for name, value, convert in (
            ("min_spend_fen", args.min_spend, parse_yuan), ("min_visits", args.min_visits, _count("次数")),
            ("multiplier", args.multiplier, str), ("monthly_cap_fen", args.cap, parse_yuan)) if value is not None}
        rules.update_tier(args.code, operator, **changes)
    elif action == "category":
        changes = {name: convert(value) for name, value, convert in (
            ("points_per_block", args.points, _count("积分")), ("block_fen", args.per, parse_yuan)) if value is not None}
        rules.update_category(args.code, operator, **changes)
    _show()
    return 0


def register(commands) -> None:
    parser = commands.add_parser("rules", help="查看或修改业务规则：积分、等级、类别")
    parser.set_defaults(func=cmd_rules)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    put = actions.add_parser("set", help="修改一项设置")
    put.add_argument("key")
    put.add_argument("value")
    tier = actions.add_parser("tier", help="修改一个会员等级的门槛、倍数或兑换上限")
    tier.add_argument("code", help="normal / core / vip / platinum")
    tier.add_argument("--min-spend", metavar="元", help="近一个周期的消费门槛（元）")
    tier.add_argument("--min-visits", metavar="次")
    tier.add_argument("--multiplier", metavar="倍", help="积分倍数，例如 1.5")
    tier.add_argument("--cap", metavar="元", help="每月积分兑换上限（元）")
    category = actions.add_parser("category", help="修改一个商品类别的积分规则")
    category.add_argument("code", help="household / otc / supplement / promo / rx / device / other")
    category.add_argument("--points", metavar="分", help="每个金额单位的积分")
    category.add_argument("--per", metavar="元", help="金额单位（元），例如 15")
