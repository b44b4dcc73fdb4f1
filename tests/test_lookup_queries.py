"""The till's member lookup: the hand-written queries give each member's row and use an index."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging

import pytest

from pharmacy_desk.core import members
from pharmacy_desk.core.models import Member, Tier


@pytest.fixture
def people(make_member):
    zhang = make_member(phone="13812345678", name="张三", birthday=dt.date(1980, 5, 17), gender="男",
                        address="阳光花园3栋", marketing_opt_out=True)
    Member.update(tier=Tier.get(Tier.code == "vip"), health_consent_on=dt.date(2026, 1, 2),
                  allergies="青霉素").where(Member.id == zhang.id).execute()
    make_member(phone="13912345678", name="赵四")  # same last four digits as 张三
    make_member(phone="13700000001", name="Zoe Smith", card_no="ab-1234")
    return Member.get_by_id(zhang.id)


def same_member(found: members.MemberMatch, expected: Member) -> None:
    assert found == members.MemberMatch(expected.id, expected.card_no, expected.name, expected.phone,
                                         expected.tier.name)
    assert [type(value) for value in dataclasses.astuple(found)] == [int, str, str, str, str]


def test_every_kind_of_lookup_returns_the_members_row(people):
    zhang = people
    assert isinstance(zhang.birthday, dt.date) and zhang.marketing_opt_out is True
    same_member(members.lookup(zhang.card_no).exact, zhang)
    same_member(members.lookup("138-1234-5678").exact, zhang)
    tail = members.lookup("5678").matches
    assert [m.name for m in tail] == ["张三", "赵四"]  # ordered by name: zhang < zhao in code points
    same_member(tail[0], zhang)
    same_member(members.lookup("zs").matches[0], zhang)
    same_member(members.lookup("张").matches[0], zhang)
    assert members.lookup("AB-1234").exact.name == "Zoe Smith"  # a legacy card typed in lower case works too
    assert members.lookup("ab-1234").exact.name == "Zoe Smith"


def test_limit_and_glob_characters(make_member):
    for i in range(5):
        make_member(phone=f"1380000{i:04d}", name=f"王{'一二三四五'[i]}")
    assert len(members.lookup("w", limit=3).matches) == 3
    assert [m.name for m in members.lookup("王", limit=2).matches] == ["王一", "王三"]  # 一 U+4E00 < 三 U+4E09
    assert members.lookup("w*").matches == []  # a typed * is a letter to match, not a wildcard


def lookup_plans(text: str) -> list[str]:
    captured = []

    class Capture(logging.Handler):
        def emit(self, record):
            captured.append(record.msg)

    from pharmacy_desk.core.db import database

    logger = logging.getLogger("peewee")
    handler, level = Capture(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        members.lookup(text)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    return [" ".join(row[-1] for row in database.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params))
            for sql, params in captured]


@pytest.mark.parametrize("text, index", [
    ("2000000000015", "member_card_no"),
    ("13812345678", "member_phone"),
    ("5678", "member_phone_tail"),
    ("zs", "member_name_initials"),
    ("张", "member_name"),
])
def test_each_lookup_searches_an_index(people, text, index):
    plans = lookup_plans(text)
    assert plans, "lookup ran no query"
    assert all(plan.startswith("SEARCH") for plan in plans), plans  # never a SCAN of every member
    assert index in plans[-1]
