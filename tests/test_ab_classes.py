"""A/B classes: top 5% (A) and the rest of the top 20% (B) by net spend over 12 months."""

import datetime as dt

from pharmacy_desk.core import returns, settings
from pharmacy_desk.core.reports.classes import ab_classes, class_sizes

JOINED = dt.datetime(2025, 1, 5, 9, 0)
AS_OF = dt.date(2026, 6, 30)  # period: sales after 2025-06-30 00:00 up to the end of 2026-06-30
IN_PERIOD = dt.datetime(2026, 3, 1, 10, 0)


def _spenders(make_member, sell, amounts):
    """One member per amount (fen), each with one household sale in the period."""
    result = []
    for index, fen in enumerate(amounts, start=1):
        member = make_member(phone=f"1390000{index:04d}", name=f"会员{index}", at=JOINED)
        sell(member, {"household": fen}, at=IN_PERIOD)
        result.append(member)
    return result


def test_class_sizes_round_up(db):
    # 20 × 5% = 1 → A 1; 20 × 20% = 4 → B 4 − 1 = 3
    assert class_sizes(20) == (1, 3)
    # 21 × 5% = 1.05 → 2; 21 × 20% = 4.2 → 5 → B 3
    assert class_sizes(21) == (2, 3)
    # 3 × 5% = 0.15 → 1; 3 × 20% = 0.6 → 1 → B 0
    assert class_sizes(3) == (1, 0)
    assert class_sizes(0) == (0, 0)


def test_top_five_percent_are_a_and_next_fifteen_percent_b(db, make_member, sell):
    # 20 spenders: member i spends i × 10 yuan; 20 ranked → 1 A, 3 B
    members = _spenders(make_member, sell, [i * 1000 for i in range(1, 21)])
    idle = make_member(phone="13900009999", name="不消费", at=JOINED)  # never ranked
    rows = ab_classes(AS_OF)
    assert [(r.member_id, r.klass, r.rank, r.spend_fen) for r in rows] == [
        (members[19].id, "A", 1, 20000),
        (members[18].id, "B", 2, 19000),
        (members[17].id, "B", 3, 18000),
        (members[16].id, "B", 4, 17000),
    ]
    assert idle.id not in {r.member_id for r in rows}
    assert rows[0].phone == "13900000020" and rows[0].owner_staff == "李娜"


def test_period_bounds_and_returns_count(db, make_member, sell, clerk, owner):
    members = _spenders(make_member, sell, [1000] * 4)
    # member 1: a sale on 2025-06-30 is inside (after 2025-06-30 00:00): 10 + 300 = 310 yuan
    sell(members[0], {"household": 30000}, at=dt.datetime(2025, 6, 30, 10, 0))
    # member 2: a sale on 2025-06-29 is outside the period; one on 2026-07-01 is after as_of
    sell(members[1], {"household": 90000}, at=dt.datetime(2025, 6, 29, 10, 0))
    sell(members[1], {"household": 90000}, at=dt.datetime(2026, 7, 1, 10, 0))
    # member 3: 10 + 500 yuan, of which 500 returned before as_of → net 10 yuan
    big = sell(members[2], {"household": 50000}, at=IN_PERIOD)
    returns.return_sale(sale_id=big.sale.id, operator=clerk, uid="r1", at=IN_PERIOD + dt.timedelta(hours=1))
    # member 4: 10 + 200 yuan → 210
    sell(members[3], {"household": 20000}, at=IN_PERIOD)
    # 4 ranked → A ceil(0.2) = 1, A+B ceil(0.8) = 1 → only member 1 (310 yuan)
    assert [(r.member_id, r.klass, r.spend_fen) for r in ab_classes(AS_OF)] == [(members[0].id, "A", 31000)]
    settings.change("b_class_percent", 50, owner)
    # A+B = ceil(4 × 50%) = 2 → member 4 (210 yuan) is B; members 2 and 3 tie at 10 yuan
    assert [(r.member_id, r.klass, r.spend_fen) for r in ab_classes(AS_OF)] == [
        (members[0].id, "A", 31000), (members[3].id, "B", 21000)]


def test_ties_go_to_the_older_member_and_owner_filter_keeps_ranks(db, make_member, sell, owner):
    settings.change("b_class_percent", 50, owner)  # B first: the A share may not exceed it
    settings.change("a_class_percent", 25, owner)
    members = _spenders(make_member, sell, [5000, 5000, 5000, 1000])
    # 4 ranked → A 1, B 1; three tie at 50 yuan → the lowest id first
    rows = ab_classes(AS_OF)
    assert [(r.member_id, r.klass) for r in rows] == [(members[0].id, "A"), (members[1].id, "B")]
    assert ab_classes(AS_OF, owner_staff_id=owner.id) == []
    assert [r.rank for r in ab_classes(AS_OF, owner_staff_id=members[1].owner_staff_id)] == [1, 2]
