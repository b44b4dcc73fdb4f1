"""An import does under the write lock only what needs it: a chunk's statements (its members' ids, its
balances' chained hashes) are made before it takes the lock, and its members are looked up again
only once another writer may have signed one of them up. Whatever another writer does between two
chunks, the members are whole and the ledger's chain holds."""

import datetime as dt
import threading

import pytest

from pharmacy_desk.core import chain, check, dialect, ledger, members, sales
from pharmacy_desk.core.db import database
from pharmacy_desk.core.models import LedgerEntry, Member
from pharmacy_desk.core.spreadsheet import commit, rows
from pharmacy_desk.core.spreadsheet.plan import read_plan
from tests.spreadsheet_helpers import write_xlsx

TODAY = dt.date(2026, 6, 10)
AT = dt.datetime(2026, 6, 10, 9, 30)
ROWS = [["姓名", "手机号", "积分"]] + [[f"会员{n}", f"139{n:08d}", str(n * 10)] for n in range(1, 41)]
POINTS = sum(n * 10 for n in range(1, 41))


@pytest.fixture
def plan(tmp_path, monkeypatch):
    monkeypatch.setattr(commit, "CHUNK", 7)  # six chunks: 7 × 5 and 5
    return read_plan(write_xlsx(tmp_path / "会员.xlsx", {"会员": ROWS}), today=TODAY)


def on_another_connection(write) -> None:
    """``write()`` as a till would, from a thread (and so a connection) of its own, between two chunks."""
    failed = []

    def till():
        try:
            write()
        except Exception as error:  # raised again on the test's own thread
            failed.append(error)
        finally:
            database.close()  # this thread's connection

    seller = threading.Thread(target=till)
    seller.start()
    seller.join()
    if failed:
        raise failed[0]


def sealed_under_the_lock(monkeypatch) -> list[bool]:
    """For each opening balance sealed from now on, whether its hash was chained while the write lock was held."""
    real, seen = chain.link_text, []

    def link_text(previous, text):
        if "/import/m" in text:
            seen.append(dialect.holds_write_lock(database))
        return real(previous, text)

    monkeypatch.setattr(chain, "link_text", link_text)
    return seen


def test_with_no_other_writer_no_balance_is_sealed_under_the_lock(db, owner, plan, monkeypatch):
    sealed = sealed_under_the_lock(monkeypatch)
    result = commit.commit_import(plan, owner, at=AT)
    assert (result.created, result.balances, result.points) == (40, 40, POINTS)
    assert sealed == [False] * 40
    assert check.run_checks() == []


def looked_up_again(monkeypatch) -> list[int]:
    """The size of each chunk looked up again under the lock (its members signed up meanwhile, its card numbers taken)."""
    real, sizes = commit._still_new, []

    def still_new(chunk, cards):
        sizes.append(len(chunk))
        return real(chunk, cards)

    monkeypatch.setattr(commit, "_still_new", still_new)
    return sizes


def test_with_no_other_writer_no_chunk_looks_its_members_up_again(db, owner, plan, monkeypatch):
    looked_up = looked_up_again(monkeypatch)
    result = commit.commit_import(plan, owner, at=AT)
    assert (result.created, result.balances, result.points) == (40, 40, POINTS)
    assert looked_up == []
    assert check.run_checks() == []


def test_after_a_till_signs_up_a_member_every_later_chunk_looks_its_members_up(db, owner, clerk, plan,
                                                                               monkeypatch):
    looked_up = looked_up_again(monkeypatch)

    def progress(done, total, text=""):
        if done == 21:  # after the third chunk; 会员30 is in the fifth
            on_another_connection(lambda: members.register(phone="13900000030", name="会员30", operator=clerk,
                                                           at=AT, welcome_coupon=False))

    result = commit.commit_import(plan, owner, at=AT, progress=progress)
    assert looked_up == [7, 7, 5]
    assert result.created == 39 and Member.select().where(Member.phone == "13900000030").count() == 1
    assert check.run_checks() == []


def test_a_sale_with_points_between_two_chunks_is_chained_before_the_balances_after_it(db, owner, plan,
                                                                                       monkeypatch):
    sealed = sealed_under_the_lock(monkeypatch)
    entries = []

    def progress(done, total, text=""):
        if done == 14:  # a till sells to an imported member: a ledger entry of its own, on its own connection
            member = Member.get(Member.phone == "13900000001")
            before = LedgerEntry.select().count()
            on_another_connection(lambda: sales.record_sale(
                sales.SaleInput(lines=[sales.LineInput("household", 10000)], member_id=member.id,
                                payments={"cash": 10000}), operator=owner, uid="between-chunks"))
            entries.append(LedgerEntry.select().count() - before)

    result = commit.commit_import(plan, owner, at=AT, progress=progress)
    assert entries == [1] and (result.created, result.balances, result.points) == (40, 40, POINTS)
    # All forty are sealed ahead by the thread that makes the rows, for a ledger without the sale; the
    # chunk after the sale is sealed again under the lock, after the sale's entry, and the chunks after
    # that before the lock again, after the new head.
    assert sealed == [False] * 40 + [True] * 7 + [False] * 19
    assert ledger.balance(Member.get(Member.phone == "13900000040").id) == 400
    assert check.run_checks() == []


def test_a_row_without_rare_fields_and_a_balance_are_made_without_a_call_each(db, owner, plan):
    """The rows are made in the pause the tills have between two chunks, past which their time is the
    import's own: a member without a tier, spend, 病史 or ID number reads none of them (nor asks the
    tier chooser), and a balance's key is quoted once a chunk (its prefix), not once each."""
    read, quoted, real_quote = [], [], chain.quote

    class Counted(dict):
        def __getitem__(self, name):
            read.append(name)
            return super().__getitem__(name)

    def quote(value):
        quoted.append(value)
        return real_quote(value)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rows, "RARE_FIELDS", Counted(rows.RARE_FIELDS))  # what a candidate without them says
        patch.setattr(chain, "quote", quote)
        result = commit.commit_import(plan, owner, at=AT)
    assert (result.created, result.balances, result.points) == (40, 40, POINTS)
    assert read == [] and len(quoted) < result.balances
    assert check.run_checks() == []
