"""One contact row: a call list and the A/B ranking show the same member the same way."""

import datetime as dt

from pharmacy_desk.core import call_lists
from pharmacy_desk.core.contact_row import ContactRow
from pharmacy_desk.core.models import Member, Staff
from pharmacy_desk.core.reports.classes import ab_classes

JOINED = dt.datetime(2025, 1, 5, 9, 0)
AS_OF = dt.date(2026, 6, 30)


def test_a_call_list_and_the_ranking_build_the_same_contact(db, make_member, sell):
    owner = Staff.create(name="周敏", role="cashier")
    member = make_member(phone="13900000001", name="赵六", at=JOINED, owner_staff=owner.id)
    Member.update(marketing_opt_out=True).where(Member.id == member.id).execute()
    sell(member, {"household": 20000}, at=dt.datetime(2026, 3, 1, 10, 0))
    [ranked] = ab_classes(AS_OF)
    [to_confirm] = call_lists.profiles_to_confirm(AS_OF)
    expected = ContactRow(member.id, "赵六", "13900000001", owner.id, "周敏", True)
    assert ContactRow.from_contact(ranked) == ContactRow.from_contact(to_confirm) == expected
    assert ranked.opt_out is True and to_confirm.opt_out is True  # a flag, not SQLite's 1


def test_from_columns_reads_the_contact_columns_then_the_lists_own():
    row = call_lists.CallRow.from_columns((7, "钱七", "13900000002", None, "", 0, "extra"), "profile", "资料从未确认")
    assert row == call_lists.CallRow(7, "钱七", "13900000002", None, "", False, "profile", "资料从未确认", None)
    assert isinstance(row, ContactRow)
