"""A sale reads the rules only when they changed, and numbers its receipt from a per-day counter.

The rules (settings, tiers, categories) are cached by the stamp every change to them bumps
(``core/rule_cache.py``), whichever connection makes it: another till's sale keeps the
caches, another process's change of a rate is used by the very next sale.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import sys

import pytest

from bench import till_harness
from pharmacy_desk.core import chain, check, dialect, operations, prepared, sales, settings
from pharmacy_desk.core.db import close_database, database, open_database, write_transaction
from pharmacy_desk.core.bookkeeping_models import ReceiptCounter
from pharmacy_desk.core.models import Operation, Sale, Staff

AT = dt.datetime(2026, 6, 10, 10, 0)


def statements_of(action) -> list[str]:
    """The statements the program sends while ``action`` runs (``dialect.sent``)."""
    with dialect.sent(database) as seen:
        action()
    return seen


def other_connection(tmp_path) -> sqlite3.Connection:
    return sqlite3.connect(tmp_path / "test.sqlite3", isolation_level=None)


def test_a_rate_changed_by_another_connection_is_used_by_the_very_next_sale(db, make_member, sell, tmp_path):
    member = make_member()
    assert sell(member, {"household": 4000}).sale.points_earned == 2  # 1 point per 20 元
    other = other_connection(tmp_path)
    other.execute("UPDATE category SET points_per_block = 3 WHERE code = 'household'")
    assert sell(member, {"household": 4000}).sale.points_earned == 6
    other.execute("UPDATE tier SET multiplier = '2' WHERE rank = 0")
    assert sell(member, {"household": 4000}).sale.points_earned == 12
    other.execute("INSERT OR REPLACE INTO setting (key, value, updated_at) "
                  "VALUES ('points_validity_months', '7', '2026-06-10 10:00:00')")
    assert sell(member, {"household": 4000}).sale.points_earned == 12
    assert settings.get("points_validity_months") == 7
    other.close()


def test_another_tills_sale_keeps_the_rules_cached(db, make_member, sell, tmp_path):
    member = make_member()
    sell(member, {"household": 4000, "otc": 3000})
    other = other_connection(tmp_path)
    other.execute("INSERT INTO contact_log (member_id, reason, contacted_at, staff_id, outcome, notes) "
                  "VALUES (?, '回访', '2026-06-10 09:00:00', 1, '', '')", (member.id,))
    other.close()
    order = sales.SaleInput(lines=[sales.LineInput("household", 4000), sales.LineInput("otc", 3000)],
                            member_id=member.id, payments={"cash": 7000}, amount_confirmed=True)
    clerk = Staff.get(Staff.role == "cashier")
    seen = statements_of(lambda: sales.record_sale(order, operator=clerk, uid="again", at=AT))
    rules_read = [sql for sql in seen if any(f'FROM "{table}"' in sql for table in ("category", "tier", "setting"))]
    assert rules_read == []
    assert sum("rule_version" in sql for sql in seen) <= 2  # once before the write lock, once under it


def test_the_receipt_number_comes_from_a_counter_not_a_count(db, make_member, sell):
    member = make_member()
    first = sell(member, {"household": 1000})
    seen = statements_of(lambda: sell(member, {"household": 1000}, payments={"cash": 1000}))
    assert not [sql for sql in seen if "COUNT(" in sql and 'FROM "sale"' in sql and "member_id" not in sql]
    assert (first.sale.receipt_no, Sale.select().order_by(Sale.id.desc()).first().receipt_no) == (
        "20260610-0001", "20260610-0002")
    assert ReceiptCounter.get_by_id("20260610").last_no == 2


def test_a_day_without_a_counter_continues_after_its_highest_receipt(db, make_member, sell):
    member = make_member()
    for _ in range(3):
        sell(member, {"household": 1000})
    ReceiptCounter.delete().execute()  # a day numbered before the counter existed
    assert sell(member, {"household": 1000}).sale.receipt_no == "20260610-0004"
    assert sell(member, {"household": 1000}, at=AT + dt.timedelta(days=1)).sale.receipt_no == "20260611-0001"


@pytest.mark.skipif(sys.platform == "win32", reason="needs fork")
def test_two_tills_number_their_receipts_uniquely_and_without_gaps(tmp_path):
    path = tmp_path / "shop.sqlite3"
    till_harness.prepare(path, members=10)
    per_till = 25
    tills = [till_harness.start_till(path, prefix=prefix, stop=lambda n: n >= per_till) for prefix in ("a", "b")]
    lines = [till_harness.read_all(fd) for _pid, fd in tills]
    for pid, _fd in tills:
        assert os.waitpid(pid, 0)[1] == 0
    assert not [line for till in lines for line in till if line.startswith("error")]
    open_database(path)
    try:
        numbers = sorted(receipt for (receipt,) in Sale.select(Sale.receipt_no).tuples())
        days = {number.split("-")[0] for number in numbers}
        assert len(days) == 1 and len(numbers) == 2 * per_till  # (a run across midnight would need two days)
        assert [int(number.split("-")[1]) for number in numbers] == list(range(1, 2 * per_till + 1))
    finally:
        close_database()


def test_the_chains_hold_when_another_connection_writes_between_two_sales(db, make_member, sell, tmp_path):
    member = make_member()
    sell(member, {"household": 4000})
    with write_transaction():
        operations.start("other-till:1", "other", Staff.get(Staff.role == "cashier"), AT)  # as another till
    other = other_connection(tmp_path)
    last_id, last_hash = other.execute("SELECT id, hash FROM operation ORDER BY id DESC LIMIT 1").fetchone()
    values = (last_id + 1, "other-till:2", "other", 1, "2026-06-10 10:00:00", "", "")
    other.execute('INSERT INTO operation (id, "key", kind, staff_id, created_at, subject, detail, hash) '
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (*values, chain.link(last_hash, values)))
    other.close()
    sell(member, {"household": 4000})
    assert chain.verify() is None and check.run_checks() == []


def test_a_prepared_row_is_the_row_the_model_writes(db, clerk):
    with write_transaction():
        made = prepared.create(Operation, key="p:1", kind="other", staff=clerk.id, created_at=AT, subject="s")
        by_model = Operation.create(key="p:2", kind="other", staff=clerk.id, created_at=AT, subject="s")
    columns = ("kind", "staff_id", "created_at", "subject", "detail")
    rows = {row[0]: row[1:] for row in database.execute_sql(
        f"SELECT id, {', '.join(columns)}, hash FROM operation WHERE id IN (?, ?)", (made.id, by_model.id))}
    assert rows[made.id][:-1] == rows[by_model.id][:-1] and rows[made.id][-1] == made.hash
    assert Operation.get_by_id(made.id).created_at == AT and chain.verify() is None
