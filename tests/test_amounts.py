"""Amounts as typed at the till, and the guard on a sale's size."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pharmacy_desk.core import sales, settings
from pharmacy_desk.core.amounts import parse_amount
from pharmacy_desk.core.errors import InvalidInput, NeedsConfirmation
from pharmacy_desk.core.models import Sale
from pharmacy_desk.core.normalize import yuan

FULLWIDTH = str.maketrans("0123456789.", "０１２３４５６７８９。")


@pytest.mark.parametrize("typed, fen", [
    ("12.5", 1250), ("１２", 1200), ("0.07", 7), ("１２。０５", 1205), ("12。5", 1250), (" 35 ", 3500),
    ("007", 700), ("120.00", 12000),
])
def test_ascii_and_full_width_digits_with_either_point(typed, fen):
    assert parse_amount(typed) == fen


@pytest.mark.parametrize("typed", [
    "12,5", "1,234", "١٢", "۱۲", "12a", "abc", "-5", "+5", "¥12", "12元", "1.234", ".5", "5.", "", "1e3",
    "1 2", "12\u200b", "1234567890123456789",
])
def test_anything_else_is_refused_quoting_what_was_typed(typed):
    with pytest.raises(InvalidInput) as refused:
        parse_amount(typed)
    assert f"“{typed.strip()}”" in str(refused.value)


@given(st.integers(min_value=0, max_value=10**11 - 1), st.booleans())
def test_every_amount_shown_reads_back_as_the_same_fen(fen, fullwidth):
    shown = yuan(fen)
    assert parse_amount(shown.translate(FULLWIDTH) if fullwidth else shown) == fen


def _order(member, fen, **fields):
    return sales.SaleInput(lines=[sales.LineInput("household", fen)], member_id=member.id if member else None,
                           **fields)


def test_a_sale_above_the_ceiling_is_refused(db, owner, make_member):
    member = make_member()
    with pytest.raises(InvalidInput, match="超过单笔上限 50000.00 元"):
        sales.preview(_order(member, 5_000_001))
    sales.preview(_order(member, 5_000_000, amount_confirmed=True))  # the ceiling itself is allowed
    settings.change("sale_ceiling_fen", 1_000_000, owner)
    settings.change("sale_confirm_fen", 100_000, owner)
    with pytest.raises(InvalidInput, match="超过单笔上限 10000.00 元"):
        sales.preview(_order(None, 1_000_001))


def test_a_sale_above_the_confirm_threshold_is_recorded_only_once_confirmed(db, clerk, make_member):
    member = make_member()
    order = _order(member, 500_001, payments={"cash": 500_001})
    assert "超过 5000.00 元" in str(sales.preview(order).confirm_reason)
    with pytest.raises(NeedsConfirmation):
        sales.record_sale(order, operator=clerk, uid="big")
    assert Sale.select().count() == 0
    assert sales.preview(_order(member, 500_000)).confirm_reason is None
    order.amount_confirmed = True
    assert sales.record_sale(order, operator=clerk, uid="big").sale.total_fen == 500_001


def test_far_above_the_members_usual_asks(db, make_member, sell):
    regular = make_member()
    day = dt.datetime(2026, 3, 1, 10)
    for n in range(3):
        sell(regular, {"household": 4_000}, at=day + dt.timedelta(days=n))  # 40 元 each time
    # 4000 typed for 40.00: a hundred times the usual, though below the 5000 元 threshold
    assert "平时每单（约 40.00 元）的 100 倍" in str(sales.preview(_order(regular, 400_000)).confirm_reason)
    assert sales.preview(_order(regular, 40_000)).confirm_reason is None  # 10 times: allowed
    newcomer = make_member(phone="13900000001")
    assert sales.preview(_order(newcomer, 400_000)).confirm_reason is None  # no usual yet
    assert sales.preview(_order(None, 400_000)).confirm_reason is None


def test_the_confirm_threshold_cannot_pass_the_ceiling(db, owner):
    with pytest.raises(InvalidInput, match="不能高于单笔消费上限"):
        settings.change("sale_confirm_fen", 6_000_000, owner)
