from decimal import Decimal

import pytest

from pharmacy_desk.core import settings
from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.models import Category, Member, Setting, Tier


def test_every_setting_has_a_parseable_default_and_a_label(db):
    for spec in settings.SPECS:
        assert spec.label
        settings.get(spec.key)
    assert settings.get("points_validity_months") == 3
    assert settings.get("redeem_blocks") == ((500, 2000), (1000, 4200))
    assert settings.get("birthday_multiplier") == Decimal(2)


def test_bad_values_are_refused_and_nothing_is_stored(db, owner):
    with pytest.raises(InvalidInput):
        settings.put("redeem_blocks", "500-20", owner)
    with pytest.raises(InvalidInput):
        settings.put("birthday_multiplier", "两倍", owner)
    assert Setting.select().count() == 0


def test_changed_rules_apply_to_the_next_sale(db, owner, make_member, sell):
    settings.put("redeem_blocks", "100=500", owner)
    settings.put("birthday_multiplier", "3", owner)
    Category.update(points_per_block=3, block_fen=1000).where(Category.code == "household").execute()
    Tier.update(multiplier=Decimal("1.5")).where(Tier.code == "normal").execute()
    member = make_member()
    Member.update(birthday="1970-06-01").where(Member.id == member.id).execute()
    result = sell(member, {"household": 2000})
    # 20元 × 3 per 10元 = 6 base × 1.5 (tier) × 3 (birthday) = 27
    assert result.sale.points_earned == 27
    assert settings.get("redeem_blocks") == ((100, 500),)
