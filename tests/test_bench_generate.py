"""The benchmark's bulk generator writes rows by hand: they must obey the app's rules."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from bench import generate_large
from pharmacy_desk.core import activity, check, members, schema
from pharmacy_desk.core.db import close_database, database, open_database
from pharmacy_desk.core.ledger import add_months
from pharmacy_desk.core.models import Category, LedgerEntry, Member, Operation, Payment, Sale, SaleLine
from pharmacy_desk.core.normalize import MOBILE_RE, name_initials
from pharmacy_desk.core.pricing import LineRule, quote

UNTIL = dt.date(2026, 6, 30)


@pytest.fixture
def generated(tmp_path):
    path = tmp_path / "large.sqlite3"
    summary = generate_large.generate(path, members=200, sales=1000, seed=3, until=UNTIL, years=1, quiet=True)
    open_database(path)
    yield path, summary
    close_database()


def test_generated_database_passes_every_check(generated):
    path, summary = generated
    assert check.run_checks() == []
    assert schema.user_version() == schema.CURRENT_VERSION
    assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert Member.select().count() == 200 and Sale.select().count() == 1000
    member_sales = Sale.select().where(Sale.member.is_null(False)).count()
    assert member_sales == summary.member_sales and 0 < member_sales < 1000
    assert SaleLine.select().count() == summary.lines
    assert LedgerEntry.select().count() == summary.ledger_entries
    # one operation per member sign-up and per sale
    assert Operation.select().count() == 200 + 1000
    # the indexes dropped for the bulk load are all back, the expression index included
    plan = database.execute_sql("EXPLAIN QUERY PLAN SELECT id FROM member WHERE substr(phone, -4) = '1234'")
    assert "member_phone_tail" in plan.fetchall()[0][-1]
    # each member's running figures are what the sales themselves give
    kept = activity.figures()
    activity.rebuild(dt.date.today())
    assert activity.figures() == kept and len(kept) == len({s.member_id for s in Sale.select() if s.member_id})


def test_generated_rows_are_what_the_app_would_have_written(generated):
    rules = {c.id: c for c in Category.select()}
    for sale in Sale.select():
        lines = list(sale.lines.order_by(SaleLine.id))
        payments = {p.method: p.amount_fen for p in Payment.select().where(Payment.sale == sale)}
        priced = quote([LineRule(l.category_id, l.amount_fen, rules[l.category_id].points_per_block,
                                 rules[l.category_id].block_fen) for l in lines],
                       coupon_discount_fen=0, points_cash_fen=0, insurance_fen=payments.get("insurance", 0),
                       insurance_earns=False)
        assert sale.total_fen == priced.total_fen and sum(payments.values()) == priced.due_fen
        assert sale.points_earned == (priced.points_earned if sale.member_id else 0)
        assert [(l.paid_fen, l.insurance_share_fen, l.points_base) for l in lines] == [
            (q.paid_fen, q.insurance_share_fen, q.points_base) for q in priced.lines]
        assert dt.date(2025, 6, 30) <= sale.created_at.date() <= UNTIL
    for entry in LedgerEntry.select():
        # valid 3 months from the day earned (the default setting)
        assert entry.kind == "earn" and entry.expires_on == add_months(entry.created_at.date(), 3)
        assert entry.sale.member_id == entry.member_id


def test_members_can_be_found_the_way_the_till_finds_them(generated):
    phones = set()
    for member in Member.select():
        assert member.name_initials == name_initials(member.name)
        assert MOBILE_RE.match(member.phone) and member.phone not in phones
        phones.add(member.phone)
        # the card number _next_card_no would have issued to this id: "20" + 10-digit id + EAN check digit
        body = f"20{member.id:010d}"
        assert member.card_no == body + members.ean13_check_digit(body)
        assert member.joined_on <= UNTIL
    sample = Member.get_by_id(137)
    assert members.lookup(sample.card_no).exact.id == 137
    assert members.lookup(sample.phone).exact.id == 137
    assert 137 in {m.id for m in members.lookup(sample.phone[-4:]).matches}


def test_same_seed_same_database(tmp_path, generated):
    path, _ = generated
    again = tmp_path / "again.sqlite3"
    generate_large.generate(again, members=200, sales=1000, seed=3, until=UNTIL, years=1, quiet=True)
    query = "SELECT * FROM member ORDER BY id; SELECT * FROM sale ORDER BY id"
    first, second = sqlite3.connect(path), sqlite3.connect(again)
    try:
        for sql in query.split("; "):
            assert first.execute(sql).fetchall() == second.execute(sql).fetchall()
    finally:
        first.close()
        second.close()


def test_refuses_to_overwrite(generated):
    path, _ = generated
    with pytest.raises(FileExistsError):
        generate_large.generate(path, members=10, sales=10, quiet=True)
