"""Every statement a sale sends, for each kind of sale, counted at the database seam (``dialect.sent``).

A member's sale is eight statements: BEGIN, one read of what it needs under the lock
(``till_state``), the sale (which numbers its receipt and, by its triggers, moves the
day's receipt counter and the member's running figures), its operation, its lines in one
INSERT, its payments in one INSERT, the points earned, COMMIT. A walk-in earns no points;
a sale that lifts the tier writes the tier change and the member's new tier. A sale paying
with points or with a coupon is also priced before the lock (what it reads there is what it
reads again under it), so a sale refused for them never makes another till wait.
"""

from __future__ import annotations

import datetime as dt
import re

from pharmacy_desk.core import activity, dialect, ledger, sales, till_state
from pharmacy_desk.core.bookkeeping_models import ReceiptCounter
from pharmacy_desk.core.db import database
from pharmacy_desk.core.models import Coupon, Member, Staff

AT = dt.datetime(2026, 6, 10, 10, 0)


def shape(sql: str) -> str:
    """A statement in a few words: ``insert sale``, ``select ledger_entry``, ``read till state``."""
    if sql in (till_state.READ_SQL, till_state.READ_WITH_CAP_SQL):
        return "read till state"
    words = re.match(r'\s*(\w+)(?:.*?\b(?:INTO|FROM|UPDATE)\s+"?(\w+)"?)?', sql, re.S | re.I)
    assert words is not None, sql
    verb, table = words.group(1).lower(), words.group(2)
    if verb == "update":
        table = re.match(r'\s*UPDATE\s+"?(\w+)', sql, re.I).group(1)
    return f"{verb} {table}" if table else sql.strip().lower()


def statements(member, amounts: dict[str, int], uid: str, **fields) -> list[str]:
    order = sales.SaleInput(lines=[sales.LineInput(c, a) for c, a in amounts.items()],
                            member_id=member.id if member else None, amount_confirmed=True, **fields)
    order.payments = {"cash": sales.preview(order, AT).quote.due_fen}
    clerk = Staff.get(Staff.role == "cashier")
    with dialect.sent(database) as seen:
        sales.record_sale(order, operator=clerk, uid=uid, at=AT)
    return [shape(sql) for sql in seen]


WRITES = ["insert sale", "insert operation", "insert sale_line", "insert payment"]


def test_a_members_sale_is_eight_statements(db, make_member, sell):
    member = make_member()
    sell(member, {"household": 1000})
    assert statements(member, {"household": 4000, "otc": 3000}, "plain") == [
        "begin immediate", "read till state", *WRITES, "insert ledger_entry", "commit"]


def test_a_walk_in_sale_is_seven(db, sell):
    sell(None, {"household": 1000})
    assert statements(None, {"household": 4000, "otc": 3000}, "walk") == [
        "begin immediate", "read till state", *WRITES, "commit"]


def test_the_first_sale_of_a_day_and_a_member_is_eight_too(db, make_member):
    member = make_member()
    assert len(statements(member, {"household": 4000}, "first")) == 8
    assert ReceiptCounter.get_by_id("20260610").last_no == 1
    assert activity.figures()[member.id] == ("2026-06-10 10:00:00", 1, 4000)


def test_a_sale_that_lifts_the_tier_adds_the_change_and_the_members_tier(db, make_member, sell):
    member = make_member()
    sell(member, {"household": 1000})
    assert statements(member, {"household": 50000}, "lifts") == [  # 510 元 in the period: 核心会员
        "begin immediate", "read till state", *WRITES, "insert ledger_entry", "insert tier_change",
        "update member", "commit"]
    assert Member.get_by_id(member.id).tier.code == "core"


def test_a_sale_paying_with_points(db, make_member, sell, owner):
    member = make_member()
    ledger.adjust(member.id, 600, "开户积分", owner, "gift", at=AT - dt.timedelta(days=1))
    seen = statements(member, {"household": 4000}, "points", points_used=500)
    locked = seen[seen.index("begin immediate"):]
    assert locked == [  # the read includes the month's redemption cap; the lots are read once
        "begin immediate", "read till state", "select ledger_entry", *WRITES,
        "insert ledger_entry", "insert ledger_allocation", "insert ledger_entry", "commit"]
    # Before the lock, so that a sale refused for its points or the cap makes no other till wait.
    assert seen[:len(seen) - len(locked)] == ["read till state", "select ledger_entry"]


def test_a_sale_with_a_coupon_reads_the_coupon_and_records_its_use(db, make_member, sell):
    member = make_member()
    sell(member, {"household": 1000})
    welcome = Coupon.get(Coupon.member == member)  # from the sign-up
    seen = statements(member, {"household": 5000}, "coupon", coupon_id=welcome.id)
    locked = seen[seen.index("begin immediate"):]
    assert locked == [
        "begin immediate", "read till state", "select coupon", "select coupon_in_use", *WRITES,
        "insert coupon_use", "insert ledger_entry", "commit"]
    assert seen[:len(seen) - len(locked)] == ["read till state", "select coupon", "select coupon_in_use"]


def test_a_sale_inserted_by_another_program_keeps_the_counter_and_the_figures(db, make_member, sell):
    member = make_member()
    sell(member, {"household": 1000})
    database.execute_sql(  # as an older version or a bulk writer would insert it
        "INSERT INTO sale (uid, receipt_no, member_id, staff_id, created_at, total_fen, coupon_discount_fen,"
        " points_used, points_cash_fen, paid_fen, insurance_fen, points_earned)"
        " VALUES ('other', '20260610-0007', ?, 1, '2026-06-10 11:00:00', 2500, 0, 0, 0, 2500, 0, 0)", (member.id,))
    assert ReceiptCounter.get_by_id("20260610").last_no == 7
    assert activity.figures()[member.id] == ("2026-06-10 11:00:00", 2, 3500)
    assert sell(member, {"household": 1000}).sale.receipt_no == "20260610-0008"


def test_points_spent_after_a_lot_lapsed_expire_it_first_and_the_balance_follows(db, make_member, owner):
    member = make_member()
    ledger.adjust(member.id, 300, "旧积分", owner, "old", at=AT - dt.timedelta(days=100))  # lapsed before AT
    ledger.adjust(member.id, 600, "开户积分", owner, "gift", at=AT - dt.timedelta(days=1))
    order = sales.SaleInput(lines=[sales.LineInput("household", 4000)], member_id=member.id, points_used=500,
                            amount_confirmed=True)
    order.payments = {"cash": sales.preview(order, AT).quote.due_fen}
    result = sales.record_sale(order, operator=Staff.get(Staff.role == "cashier"), uid="lapsed", at=AT)
    assert result.balance == ledger.balance(member.id) == 600 - 500 + result.sale.points_earned
    kinds = [kind for (kind,) in database.execute_sql(
        "SELECT kind FROM ledger_entry WHERE member_id = ? ORDER BY id", (member.id,))]
    assert kinds == ["adjust", "adjust", "expire", "redeem", "earn"]


def test_what_is_sent_is_noted_in_every_block_it_is_sent_in(db):
    with dialect.sent(database) as outer:
        database.execute_sql("SELECT 1")
        with dialect.sent(database) as inner:
            database.execute_sql("SELECT 2")
        database.execute_sql("SELECT 3")
    database.execute_sql("SELECT 4")
    assert (outer, inner) == (["SELECT 1", "SELECT 2", "SELECT 3"], ["SELECT 2"])
