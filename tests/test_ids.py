"""Typed ids: services say which kind of id they take; at run time an id is still an int."""

import typing

import pytest

from pharmacy_desk.core import call_lists, coupons, history, ledger, members, redemption, returns, sales
from pharmacy_desk.core.ids import CatalogItemId, CouponId, MemberId, SaleId, SaleLineId, StaffId


def test_an_id_is_a_plain_int_at_run_time():
    assert MemberId(5) == 5 and type(MemberId(5)) is int


@pytest.mark.parametrize(("function", "parameter", "expected"), [
    (ledger.balance, "member_id", MemberId),
    (ledger.adjust, "member_id", MemberId),
    (members.get, "member_id", MemberId),
    (coupons.usable_for, "member_id", MemberId),
    (history.sales, "member_id", MemberId),
    (history.sale_lines, "sale_id", SaleId),
    (redemption.redeem, "item_id", CatalogItemId),
    (returns.return_sale, "sale_id", SaleId),
    (returns.return_sale, "amounts", dict[SaleLineId, int] | None),
    (call_lists.dormant, "owner_staff_id", StaffId | None),
])
def test_services_name_the_kind_of_id_they_take(function, parameter, expected):
    assert typing.get_type_hints(function)[parameter] == expected


def test_a_sale_names_its_member_and_coupon_ids():
    hints = typing.get_type_hints(sales.SaleInput)
    assert (hints["member_id"], hints["coupon_id"]) == (MemberId | None, CouponId | None)
