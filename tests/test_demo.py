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
