"""Money and audit rows are never changed: UPDATE, DELETE and INSERT OR REPLACE are refused."""

import datetime as dt
import sqlite3

import peewee
import pytest

from pharmacy_desk.core import check, coupon_issue, coupon_templates, coupons, dialect_catalog, ledger, redemption, returns, schema
from pharmacy_desk.core.db import close_database, database, open_database
from pharmacy_desk.core.models import Coupon, CouponUse, Operation, SaleReturn
from pharmacy_desk.core.reports import closing
from pharmacy_desk.core.vocabulary import OperationKind

AT = dt.datetime(2026, 6, 10, 10, 0)


@pytest.fixture
def shop(db, make_member, sell, clerk, owner):
    """One row in every append-only table: a sale with a coupon and points, a return, a gift, a tier change,
    a 体验券 redeemed for its service, a closed month."""
    member = make_member()
    ledger.adjust(member.id, 2000, "开户", owner, "seed", at=AT - dt.timedelta(days=1))
    welcome = Coupon.get(Coupon.member == member)
    sold = sell(member, {"household": 10000}, coupon_id=welcome.id, points_used=500, at=AT)
    sell(member, {"rx": 900000}, at=AT + dt.timedelta(minutes=5))  # crosses every tier threshold
    returns.return_sale(sale_id=sold.sale.id, operator=clerk, uid="r1", at=AT + dt.timedelta(hours=1))
    item = redemption.add_catalog_item(name="保温杯", points_price=100, value_fen=1000, operator=owner)
    redemption.redeem(member_id=member.id, item_id=item.id, operator=clerk, key="gift1",
                      at=AT + dt.timedelta(hours=2))
    checkup = coupon_templates.create_template(coupon_templates.Terms(
        kind="service", title="免费测血压", valid_days=30, service="免费测血压"), owner, at=AT).template
    coupon_issue.issue_to_member(checkup.id, member.id, owner, batch="b", at=AT)
    service = Coupon.get(Coupon.template_id == checkup.id)
    coupons.redeem_service(service.id, member.id, clerk, uid="s1", at=AT + dt.timedelta(hours=3))
    closing.close_due_months(dt.date(2026, 7, 1), owner)  # June's figures stored
    return member


def test_the_shop_fixture_fills_every_append_only_table(shop):
    for table in schema.APPEND_ONLY:
        assert database.execute_sql(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0] > 0, table
    assert check.run_checks() == []


@pytest.mark.parametrize("table", schema.APPEND_ONLY)
def test_each_append_only_table_refuses_update_delete_and_replace(shop, table):
    first_id = database.execute_sql(f'SELECT MIN(id) FROM "{table}"').fetchone()[0]
    message = schema.APPEND_ONLY[table]
    with pytest.raises(peewee.IntegrityError, match=message):
        database.execute_sql(f'UPDATE "{table}" SET id = id WHERE id = ?', (first_id,))
    with pytest.raises(peewee.IntegrityError, match=message):
        database.execute_sql(f'DELETE FROM "{table}" WHERE id = ?', (first_id,))
    # REPLACE deletes the row it replaces: with recursive triggers on, the guard sees that delete.
    columns = [row[1] for row in database.execute_sql(f'PRAGMA table_info("{table}")').fetchall()]
    names = ", ".join(f'"{c}"' for c in columns)
    with pytest.raises(peewee.IntegrityError, match=message):
        database.execute_sql(f'INSERT OR REPLACE INTO "{table}" ({names}) SELECT {names} FROM "{table}" WHERE id = ?',
                             (first_id,))
    assert check.run_checks() == []


def test_every_connection_turns_recursive_triggers_on(db):
    assert database.execute_sql("PRAGMA recursive_triggers").fetchone()[0] == 1


def test_a_chained_row_loaded_from_the_database_cannot_be_saved_again(shop):
    op = Operation.get(Operation.kind == "sale")
    op.subject = "sale:999"
    with pytest.raises(TypeError, match="never updated"):
        op.save()


def test_a_coupon_use_is_its_own_row_and_a_return_gives_it_back_without_changing_it(shop, sell):
    welcome = Coupon.get(Coupon.member == shop)
    use = CouponUse.get(CouponUse.coupon == welcome)
    assert SaleReturn.get(SaleReturn.sale == use.sale_id).coupon_restored
    assert coupons.in_use(welcome.id) is None
    again = sell(shop, {"household": 5000}, coupon_id=welcome.id, uid="again", at=AT + dt.timedelta(hours=3))
    assert coupons.in_use(welcome.id).sale_id == again.sale.id
    assert [u.sale_id for u in CouponUse.select().where(CouponUse.coupon == welcome).order_by(CouponUse.id)] == [
        use.sale_id, again.sale.id]


def _drop_guard(path, name):
    con = sqlite3.connect(path)
    con.execute(f"DROP TRIGGER {name}")
    con.commit()
    con.close()


@pytest.mark.parametrize("guard", ["ledger_entry_no_update", "operation_no_delete", "sale_no_update"])
def test_opening_the_database_puts_a_dropped_guard_back_and_says_so(tmp_path, guard):
    path = tmp_path / "shop.sqlite3"
    open_database(path, create=True)
    close_database()
    _drop_guard(path, guard)
    open_database(path)
    try:
        assert guard in dialect_catalog.trigger_names(database)
        restored = Operation.get(Operation.kind == OperationKind.GUARDS_RESTORED)
        assert restored.detail == guard
        assert [p.check for p in check.trigger_problems()] == ["缺少只追加保护"]
        assert check.chain_problems() == []
    finally:
        close_database()
    open_database(path)  # nothing missing any more: nothing restored, nothing reported
    try:
        assert check.trigger_problems() == []
    finally:
        close_database()


def test_a_guard_rewritten_to_do_nothing_is_replaced(tmp_path):
    path = tmp_path / "shop.sqlite3"
    open_database(path, create=True)
    close_database()
    con = sqlite3.connect(path)
    con.executescript("""DROP TRIGGER ledger_entry_no_delete;
        CREATE TRIGGER ledger_entry_no_delete BEFORE DELETE ON ledger_entry BEGIN SELECT 1; END;""")
    con.close()
    open_database(path)
    try:
        assert schema.missing_guards() == [] and schema.restored_at_open == ["ledger_entry_no_delete"]
    finally:
        close_database()
