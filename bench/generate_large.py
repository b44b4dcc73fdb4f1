"""Build a large pharmacy database for the benchmarks: 1,000,000 members, 5,000,000 sales.

The schema (tables, indexes, triggers, seed rows, ``user_version``) comes from the app
itself (``open_database``); the rows are then bulk-inserted with the stdlib ``sqlite3``
module in one transaction, because a million sign-ups through the real services would
take hours. The rows keep every invariant ``pharmacy-desk check`` verifies:

- each sale balances (total − coupon − points-as-cash = paid = sum of payments = sum of
  line payments), with its ``Operation`` row (key ``sale:<uid>``) like the till makes;
- a member sale that earns points has one ``earn`` ledger lot (expiring after the
  validity setting) whose points equal ``points_earned``; no debits, so no allocations;
- points follow the category rules (whole blocks) on the amount paid without the 医保 share,
  floored per category, at multiplier 1 (historic tier and birthday bonuses are not
  replayed); a member's tier is set once at the end from their trailing spend;
- card numbers are what ``members._next_card_no`` gives member ``id``; phones are
  unique mainland mobiles; ``name_initials`` is ``normalize.name_initials(name)``.

No coupons, returns, redemptions or expiries are generated: the benchmarks do not
need them, and each would only add more invariants to keep by hand.

Run from the repository root:  python -m bench.generate_large [PATH] [--members N --sales N]
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import math
import random
import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path

# Run against the checkout this file lives in, not whatever copy is installed.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pharmacy_desk.core import activity, chain, demo, dialect, ledger, schema, settings  # noqa: E402
from pharmacy_desk.core.db import close_database, open_database  # noqa: E402
from pharmacy_desk.core.members import ean13_check_digit  # noqa: E402
from pharmacy_desk.core.models import Category, Staff, Tier  # noqa: E402
from pharmacy_desk.core.normalize import name_initials  # noqa: E402
from pharmacy_desk.core.pricing import category_points, split_proportionally  # noqa: E402
from pharmacy_desk.core.tiers import qualifying_tier  # noqa: E402

DEFAULT_PATH = ROOT / "bench" / "out" / "large.sqlite3"
BATCH = 50_000  # sales per executemany round
OPENING_SHARE = 0.3  # members already on the books when the period starts
WALK_IN_SHARE = 0.2  # sales to customers who are not members
NAME_POOL = 5000
STAFF = demo.STAFF
ESTATES = ("阳光花园", "锦绣家园", "幸福里", "翠湖小区", "金桥新村", "东方明珠苑", "梧桐苑", "滨江花城",
           "和平里", "紫薇小区", "绿城花园", "人民路", "解放路", "建设路", "中山路")
# The tables filled here; their indexes are dropped first and rebuilt at the end (faster).
BULK_TABLES = ("member", "operation", "sale", "sale_line", "payment", "ledger_entry")
SALE_TRIGGERS = tuple(dialect.SALE_TRIGGERS)


@dataclass
class Summary:
    members: int
    sales: int
    member_sales: int
    lines: int
    ledger_entries: int
    seconds: float


# demo.SURNAMES is in order of how common the surname is; 王, 李 and 张 are each about 7%.
SURNAME_WEIGHTS = list(itertools.accumulate(1 / (rank + 4) for rank in range(len(demo.SURNAMES))))


def _name(rng: random.Random) -> str:
    surname = rng.choices(demo.SURNAMES, cum_weights=SURNAME_WEIGHTS)[0]
    return surname + "".join(rng.choice(demo.GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _age(rng: random.Random) -> int:
    """The seed pharmacy's mix: 30–45 about half, over-60 about 30%."""
    band = rng.choices(((18, 29), (30, 45), (46, 59), (60, 85)), weights=(10, 49, 12, 29))[0]
    return rng.randint(*band)


def card_no(prefix: str, member_id: int) -> str:
    """The card ``members._next_card_no`` issues to the member with this id."""
    body = f"{prefix}{member_id:0{12 - len(prefix)}d}"
    return body + ean13_check_digit(body)


def name_pool(rng: random.Random, size: int) -> list[tuple[str, str]]:
    """Distinct names with their pinyin initials, computed once per name."""
    names: dict[str, str] = {}
    while len(names) < size:
        name = _name(rng)
        if name not in names:
            names[name] = name_initials(name)
    return list(names.items())


def unique_phones(rng: random.Random, count: int) -> list[str]:
    seen: set[str] = set()
    phones = []
    while len(phones) < count:
        phone = rng.choice(demo.PREFIXES) + f"{rng.randrange(10**8):08d}"
        if phone not in seen:
            seen.add(phone)
            phones.append(phone)
    return phones


def _progress(label: str, done: int, total: int, started: float) -> str:
    return f"  {label}: {done:,}/{total:,}  ({time.perf_counter() - started:.0f} s)"


def draw_basket(rng: random.Random, category_codes: list[str], mix: list[int]
                ) -> tuple[list[str], list[int], str, int]:
    """One basket of the history: (categories, amount of each in fen, payment method, 医保 part).

    1–3 categories in the season's ``mix``, a lognormal amount each (about 50 元, rarely
    above 300), paid by WeChat/Alipay/cash/card; half the prescription baskets partly by 医保.
    The till benchmark draws its baskets here too, so both have the same sizes.
    """
    codes = sorted(set(rng.choices(category_codes, weights=mix, k=rng.choice((1, 1, 2, 2, 3)))))
    amounts = [int(rng.lognormvariate(3.6, 0.7) * 100) // 10 * 10 + 500 for _ in codes]
    method = rng.choices(("wechat", "alipay", "cash", "card"), weights=(50, 25, 20, 5))[0]
    insured = 0
    if "rx" in codes and rng.random() < 0.5:
        insured = sum(amounts) * rng.choice((50, 70, 100)) // 100
    return codes, amounts, method, insured


def generate(path: Path, *, members: int = 1_000_000, sales: int = 5_000_000, seed: int = 1,
             until: dt.date | None = None, years: int = 3, quiet: bool = False) -> Summary:
    """Create ``path`` (must not exist) and fill it. Deterministic for (seed, until, sizes)."""
    started = time.perf_counter()
    say = (lambda *a, **k: None) if quiet else (lambda *a, **k: print(*a, **k, flush=True))
    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} already exists; remove it or pass another path")
    until = until or dt.date.today() - dt.timedelta(days=1)
    start = ledger.add_months(until, -12 * years)
    days = (until - start).days + 1
    rng = random.Random(seed)

    # 1. Schema, seed rows and staff through the app.
    open_database(path, create=True)
    staff_ids = [Staff.create(name=name, role=role).id for name, role in STAFF]
    categories = {c.code: c for c in Category.select()}
    tiers = list(Tier.select().order_by(Tier.rank))
    prefix = settings.get("card_prefix")
    validity = settings.get("points_validity_months")
    tier_months = settings.get("tier_period_months")
    close_database()

    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=MEMORY")  # WAL would grow to the size of the whole load
    con.execute("PRAGMA synchronous=OFF")  # only while generating; the app opens it with FULL
    con.execute("PRAGMA foreign_keys=OFF")  # ids are assigned here; `check` verifies them afterwards
    con.execute("PRAGMA cache_size=-1000000")
    con.execute("PRAGMA temp_store=MEMORY")
    indexes = con.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({','.join('?' * len(BULK_TABLES))})", BULK_TABLES).fetchall()
    # The sale's triggers are lifted for the load: the members' running figures are rebuilt at
    # the end in one pass, and a past day needs no receipt counter (a day without one goes on
    # after its highest number).
    sale_triggers = con.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type='trigger' AND name IN ({','.join('?' * len(SALE_TRIGGERS))})",
        SALE_TRIGGERS).fetchall()
    con.execute("BEGIN")
    for name, _ in indexes:
        con.execute(f'DROP INDEX "{name}"')
    for name, _ in sale_triggers:
        con.execute(f'DROP TRIGGER "{name}"')

    # 2. Who joins when: an opening book, then steady sign-ups; ids follow join order.
    say(f"planning {members:,} members")
    opening = int(members * OPENING_SHARE)
    join_day = [0] * opening + sorted(rng.randrange(days) for _ in range(members - opening))
    joined_by_day = [bisect.bisect_right(join_day, d) for d in range(days)]  # members joined by day d
    member_staff = [rng.choice(staff_ids) for _ in range(members)]

    # 3. Sales, day by day in time order, with receipts numbered per day like the till.
    say(f"writing {sales:,} sales over {days} days ({start} – {until})")
    weights = [1 + 0.25 * math.cos(2 * math.pi * (start + dt.timedelta(d)).timetuple().tm_yday / 365)
               for d in range(days)]
    total_weight = sum(weights)
    trailing_since = dt.datetime.combine(ledger.add_months(until, -tier_months), dt.time())
    spend = [0] * members
    visits = [0] * members
    category_codes = list(demo.SEASON_MIX)
    rules = {code: (categories[code].id, categories[code].points_per_block, categories[code].block_fen)
             for code in category_codes}
    line_id = payment_id = entry_id = 0
    member_sales = 0
    sale_rows, line_rows, payment_rows, op_rows, entry_rows = [], [], [], [], []
    sale_id = 0
    cumulative = 0.0
    for d in range(days):
        cumulative += weights[d]
        day_count = round(sales * cumulative / total_weight) - sale_id
        day = start + dt.timedelta(d)
        season = (day.month % 12) // 3  # winter, spring, summer, autumn
        mix = [demo.SEASON_MIX[c][season] for c in category_codes]
        expires = ledger.add_months(day, validity).isoformat()
        eligible = joined_by_day[d]
        seconds = sorted(rng.randrange(8 * 3600, 21 * 3600) for _ in range(day_count))
        for receipt, second in enumerate(seconds, 1):
            sale_id += 1
            at = dt.datetime.combine(day, dt.time(second // 3600, second // 60 % 60, second % 60))
            created = str(at)
            member = None
            if eligible and rng.random() >= WALK_IN_SHARE:
                pick = rng.randrange(eligible)
                if rng.random() < 0.5:  # half the visits come from the regular fifth of the members
                    pick -= pick % 5
                member = pick + 1
            clerk = rng.choice(staff_ids)
            codes, amounts, method, insured = draw_basket(rng, category_codes, mix)
            total = sum(amounts)
            shares = split_proportionally(insured, amounts)
            points = [category_points(a - s, rules[c][1], rules[c][2]) for c, a, s in zip(codes, amounts, shares)]
            earned = sum(points) if member else 0
            uid = f"gen{seed}-{sale_id:08d}"
            op_id = members + sale_id
            op_rows.append((op_id, f"sale:{uid}", "sale", clerk, created, f"sale:{sale_id}"))
            owner = member_staff[member - 1] if member else None
            sale_rows.append((sale_id, uid, f"{day:%Y%m%d}-{receipt:04d}", member, clerk, owner, created,
                              total, total, insured, earned))
            for code, amount, share, pts in zip(codes, amounts, shares, points):
                line_id += 1
                supply = rng.choice((30, 30, 60)) if code == "rx" else None
                line_rows.append((line_id, sale_id, rules[code][0], supply, amount, amount, share, pts,
                                  amount - share, rules[code][1], rules[code][2]))
            for pay_method, amount in (("insurance", insured), (method, total - insured)):
                if amount:
                    payment_id += 1
                    payment_rows.append((payment_id, sale_id, pay_method, amount))
            if member:
                member_sales += 1
                if at > trailing_since:
                    spend[member - 1] += total
                    visits[member - 1] += 1
                if earned:
                    entry_id += 1
                    entry_rows.append((entry_id, member, earned, created, expires, f"sale:{uid}/earn",
                                       op_id, clerk, sale_id))
            if len(sale_rows) >= BATCH:
                _flush(con, op_rows, sale_rows, line_rows, payment_rows, entry_rows)
                say(_progress("sales", sale_id, sales, started))
    if sale_rows:
        _flush(con, op_rows, sale_rows, line_rows, payment_rows, entry_rows)
        say(_progress("sales", sale_id, sales, started))

    # 4. Members last: their tier depends on what they spent over the trailing period.
    say("writing members")
    names = name_pool(rng, min(NAME_POOL, max(50, members // 20)))
    phones = unique_phones(rng, members)
    tier_ids = [qualifying_tier(spend[i], visits[i], tiers).id for i in range(members)]
    rows, ops = [], []
    for index in range(members):
        member_id = index + 1
        name, initials = rng.choice(names)  # each name ~0.02% of members, like 张伟 in China
        joined = start + dt.timedelta(join_day[index])
        age = _age(rng)
        birthday = dt.date(until.year - age, rng.randint(1, 12), rng.randint(1, 28)) if rng.random() < 0.85 else None
        at = dt.datetime.combine(joined, dt.time(rng.randint(8, 20), rng.randint(0, 59)))
        owner = member_staff[index]
        address = f"{rng.choice(ESTATES)}{rng.randint(1, 30)}栋{rng.randint(1, 30)}0{rng.randint(1, 4)}"
        rows.append((member_id, card_no(prefix, member_id), phones[index], name, initials,
                     "F" if rng.random() < 0.55 else "M", birthday and birthday.isoformat(), address,
                     joined.isoformat(), owner, owner, tier_ids[index], int(rng.random() < 0.05),
                     joined.isoformat(), str(at)))
        ops.append((member_id, f"register:gen{seed}-{member_id:07d}", "register", owner, str(at),
                    f"member:{member_id}"))
        if len(rows) >= BATCH * 2:
            _flush_members(con, rows, ops)
            say(_progress("members", member_id, members, started))
    if rows:
        _flush_members(con, rows, ops)
        say(_progress("members", members, members, started))

    say(f"rebuilding {len(indexes)} indexes")
    for _name, sql in indexes:
        con.execute(sql)
    say("chaining the ledger and the operations")
    _chain(con)
    say("each member's running figures")
    starts = activity.window_start(dt.date.today()).isoformat()  # the app's current month, not ``until``'s
    con.execute("UPDATE activity_window SET starts = ?, rolled_through = 0", (starts,))
    con.execute(activity.REBUILD_SQL, {"starts": starts})
    for _name, sql in sale_triggers:
        con.execute(sql)
    con.execute("COMMIT")
    con.execute("PRAGMA journal_mode=WAL")  # as the app leaves it
    con.close()
    summary = Summary(members, sales, member_sales, line_id, entry_id, time.perf_counter() - started)
    say(f"done in {summary.seconds:.0f} s: {members:,} members, {sales:,} sales "
        f"({member_sales:,} by members), {line_id:,} lines, {entry_id:,} earn lots")
    return summary


def _flush(con, op_rows, sale_rows, line_rows, payment_rows, entry_rows) -> None:
    con.executemany('INSERT INTO operation (id, "key", kind, staff_id, created_at, subject) '
                    'VALUES (?, ?, ?, ?, ?, ?)', op_rows)
    con.executemany(
        "INSERT INTO sale (id, uid, receipt_no, member_id, staff_id, owner_staff_id, created_at, total_fen, "
        "coupon_id, coupon_discount_fen, points_used, points_cash_fen, paid_fen, insurance_fen, points_earned, "
        "points_pro_rata) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, 0, 0, ?, ?, ?, 0)", sale_rows)
    con.executemany(
        "INSERT INTO sale_line (id, sale_id, category_id, description, quantity, days_supply, amount_fen, "
        "coupon_share_fen, points_cash_share_fen, paid_fen, insurance_share_fen, points_base, earn_base_fen, "
        "points_per_block, block_fen) VALUES (?, ?, ?, '', 1, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?)", line_rows)
    con.executemany("INSERT INTO payment (id, sale_id, method, amount_fen) VALUES (?, ?, ?, ?)", payment_rows)
    con.executemany(
        'INSERT INTO ledger_entry (id, member_id, kind, points, created_at, expires_on, "key", operation_id, '
        "staff_id, reason, sale_id, sale_return_id, redemption_id, corrects_id) "
        "VALUES (?, ?, 'earn', ?, ?, ?, ?, ?, ?, '', ?, NULL, NULL, NULL)", entry_rows)
    for rows in (op_rows, sale_rows, line_rows, payment_rows, entry_rows):
        rows.clear()


def _chain(con) -> None:
    """Give every ledger and operation row its chained hash, as the app seals each row it inserts.

    The rows were written out of id order (sales' operations before the members'), so the
    chain is computed afterwards, oldest first, with the update guards lifted for the pass.
    """
    for table, columns in chain.CHAINED.items():
        guard = schema.guard_name(table, "UPDATE")
        (guard_sql,) = con.execute("SELECT sql FROM sqlite_master WHERE name = ?", (guard,)).fetchone()
        con.execute(f'DROP TRIGGER "{guard}"')
        names = ", ".join(f'"{name}"' for name, _ in columns)
        previous, pending = chain.GENESIS, []
        for row in con.execute(f'SELECT {names} FROM "{table}" ORDER BY id').fetchall():
            previous = chain.link(previous, row)
            pending.append((previous, row[0]))
        con.executemany(f'UPDATE "{table}" SET hash = ? WHERE id = ?', pending)
        con.execute(guard_sql)


def _flush_members(con, rows, ops) -> None:
    con.executemany(
        "INSERT INTO member (id, card_no, phone, name, name_initials, gender, birthday, address, joined_on, "
        "joined_by_id, owner_staff_id, tier_id, marketing_opt_out, profile_confirmed_on, notes, created_at, "
        "health_consent_on, chronic_conditions, allergies, long_term_meds) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, NULL, '', '', '')", rows)
    con.executemany('INSERT INTO operation (id, "key", kind, staff_id, created_at, subject) '
                    'VALUES (?, ?, ?, ?, ?, ?)', ops)
    rows.clear()
    ops.clear()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH,
                        help=f"database file to create (default {DEFAULT_PATH.relative_to(ROOT)})")
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument("--sales", type=int, default=5_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--until", type=dt.date.fromisoformat, default=None,
                        help="last day with sales (default yesterday)")
    parser.add_argument("--years", type=int, default=3, help="years of sales history")
    parser.add_argument("--force", action="store_true", help="replace the file if it exists")
    args = parser.parse_args(argv)
    if args.force:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.path}{suffix}").unlink(missing_ok=True)
    generate(args.path, members=args.members, sales=args.sales, seed=args.seed, until=args.until,
             years=args.years)
    return 0


if __name__ == "__main__":
    sys.exit(main())
