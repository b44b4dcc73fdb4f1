"""Property tests: random sequences of till operations never break the points ledger.

A small independent model keeps each member's lots (points, expiry) and spends
them soonest-expiring first; after every step the database must agree with it,
and every invariant of ``check.run_checks`` must hold. Refused operations must
change nothing.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, settings as hsettings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from pharmacy_desk.core import check, coupons, ledger, members, redemption, returns, sales, tiers
from pharmacy_desk.core.db import close_database, open_database
from pharmacy_desk.core.errors import DeskError
from pharmacy_desk.core.ledger import add_months
from pharmacy_desk.core.models import LedgerEntry, Sale, SaleReturn, Staff

CATEGORIES = ("household", "otc", "supplement", "rx", "promo")


class Model:
    """Each member's lots as [remaining, expires_on], in the order they were credited."""

    def __init__(self):
        self.lots: dict[int, list[list]] = {}

    def expire(self, member_id: int, today: dt.date) -> None:
        for lot in self.lots[member_id]:
            if lot[1] <= today:
                lot[0] = 0

    def credit(self, member_id: int, points: int, today: dt.date) -> None:
        self.lots[member_id].append([points, add_months(today, 3)])

    def debit(self, member_id: int, points: int, today: dt.date) -> None:
        self.expire(member_id, today)
        for lot in sorted(self.lots[member_id], key=lambda lot: lot[1]):
            take = min(points, lot[0])
            lot[0] -= take
            points -= take
        assert points == 0, "the model spent points it did not have"

    def usable(self, member_id: int, today: dt.date) -> int:
        return sum(p for p, expires in self.lots[member_id] if expires > today)

    def expiring(self, member_id: int, today: dt.date, days: int) -> int:
        horizon = today + dt.timedelta(days=days)
        return sum(p for p, expires in self.lots[member_id] if today < expires <= horizon)

    def total(self, member_id: int) -> int:
        return sum(p for p, _ in self.lots[member_id])


class LedgerMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        open_database(":memory:")
        self.clerk = Staff.create(name="李娜", role="cashier")
        self.owner = Staff.create(name="王芳", role="owner")
        self.gift = redemption.add_catalog_item(name="口罩", points_price=30, value_fen=1000, stock=3,
                                                operator=self.owner)
        self.now = dt.datetime(2026, 1, 1, 9, 0)
        self.model = Model()
        self.member_ids: list[int] = []
        self.sale_ids: list[int] = []
        self.keys = 0

    def teardown(self):
        close_database()

    def key(self) -> str:
        self.keys += 1
        return f"k{self.keys}"

    def tick(self) -> dt.datetime:
        self.now += dt.timedelta(minutes=1)
        return self.now

    def snapshot(self):
        return (LedgerEntry.select().count(), Sale.select().count(), SaleReturn.select().count())

    @precondition(lambda self: len(self.member_ids) < 4)
    @rule(birthday_month=st.integers(1, 12))
    def register(self, birthday_month):
        reg = members.register(phone=f"1390000{len(self.member_ids):04d}", name="张三", operator=self.clerk,
                               birthday=dt.date(1980, birthday_month, 1), at=self.tick(), key=self.key())
        self.member_ids.append(reg.member.id)
        self.model.lots[reg.member.id] = []

    @precondition(lambda self: self.member_ids)
    @rule(data=st.data(), amounts=st.lists(st.tuples(st.sampled_from(CATEGORIES), st.integers(1, 80000)),
                                           min_size=1, max_size=3),
          points=st.sampled_from([0, 0, 500, 1000]), use_coupon=st.booleans(), insured=st.integers(0, 100),
          walk_in=st.booleans())
    def sale(self, data, amounts, points, use_coupon, insured, walk_in):
        member_id = None if walk_in else data.draw(st.sampled_from(self.member_ids))
        at = self.tick()
        order = sales.SaleInput(lines=[sales.LineInput(c, a) for c, a in amounts], member_id=member_id,
                                points_used=0 if member_id is None else points, amount_confirmed=True)
        if use_coupon and member_id is not None:
            usable = coupons.usable_for(member_id, at.date())
            order.coupon_id = usable[0].id if usable else None
        before = self.snapshot()
        try:
            due = sales.preview(order, at).quote.due_fen
            insurance = due * insured // 100
            order.payments = {k: v for k, v in {"insurance": insurance, "cash": due - insurance}.items() if v}
            result = sales.record_sale(order, operator=self.clerk, uid=self.key(), at=at)
        except DeskError:
            assert self.snapshot() == before
            return
        self.sale_ids.append(result.sale.id)
        if member_id is not None:
            if order.points_used:
                self.model.debit(member_id, order.points_used, at.date())
            if result.sale.points_earned:
                self.model.credit(member_id, result.sale.points_earned, at.date())

    @precondition(lambda self: self.sale_ids)
    @rule(data=st.data(), share=st.integers(1, 100))
    def return_some(self, data, share):
        sale_id = data.draw(st.sampled_from(self.sale_ids))
        left = returns.returnable_amounts(sale_id)
        amounts = {line: max(1, amount * share // 100) for line, amount in left.items() if amount}
        at = self.tick()
        before = self.snapshot()
        try:
            result = returns.return_sale(sale_id=sale_id, operator=self.clerk, uid=self.key(), at=at,
                                         amounts=amounts)
        except DeskError:
            assert self.snapshot() == before
            return
        member_id = Sale.get_by_id(sale_id).member_id
        record = result.sale_return
        if member_id is not None:
            if record.points_refunded:
                self.model.credit(member_id, record.points_refunded, at.date())
            assert record.points_clawed <= self.model.usable(member_id, at.date())
            if record.points_clawed:
                self.model.debit(member_id, record.points_clawed, at.date())

    @precondition(lambda self: self.member_ids)
    @rule(data=st.data(), quantity=st.integers(1, 2))
    def redeem(self, data, quantity):
        member_id = data.draw(st.sampled_from(self.member_ids))
        at = self.tick()
        before = self.snapshot()
        try:
            redemption.redeem(member_id=member_id, item_id=self.gift.id, quantity=quantity, operator=self.clerk,
                              key=self.key(), at=at)
        except DeskError:
            assert self.snapshot() == before
            return
        self.model.debit(member_id, 30 * quantity, at.date())

    @precondition(lambda self: self.member_ids)
    @rule(data=st.data(), points=st.integers(-300, 300).filter(bool))
    def adjust(self, data, points):
        member_id = data.draw(st.sampled_from(self.member_ids))
        at = self.tick()
        before = self.snapshot()
        try:
            ledger.adjust(member_id, points, "盘点更正", self.owner, self.key(), at=at)
        except DeskError:
            assert self.snapshot() == before
            assert points < 0
            return
        if points > 0:
            self.model.credit(member_id, points, at.date())
        else:
            self.model.debit(member_id, -points, at.date())

    @rule(days=st.integers(1, 70), run_expiry=st.booleans(), review=st.booleans())
    def time_passes(self, days, run_expiry, review):
        self.now += dt.timedelta(days=days)
        if run_expiry:
            ledger.expire_due(self.now.date(), self.clerk)
            for member_id in self.member_ids:
                self.model.expire(member_id, self.now.date())
            # a second run the same day changes nothing
            assert ledger.expire_due(self.now.date(), self.clerk) == 0
        if review:
            tiers.monthly_review(self.now.date().replace(day=1), self.owner, at=self.tick())

    @rule(data=st.data())
    def replay_a_sale(self, data):
        if not self.sale_ids:
            return
        sale = Sale.get_by_id(data.draw(st.sampled_from(self.sale_ids)))
        before = self.snapshot()
        order = sales.SaleInput(lines=[sales.LineInput("household", 100)], payments={"cash": 100},
                                member_id=sale.member_id)
        again = sales.record_sale(order, operator=self.clerk, uid=sale.uid, at=self.tick())
        assert again.replayed and again.sale.id == sale.id and self.snapshot() == before

    @invariant()
    def ledger_agrees_with_the_model(self):
        today = self.now.date()
        for member_id in self.member_ids:
            balance = ledger.balance(member_id)
            assert balance >= 0
            assert balance == self.model.total(member_id)
            assert ledger.usable_points(member_id, today) == self.model.usable(member_id, today)
            assert ledger.points_outlook(member_id, today, 30) == (
                self.model.usable(member_id, today), self.model.expiring(member_id, today, 30))
            lots = ledger.open_lots(member_id)
            assert sum(lot.remaining for lot in lots) == balance

    @invariant()
    def every_check_passes(self):
        assert check.run_checks() == []


LedgerMachine.TestCase.settings = hsettings(
    max_examples=60, stateful_step_count=30, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_ledger_invariants = LedgerMachine.TestCase
