"""券核销: coupons issued against coupons used, per template and campaign.

One row per template and whom it was issued to (a call list, a campaign, single members),
and one per kind of coupon the program issues by itself (新会员券, A/B voucher, birthday,
thank-you): how many were issued, how many are used (a sale's use that no return gave
back, or a 体验券's service given), the usage rate and the money the used ones took off
sales. The seed pharmacy measured its A/B vouchers at 95%: this is where the owner sees
their own figure. One aggregate query; the rows are few, however many coupons there are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import cast

from pharmacy_desk.core import audit
from pharmacy_desk.core.db import database
from pharmacy_desk.core.models import CouponTemplate
from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core.vocabulary import CouponKind
from pharmacy_desk.core.sentences import Sentence
from pharmacy_desk.core.operator import Operator

# The coupons the program issues by itself, by their ``reason`` (members.register, core/campaigns.py).
PROGRAM_REASONS = {
    "new_member": "新会员券",
    "ab_voucher": "A/B类会员代金券",
    "birthday": "生日券",
    "thanks": "新会员感谢券",
}
MEMBER_TARGET = "单独发给会员"
Progress = Callable[[int, int, Sentence | str], None]  # the text: a sentence the windows translate

USAGE_SQL = """
SELECT c.template_id, c.reason, MIN(c.kind), MIN(c.title), COUNT(*), COUNT(u.coupon_id),
       COALESCE(SUM(s.coupon_discount_fen), 0)
FROM coupon c
LEFT JOIN coupon_in_use u ON u.coupon_id = c.id
LEFT JOIN sale s ON s.id = u.sale_id
GROUP BY c.template_id, c.reason
ORDER BY c.template_id IS NULL, c.template_id, c.reason"""


@dataclass(frozen=True)
class UsageRow:
    coupon: str  # the template's title, or the program coupon's name
    target: str  # whom it was issued to, in words
    kind: str  # CouponKind code
    issued: int
    used: int
    discount_fen: int  # what the used coupons took off sales (0 for a 体验券)
    template_id: int | None = None

    @property
    def usage(self) -> Fraction:
        return Fraction(self.used, self.issued) if self.issued else Fraction(0)


def target_label(reason: str) -> str:
    """Whom a template's coupon went to: "回访名单：沉睡会员", "营销活动：生日礼遇", "单独发给会员"."""
    from pharmacy_desk.core import call_lists, campaigns

    kind, _, key = reason.partition(":")
    if kind == "list" and key in call_lists.LIST_BY_KEY:
        return f"回访名单：{call_lists.LIST_BY_KEY[key].title}"
    if kind == "campaign" and key in campaigns.CAMPAIGN_BY_KEY:
        return f"营销活动：{campaigns.CAMPAIGN_BY_KEY[key].title}"
    if reason == "member":
        return MEMBER_TARGET
    return reason


def usage_rows(operator: Operator) -> list[UsageRow]:
    """The report, for those who see the business figures."""
    require(operator, Permission.VIEW_REPORTS)
    titles = {t.id: t.title for t in CouponTemplate.select(CouponTemplate.id, CouponTemplate.title)}
    rows = cast("Iterable[tuple[int | None, str, str, str, int, int, int]]",
                database.execute_sql(USAGE_SQL).fetchall())
    result = []
    for template_id, reason, kind, title, issued, used, discount in rows:
        if template_id is not None:
            coupon, target = titles.get(template_id, title), target_label(reason)
        else:
            coupon, target = PROGRAM_REASONS.get(reason, title), "系统自动发放"
        result.append(UsageRow(coupon, target, kind, issued, used, discount, template_id))
    return result


USAGE_HEADERS = ("券", "发放对象", "类型", "发放张数", "已使用", "使用率", "优惠金额（元）")


def export_usage(path: str | Path, operator: Operator, progress: Progress | None = None) -> int:
    """The report to Excel through the one writer; recorded like every export."""
    from pharmacy_desk.core.spreadsheet.export import ExportColumn, export_table

    rows = usage_rows(operator)
    kinds = ("text", "text", "text", "int", "int", "percent", "money")
    columns = [ExportColumn(title, kind) for title, kind in zip(USAGE_HEADERS, kinds)]
    count = export_table(((r.coupon, r.target, CouponKind.label_of(r.kind), r.issued, r.used, float(r.usage),
                           r.discount_fen) for r in rows), columns, path, sheet_title="券核销", total=len(rows),
                         progress=progress)
    audit.record_export("券核销", count, path, operator)
    return count
