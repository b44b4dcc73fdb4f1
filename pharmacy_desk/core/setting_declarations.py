"""Every business-rule setting, declared once: key, type with range and unit, default,
group, Chinese label and help, in the order a settings window lists them.

Ranges are what a pharmacy can sensibly use (DOMAIN.md's defaults sit well inside
them); a value outside would break the till later, at a sale or a sign-up, so it is
refused when it is typed. Rules that join two settings are ``CrossRule``s, checked on
every change against the other settings' current values.

Adding a setting: append one ``Declaration`` to its group below (a type from
``core.setting_types`` with its range and unit, the default in stored form, label and
help), read it with ``settings.get(key)``, and add a ``CrossRule`` if it bounds another
setting. ``pharmacy-desk rules`` lists it at once, and the declaration tests check it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pharmacy_desk.core.setting_types import (
    YUAN, Bool, Choice, Folder, Int, Money, Multiplier, RedeemBlocks, SettingType, Text,
)
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP, Sentence, term

# The tier multipliers in ``core.rules`` are checked by the same type as the birthday multiplier.
MULTIPLIER = Multiplier(Decimal(1), Decimal(10), unit="倍")
# A line the owner has printed on every receipt, as typed (its Chinese punctuation kept).
RECEIPT_LINE = Text(r"[^\x00-\x1f\x7f]{0,40}", "不超过 40 个字的一行文字", unit=None, fold_width=False)


@dataclass(frozen=True)
class Declaration:
    """One setting. ``default`` is in stored form (money in fen), as the ``setting`` table keeps it.

    ``internal`` settings are kept by the program (the demo flag) and cannot be changed by an operator.
    """

    key: str
    type: SettingType
    default: str
    group: str
    label: str
    help: str
    internal: bool = False

    @property
    def unit(self) -> str | None:
        return self.type.unit

    @property
    def default_value(self) -> Any:
        return self.type.load(self.default)

    def describe(self) -> str:
        """The allowed values with their unit: ``1 到 60 个月``."""
        return self.type.describe()

    def parse(self, text: str) -> Any:
        """What a person typed (``6``, ``6 个月``, ``3.50 元``) → the checked value."""
        return self.type.parse(text, self.label)

    def check(self, value: Any) -> Any:
        """A value of the setting's own type (int fen, Decimal, bool …) → the checked value."""
        return self.type.check(value, self.label)

    def format(self, value: Any) -> str:
        """The value for display, with its unit: ``3.00 元``, ``6 个月``, ``70%``."""
        return self.type.format(value)

    def load(self, stored: str) -> Any:
        """Stored text → value, refused like a typed value when it is out of range."""
        try:
            value = self.type.load(stored)
        except (TypeError, ValueError):
            value = stored
        return self.check(value)

    def dump(self, value: Any) -> str:
        return self.type.dump(value)


DECLARATIONS: tuple[Declaration, ...] = (
    # 药店: printed on receipts, member cards and SMS texts; set by the first-run setup.
    Declaration("pharmacy_name", Text(r"[^\x00-\x1f]{0,40}", "不超过 40 个字的店名", unit=None), "", "药店",
                "药店名称", "打印在小票、会员卡和短信内容上。"),
    Declaration("pharmacy_address", Text(r"[^\x00-\x1f]{0,80}", "不超过 80 个字的地址", unit=None), "",
                "药店", "药店地址", "打印在小票和会员卡上，方便会员找到药店。"),
    Declaration("pharmacy_phone", Text(r"[0-9 ()+-]{0,20}", "数字、空格、括号、+ 和 - 组成的电话号码，最多 20 位",
                                       unit=None), "", "药店", "药店电话", "打印在小票、会员卡和短信内容上。"),
    Declaration("receipt_header", RECEIPT_LINE, "", "药店", "小票抬头",
                "印在小票、退货和兑换凭条的店名、地址、电话之下，例如“医保定点零售药店”；留空则不印。"),
    Declaration("receipt_footer", RECEIPT_LINE, "谢谢惠顾，祝您健康！", "药店", "小票结尾",
                "印在小票和兑换凭条的最后一行，例如退换货须知；留空则不印。"),
    # 积分
    Declaration("points_validity_months", Int(1, 60, unit="个月"), "3", "积分", "积分有效期",
                "积分自获得之日起的有效月数；最早获得的积分最先使用。"),
    Declaration("points_expiry_warning_days", Int(1, 180, unit="天"), "30", "积分", "积分到期提醒",
                "积分在这么多天内到期时，收银台和回访名单提醒会员尽快使用。"),
    Declaration("points_pro_rata", Bool(), "0", "积分", "按比例积分",
                "关闭（默认）时按整档积分：“每30元积2分”的类别，45元积2分，29元不积分；打开后按金额比例积分，"
                "45元积3分。只影响今后的消费，已记录的消费和它们的退货仍按当时的算法。"),
    Declaration("insurance_earns_points", Bool(), "0", "积分", "医保支付部分积分",
                "许多省份禁止对医保基金支付部分给予积分；确认当地允许后再打开。"),
    Declaration("birthday_multiplier", MULTIPLIER, "2", "积分", "生日当月积分倍数",
                "会员生日所在月份消费时，积分在等级倍数之外再乘以此倍数；1 表示不加倍。"),
    Declaration("redeem_blocks", RedeemBlocks(max_blocks=10, max_points=100_000, max_fen_per_point=100, unit=None),
                "500=2000,1000=4200", "积分", "积分抵现档位",
                "每档多少积分抵多少元；默认500积分抵20元，1000积分抵42元，大档每积分不低于小档。"),
    # 优惠券
    Declaration("new_member_coupon_fen", Money(0, 10_000), "300", "优惠券", "新会员券金额",
                "入会时赠送、当场可用的代金券；0 表示不送。"),
    Declaration("new_member_coupon_days", Int(1, 365, unit="天"), "30", "优惠券", "新会员券有效期",
                "新会员券和新会员感谢券自发放之日起的有效天数。"),
    Declaration("birthday_coupon_fen", Money(0, 10_000), "300", "优惠券", "生日券金额",
                "生日当月随生日礼品附送的代金券，当月内有效；0 表示只送礼品。"),
    Declaration("thanks_coupon_fen", Money(0, 10_000), "0", "优惠券", "新会员月度感谢券",
                "每月答谢当月新会员时附送的券；0 表示只发感谢短信、到店领礼品。"),
    Declaration("ab_voucher_fen", Money(100, 50_000), "2000", "优惠券", "A/B类会员代金券",
                "每年按消费排名发给A类和B类会员的代金券金额。"),
    Declaration("ab_voucher_days", Int(1, 365, unit="天"), "30", "优惠券", "A/B类代金券有效期",
                "A/B类会员代金券自发放之日起的有效天数。"),
    # 等级
    Declaration("tier_period_months", Int(1, 36, unit="个月"), "12", "等级", "等级计算周期",
                "会员等级按最近这么多个月的消费金额和次数计算。"),
    # 营销
    Declaration("dormant_months", Int(1, 36, unit="个月"), "6", "营销", "沉睡会员判定",
                "这么多个月没有消费的会员算作沉睡会员，进入唤醒名单。"),
    Declaration("a_class_percent", Int(1, 100, unit="%"), "5", "营销", "A类会员比例",
                "按近12个月消费排名，前这么多百分比的会员为A类。"),
    Declaration("b_class_percent", Int(1, 100, unit="%"), "20", "营销", "A+B类会员累计比例",
                "排名在A类之后、累计到这一百分比的会员为B类；不能低于A类会员比例。"),
    Declaration("refill_remind_days", Int(1, 30, unit="天"), "3", "营销", "用药提醒提前天数",
                "慢病用药预计用完前这么多天，提醒会员续药。"),
    # 会员
    Declaration("profile_confirm_months", Int(1, 60, unit="个月"), "12", "会员", "资料确认周期",
                "会员资料超过这么多个月未确认时，收银台提示店员核对。"),
    Declaration("card_prefix", Text(r"2[0-9]", "20 到 29 之间的两位数字", unit=None), "20", "会员",
                "会员卡号前缀", "自动生成的13位卡号（EAN-13）以此开头；20–29为店内自用号段。"),
    # 收银
    Declaration("sale_ceiling_fen", Money(100_00, 10_000_000_00), "5000000", "收银", "单笔消费上限",
                "一笔消费的合计超过这个金额时不予记账：多半是多打了几个零。"),
    Declaration("sale_confirm_fen", Money(10_00, 10_000_000_00), "500000", "收银", "大额消费确认",
                "一笔消费的合计超过这个金额时，记账前请收银员按一次键确认金额无误。"),
    Declaration("usual_basket_multiple", Int(2, 1000, unit="倍"), "10", "收银", "异常金额倍数",
                "会员本单金额超过其近期平均每单的这么多倍时，记账前请收银员确认金额无误。"),
    Declaration("return_approval_fen", Money(0, 10_000_000_00), "50000", "收银", "退货审批金额",
                "一次退款超过这个金额时，需要店长批准。"),
    Declaration("return_approval_days", Int(0, 365, unit="天"), "7", "收银", "退货审批天数",
                "消费超过这么多天后再退货，需要店长批准。"),
    # 店员业绩
    Declaration("owner_credit_percent", Int(0, 100, unit="%"), "70", "店员业绩", "专属店员业绩分成",
                "会员由非专属店员接待时，专属店员得此比例，接待店员得其余。"),
    # 备份
    Declaration("backup_dir", Folder(r"[^\x00-\x1f\x7f]{0,500}", "一个文件夹的路径，留空表示程序数据目录", unit=None), "",
                "备份", "备份文件夹",
                "每天自动备份到这个文件夹（例如U盘）；文件夹不存在或不能写入时，备份保存到程序数据目录并提示。"),
    Declaration("backup_keep_daily", Int(1, 366, unit="份"), "14", "备份", "保留每日备份",
                "保留最近这么多天的备份，每天一份（当天最后一份）。"),
    Declaration("backup_keep_monthly", Int(0, 120, unit="份"), "12", "备份", "保留每月备份",
                "另外保留最近这么多个月的备份，每月一份（当月最后一份）；0 表示不另外保留。"),
    # 系统
    Declaration("idle_lock_minutes", Int(1, 120, unit="分钟"), "5", "系统", "空闲锁屏",
                "收银台这么多分钟无人操作时自动锁屏，需重新输入 PIN 或密码；随时可按 Ctrl+L 锁屏。"),
    Declaration("ui_language", Choice((("zh_CN", "简体中文"), ("en", "English")), unit=None), "zh_CN", "系统",
                "界面语言", "窗口使用的语言；重新打开程序后生效。"),
    Declaration("is_demo", Bool(), "0", "系统", "演示数据库",
                "由生成演示数据的程序标记；演示数据库的窗口标题会注明。", internal=True),
)

DECLARATION_BY_KEY: dict[str, Declaration] = {declaration.key: declaration for declaration in DECLARATIONS}


@dataclass(frozen=True)
class CrossRule:
    """A rule joining several settings: ``problem(values)`` says what is wrong, or None."""

    keys: tuple[str, ...]
    problem: Callable[[dict[str, Any]], Sentence | None]


NOT_ABOVE = QT_TRANSLATE_NOOP("core", "{lower}（{lower_value}）不能高于{upper}（{upper_value}）。")


def _a_within_b(values: dict[str, Any]) -> Sentence | None:
    a, b = DECLARATION_BY_KEY["a_class_percent"], DECLARATION_BY_KEY["b_class_percent"]
    if values[a.key] > values[b.key]:  # percentages read the same in every language
        return Sentence(NOT_ABOVE, lower=term(a.label), lower_value=a.format(values[a.key]),
                        upper=term(b.label), upper_value=b.format(values[b.key]))
    return None


def _confirm_within_ceiling(values: dict[str, Any]) -> Sentence | None:
    from pharmacy_desk.core.normalize import yuan  # not with the declarations: the first window reads them

    confirm, ceiling = DECLARATION_BY_KEY["sale_confirm_fen"], DECLARATION_BY_KEY["sale_ceiling_fen"]
    if values[confirm.key] > values[ceiling.key]:
        return Sentence(NOT_ABOVE, lower=term(confirm.label), lower_value=Sentence(YUAN, amount=yuan(values[confirm.key])),
                        upper=term(ceiling.label), upper_value=Sentence(YUAN, amount=yuan(values[ceiling.key])))
    return None


CROSS_RULES: tuple[CrossRule, ...] = (
    CrossRule(("a_class_percent", "b_class_percent"), _a_within_b),
    CrossRule(("sale_confirm_fen", "sale_ceiling_fen"), _confirm_within_ceiling),
)
