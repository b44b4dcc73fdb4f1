"""The keyed-operation step every keyed service starts with: replay or start."""

import datetime as dt
import threading

import pytest

from pharmacy_desk.core import ledger, operations, redemption, sales
from pharmacy_desk.core.db import database, write_transaction
from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.models import LedgerEntry, Operation, Redemption, Sale, Staff

AT = dt.datetime(2026, 6, 10, 10, 0)


def test_a_new_key_starts_once_and_is_then_replayed(db, clerk):
    with write_transaction():
        step = operations.keyed("k1", "adjust", clerk, AT)
        assert step.done is None
        op = step.start(subject="member:1")
    with write_transaction():
        again = operations.keyed("k1", "adjust", clerk, AT)
    assert again.done is not None and again.done.id == op.id
    assert (again.done.kind, again.done.subject, again.done.staff_id) == ("adjust", "member:1", clerk.id)
    assert Operation.select().where(Operation.key == "k1").count() == 1


def test_a_replayed_service_returns_the_recorded_result_and_changes_nothing(db, make_member, clerk, owner):
    member = make_member()
    first = ledger.adjust(member.id, 30, "补录纸质积分", owner, "adj-1", at=AT)
    again = ledger.adjust(member.id, 999, "另一个原因", owner, "adj-1", at=AT)
    assert again.id == first.id and again.points == 30
    assert ledger.balance(member.id) == 30 and LedgerEntry.select().count() == 1


def test_start_refuses_an_empty_key_or_a_missing_operator(db, clerk):
    with write_transaction():
        with pytest.raises(InvalidInput, match="缺少唯一编号"):
            operations.keyed("", "adjust", clerk, AT).start()
        with pytest.raises(InvalidInput, match="必须指明操作员"):
            operations.keyed("k2", "adjust", None, AT).start()
        with pytest.raises(InvalidInput, match="必须指明操作员"):
            operations.keyed("k3", "adjust", Staff(name="未保存", role="cashier"), AT).start()
    assert Operation.select().count() == 0


def test_a_key_used_by_another_kind_of_operation_is_refused(db, make_member, owner, clerk):
    member = make_member()
    ledger.adjust(member.id, 5000, "开户", owner, "till-7", at=AT)
    cup = redemption.add_catalog_item(name="保温杯", points_price=800, stock=2, operator=owner)
    ops_before = Operation.select().count()
    with pytest.raises(InvalidInput, match="已被另一项操作使用"):
        redemption.redeem(member_id=member.id, item_id=cup.id, operator=clerk, key="till-7", at=AT)
    assert Redemption.select().count() == 0 and ledger.balance(member.id) == 5000
    assert Operation.select().count() == ops_before


def test_the_step_is_taken_inside_the_write_transaction(db, clerk):
    with pytest.raises(RuntimeError, match="write transaction"):
        operations.keyed("k4", "adjust", clerk, AT)


def test_resume_continues_the_recorded_operation_or_starts_it(db, clerk):
    with write_transaction():
        first = operations.keyed("expiry:2026-06-10:all", "expire", clerk, AT).resume()
    with write_transaction():
        again = operations.keyed("expiry:2026-06-10:all", "expire", clerk, AT).resume()
    assert again.id == first.id and Operation.select().count() == 1


def test_a_refused_sale_leaves_no_operation(db, make_member, sell):
    member = make_member()
    before = Operation.select().count()
    with pytest.raises(InvalidInput, match="不符"):
        sell(member, {"household": 10000}, payments={"cash": 9000}, uid="till-1-0009")
    assert Operation.select().count() == before and Sale.select().count() == 0


def test_a_sale_submitted_twice_at_once_is_recorded_once(db, make_member, clerk):
    member = make_member()
    order = sales.SaleInput(lines=[sales.LineInput("household", 10000)], payments={"cash": 10000},
                            member_id=member.id)
    both_ready = threading.Barrier(2)
    results, errors = [], []

    def submit():
        try:
            both_ready.wait()
            results.append(sales.record_sale(order, operator=clerk, uid="till-1-0042", at=AT))
        except Exception as exc:  # reported by the assertion below
            errors.append(exc)
        finally:
            database.close()

    tills = [threading.Thread(target=submit) for _ in range(2)]
    for till in tills:
        till.start()
    for till in tills:
        till.join()
    assert errors == []
    assert sorted(r.replayed for r in results) == [False, True]
    assert results[0].sale.id == results[1].sale.id
    assert Sale.select().count() == 1 and ledger.balance(member.id) == 5


@pytest.mark.parametrize("uid", ["", "   "])
def test_a_sale_or_return_without_its_own_id_is_refused_not_replayed(db, make_member, clerk, uid):
    # Without an id of its own, a second sale would share the first's key and replay it:
    # the customer's sale would silently not be recorded.
    member = make_member()
    order = sales.SaleInput(lines=[sales.LineInput("household", 10000)], payments={"cash": 10000},
                            member_id=member.id)
    with pytest.raises(InvalidInput, match="唯一编号"):
        sales.record_sale(order, operator=clerk, uid=uid, at=AT)
    with pytest.raises(InvalidInput, match="唯一编号"):
        with write_transaction():
            operations.keyed(f"return:{uid}", "return", clerk, AT)
    assert Sale.select().count() == 0 and Operation.select().where(Operation.kind == "sale").count() == 0
