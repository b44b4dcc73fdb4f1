"""词汇表: every stored code of the desk with the one Chinese label staff see for it.

A code is what the database keeps (``earn``, ``M``, ``owner``); its label is what a
window, a receipt, a report or an exported sheet shows. Each kind is a ``StrEnum``
declared once here, so a label cannot drift between history and the exports, and the
tables' CHECK constraints are generated from the same members.

Tier codes are not here: tiers are rows the owner renames, so their labels are
``Tier.name``.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Self


class Vocabulary(StrEnum):
    """A stored code that compares and formats as its plain text, with its Chinese ``label``."""

    label: str

    def __new__(cls, value: str, label: str) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def of(cls, code: str) -> Self:
        """The member stored as ``code``; an unknown code raises ``ValueError``."""
        return cls(code)  # type: ignore[call-arg]  # a lookup by value, not a new member

    @classmethod
    def label_of(cls, code: str) -> str:
        """The label of a stored code; an unknown code raises ``ValueError`` (the CHECK forbids it)."""
        return cls.of(code).label

    @classmethod
    def has(cls, code: object) -> bool:
        """Whether ``code`` is one of this kind's stored codes."""
        return isinstance(code, str) and code in cls._value2member_map_

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        """``(label, code)`` in declaration order, for a combo box."""
        return [(member.label, member.value) for member in cls]


class LedgerKind(Vocabulary):
    """积分流水类型: why a ledger entry added or took points."""

    EARN = "earn", "消费积分"
    IMPORT = "import", "期初导入"
    ADJUST = "adjust", "手工调整"
    REFUND = "refund", "退货退回"
    REDEEM = "redeem", "积分抵现"
    GIFT = "gift", "兑换礼品"
    EXPIRE = "expire", "积分过期"
    CLAWBACK = "clawback", "退货扣回"


# An adjustment goes either way; every other kind has one direction.
CREDIT_KINDS = frozenset({LedgerKind.EARN, LedgerKind.IMPORT, LedgerKind.ADJUST, LedgerKind.REFUND})
DEBIT_KINDS = frozenset({LedgerKind.REDEEM, LedgerKind.GIFT, LedgerKind.EXPIRE, LedgerKind.CLAWBACK,
                         LedgerKind.ADJUST})


class PaymentMethod(Vocabulary):
    """支付方式. 医保 is medical-insurance money, which earns no points by default."""

    CASH = "cash", "现金"
    WECHAT = "wechat", "微信"
    ALIPAY = "alipay", "支付宝"
    CARD = "card", "银行卡"
    INSURANCE = "insurance", "医保"


class ReturnReason(Vocabulary):
    """退货原因, chosen at the till for every return."""

    NOT_NEEDED = "not_needed", "顾客不需要了"
    WRONG_ITEM = "wrong_item", "买错或拿错"
    QUALITY = "quality", "质量问题"
    ADVERSE = "adverse", "用药不良反应"
    ENTRY_ERROR = "entry_error", "收银录入错误"
    OTHER = "other", "其他"


class Gender(Vocabulary):
    """性别 as stored on a member; the empty code is a gender nobody wrote down."""

    UNKNOWN = "", "未填"
    MALE = "M", "男"
    FEMALE = "F", "女"


class Role(Vocabulary):
    """店员角色. ``system`` is the account scheduled jobs and the command line act as."""

    CASHIER = "cashier", "收银员"
    PHARMACIST = "pharmacist", "药师"
    OWNER = "owner", "店长"
    SYSTEM = "system", "系统"



class OperationKind(Vocabulary):
    """操作类型: what an audited operation did, as the audit log names it."""

    SALE = "sale", "销售"
    RETURN = "return", "退货"
    REDEEM_GIFT = "redeem_gift", "积分兑换"
    REGISTER = "register", "会员登记"
    UPDATE_PROFILE = "update_profile", "修改会员资料"
    CONFIRM_PROFILE = "confirm_profile", "确认会员资料"
    HEALTH_CONSENT = "health_consent", "健康档案授权"
    UPDATE_HEALTH = "update_health", "修改健康档案"
    VIEW_HEALTH = "view_health", "查看健康档案"
    CONFIRM_HEALTH = "confirm_health", "确认导入的病史"
    MEASUREMENT = "measurement", "记录测量"
    ERASE_MEMBER = "erase_member", "删除会员"
    ADJUST = "adjust", "积分调整"
    EXPIRE = "expire", "积分过期"
    TIER_REVIEW = "tier_review", "等级评定"
    IMPORT = "import", "导入会员"
    EXPORT = "export", "导出数据"
    CAMPAIGN = "campaign", "营销活动"
    CONTACT = "contact", "回访记录"
    CATALOG_ADD = "catalog_add", "新增兑换品"
    CATALOG_CHANGE = "catalog_change", "修改兑换品"
    REVERSE_REDEMPTION = "reverse_redemption", "撤销兑换"
    SETTING_CHANGE = "setting_change", "修改设置"
    RULE_CHANGE = "rule_change", "修改规则"
    STAFF_CHANGE = "staff_change", "店员变更"
    SETUP = "setup", "开店设置"
    SIGN_IN = "sign_in", "登录"
    SIGN_IN_FAILED = "sign_in_failed", "登录失败"
    LOCK = "lock", "锁屏"
    ACCOUNT_LOCK = "account_lock", "账户锁定"
    SIGN_OUT = "sign_out", "退出登录"
    PRINT_CARDS = "print_cards", "打印会员卡"
    BACKUP = "backup", "备份"
    RESTORE = "restore", "恢复备份"
    GUARDS_RESTORED = "guards_restored", "恢复只追加保护"
    FIGURES_REBUILT = "figures_rebuilt", "恢复统计触发器并重算"
    SCHEMA_OBJECT_RESTORED = "schema_object_restored", "恢复索引或视图"
    SHIFT_CLOSE = "shift_close", "交班"
    DAY_END = "day_end", "日结"
    CHAIN_VERIFIED = "chain_verified", "哈希链校验"
    MONTH_CLOSE = "month_close", "月度结账"
    REPORT_RECOMPUTE = "report_recompute", "重算月报"
    COUPON_TEMPLATE_ADD = "coupon_template_add", "新增券模板"
    COUPON_TEMPLATE_CHANGE = "coupon_template_change", "修改券模板"
    ISSUE_COUPONS = "issue_coupons", "发放优惠券"
    REDEEM_SERVICE = "redeem_service", "兑换体验券"


class Permission(Vocabulary):
    """权限: one thing an operator may be allowed to do (who holds which: ``core/permissions.py``)."""

    SELL = "sell", "收银"
    RETURN = "return", "退货"
    APPROVE_RETURN = "approve_return", "批准大额或过期退货"
    REDEEM = "redeem", "积分兑换"
    SIGN_UP = "sign_up", "登记会员"
    EDIT_MEMBER = "edit_member", "修改会员资料"
    CONTACT_MEMBERS = "contact_members", "会员回访"
    VIEW_HEALTH = "view_health", "查看健康档案"
    EDIT_HEALTH = "edit_health", "修改健康档案"
    EXPORT_PERSONAL = "export_personal", "导出个人信息"
    RUN_CAMPAIGNS = "run_campaigns", "营销活动"
    VIEW_REPORTS = "view_reports", "查看经营报表"
    CHANGE_RULES = "change_rules", "修改规则和设置"
    ADJUST_POINTS = "adjust_points", "调整积分"
    MANAGE_CATALOG = "manage_catalog", "管理兑换目录"
    MANAGE_COUPONS = "manage_coupons", "管理和发放优惠券"
    MANAGE_STAFF = "manage_staff", "管理店员"
    IMPORT = "import", "导入会员"
    RESTORE = "restore", "恢复备份"
    BACKUP = "backup", "备份数据"
    VIEW_AUDIT = "view_audit", "查看操作日志"
    ERASE_MEMBER = "erase_member", "删除会员"
    HOUSEKEEPING = "housekeeping", "定期维护"


class CouponKind(Vocabulary):
    """优惠券类型."""

    FIXED = "fixed", "代金券"
    PERCENT = "percent", "折扣券"
    THRESHOLD = "threshold", "满减券"
    SERVICE = "service", "体验券"


class CatalogKind(Vocabulary):
    """兑换目录的类别: a thing handed over, or a service given."""

    GIFT = "gift", "礼品"
    SERVICE = "service", "服务"


class DrugClass(Vocabulary):
    """药品分类 of a catalog item; ``none`` is not a drug at all."""

    NONE = "none", "非药品"
    OTC_B = "otc_b", "乙类非处方药"
    RX = "rx", "处方药"
    OTC_A = "otc_a", "甲类非处方药"


# 药品流通监督管理办法 第二十条: prescription drugs and 甲类 OTC may not be given away,
# so only the other classes are ever stored.
GIFTABLE_DRUG_CLASSES = (DrugClass.NONE, DrugClass.OTC_B)
FORBIDDEN_DRUG_CLASSES = (DrugClass.RX, DrugClass.OTC_A)


class MeasurementKind(Vocabulary):
    """柜台测量类型."""

    BP = "bp", "血压"
    GLUCOSE = "glucose", "血糖"


class ContactReason(Vocabulary):
    """回访原因 recorded with a call (a call list's reason, not its key)."""

    DORMANT = "dormant", "沉睡唤醒"
    BIRTHDAY = "birthday", "生日关怀"
    REFILL = "refill", "续药提醒"
    POINTS_EXPIRING = "points_expiring", "积分到期提醒"
    COUPONS_EXPIRING = "coupons_expiring", "优惠券到期提醒"
    PROFILE = "profile", "资料确认"
    AB_CLASS = "ab_class", "A/B类会员回访"
    TIER_NOTICE = "tier_notice", "等级调整通知"


class ImportProblemKind(Vocabulary):
    """导入问题类型: a row whose data is wrong, or one that disagrees with a member on file."""

    REJECTED = "rejected", "数据有误"
    CONFLICT = "conflict", "冲突"


class BonusReason(Vocabulary):
    """积分加成原因: why a sale's points were multiplied (kept in ``sale.points_bonuses``)."""

    TIER = "tier", "会员等级"
    BIRTHDAY = "birthday", "生日月"
    PROMOTION = "promotion", "促销活动"


class BackupReason(Vocabulary):
    """备份原因: when a backup was made (kept in the backup's record beside the file)."""

    STARTUP = "startup", "启动时"
    DAILY = "daily", "每日"
    EXIT = "exit", "退出时"
    MANUAL = "manual", "手动"
    BEFORE_RESTORE = "before_restore", "恢复前"


VOCABULARIES: tuple[type[Vocabulary], ...] = (
    LedgerKind, PaymentMethod, Gender, Role, Permission, OperationKind, CouponKind, CatalogKind, DrugClass, MeasurementKind,
    ContactReason, ImportProblemKind, BonusReason, BackupReason,
)


def check_in(column: str, values: Iterable[Vocabulary], separator: str = ",") -> str:
    """The CHECK text allowing exactly ``values`` in ``column``: ``role IN ('cashier','owner')``.

    ``separator`` exists because the frozen v1 schema spells one table's list with spaces;
    the text must stay byte for byte what the migrations created.
    """
    quoted = separator.join("'" + value.value.replace("'", "''") + "'" for value in values)
    return f"{column} IN ({quoted})"
