"""The history tables of the member detail window: one table model per tab, filled by core.history."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from pharmacy_desk.core import history
from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.pricing import describe_bonuses
from pharmacy_desk.ui.i18n import core, sentence
from pharmacy_desk.ui.inline import date_text, time_text
from pharmacy_desk.ui.table_model import Column, RowsTableModel


def _signed(points: int) -> str:
    return f"+{points}" if points > 0 else str(points)


LEDGER_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "时间"), lambda r: time_text(r.created_at)),
    Column(QT_TRANSLATE_NOOP("Columns", "类型"), lambda r: core(r.kind_name)),
    Column(QT_TRANSLATE_NOOP("Columns", "积分"), lambda r: _signed(r.points), align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "余额"), lambda r: r.balance_after, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "说明"), lambda r: sentence(r.description)),
    Column(QT_TRANSLATE_NOOP("Columns", "到期日"), lambda r: date_text(r.expires_on)),
)
SALES_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "时间"), lambda s: time_text(s.created_at)),
    Column(QT_TRANSLATE_NOOP("Columns", "小票号"), lambda s: s.receipt_no),
    Column(QT_TRANSLATE_NOOP("Columns", "金额"), lambda s: yuan(s.total_fen), align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "实付"), lambda s: yuan(s.paid_fen), align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "得积分"), lambda s: s.points_earned, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "抵现积分"), lambda s: s.points_used or "", align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "已退款"), lambda s: yuan(s.refunded_fen) if s.refunded_fen else "", align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "状态"), lambda s: core(s.return_status)),
    Column(QT_TRANSLATE_NOOP("Columns", "积分加成"), lambda s: describe_bonuses(s.bonuses)),
)
COUPON_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "券"), lambda c: c.title),
    Column(QT_TRANSLATE_NOOP("Columns", "内容"), lambda c: sentence(c.description)),
    Column(QT_TRANSLATE_NOOP("Columns", "有效期"), lambda c: QCoreApplication.translate(
        "MemberDetailDialog", "{start} 至 {end}").format(start=date_text(c.valid_from), end=date_text(c.valid_until))),
    Column(QT_TRANSLATE_NOOP("Columns", "状态"), lambda c: core(c.status)),
    Column(QT_TRANSLATE_NOOP("Columns", "使用"), lambda c: f"{time_text(c.used_at)} {c.used_receipt_no or ''}".strip() if c.used_at else ""),
    Column(QT_TRANSLATE_NOOP("Columns", "券号"), lambda c: c.code),
)
TIER_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "时间"), lambda t: time_text(t.changed_at)),
    Column(QT_TRANSLATE_NOOP("Columns", "原等级"), lambda t: t.from_tier or "—"),
    Column(QT_TRANSLATE_NOOP("Columns", "新等级"), lambda t: t.to_tier),
    Column(QT_TRANSLATE_NOOP("Columns", "原因"), lambda t: t.reason),
    Column(QT_TRANSLATE_NOOP("Columns", "操作员"), lambda t: t.staff),
)
MEASUREMENT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "时间"), lambda m: time_text(m.taken_at)),
    Column(QT_TRANSLATE_NOOP("Columns", "项目"), lambda m: core(m.kind_name)),
    Column(QT_TRANSLATE_NOOP("Columns", "读数"), lambda m: m.reading, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "测量人"), lambda m: m.staff),
    Column(QT_TRANSLATE_NOOP("Columns", "备注"), lambda m: m.notes),
)


def ledger_model(member_id: int, parent=None) -> RowsTableModel:
    return RowsTableModel(LEDGER_COLUMNS, lambda: history.ledger_entries(member_id), parent)


def sales_model(member_id: int, parent=None) -> RowsTableModel:
    return RowsTableModel(SALES_COLUMNS, lambda: history.sales(member_id), parent)


def coupons_model(member_id: int, parent=None) -> RowsTableModel:
    return RowsTableModel(COUPON_COLUMNS, lambda: history.member_coupons(member_id, dt.date.today()), parent)


def tier_changes_model(member_id: int, parent=None) -> RowsTableModel:
    return RowsTableModel(TIER_COLUMNS, lambda: history.tier_changes(member_id), parent)
