"""What a mutation says it changed: the value screens filter on before they refresh."""

import dataclasses
import datetime as dt

import pytest

from pharmacy_desk.core import campaigns, contacts, ledger, members, profiles, redemption, returns
from pharmacy_desk.core.changes import ALL, NOTHING, Changes, union
from pharmacy_desk.core.errors import NotFound
from pharmacy_desk.core.housekeeping import run_due_jobs
from pharmacy_desk.core.models import ContactLog, Staff

AT = dt.datetime(2026, 6, 10, 10, 0)
OLD = dt.datetime(2025, 1, 5, 9, 0)


def test_union_adds_members_and_flags():
    sale = Changes.of_member(7, sales=True, ledger=True)
    call = Changes.of_members([8, None], contacts=True)
    both = sale | call
    assert both == Changes(members=frozenset({7, 8}), sales=True, ledger=True, contacts=True)
    assert both.touches_member(7) and both.touches_member(8) and not both.touches_member(9)
    assert not both.touches_member(None)
    assert (sale | Changes.of_members(ALL)).members == ALL
    assert (Changes.of_members(ALL) | sale).touches_member(12345)
    assert union([sale, call, NOTHING]) == both
    assert union([]) == NOTHING


def test_nothing_is_false_and_any_flag_is_true():
    assert not NOTHING and not Changes.of_member(None)
    assert Changes(settings=True) and Changes.of_member(3)
    assert not Changes(settings=True).touches_any_member()
    assert Changes.of_member(3).touches_any_member()


def test_changes_is_frozen_and_hashable():
    change = Changes.of_member(1, ledger=True)
    with pytest.raises(dataclasses.FrozenInstanceError):
        change.ledger = False  # type: ignore[misc]
    assert len({change, Changes.of_member(1, ledger=True)}) == 1


def test_a_sale_changes_its_member_and_a_replay_changes_nothing(db, make_member, sell):
    member = make_member()
    sold = sell(member, {"household": 10000}, uid="u1")
    assert sold.changes == Changes.of_member(member.id, sales=True, ledger=True)
    assert sell(member, {"household": 10000}, uid="u1").changes == NOTHING
    walk_in = sell(None, {"household": 500})
    assert walk_in.changes == Changes(sales=True)


def test_a_return_and_a_redemption_change_their_member(db, make_member, sell, clerk, owner):
    member = make_member()
    sold = sell(member, {"household": 10000})
    back = returns.return_sale(sale_id=sold.sale.id, operator=clerk, uid="r1", approved_by=owner)
    assert back.changes == Changes.of_member(member.id, sales=True, ledger=True)
    assert returns.return_sale(sale_id=sold.sale.id, operator=clerk, uid="r1").changes == NOTHING

    gift = redemption.add_catalog_item(name="口罩", points_price=1, value_fen=100, stock=3, operator=owner)
    ledger.adjust(member.id, 100, "活动赠送", owner, "seed")
    done = redemption.redeem(member_id=member.id, item_id=gift.id, operator=clerk, key="g1")
    assert done.changes == Changes.of_member(member.id, ledger=True, catalog=True)


def test_sign_up_confirm_and_profile_edits_change_the_member(db, clerk):
    owner_of_health = Staff.create(name="赵药师", role="pharmacist")
    registration = profiles.sign_up(phone="13800001111", name="孙立", operator=clerk, health_consent=False,
                                    key="register:c1")
    member_id = registration.member.id
    assert registration.changes == Changes.of_member(member_id, coupons=True)
    assert members.confirm_profile(member_id, clerk) == Changes.of_member(member_id)
    assert profiles.update_profile(member_id, clerk, name="孙立").changes == NOTHING  # nothing to change
    assert profiles.update_profile(member_id, clerk, name="孙丽").changes == Changes.of_member(member_id)
    consent = profiles.record_health_consent(member_id, owner_of_health, True)
    assert consent.changes == Changes.of_member(member_id, health=True) and consent.member.health_consent_on is not None
    assert profiles.record_health_consent(member_id, owner_of_health, True).changes == NOTHING
    health = profiles.update_health_file(member_id, owner_of_health, allergies="青霉素")
    assert health.changes == Changes.of_member(member_id, health=True)
    measured = profiles.add_measurement(member_id, owner_of_health, "bp", systolic=130, diastolic=80)
    assert measured.changes == Changes.of_member(member_id, health=True)


def test_marking_several_calls_is_all_or_nothing(db, make_member, clerk):
    first, second = make_member(), make_member()
    changes = contacts.mark_all_contacted([(first.id, "dormant"), (second.id, "dormant")], "已接通", clerk)
    assert changes == Changes.of_members([first.id, second.id], contacts=True)
    assert ContactLog.select().count() == 2
    with pytest.raises(NotFound):
        contacts.mark_all_contacted([(first.id, "birthday"), (999999, "birthday")], "已接通", clerk)
    assert ContactLog.select().count() == 2  # the first of the refused pair was not kept


def test_housekeeping_changes_every_member_only_when_it_did_something(db, make_member, sell):
    member = make_member(at=OLD)
    sell(member, {"household": 60000}, at=dt.datetime(2025, 1, 5, 10))
    first = run_due_jobs(dt.date(2026, 3, 2))
    assert first.changes == Changes.of_members(ALL, ledger=True)
    assert run_due_jobs(dt.date(2026, 3, 2)).changes == NOTHING


def test_a_campaign_run_changes_the_members_it_issued_to(db, make_member, owner):
    member = make_member(birthday=dt.date(1970, 6, 20), at=OLD)
    rows = campaigns.preview_birthday_coupons(AT.date())
    run = campaigns.run_birthday_coupons(AT.date(), owner, recipients=rows)
    assert run.issued == 1 and run.changes == Changes.of_member(member.id, coupons=True)
    again = campaigns.run_birthday_coupons(AT.date(), owner, recipients=campaigns.preview_birthday_coupons(AT.date()))
    assert again.issued == 0 and again.changes == NOTHING
