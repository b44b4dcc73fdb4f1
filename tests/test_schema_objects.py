"""An index or a view of the schema, dropped or rewritten outside the program, is written again at the
next opening, recorded in the audit trail and reported by ``check``; while it is missing ``check`` names it."""

from __future__ import annotations

import sqlite3

import pytest

from pharmacy_desk.core import check, dialect, dialect_catalog, members, repairs, schema, schema_objects
from pharmacy_desk.core.db import close_database, database, open_database
from pharmacy_desk.core.models import Member, Operation
from pharmacy_desk.core.vocabulary import OperationKind
from tests.tamper_helpers import edit_outside, reopen

PHONE_TAIL = "member_phone_tail"
COUPON_VIEW = "coupon_in_use"


def _outside(path, *statements: str) -> None:
    """What another program does to the file while the program has it open."""
    edit_outside(path, statements, unguarded=())


def _restored() -> list[tuple[str, str]]:
    return [(op.subject, op.detail) for op in Operation.select().where(
        Operation.kind == OperationKind.SCHEMA_OBJECT_RESTORED).order_by(Operation.id)]


def _drop(name: str) -> str:
    return f'DROP {schema_objects.declared()[name].kind.upper()} "{name}"'


@pytest.fixture
def path(db, tmp_path):
    return tmp_path / "test.sqlite3"


def test_the_declared_indexes_and_views_are_every_one_a_new_database_has(db):
    on_file = {kind: dialect_catalog.schema_objects(database, kind) for kind in schema_objects.KINDS}
    assert {name for objects in on_file.values() for name in objects} == set(schema_objects.declared())
    assert {PHONE_TAIL, COUPON_VIEW, "ledger_entry_key", "sale_receipt_no"} <= set(schema_objects.declared())
    assert schema_objects.declared()[COUPON_VIEW].kind == "view"
    assert schema_objects.missing() == [] and check.object_problems() == []


def test_a_database_migrated_from_version_1_has_every_index_and_view_as_declared(tmp_path):
    path = tmp_path / "v1.sqlite3"
    con = sqlite3.connect(path)
    con.executescript(schema.snapshot_sql(1))
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    open_database(path)
    try:
        assert schema_objects.missing() == [] and repairs.restored_at_open == []
        assert _restored() == []
    finally:
        close_database()


def test_a_dropped_phone_tail_index_is_put_back_so_the_last_four_digits_are_found_by_index(path, make_member):
    member = make_member(phone="13812345678")
    _outside(path, _drop(PHONE_TAIL))
    assert [(p.check, p.detail) for p in check.object_problems()] == [("缺少索引", f"索引 {PHONE_TAIL}")]
    reopen(path)
    assert PHONE_TAIL in dialect_catalog.schema_objects(database, "index") and schema_objects.missing() == []
    tail = members.lookup("5678")
    assert [match.id for match in tail.matches] == [member.id]
    plan = " ".join(dialect.query_plan(database, f"SELECT id FROM member WHERE {dialect.PHONE_TAIL} = ?", ("5678",)))
    assert PHONE_TAIL in plan
    assert _restored() == [("index", PHONE_TAIL)]
    assert [(p.check, "已恢复" in p.detail) for p in check.object_problems()] == [("缺少索引", True)]


def test_a_dropped_coupon_view_is_put_back_so_the_coupons_in_use_can_be_read(path):
    _outside(path, _drop(COUPON_VIEW))
    with pytest.raises(Exception, match="coupon_in_use"):
        database.execute_sql("SELECT COUNT(*) FROM coupon_in_use").fetchone()
    assert [p.check for p in check.object_problems()] == ["缺少视图"]
    reopen(path)
    assert database.execute_sql("SELECT COUNT(*) FROM coupon_in_use").fetchone() == (0,)
    assert _restored() == [("view", COUPON_VIEW)]


def test_every_index_and_view_dropped_at_once_is_put_back_each_audited_and_named_by_check(path):
    names = sorted(schema_objects.declared())
    _outside(path, *(_drop(name) for name in names))
    assert sorted(p.detail.split(" ")[1] for p in check.object_problems()) == names
    reopen(path)
    assert schema_objects.missing() == []
    assert sorted(detail for _kind, detail in _restored()) == names
    assert sorted(repairs.restored_at_open) == names
    assert len(check.object_problems()) == len(names) and check.run_checks() != []
    reopen(path)  # nothing missing any more: nothing put back, nothing reported
    assert repairs.restored_at_open == [] and check.object_problems() == []
    assert len(_restored()) == len(names)


def test_an_index_rewritten_on_another_expression_is_replaced_and_reported(path):
    _outside(path, _drop(PHONE_TAIL), f"CREATE INDEX {PHONE_TAIL} ON member (phone)")
    assert [p.check for p in check.object_problems()] == ["索引被改动"]
    reopen(path)
    assert schema_objects.missing() == [] and _restored() == [("index", PHONE_TAIL)]


def test_a_unique_index_the_rows_no_longer_allow_is_left_missing_and_named_without_refusing_the_opening(
        path, make_member):
    member = make_member(phone="13800000001")
    _outside(path, _drop("member_card_no"),  # a second member with the same card number
             f"CREATE TEMP TABLE twin AS SELECT * FROM member WHERE id = {member.id}",
             "UPDATE twin SET id = (SELECT MAX(id) + 1 FROM member), phone = '13900000009'",
             "INSERT INTO member SELECT * FROM twin")
    reopen(path)  # opens all the same
    assert schema_objects.missing() == ["member_card_no"] and _restored() == []
    assert [(p.check, p.detail) for p in check.object_problems()] == [("缺少索引", "索引 member_card_no")]
    assert Member.select().count() == 2
