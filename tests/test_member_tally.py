"""The members counted by tier and owner, and by gender and birthday: kept by triggers on every write
to a member, equal to a count of the members after a seeded history, and the month report's member
mix read from them equal to the same mix counted member by member."""

from __future__ import annotations

import datetime as dt

import pytest

from pharmacy_desk.core import check, dialect, member_tally, schema
from pharmacy_desk.core.db import database
from pharmacy_desk.core.models import Member, Tier
from pharmacy_desk.core.reports import closing, mix, staff
from pharmacy_desk.core.reports.period import Month
from tests.month_history import CLOSE_DAY, generate_history, june_business


def _counted() -> tuple[dict, dict]:
    """The same cells counted from the members now."""
    by_tier = {(t, o): n for t, o, n in database.execute_sql(
        "SELECT tier_id, COALESCE(owner_staff_id, 0), COUNT(*) FROM member GROUP BY 1, 2").fetchall()}
    by_birthday = {(g, b): n for g, b, n in database.execute_sql(
        "SELECT gender, COALESCE(birthday, ''), COUNT(*) FROM member GROUP BY 1, 2").fetchall()}
    return by_tier, by_birthday


@pytest.fixture
def year(make_member, sell, clerk, owner, tmp_path):
    """Seed 2's five months, closed, then June: sign-ups, a tier lifted and reviewed, an edit, an erasure, an import."""
    sold = generate_history(2, make_member, sell, clerk, owner)
    closing.close_due_months(CLOSE_DAY, owner)
    june_business(make_member, sell, owner, clerk, sold, tmp_path)
    assert check.run_checks() == []
    return sold


def test_the_kept_counts_equal_a_count_of_the_members_after_a_history(year):
    kept = member_tally.kept()
    assert kept == _counted()
    assert sum(kept[0].values()) == Member.select().count() > 10
    assert len({tier for tier, _ in kept[0]}) > 1 and ("", "") in kept[1]  # tiers moved; an erased birthday
    member_tally.rebuild()
    assert member_tally.kept() == kept


def test_every_write_to_a_member_moves_one_count(db, make_member, clerk, owner):
    cells = member_tally.kept
    member = make_member(gender="F", birthday=dt.date(1970, 1, 2), owner_staff=clerk.id)
    bottom, top = Tier.select().order_by(Tier.rank)[0], Tier.select().order_by(Tier.rank)[-1]
    assert cells() == ({(bottom.id, clerk.id): 1}, {("F", "1970-01-02"): 1})
    Member.update(tier=top.id).where(Member.id == member.id).execute()
    Member.update(owner_staff=None).where(Member.id == member.id).execute()
    Member.update(birthday=None, gender="M").where(Member.id == member.id).execute()
    Member.update(notes="常客").where(Member.id == member.id).execute()  # no count column: nothing moves
    assert cells() == ({(top.id, 0): 1}, {("M", ""): 1})
    assert make_member(phone="13900000009").owner_staff_id == clerk.id  # signed up by the clerk, who owns them
    assert cells()[0] == {(top.id, 0): 1, (bottom.id, clerk.id): 1}
    # Written outside the services (nothing refers to it), then deleted.
    bare = Member.insert(card_no="X1", phone="13900000010", name="外来", joined_on=dt.date(2026, 1, 1),
                         tier=bottom.id, gender="F", birthday=dt.date(1970, 1, 2)).execute()
    assert cells()[1] == {("M", ""): 1, ("", ""): 1, ("F", "1970-01-02"): 1}
    Member.delete().where(Member.id == bare).execute()
    assert cells() == ({(top.id, 0): 1, (bottom.id, clerk.id): 1}, {("M", ""): 1, ("", ""): 1})
    assert cells() == _counted()


MONTHS = [Month(2025, 11), Month(2025, 12), *(Month(2026, m) for m in range(1, 7))]


def test_the_member_mix_from_the_counts_equals_counting_the_members(year, monkeypatch):
    """Every month, from before the first sign-up to June, read both ways: the counts less the later
    sign-ups where few joined since, the members themselves otherwise."""
    owners = [sid for sid, in database.execute_sql("SELECT id FROM staff ORDER BY id").fetchall()]
    ends = [m.end.isoformat() for m in MONTHS]
    assert [member_tally.holds(end) for end in ends].count(True) >= 4  # both ways are taken
    assert not member_tally.holds(ends[0])
    kept = [(mix.tier_mix(m), mix.age_gender(m), mix.members_by("owner_staff_id", owners, e))
            for m, e in zip(MONTHS, ends)]
    monkeypatch.setattr(member_tally, "holds", lambda joined_before: False)
    counted = [(mix.tier_mix(m), mix.age_gender(m), mix.members_by("owner_staff_id", owners, e))
               for m, e in zip(MONTHS, ends)]
    assert kept == counted
    assert kept[-1][1].total == Member.select().count()
    assert kept[0][1].total == 2  # in November 2025, only the two imported with older join dates
    assert staff.staff_report(Month(2026, 6))  # the staff report reads its members the same way


def test_the_v14_migration_counts_the_members(year):
    kept = member_tally.kept()
    for name in dialect.MEMBER_TALLY_TRIGGERS:
        database.execute_sql(f"DROP TRIGGER {name}")
    for statement in ("DROP TABLE member_tally", "DROP TABLE birthday_tally", "DROP INDEX tier_change_changed_at",
                      "DROP INDEX coupon_issued_at", "DROP INDEX coupon_use_used_at", "DROP INDEX sale_return_created_at",
                      "PRAGMA user_version = 13"):
        database.execute_sql(statement)
    schema.ensure_current(target=14)
    database.execute_sql(f"PRAGMA user_version = {schema.CURRENT_VERSION}")
    assert member_tally.kept() == kept
    last = Member.select().order_by(Member.id.desc()).first()
    Member.update(gender="F" if last.gender != "F" else "M").where(Member.id == last.id).execute()
    assert member_tally.kept() == _counted()  # and the triggers keep them from there
