"""The tables the back office exports: members, sales, the points ledger, coupons.

Each is one SQL query streamed into ``export.export_table``; the member list leaves
out the health file (sensitive under PIPL; it is exported per member on request).
Every table names members, so writing one needs ``EXPORT_PERSONAL`` and is recorded.
"""

from __future__ import annotations

from pathlib import Path

from pharmacy_desk.core import audit
from pharmacy_desk.core.db import database
from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core.spreadsheet.export import ExportColumn as C, Progress, export_table
from pharmacy_desk.core.vocabulary import CouponKind, Gender, LedgerKind
from pharmacy_desk.core.operator import Operator


MEMBERS_SQL = """
SELECT m.card_no, m.name, m.phone, m.gender, m.birthday, t.name, COALESCE(b.points, 0), m.joined_on,
       m.address, m.notes, m.marketing_opt_out
FROM member m JOIN tier t ON t.id = m.tier_id
LEFT JOIN (SELECT member_id, SUM(points) AS points FROM ledger_entry GROUP BY member_id) b
       ON b.member_id = m.id
ORDER BY m.id"""
MEMBER_COLUMNS = (C("会员卡号"), C("姓名"), C("手机号"), C("性别"), C("生日", "date"), C("等级"),
                  C("积分余额", "int"), C("办卡日期", "date"), C("地址"), C("备注"), C("退订营销"))

SALES_SQL = """
SELECT s.receipt_no, s.created_at, m.card_no, m.name, m.phone, st.name, s.total_fen,
       s.coupon_discount_fen, s.points_cash_fen, s.paid_fen, s.insurance_fen, s.points_earned, s.points_used
FROM sale s JOIN staff st ON st.id = s.staff_id LEFT JOIN member m ON m.id = s.member_id
ORDER BY s.created_at, s.id"""
SALES_COLUMNS = (C("单号"), C("时间", "datetime"), C("会员卡号"), C("会员姓名"), C("手机号"), C("收银员"),
                 C("合计（元）", "money"), C("券抵扣（元）", "money"), C("积分抵现（元）", "money"),
                 C("实收（元）", "money"), C("医保（元）", "money"), C("得积分", "int"), C("用积分", "int"))

LEDGER_SQL = """
SELECT e.created_at, m.card_no, m.name, e.kind, e.points, e.expires_on, e.reason, st.name
FROM ledger_entry e JOIN member m ON m.id = e.member_id JOIN staff st ON st.id = e.staff_id
ORDER BY e.id"""
LEDGER_COLUMNS = (C("时间", "datetime"), C("会员卡号"), C("姓名"), C("类型"), C("积分", "int"),
                  C("到期日", "date"), C("原因"), C("操作员"))

COUPONS_SQL = """
SELECT c.code, c.kind, c.title, m.card_no, m.name, c.value_fen, c.percent_off, c.min_spend_fen,
       c.valid_from, c.valid_until, c.reason, c.issued_at, u.used_at
FROM coupon c LEFT JOIN member m ON m.id = c.member_id LEFT JOIN coupon_in_use u ON u.coupon_id = c.id
ORDER BY c.id"""
COUPON_COLUMNS = (C("券码"), C("类型"), C("名称"), C("会员卡号"), C("姓名"), C("面额（元）", "money"),
                  C("折扣（%）", "int"), C("最低消费（元）", "money"), C("生效日", "date"),
                  C("到期日", "date"), C("发放原因"), C("发放时间", "datetime"), C("使用时间", "datetime"))


def _rows(sql: str, shape=None):
    cursor = database.execute_sql(sql)
    for row in cursor:
        yield shape(row) if shape else row


def _member(row):
    row = list(row)
    row[3] = Gender.label_of(row[3])
    row[10] = "是" if row[10] else ""
    return row


def _entry(row):
    return (*row[:3], LedgerKind.label_of(row[3]), *row[4:])


def _coupon(row):
    return (row[0], CouponKind.label_of(row[1]), *row[2:])


def _count(table: str) -> int:
    return database.execute_sql(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]


def _export(what: str, rows, columns, path: str | Path, operator: Operator, table: str,
            progress: Progress | None) -> int:
    require(operator, Permission.EXPORT_PERSONAL)
    count = export_table(rows, columns, path, sheet_title=what, total=_count(table), progress=progress)
    audit.record_export(what, count, path, operator)
    return count


def export_members(path: str | Path, operator: Operator, progress: Progress | None = None) -> int:
    return _export("会员", _rows(MEMBERS_SQL, _member), MEMBER_COLUMNS, path, operator, "member", progress)


def export_sales(path: str | Path, operator: Operator, progress: Progress | None = None) -> int:
    return _export("消费", _rows(SALES_SQL), SALES_COLUMNS, path, operator, "sale", progress)


def export_ledger(path: str | Path, operator: Operator, progress: Progress | None = None) -> int:
    return _export("积分流水", _rows(LEDGER_SQL, _entry), LEDGER_COLUMNS, path, operator, "ledger_entry", progress)


def export_coupons(path: str | Path, operator: Operator, progress: Progress | None = None) -> int:
    return _export("优惠券", _rows(COUPONS_SQL, _coupon), COUPON_COLUMNS, path, operator, "coupon", progress)


def export_coupon_usage(path: str | Path, operator: Operator, progress: Progress | None = None) -> int:
    """券核销: issued against used per template and campaign (``reports.coupon_usage``)."""
    from pharmacy_desk.core.reports.coupon_usage import export_usage

    return export_usage(path, operator, progress)


EXPORTS = {"members": ("会员", export_members), "sales": ("消费记录", export_sales),
           "ledger": ("积分流水", export_ledger), "coupons": ("优惠券", export_coupons),
           "coupon_usage": ("券核销", export_coupon_usage)}
