"""Demo data: a year of a pharmacy's life that ends yesterday, so today at the till starts empty."""

import datetime as dt

from pharmacy_desk.core import check, demo
from pharmacy_desk.core.models import Member, Sale

TODAY = dt.date(2026, 6, 10)


def test_the_demo_history_ends_the_day_before_today(db):
    summary = demo.generate(members_count=40, months=3, seed=5, today=TODAY)
    assert summary.members == 40 and summary.sales > 40
    last_sale = Sale.select(Sale.created_at).order_by(Sale.created_at.desc()).first().created_at
    first_sale = Sale.select(Sale.created_at).order_by(Sale.created_at).first().created_at
    assert last_sale.date() < TODAY and first_sale.date() >= dt.date(2026, 3, 10)
    assert max(m.joined_on for m in Member.select(Member.joined_on)) < TODAY
    assert check.run_checks() == []


def counts():
    from pharmacy_desk.core.models import CatalogItem, Staff

    return {model.__name__: model.select().count() for model in (Staff, CatalogItem, Member, Sale)}


def test_generating_again_adds_no_second_staff_or_catalog(db):
    demo.generate(members_count=10, months=2, seed=5, today=TODAY)
    first = counts()
    demo.generate(members_count=10, months=2, seed=5, today=TODAY)
    assert counts() == first  # the same seed replays every sign-up and sale too
    demo.generate(members_count=5, months=1, seed=6, today=TODAY)
    again = counts()
    assert (again["Staff"], again["CatalogItem"]) == (first["Staff"], first["CatalogItem"])
    assert again["Member"] == first["Member"] + 5
    assert check.run_checks() == []


def test_the_demo_staff_sign_in_with_the_documented_secrets(db):
    from pathlib import Path

    from pharmacy_desk.core import setup, signin

    demo.generate(members_count=3, months=1, seed=5, today=TODAY)
    assert not setup.needs_setup() and setup.pharmacy_info().name == demo.DEMO_PHARMACY
    for name, role in demo.STAFF:
        secret = demo.DEMO_OWNER_PASSWORD if role == "owner" else demo.DEMO_PIN
        assert signin.sign_in(name, secret).role == role
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert demo.DEMO_PIN in readme and demo.DEMO_OWNER_PASSWORD in readme


def test_a_demo_from_before_sign_in_gets_its_secrets(db):
    from pharmacy_desk.core import settings, signin
    from pharmacy_desk.core.models import Staff

    settings.mark_demo()
    Staff.create(name="王芳", role="owner")
    Staff.create(name="李娜", role="cashier")
    demo.ensure_demo_staff()
    assert signin.sign_in("王芳", demo.DEMO_OWNER_PASSWORD).name == "王芳"
    assert signin.sign_in("李娜", demo.DEMO_PIN).name == "李娜"
    assert Staff.select().where(Staff.name == "王芳").count() == 1


def test_a_real_database_gets_no_demo_data(db, owner, clerk, sell):
    import pytest

    from pharmacy_desk.core.errors import InvalidInput

    sell(None, {"household": 1000})  # a walk-in sale, no member at all
    before = counts()
    with pytest.raises(InvalidInput, match="已有消费记录"):
        demo.generate(members_count=3, months=1, seed=5, today=TODAY)
    assert counts() == before


def test_a_real_database_with_members_gets_no_demo_data(db, make_member):
    import pytest

    from pharmacy_desk.core.errors import InvalidInput

    make_member()
    before = counts()
    with pytest.raises(InvalidInput, match="已有会员资料"):
        demo.generate(members_count=3, months=1, seed=5, today=TODAY)
    assert counts() == before
