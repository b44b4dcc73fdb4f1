"""A trigger that keeps a derived figure, dropped or rewritten outside the program, is written again
at the next opening with its figure counted again from the rows, recorded in the audit trail, and
reported by ``check``; while it is missing ``check`` names it."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from pharmacy_desk.core import activity, check, dialect, dialect_catalog, kept_figures, member_tally, operations, schema
from pharmacy_desk.core.db import close_database, database, open_database
from pharmacy_desk.core.models import Member, Operation, Tier
from pharmacy_desk.core.sales import next_receipt_no
from pharmacy_desk.core.vocabulary import OperationKind
from tests.tamper_helpers import edit_outside, reopen
from tests.pacing_helpers import between_chunks

NOW = operations.now().replace(hour=10, minute=0, second=0)


def _outside(path, *statements: str) -> None:
    """What another program does to the file while the program has it open."""
    edit_outside(path, statements, unguarded=())


def _restores() -> list[tuple[str, str]]:
    return [(op.subject, op.detail) for op in
            Operation.select().where(Operation.kind == OperationKind.FIGURES_REBUILT).order_by(Operation.id)]


def _counted_tallies() -> tuple[dict, dict]:
    by_tier = {(t, o): n for t, o, n in database.execute_sql(
        "SELECT tier_id, COALESCE(owner_staff_id, 0), COUNT(*) FROM member GROUP BY 1, 2").fetchall()}
    by_birthday = {(g, b): n for g, b, n in database.execute_sql(
        "SELECT gender, COALESCE(birthday, ''), COUNT(*) FROM member GROUP BY 1, 2").fetchall()}
    return by_tier, by_birthday


def _named(problems: list[check.Problem]) -> list[str]:
    return [re.match(r"触发器 (\w+)", problem.detail).group(1) for problem in problems]


@pytest.fixture
def path(db, tmp_path):
    return tmp_path / "test.sqlite3"


def test_every_trigger_keeping_a_figure_is_declared_once_with_its_rebuild(db):
    assert set(kept_figures.TRIGGERS) == {*dialect.SALE_TRIGGERS, *dialect.MEMBER_TALLY_TRIGGERS,
                                          *dialect.RULE_VERSION_TRIGGERS}
    assert sum(len(figure.triggers) for figure in kept_figures.KEPT_FIGURES) == len(kept_figures.TRIGGERS)
    assert set(kept_figures.TRIGGERS) <= dialect_catalog.trigger_names(database)  # a new database has them all
    assert kept_figures.missing_triggers() == [] and check.trigger_problems() == []


def test_a_dropped_receipt_counter_trigger_is_restored_so_no_receipt_number_is_given_twice(path, make_member, sell):
    member = make_member()
    first = sell(member, {"household": 1000}, at=NOW)
    _outside(path, "DROP TRIGGER sale_keeps_receipt_counter")
    second = sell(member, {"household": 1000}, at=NOW + dt.timedelta(minutes=1))  # the counter stays behind
    assert [p.check for p in check.trigger_problems()] == ["缺少维护统计的触发器"]
    assert "sale_keeps_receipt_counter" in check.trigger_problems()[0].detail
    reopen(path)
    third = sell(member, {"household": 1000}, at=NOW + dt.timedelta(minutes=2))
    day = f"{NOW:%Y%m%d}"
    assert [first.sale.receipt_no, second.sale.receipt_no, third.sale.receipt_no] == [
        f"{day}-0001", f"{day}-0002", f"{day}-0003"]
    assert "sale_keeps_receipt_counter" in dialect_catalog.trigger_names(database)
    assert database.execute_sql("SELECT last_no FROM receipt_counter WHERE day = ?", (day,)).fetchone() == (3,)
    expression, params = next_receipt_no(NOW)
    assert database.execute_sql(f"SELECT {expression}", params).fetchone() == (f"{day}-0004",)
    assert _restores() == [("receipt_counter", "sale_keeps_receipt_counter")]
    assert [(p.check, "已恢复" in p.detail) for p in check.trigger_problems()] == [("缺少维护统计的触发器", True)]


def test_a_dropped_activity_trigger_is_restored_and_every_members_figures_counted_again(path, make_member, sell):
    regular, newcomer = make_member(), make_member()
    sell(regular, {"household": 1000}, at=NOW - dt.timedelta(days=40))
    _outside(path, "DROP TRIGGER sale_keeps_member_activity")
    sell(regular, {"household": 2500}, at=NOW)
    sell(newcomer, {"household": 700}, at=NOW)
    assert activity.figures()[regular.id][1:] == (1, 1000) and newcomer.id not in activity.figures()
    reopen(path)
    restored = activity.figures()
    assert restored[regular.id] == (str(NOW), 2, 3500) and restored[newcomer.id][1:] == (1, 700)
    activity.rebuild(NOW.date())
    assert activity.figures() == restored  # equal to a fresh count from the sales
    sell(newcomer, {"household": 300}, at=NOW + dt.timedelta(minutes=5))  # and kept by the sale again
    assert activity.figures()[newcomer.id][1:] == (2, 1000)
    assert _restores() == [("member_activity", "sale_keeps_member_activity")]


def _sign_up(make_member, clerk):
    make_member(phone="13900000001", gender="F", birthday=dt.date(1980, 5, 6), owner_staff=clerk.id)


def _lift_tier(make_member, clerk):
    top = Tier.select().order_by(Tier.rank.desc()).first()
    Member.update(tier=top.id).where(Member.phone == "13800000001").execute()


def _edit_birthday(make_member, clerk):
    Member.update(birthday=dt.date(1990, 1, 1), gender="M").where(Member.phone == "13800000001").execute()


TALLY_WRITES = {
    "member_insert_tallies": _sign_up,
    "member_tier_owner_tally": _lift_tier,
    "member_birthday_tally": _edit_birthday,
}


@pytest.mark.parametrize("trigger", sorted(dialect.MEMBER_TALLY_TRIGGERS))
def test_a_dropped_tally_trigger_is_restored_and_the_members_counted_again(path, make_member, clerk, trigger):
    make_member(gender="F", birthday=dt.date(1970, 1, 2))
    # Written outside the services, so nothing refers to it and it can be deleted.
    spare = Member.insert(card_no="X1", phone="13900000010", name="外来", joined_on=dt.date(2026, 1, 1),
                          tier=Tier.select().order_by(Tier.rank).first().id).execute()
    _outside(path, f"DROP TRIGGER {trigger}")
    if trigger == "member_delete_tallies":
        Member.delete().where(Member.id == spare).execute()
    else:
        TALLY_WRITES[trigger](make_member, clerk)
    assert member_tally.kept() != _counted_tallies()  # the counts stayed behind the members
    assert _named(check.trigger_problems()) == [trigger]
    reopen(path)
    assert member_tally.kept() == _counted_tallies()
    assert trigger in dialect_catalog.trigger_names(database)
    assert _restores() == [("member_tally、birthday_tally", trigger)]
    make_member(phone="13900000003")  # kept again from here
    assert member_tally.kept() == _counted_tallies()


def test_a_dropped_rules_stamp_trigger_is_restored_and_every_cache_of_the_rules_reads_them_again(path):
    stamp = database.execute_sql("SELECT version FROM rule_version").fetchone()[0]
    _outside(path, "DROP TRIGGER setting_update_bumps_rule_version",
             "UPDATE setting SET value = value WHERE key = (SELECT MIN(key) FROM setting)")
    reopen(path)
    assert database.execute_sql("SELECT version FROM rule_version").fetchone()[0] == stamp + 1
    assert _restores() == [("rule_version", "setting_update_bumps_rule_version")]


def test_a_trigger_rewritten_to_do_nothing_is_replaced_and_reported(path, make_member, sell):
    member = make_member()
    _outside(path, "DROP TRIGGER sale_keeps_member_activity",
             "CREATE TRIGGER sale_keeps_member_activity AFTER INSERT ON sale BEGIN SELECT 1; END")
    assert [p.check for p in check.trigger_problems()] == ["维护统计的触发器被改动"]
    sell(member, {"household": 1000}, at=NOW)
    reopen(path)
    assert kept_figures.missing_triggers() == [] and kept_figures.restored_at_open == ["sale_keeps_member_activity"]
    assert activity.figures()[member.id][1:] == (1, 1000)
    assert schema.restored_at_open == []  # no append-only guard was touched


def test_an_opening_with_every_trigger_in_place_rebuilds_nothing_and_reports_nothing(path, make_member, sell):
    sell(make_member(), {"household": 1000}, at=NOW)
    _outside(path, "DROP TRIGGER member_insert_tallies")
    reopen(path)
    reopen(path)
    assert kept_figures.restored_at_open == [] and check.trigger_problems() == []
    assert len(_restores()) == 1
    assert check.run_checks() == []


def test_several_lost_triggers_are_restored_each_with_its_own_figure(path, make_member, sell):
    member = make_member()
    _outside(path, "DROP TRIGGER sale_keeps_member_activity", "DROP TRIGGER member_insert_tallies",
             "DROP TRIGGER member_delete_tallies")
    sell(member, {"household": 1000}, at=NOW)
    make_member(phone="13900000004")
    reopen(path)
    assert _restores() == [("member_activity", "sale_keeps_member_activity"),
                           ("member_tally、birthday_tally", "member_insert_tallies、member_delete_tallies")]
    assert member_tally.kept() == _counted_tallies() and activity.figures()[member.id][1:] == (1, 1000)
    assert sorted(_named(check.trigger_problems())) == [
        "member_delete_tallies", "member_insert_tallies", "sale_keeps_member_activity"]


@pytest.fixture
def crowd(path, make_member, sell):
    """Seven members with a sale each, then the activity trigger dropped and three more sales."""
    members = [make_member() for _ in range(7)]
    for n, member in enumerate(members):
        sell(member, {"household": 1000 + n}, at=NOW - dt.timedelta(days=n))
    _outside(path, "DROP TRIGGER sale_keeps_member_activity")
    for member in members[:3]:
        sell(member, {"household": 500}, at=NOW)
    return members


def _counted_activity() -> dict:
    """Every member's figures counted from the sales now, for today's window."""
    starts = activity.window_start(NOW.date()).isoformat()
    return {m: (last, visits, paid) for m, last, visits, paid in database.execute_sql(
        "SELECT member_id, MAX(created_at), SUM(created_at >= ?), SUM(CASE WHEN created_at >= ? THEN paid_fen END)"
        " FROM sale WHERE member_id IS NOT NULL GROUP BY member_id", (starts, starts)).fetchall()}


def test_the_running_figures_are_counted_again_in_short_transactions_while_tills_go_on_selling(
        crowd, path, sell, monkeypatch):
    monkeypatch.setattr(activity, "ROLL_MEMBERS", 2)
    monkeypatch.setattr(activity, "FIRST_ROLL_MEMBERS", 2)
    pauses = []

    def another_till_sells() -> None:  # between two pages, as a till would
        assert activity.window().rolled_through == activity.REBUILDING and not activity.covers(NOW.date(), NOW.date())
        assert "sale_keeps_member_activity" not in dialect_catalog.trigger_names(database)
        member = crowd[len(pauses) % len(crowd)]
        sell(member, {"household": 100}, at=NOW + dt.timedelta(minutes=len(pauses)))
        pauses.append(member.id)

    between_chunks(monkeypatch, another_till_sells)
    reopen(path)
    assert len(pauses) == 5  # seven members, two a page: a sale after the mark and after each of four pages
    assert activity.figures() == _counted_activity()
    assert activity.window() == activity.Window(activity.window_start(NOW.date()), 0)
    assert _restores() == [("member_activity", "sale_keeps_member_activity")]


def test_a_count_stopped_half_way_leaves_the_trigger_missing_and_the_next_opening_starts_again(
        crowd, path, monkeypatch):
    monkeypatch.setattr(activity, "ROLL_MEMBERS", 2)
    monkeypatch.setattr(activity, "FIRST_ROLL_MEMBERS", 2)

    def power_cut() -> None:
        raise KeyboardInterrupt

    between_chunks(monkeypatch, power_cut)
    with pytest.raises(KeyboardInterrupt):
        reopen(path)
    close_database()
    monkeypatch.undo()
    open_database(path)
    assert "sale_keeps_member_activity" in dialect_catalog.trigger_names(database)
    assert activity.figures() == _counted_activity()
    assert activity.window().settled
    assert _restores() == [("member_activity", "sale_keeps_member_activity")]  # the first never finished


@pytest.fixture
def many(path, make_member, clerk):
    """Nine members of varied tier, owner, gender and birthday between two written outside the services
    (nothing refers to those, so they can be erased), then a tally trigger dropped outside."""
    tiers = [t.id for t in Tier.select().order_by(Tier.rank)]

    def outsider(n: int) -> Member:
        return Member.get_by_id(Member.insert(card_no=f"X{n}", phone=f"1390000001{n}", name="外来",
                                              joined_on=dt.date(2026, 1, 1), tier=tiers[0]).execute())

    first = outsider(1)
    people = [make_member(gender="FM"[n % 2], birthday=dt.date(1960 + n, 1 + n, 1),
                          owner_staff=clerk.id if n % 3 else None) for n in range(9)]
    for n, person in enumerate(people):
        Member.update(tier=tiers[n % len(tiers)]).where(Member.id == person.id).execute()
    _outside(path, "DROP TRIGGER member_insert_tallies")
    return [first, *people, outsider(2)]


def _counted_up_to(top: int) -> tuple[dict, dict]:
    """The counts of the members of id up to ``top`` only, counted from the members now."""
    by_tier = {(t, o): n for t, o, n in database.execute_sql(
        "SELECT tier_id, COALESCE(owner_staff_id, 0), COUNT(*) FROM member WHERE id <= ? GROUP BY 1, 2",
        (top,)).fetchall()}
    by_birthday = {(g, b): n for g, b, n in database.execute_sql(
        "SELECT gender, COALESCE(birthday, ''), COUNT(*) FROM member WHERE id <= ? GROUP BY 1, 2",
        (top,)).fetchall()}
    return by_tier, by_birthday


def test_the_members_counts_are_made_again_in_short_transactions_exact_while_tills_sign_up_and_change_tiers(
        many, path, make_member, clerk, monkeypatch):
    monkeypatch.setattr(member_tally, "CHUNK_MEMBERS", 2)
    monkeypatch.setattr(member_tally, "FIRST_CHUNK_MEMBERS", 2)
    tiers = [t.id for t in Tier.select().order_by(Tier.rank)]
    steps: list[int] = []
    made = iter(range(100))

    def tills_write_between_chunks() -> None:
        # Every commit so far left the counts exact for the members counted: those up to the triggers' mark.
        mark = member_tally.counted_through()
        assert mark is not None and member_tally.kept() == _counted_up_to(mark)
        assert member_tally.counting() and not member_tally.holds("2000-01-01")
        assert member_tally.members_on_file() == Member.select().count()
        step = len(steps)
        steps.append(mark)
        first, last = many[step % len(many)], many[-1 - step % len(many)]  # one counted already, one not yet
        for person in (first, last):
            Member.update(tier=tiers[(step + person.id) % len(tiers)]).where(Member.id == person.id).execute()
        Member.update(owner_staff=None if step % 2 else clerk.id).where(Member.id == last.id).execute()
        Member.update(birthday=dt.date(1999, 1, 1 + step), gender="M").where(Member.id == first.id).execute()
        make_member(phone=f"1390000{next(made):04d}", gender="F", birthday=dt.date(2001, 2, 3))
        if step < 2:  # erasures: of a member not counted yet, then of one counted already
            Member.delete().where(Member.id == many[-1 if step == 0 else 0].id).execute()

    between_chunks(monkeypatch, tills_write_between_chunks)
    reopen(path)
    # Before the first range (no member counted), then after each range of two members, in id order.
    assert len(steps) >= 5 and steps == sorted(steps) and steps[:2] == [0, 2]
    assert member_tally.kept() == _counted_tallies()
    assert not member_tally.counting() and kept_figures.missing_triggers() == []
    assert _restores() == [("member_tally、birthday_tally", "member_insert_tallies")]
    make_member(phone="13700000001")  # kept by the triggers again from here
    assert member_tally.kept() == _counted_tallies()


def test_a_members_count_stopped_half_way_is_reported_and_made_again_at_the_next_opening(many, path, monkeypatch):
    monkeypatch.setattr(member_tally, "CHUNK_MEMBERS", 2)
    monkeypatch.setattr(member_tally, "FIRST_CHUNK_MEMBERS", 2)

    def power_cut_after_a_range() -> None:
        if member_tally.counted_through():
            raise KeyboardInterrupt

    between_chunks(monkeypatch, power_cut_after_a_range)
    with pytest.raises(KeyboardInterrupt):
        reopen(path)
    close_database()
    open_database(path, migrate=False)
    assert member_tally.counted_through() == 2 and member_tally.counting()
    assert "维护统计的触发器被改动" in [p.check for p in check.trigger_problems()]
    close_database()
    monkeypatch.undo()
    open_database(path)
    assert member_tally.kept() == _counted_tallies() and not member_tally.counting()
    # The second opening found all four written for the members counted, and put each back.
    assert _restores() == [("member_tally、birthday_tally", "、".join(dialect.MEMBER_TALLY_TRIGGERS))]


def test_a_second_opening_counting_the_members_takes_the_count_over_and_the_first_stops(many, path, monkeypatch):
    monkeypatch.setattr(member_tally, "CHUNK_MEMBERS", 2)
    monkeypatch.setattr(member_tally, "FIRST_CHUNK_MEMBERS", 2)
    finished = []
    pauses = []

    def another_opening_starts_counting() -> None:
        pauses.append(member_tally.counted_through())
        if len(pauses) == 2:
            assert member_tally.rebuild_beside_tills(lambda: finished.append("second")) is True

    between_chunks(monkeypatch, another_opening_starts_counting)
    assert member_tally.rebuild_beside_tills(lambda: finished.append("first")) is False
    assert finished == ["second"] and member_tally.kept() == _counted_tallies()
