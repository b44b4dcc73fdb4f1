import datetime as dt

import pytest

from pharmacy_desk.core import ledger, redemption
from pharmacy_desk.core.errors import InvalidInput, PointsError, StockError
from pharmacy_desk.core.models import CatalogItem, Redemption
from pharmacy_desk.core.vocabulary import DrugClass

AT = dt.datetime(2026, 6, 10, 10, 0)


@pytest.fixture
def rich_member(make_member, clerk, owner):
    member = make_member()
    ledger.adjust(member.id, 5000, "开户", owner, "seed", at=AT - dt.timedelta(days=1))
    return member


def test_catalog_refuses_prescription_and_class_a_otc(db, owner):
    for drug_class in ("rx", "otc_a"):
        with pytest.raises(InvalidInput, match="第二十条"):
            redemption.add_catalog_item(name="阿莫西林", points_price=500, drug_class=drug_class, operator=owner)
    redemption.add_catalog_item(name="维生素C含片", points_price=500, drug_class="otc_b", operator=owner)
    assert CatalogItem.select().count() == 1


def test_catalog_refuses_a_kind_it_does_not_know_in_one_sentence(db, owner):
    with pytest.raises(InvalidInput, match="未知的兑换类别：voucher"):
        redemption.add_catalog_item(name="体检券", points_price=500, kind="voucher", operator=owner)
    with pytest.raises(InvalidInput, match="处方药不能作为赠品"):
        redemption.add_catalog_item(name="阿莫西林", points_price=500, drug_class=DrugClass.RX, operator=owner)
    assert CatalogItem.select().count() == 0


def test_the_database_refuses_them_too(db):
    with pytest.raises(Exception, match="CHECK"):
        CatalogItem.create(name="处方药", points_price=1, drug_class="rx")


def test_redeem_takes_points_and_stock(db, owner, clerk, rich_member):
    cup = redemption.add_catalog_item(name="保温杯", points_price=800, value_fen=3500, stock=2, operator=owner)
    result = redemption.redeem(member_id=rich_member.id, item_id=cup.id, operator=clerk, key="g1", at=AT)
    assert result.balance == 4200 and CatalogItem.get_by_id(cup.id).stock == 1
    again = redemption.redeem(member_id=rich_member.id, item_id=cup.id, operator=clerk, key="g1", at=AT)
    assert again.replayed and Redemption.select().count() == 1 and CatalogItem.get_by_id(cup.id).stock == 1


def test_redeem_refuses_without_stock_points_or_cap(db, owner, clerk, make_member, rich_member):
    cup = redemption.add_catalog_item(name="保温杯", points_price=800, value_fen=3500, stock=1, operator=owner)
    with pytest.raises(StockError, match="库存不足"):
        redemption.redeem(member_id=rich_member.id, item_id=cup.id, quantity=2, operator=clerk, key="g1", at=AT)
    poor = make_member(name="李四")
    with pytest.raises(PointsError, match="积分不足"):
        redemption.redeem(member_id=poor.id, item_id=cup.id, operator=clerk, key="g2", at=AT)
    visit = redemption.add_catalog_item(name="药师上门服务", points_price=3000, value_fen=10000,
                                        kind="service", operator=owner)
    # 普通会员 may redeem 50元 of value a month; a 100元 service is over the cap
    with pytest.raises(PointsError, match="上限"):
        redemption.redeem(member_id=rich_member.id, item_id=visit.id, operator=clerk, key="g3", at=AT)
    assert Redemption.select().count() == 0 and ledger.balance(rich_member.id) == 5000
    assert redemption.cap_remaining_fen(rich_member.id, AT.date()) == 5000
