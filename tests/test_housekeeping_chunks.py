"""Housekeeping works in short transactions beside the tills and reads only what fell due."""

import datetime as dt

import pytest

from pharmacy_desk.core import check, expiry, ledger, tiers
from pharmacy_desk.core.db import database
from pharmacy_desk.core.defaults import system_staff
from pharmacy_desk.core.models import LedgerEntry, Member, Operation, Tier, TierChange

JAN = dt.datetime(2026, 1, 15, 10)
DUE = dt.date(2026, 4, 15)  # three months after JAN: January's lots lapse


@pytest.fixture
def many(db, make_member, sell):
    """Seven members, each with a January lot of 10 points; one has spent 4 of them."""
    people = [make_member(at=JAN) for _ in range(7)]
    for person in people:
        sell(person, {"household": 20000}, at=JAN)
    return people


class Transactions:
    """Counts the write transactions taken (each BEGIN IMMEDIATE) while it is installed."""

    def __init__(self):
        self.count = 0
        self._connection = database.connection()
        self._connection.set_trace_callback(self._saw)

    def _saw(self, statement):
        if statement.upper().startswith("BEGIN IMMEDIATE"):
            self.count += 1

    def stop(self):
        self._connection.set_trace_callback(None)


def test_expiry_runs_page_by_page_each_in_its_own_transaction(many):
    transactions = Transactions()
    assert expiry.catch_up(DUE, system_staff(), page=3) == 70
    transactions.stop()
    # 7 lots in pages of 3: three pages, then the mark of how far the run got
    assert transactions.count == 4
    assert all(ledger.balance(p.id) == 0 for p in many) and check.run_checks() == []
    assert len({e.operation_id for e in LedgerEntry.select().where(LedgerEntry.kind == "expire")}) == 3


def test_a_run_cut_short_finishes_at_the_next_start_without_expiring_twice(many, monkeypatch):
    real, pages = expiry._expire_page, []

    def power_cut_after_two_pages(lots, *args):
        if len(pages) == 2:
            raise RuntimeError("power cut")
        pages.append(lots)
        return real(lots, *args)

    monkeypatch.setattr(expiry, "_expire_page", power_cut_after_two_pages)
    with pytest.raises(RuntimeError):
        expiry.catch_up(DUE, system_staff(), page=3)
    monkeypatch.undo()
    assert sum(ledger.balance(p.id) for p in many) == 10  # one lot left
    assert expiry.catch_up(DUE, system_staff(), page=3) == 10
    assert expiry.catch_up(DUE, system_staff(), page=3) == 0
    assert check.run_checks() == []


def test_a_lot_a_till_spent_after_the_reading_expires_only_what_is_left(many, owner):
    stale = next(expiry._pages_by_expiry("", DUE.isoformat(), 100))
    assert [lot[2] for lot in stale] == [10] * 7
    ledger.adjust(many[0].id, -4, "兑换", owner, "spent", at=dt.datetime(2026, 4, 14, 18))
    assert expiry._expire_page(stale, DUE, system_staff()) == 66
    assert expiry._expire_page(stale, DUE, system_staff()) == 0  # a page run twice adds nothing
    assert check.run_checks() == []


def test_the_next_start_reads_only_what_fell_due_since(many, make_member, sell, monkeypatch):
    ledger.expire_due(DUE, system_staff())
    late = make_member(at=dt.datetime(2026, 2, 1, 9))
    sell(late, {"household": 20000}, at=dt.datetime(2026, 2, 1, 10))  # lapses 2026-05-01
    read = []
    real = expiry._pages_by_expiry

    def watching(since, today, size):
        for page in real(since, today, size):
            read.extend(page)
            yield page

    monkeypatch.setattr(expiry, "_pages_by_expiry", watching)
    assert ledger.expire_due(DUE + dt.timedelta(days=1), system_staff()) == 0
    assert read == []  # January's seven lots, expired already, are not read again
    assert ledger.expire_due(dt.date(2026, 5, 1), system_staff()) == 10
    assert [lot[1] for lot in read] == [late.id]
    late_lot = LedgerEntry.get((LedgerEntry.member == late.id) & (LedgerEntry.kind == "earn"))
    assert expiry.last_watermark() == expiry.Watermark(dt.date(2026, 5, 1), late_lot.id)


def test_a_lot_added_with_an_old_date_after_a_run_still_expires(many, owner):
    ledger.expire_due(DUE, system_staff())
    back = ledger.adjust(many[1].id, 25, "补录一月纸质积分", owner, "paper", at=JAN)  # lapsed on DUE already
    assert back.expires_on == DUE
    assert ledger.expire_due(DUE, system_staff()) == 25
    assert ledger.balance(many[1].id) == 0 and check.run_checks() == []


def _core_members(make_member, sell, count):
    people = [make_member(at=JAN) for _ in range(count)]
    for person in people:
        sell(person, {"household": 60000}, at=JAN)  # 600元: 核心会员 until the spend leaves the period
    return people


def test_the_tier_review_moves_a_chunk_of_members_per_transaction(db, make_member, sell):
    people = _core_members(make_member, sell, 5)
    assert {Member.get_by_id(p.id).tier.code for p in people} == {"core"}
    transactions = Transactions()
    at = dt.datetime(2027, 3, 1, 9)
    result = tiers.monthly_review(dt.date(2027, 3, 1), system_staff(), at=at, chunk=2)
    transactions.stop()
    assert (result.downgraded, result.upgraded) == (5, 0)
    assert transactions.count == 4  # chunks of 2, 2 and 1, then the month's key
    assert {Member.get_by_id(p.id).tier.code for p in people} == {"normal"}
    assert TierChange.select().where(TierChange.reason.startswith("月度复核降级")).count() == 5
    assert tiers.monthly_review(dt.date(2027, 3, 1), system_staff(), at=at, chunk=2).already_done
    assert check.run_checks() == []


def test_a_review_cut_short_moves_only_who_is_still_due_next_time(db, make_member, sell, monkeypatch):
    people = _core_members(make_member, sell, 5)
    real, done = tiers._apply, []

    def power_cut(moves, *args):
        if done:
            raise RuntimeError("power cut")
        done.append(moves)
        real(moves, *args)

    monkeypatch.setattr(tiers, "_apply", power_cut)
    at = dt.datetime(2027, 3, 1, 9)
    with pytest.raises(RuntimeError):
        tiers.monthly_review(dt.date(2027, 3, 1), system_staff(), at=at, chunk=2)
    monkeypatch.undo()
    assert Operation.get_or_none(Operation.key == "tier_review:2027-03") is None
    again = tiers.monthly_review(dt.date(2027, 3, 1), system_staff(), at=at, chunk=2)
    assert again.downgraded == 3
    assert TierChange.select().where(TierChange.reason.startswith("月度复核")).count() == 5
    assert {Member.get_by_id(p.id).tier.code for p in people} == {"normal"}


def test_a_member_who_bought_during_the_review_is_left_to_the_next(db, make_member, sell, monkeypatch):
    first, second = _core_members(make_member, sell, 2)
    at = dt.datetime(2027, 3, 1, 9)
    real = tiers._apply

    def a_sale_in_between(moves, *args):
        sell(first, {"household": 1000}, at=at + dt.timedelta(minutes=1), uid="meanwhile")
        real(moves, *args)

    monkeypatch.setattr(tiers, "_apply", a_sale_in_between)
    result = tiers.monthly_review(dt.date(2027, 3, 1), system_staff(), at=at)
    assert result.downgraded == 1
    assert Member.get_by_id(first.id).tier.code == "core" and Member.get_by_id(second.id).tier.code == "normal"
    assert Tier.get(Tier.code == "core").rank > 0


def test_the_housekeeping_chunks_commit_without_waiting_for_the_disk(many, monkeypatch):
    """As an import's chunks: each is whole after a power cut, and one a power cut takes back is
    done again at the next start, so a chunk need not hold the lock through a disk sync. The
    tills' setting (FULL) comes back after."""
    from contextlib import contextmanager

    from pharmacy_desk.core import housekeeping

    synchronous = []
    for module in (expiry, tiers):
        real = module.batch_transaction

        @contextmanager
        def watched(size=None, real=real):
            with real(size):
                synchronous.append(database.execute_sql("PRAGMA synchronous").fetchone()[0])
                yield

        monkeypatch.setattr(module, "batch_transaction", watched)
    housekeeping.run_due_jobs(DUE)
    assert len(synchronous) >= 3 and set(synchronous) == {1}  # the expiry page, its mark, the tier review
    assert database.execute_sql("PRAGMA synchronous").fetchone()[0] == 2
    assert all(ledger.balance(p.id) == 0 for p in many) and check.run_checks() == []
