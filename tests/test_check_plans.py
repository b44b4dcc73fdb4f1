"""Every invariant of ``check`` reads its tables in their stored order or from covering indexes, and still
finds what it is there to find."""

import datetime as dt

import pytest

from pharmacy_desk.core import check, dialect
from pharmacy_desk.core.db import close_database, database, open_database
from tests.tamper_helpers import edit_outside, no_update_guards

AT = dt.datetime(2026, 6, 10, 10, 0)

# Indexes an invariant may look rows up through although they do not cover the query: the
# rows one key finds were written together, in the table's own order, so the look-ups walk
# the table forwards instead of jumping about it.
FORWARD_INDEXES = {
    "ledger_entry_sale_id": "a sale's ledger entries are written with the sale",
    "payment_sale_id": "a sale's payments are written with the sale",
    "sale_line_sale_id": "a sale's lines are written with the sale",
    "ledger_allocation_debit_id": "a debit's allocations are written with the debit",
    "ledger_entry_expires_on": "one key (NULL): its rows come in rowid order",
}
# The coupon check looks up the returns of the sales that used a coupon, one each.
COUPON_RETURNS = {"优惠券被重复使用": {"sale_return_sale_id"}}


def _bad_steps(name, plan):
    allowed = set(FORWARD_INDEXES) | COUPON_RETURNS.get(name, set())
    bad = []
    for step in plan:
        if "USING INDEX" in step and "COVERING INDEX" not in step:
            index = step.split("USING INDEX ")[1].split()[0]
            if step.startswith("SCAN") or index not in allowed:
                bad.append(step)
    return bad


@pytest.mark.parametrize("name, sql", [(name, sql) for name, sql, _fmt in check.LEDGER_CHECKS])
def test_every_invariant_reads_in_table_order_or_from_a_covering_index(db, name, sql):
    plan = dialect.query_plan(database, sql)
    assert plan and _bad_steps(name, plan) == [], plan


def test_balances_are_summed_in_member_order_from_the_index_alone(db):
    """Read straight through, the ledger had to be sorted by member before it could be summed."""
    name, sql, _fmt = check.LEDGER_CHECKS[0]
    assert name == "会员积分余额为负"
    assert dialect.query_plan(database, sql) == [
        "SCAN ledger_entry USING COVERING INDEX ledger_entry_member_id_points"]


def test_the_rule_refuses_a_read_through_an_index_in_another_order(db):
    """The negative balance once summed the ledger through the member index: a page fetch a row."""
    plan = dialect.query_plan(database, "SELECT member_id, SUM(points), MAX(created_at) FROM ledger_entry "
                                        "INDEXED BY ledger_entry_member_id_points GROUP BY member_id")
    assert _bad_steps("会员积分余额为负", plan) != []


@pytest.fixture
def shop(tmp_path, make_member, sell, clerk):
    """Sales with points earned and used, part of a line returned; then the file is closed for editing."""
    from pharmacy_desk.core import ledger, returns
    from pharmacy_desk.core.models import SaleLine, Staff

    member = make_member()
    ledger.adjust(member.id, 800, "补录", Staff.create(name="王芳", role="owner"), "seed", at=AT)
    used = sell(member, {"household": 20000}, at=AT + dt.timedelta(minutes=5), points_used=500)
    line = SaleLine.get(SaleLine.sale == used.sale.id)
    returns.return_sale(sale_id=used.sale.id, operator=clerk, uid="r1", amounts={line.id: 5000},
                        at=AT + dt.timedelta(hours=1))
    assert check.run_checks() == []
    close_database()
    return tmp_path / "test.sqlite3"


def _tamper(path, statement):
    guarded = ("ledger_entry", "sale_return", "sale_return_line", "ledger_allocation")
    edit_outside(path, [statement], unguarded=no_update_guards(guarded))
    open_database(path)
    return {problem.check for problem in check.run_checks()}


@pytest.mark.parametrize("statement, problem", [
    pytest.param("UPDATE ledger_entry SET points = points - 100 WHERE kind = 'redeem'", "消费记录的积分与流水不符",
                 id="points used against the ledger"),
    pytest.param("UPDATE ledger_allocation SET points = points + 100000 WHERE id = 1", "积分批次被超额使用",
                 id="a lot spent beyond its points"),
    pytest.param("UPDATE sale_return_line SET amount_fen = amount_fen + 100000", "退货超过原消费",
                 id="a line returned beyond its amount"),
    pytest.param("UPDATE sale_return SET points_refunded = points_refunded + 100000", "退货扣回或退回的积分超过原消费",
                 id="points refunded beyond what the sale used"),
])
def test_each_invariant_still_finds_what_it_is_there_to_find(shop, statement, problem):
    assert problem in _tamper(shop, statement)
