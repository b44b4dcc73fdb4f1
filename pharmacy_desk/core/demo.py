"""演示数据: a believable pharmacy, for a newcomer to see the app at work.

Members have common Chinese names, mobile numbers and the age and gender mix the
seed pharmacy reported (30–45 about half, over-60 about 30%, women 55%); sales
follow the seasons (cold medicine in winter). Every sale goes through the real
services, so the demo obeys the same rules as the till. Deterministic for a seed.

Demo data never enters a database with members or sales of its own (only a new or a
demo database), and generating again adds no second copy of the staff or the gift
catalog. The demo staff sign in with known secrets, printed in the README: every
cashier's and pharmacist's PIN is ``DEMO_PIN``, the owner's password
``DEMO_OWNER_PASSWORD``.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Literal

from pharmacy_desk.core import coupons, ledger, members, passwords, redemption, returns, sales, settings, tiers
from pharmacy_desk.core.db import database
from pharmacy_desk.core.errors import DeskError, InvalidInput
from pharmacy_desk.core.ids import CatalogItemId, MemberId
from pharmacy_desk.core.models import CatalogItem, Coupon, Member, Sale, Staff
from pharmacy_desk.core.operator import Operator
from pharmacy_desk.core.vocabulary import CatalogKind, Gender, PaymentMethod, ReturnReason, Role
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP

# What happens on a day of the made-up year: a member joins (index, phone, birthday), a
# member buys (index), or a walk-in buys.
Happening = tuple[Literal["join"], int, str, dt.date] | tuple[Literal["sale"], int] | tuple[Literal["walkin"], None]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红建国文辉鹏宇浩婷雪梅琳晨欣怡子轩思雨佳慧淑珍凤兰德福"
PREFIXES = ("138", "139", "135", "136", "137", "150", "151", "152", "158", "159", "186", "187", "188", "133", "177", "199")
STAFF = (("王芳", Role.OWNER), ("陈静", Role.PHARMACIST), ("李娜", Role.CASHIER), ("刘洋", Role.CASHIER))
DEMO_PIN = "1234"
DEMO_OWNER_PASSWORD = "demo1234"
DEMO_PHARMACY = "康宁演示药房"
CATALOG = (("保温杯", 800, 3500, 30, CatalogKind.GIFT), ("医用口罩（50只）", 500, 2000, 100, CatalogKind.GIFT),
           ("电子体温计", 1500, 6000, 20, CatalogKind.GIFT), ("免费测血糖", 200, 1000, None, CatalogKind.SERVICE),
           ("药师上门服务", 3000, 10000, None, CatalogKind.SERVICE),
           ("维生素C含片", 600, 2500, 50, CatalogKind.GIFT))
# Average spend weights per category by season (winter, spring, summer, autumn).
SEASON_MIX = {
    "household": (5, 3, 3, 4), "otc": (3, 2, 2, 2), "supplement": (2, 2, 1, 3),
    "rx": (2, 2, 2, 2), "device": (1, 1, 1, 1), "promo": (1, 1, 2, 1), "other": (1, 1, 1, 1),
}


@dataclass
class DemoSummary:
    members: int
    sales: int


@dataclass(frozen=True)
class FileTally:
    """What the first-day walk checks the file against: the counts, the first member and the last sale."""

    members: int
    sales: int
    first_member_id: MemberId | None
    first_card_no: str
    first_name: str
    last_sale_member_id: MemberId | None
    last_sale_total_fen: int
    last_sale_points: int


def tally() -> FileTally:
    first = Member.select(Member.id, Member.card_no, Member.name).order_by(Member.id).tuples().first()
    last = Sale.select(Sale.member, Sale.total_fen, Sale.points_earned).order_by(Sale.id.desc()).tuples().first()
    member_id, card_no, name = first or (None, "", "")
    sale_member_id, total_fen, points = last or (None, 0, 0)
    return FileTally(Member.select().count(), Sale.select().count(), member_id, card_no, name, sale_member_id,
                     total_fen, points)


def _age(rng: random.Random) -> int:
    band = rng.choices(((18, 29), (30, 45), (46, 59), (60, 85)), weights=(10, 49, 12, 29))[0]
    return rng.randint(*band)


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _season(day: dt.date) -> int:
    return {12: 0, 1: 0, 2: 0, 3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 2}.get(day.month, 3)


def _basket(rng: random.Random, day: dt.date) -> list[sales.LineInput]:
    season = _season(day)
    codes = list(SEASON_MIX)
    weights = [SEASON_MIX[c][season] for c in codes]
    chosen = set(rng.choices(codes, weights=weights, k=rng.choice((1, 1, 2, 2, 3))))
    lines = []
    for code in sorted(chosen):
        amount = int(rng.lognormvariate(3.6, 0.7) * 100) // 10 * 10 + 500
        supply = rng.choice((30, 30, 60)) if code == "rx" else None
        lines.append(sales.LineInput(code, amount, days_supply=supply))
    return lines


def _payments(rng: random.Random, due: int, lines: list[sales.LineInput]) -> dict[str, int]:
    if due == 0:
        return {}
    method = rng.choices((PaymentMethod.WECHAT, PaymentMethod.ALIPAY, PaymentMethod.CASH, PaymentMethod.CARD),
                         weights=(50, 25, 20, 5))[0]
    if any(l.category == "rx" for l in lines) and rng.random() < 0.5:
        insured = due * rng.choice((50, 70, 100)) // 100
        return {k: v for k, v in {PaymentMethod.INSURANCE: insured, method: due - insured}.items() if v}
    return {method: due}


def generate(*, members_count: int, months: int, seed: int = 1, today: dt.date | None = None) -> DemoSummary:
    """Fill the open (empty) database with demo members and ``months`` of sales up to ``today``.

    The history ends the day before ``today``: the newcomer's first sale is today's first,
    and no demo sale lies later in the day than the clock.
    """
    refuse_a_real_database()
    rng = random.Random(seed)
    today = today or dt.date.today()
    start = ledger.add_months(today, -months)
    last = today - dt.timedelta(days=1)
    secrets = _demo_secrets()
    with database.atomic():
        settings.mark_demo()
        staff = _demo_staff(secrets)
        owner = staff[0]
        if not settings.get("pharmacy_name"):
            settings.change("pharmacy_name", DEMO_PHARMACY, owner)
        items = _demo_catalog(owner)
        plan = []
        phones = set()
        for index in range(members_count):
            phone = rng.choice(PREFIXES) + f"{rng.randrange(10**8):08d}"
            while phone in phones:
                phone = rng.choice(PREFIXES) + f"{rng.randrange(10**8):08d}"
            phones.add(phone)
            joined = start + dt.timedelta(days=int(rng.random() ** 1.5 * (last - start).days))
            birthday = dt.date(today.year - _age(rng), rng.randint(1, 12), rng.randint(1, 28))
            plan.append((joined, index, phone, birthday))
        # (day, 0 for a join so it comes before that day's sales, what happens)
        events: list[tuple[dt.date, int, Happening]] = [
            (joined, 0, ("join", index, phone, birthday)) for joined, index, phone, birthday in plan]
        for joined, index, _, _ in plan:
            visits = max(0, int(rng.expovariate(1 / (months * 0.9))))
            for _ in range(visits + 1):
                day = joined + dt.timedelta(days=rng.randint(0, max(0, (last - joined).days)))
                events.append((day, 1, ("sale", index)))
        walk_ins = int(members_count * months * 0.4)
        events += [(start + dt.timedelta(days=rng.randint(0, (last - start).days)), 1, ("walkin", None))
                   for _ in range(walk_ins)]
        events.sort(key=lambda e: (e[0], e[1]))
        ids: dict[int, int] = {}
        sale_count = 0
        month_done = None
        for day, _, event in events:
            if (day.year, day.month) != month_done:
                month_done = (day.year, day.month)
                ledger.expire_due(day, owner)
                if day > start:
                    tiers.monthly_review(day.replace(day=1), owner, at=dt.datetime.combine(day, dt.time(8)))
            clerk = rng.choice(staff)
            at = dt.datetime.combine(day, dt.time(rng.randint(8, 20), rng.randint(0, 59), rng.randint(0, 59)))
            if event[0] == "join":
                _, index, phone, birthday = event
                gender = Gender.FEMALE if rng.random() < 0.55 else Gender.MALE
                reg = members.register(phone=phone, name=_name(rng), operator=clerk, gender=gender,
                                       birthday=birthday if rng.random() < 0.85 else None, at=at,
                                       key=f"demo:{seed}:member:{index}",
                                       marketing_opt_out=rng.random() < 0.05)
                ids[index] = reg.member.id
                continue
            member_id = ids.get(event[1]) if event[0] == "sale" else None
            if event[0] == "sale" and member_id is None:
                continue
            sale_count += _demo_sale(rng, at, member_id, clerk, seed, sale_count, items, owner)
        ledger.expire_due(today, owner)
    return DemoSummary(members=len(ids), sales=sale_count)


def refuse_a_real_database() -> None:
    """Demo data goes only into a new or a demo database, never beside a pharmacy's own members or sales."""
    if settings.get("is_demo"):
        return
    if Member.select().exists():
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "这个数据库已有会员资料，不是演示数据库；演示数据只能写入新的或演示用的数据库。"))
    if Sale.select().exists():
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "这个数据库已有消费记录，不是演示数据库；演示数据只能写入新的或演示用的数据库。"))


def _secret_of(role: Role) -> str:
    return DEMO_OWNER_PASSWORD if role == Role.OWNER else DEMO_PIN


def _demo_secrets() -> dict[Role, str]:
    """The hashes to give demo staff who have none, made before the write lock is taken."""
    return {role: passwords.hash_secret(_secret_of(role)) for role in {r for _, r in STAFF}}


def _demo_staff(secrets: dict[Role, str]) -> list[Operator]:
    """The demo staff, each once: an earlier run's rows are kept, and get their secret if they lack one."""
    people = []
    for name, role in STAFF:
        person = Staff.get_or_none(Staff.name == name)
        if person is None:
            person = Staff.create(name=name, role=role, password_hash=secrets[role])
        elif not person.password_hash and person.role == role:
            Staff.update(password_hash=secrets[role]).where(Staff.id == person.id).execute()
            person = Staff.get_by_id(person.id)
        people.append(Operator.of(person))
    return people


def ensure_demo_staff() -> None:
    """On a demo database made before sign-in existed: give its staff their demo secrets."""
    if settings.get("is_demo") and Staff.select().where(Staff.name.in_([n for n, _ in STAFF])
                                                        & Staff.password_hash.is_null()).exists():
        secrets = _demo_secrets()
        with database.atomic():
            _demo_staff(secrets)


def _demo_catalog(owner: Operator) -> list[CatalogItemId]:
    """The gift catalog's ids, each item once: one already listed under its name is used as it is."""
    items = []
    for name, points, value, stock, kind in CATALOG:
        item = CatalogItem.get_or_none(CatalogItem.name == name)
        items.append(item.id if item is not None else redemption.add_catalog_item(
            name=name, points_price=points, value_fen=value, stock=stock, kind=kind, operator=owner).id)
    return items


def _demo_sale(rng, at, member_id, clerk, seed, n, items, owner) -> int:
    lines = _basket(rng, at.date())
    # Generated baskets are what they are meant to be: no cashier to confirm an unusual one.
    order = sales.SaleInput(lines=lines, member_id=member_id, amount_confirmed=True)
    if member_id is not None:
        usable = Coupon.select().where((Coupon.member == member_id) & coupons.not_in_use()
                                       & (Coupon.valid_until >= at.date()) & (Coupon.valid_from <= at.date()))
        coupon = usable.first()
        if coupon is not None and rng.random() < 0.7:
            order.coupon_id = coupon.id
        if rng.random() < 0.25 and ledger.usable_points(member_id, at.date()) >= 500:
            order.points_used = 500
    try:
        due = sales.preview(order, at).quote.due_fen
    except DeskError:
        order.coupon_id, order.points_used = None, 0
        due = sales.preview(order, at).quote.due_fen
    order.payments = _payments(rng, due, lines)
    result = sales.record_sale(order, operator=clerk, uid=f"demo:{seed}:sale:{n}", at=at)
    if rng.random() < 0.015:
        returns.return_sale(sale_id=result.sale.id, operator=clerk, uid=f"demo:{seed}:return:{n}",
                            at=at + dt.timedelta(hours=2), reason=ReturnReason.NOT_NEEDED, approved_by=owner)
    if member_id is not None and rng.random() < 0.03:
        try:
            redemption.redeem(member_id=member_id, item_id=rng.choice(items), operator=clerk,
                              key=f"demo:{seed}:gift:{n}", at=at + dt.timedelta(minutes=5))
        except DeskError:
            pass  # not enough points, stock or cap: the till would have said so too
    return 1
