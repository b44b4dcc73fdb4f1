"""Till latency on a large database: the app's lookups and sale beside raw ``sqlite3``.

Opens the file the way the app does (``open_database``: WAL, ``synchronous=FULL``,
32 MB page cache) and, on a second stdlib ``sqlite3`` connection to the same file with
the same pragmas, runs the query a hand-written program would use for the same answer.
Each iteration runs the app call and its raw twin with the same random key, in
alternating order, so both see the same cache and disk state.

Measured (keys drawn at random from the data):
  card     members.lookup(card_no)         vs  SELECT * FROM member WHERE card_no = ?
  phone    members.lookup(phone)           vs  SELECT * FROM member WHERE phone = ?
  last4    members.lookup("5678")          vs  ... WHERE substr(phone, -4) = ? ORDER BY name LIMIT 20
  pinyin   members.lookup(initials)        vs  ... WHERE name_initials GLOB 'zxm*' ORDER BY name_initials, name, id LIMIT 20
  pinyin2  the same with 2 letters ("zx"): the widest prefix a cashier types
  sale     sales.record_sale(1–3 categories, cash, unique uid)
           vs  BEGIN IMMEDIATE; INSERT sale, operation, lines, payment, earn entry; COMMIT

The sales are really written (both kinds keep every invariant ``pharmacy-desk check``
verifies), so each run adds 2 × iterations sales to the file.

Run from the repository root:  python -m bench.bench_core [PATH] [--iterations N] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import logging
import os
import random
import sqlite3
import sys
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from collections.abc import Callable

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import generate_large  # noqa: E402
from pharmacy_desk.core import (  # noqa: E402
    bonuses, chain, demo, dialect, ledger, member_summary, members, panel_sql, pricing, redemption, sales, settings, tiers,
)
from pharmacy_desk.core import db as core_db  # noqa: E402
from pharmacy_desk.core.normalize import yuan  # noqa: E402
from pharmacy_desk.core.vocabulary import BonusReason  # noqa: E402
from pharmacy_desk.core.db import database, open_database  # noqa: E402
from pharmacy_desk.core.models import Category, Staff  # noqa: E402

DEFAULT_PATH = ROOT / "bench" / "out" / "large.sqlite3"
LOOKUP_P99_MS = 1.0
LOOKUP_RAW_RATIO = 10.0
SALE_P99_MS = 10.0

CASES = ("card", "phone", "last4", "pinyin", "pinyin2", "panel", "sale")
PANEL_RAW_RATIO = 5.0
RAW_SQL = {
    "card": "SELECT * FROM member WHERE card_no = ?",
    "phone": "SELECT * FROM member WHERE phone = ?",
    "last4": "SELECT * FROM member WHERE substr(phone, -4) = ? ORDER BY name LIMIT 20",
    "pinyin": "SELECT * FROM member WHERE name_initials GLOB ? ORDER BY name_initials, name, id LIMIT 20",
}


@dataclass
class Row:
    name: str
    n: int
    p50_ms: float
    p99_ms: float
    raw_p50_ms: float
    raw_p99_ms: float
    target: str
    met: bool
    statements: float = float("nan")  # per call, the app's
    raw_statements: float = float("nan")  # per call, the raw twin's

    @property
    def ratio_p50(self) -> float:
        return self.p50_ms / self.raw_p50_ms

    @property
    def ratio_p99(self) -> float:
        return self.p99_ms / self.raw_p99_ms


def percentile(samples: list[int], q: float) -> float:
    """Nearest-rank percentile of nanosecond samples, in milliseconds."""
    ordered = sorted(samples)
    rank = max(1, -(-len(ordered) * q // 100))  # ceil
    return ordered[int(rank) - 1] / 1e6


class CountingConnection(sqlite3.Connection):
    """The raw twin's connection: counts the statements it is sent while ``counting`` is set."""

    counting = False
    count = 0

    def execute(self, sql, parameters=()):
        self.count += self.counting
        return super().execute(sql, parameters)

    def cursor(self, factory=None):
        return super().cursor(factory or CountingCursor)


class CountingCursor(sqlite3.Cursor):
    def execute(self, sql, parameters=()):
        connection = self.connection
        if isinstance(connection, CountingConnection):
            connection.count += connection.counting
        return super().execute(sql, parameters)


def raw_connection(path: Path) -> CountingConnection:
    con = sqlite3.connect(path, isolation_level=None, factory=CountingConnection)
    for name, value in dialect.PRAGMAS:
        con.execute(f"PRAGMA {name} = {value}")
    return con


class StatementCount:
    """Statements sent (BEGIN and COMMIT included); what a trigger does runs inside the statement that fired it.

    The app's are noted at its database seam (``dialect.sent``), the raw twin's by its
    connection. SQLite's trace is not used: it reports a statement again at every trigger.
    """

    def __init__(self, con: sqlite3.Connection):
        self.con = con
        self.count = 0
        self._app = not isinstance(con, CountingConnection)

    def __enter__(self) -> StatementCount:
        if self._app:
            self._sent = dialect.sent(database)
            self._log = self._sent.__enter__()
        else:
            self.con.counting, self._before = True, self.con.count
        return self

    def __exit__(self, *exc) -> None:
        if self._app:
            self.count += len(self._log)
            self._sent.__exit__(*exc)
        else:
            self.con.counting = False
            self.count += self.con.count - self._before


def measure(keys: list, app: Callable, raw: Callable, warmup: int,
            connections: tuple[sqlite3.Connection, sqlite3.Connection]) -> tuple[list[int], list[int], float, float]:
    """Time ``app(key)`` and ``raw(key)`` for each key, alternating which goes first.

    Also returns the statements per call of each (app, raw), counted over the warm-up calls only,
    so the timed calls carry no trace callback (NaN without a warm-up).
    """
    app_ns, raw_ns = [], []
    counters = StatementCount(connections[0]), StatementCount(connections[1])
    clock = time.perf_counter_ns
    gc.collect()
    for index, key in enumerate(keys):
        order = ((app, app_ns, counters[0]), (raw, raw_ns, counters[1])) if index % 2 == 0 else \
            ((raw, raw_ns, counters[1]), (app, app_ns, counters[0]))
        for func, out, counter in order:
            if index < warmup:
                with counter:
                    func(key)
                continue
            begin = clock()
            func(key)
            out.append(clock() - begin)
    per_call = [c.count / warmup if warmup else float("nan") for c in counters]
    return app_ns, raw_ns, per_call[0], per_call[1]


def lookup_checked(expect: str) -> Callable[[str], None]:
    """members.lookup, failing loudly if it does not find what the key was drawn from."""
    def run(text: str) -> None:
        result = members.lookup(text)
        if expect == "exact" and result.exact is None:
            raise AssertionError(f"lookup({text!r}) found nobody")
        if expect == "matches" and not result.matches:
            raise AssertionError(f"lookup({text!r}) found no matches")
    return run


def raw_lookup(con: sqlite3.Connection, sql: str, transform=lambda k: k) -> Callable[[str], None]:
    def run(key: str) -> None:
        if not con.execute(sql, (transform(key),)).fetchall():
            raise AssertionError(f"raw query found nothing for {key!r}")
    return run


def sample_members(con: sqlite3.Connection, rng: random.Random, count: int,
                   columns: str = "id, card_no, phone, name_initials") -> list[tuple]:
    """``count`` members drawn at random (repeats allowed), as rows of ``columns``; ``id`` first."""
    top = con.execute("SELECT MAX(id) FROM member").fetchone()[0]
    if not top:
        raise SystemExit("the database has no members: run bench/generate_large.py first")
    ids = [rng.randint(1, top) for _ in range(count)]
    found = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        found.update((r[0], r) for r in con.execute(
            f"SELECT {columns} FROM member WHERE id IN ({','.join('?' * len(chunk))})",
            chunk))
    return [found[i] for i in ids if i in found]


Basket = tuple[list[tuple[str, int]], str, int]  # (category, fen) lines, payment method, 医保 part


def baskets(rng: random.Random, count: int, day: dt.date) -> list[Basket]:
    """Baskets drawn as the generated history draws them (``generate_large.draw_basket``), in ``day``'s season."""
    codes = list(demo.SEASON_MIX)
    mix = [demo.SEASON_MIX[c][(day.month % 12) // 3] for c in codes]
    result = []
    for _ in range(count):
        drawn, amounts, method, insured = generate_large.draw_basket(rng, codes, mix)
        result.append((list(zip(drawn, amounts)), method, insured))
    return result


# What a hand-written till reads under the write lock before a member's sale: the key, the
# rules' stamp, both chains' newest rows, the member's tier, birthday and staff, balance and
# trailing spend, visits and refunds. Parameters: key, member id, period start, now.
RAW_READ = """
SELECT (SELECT kind FROM operation WHERE "key" = ?1), (SELECT version FROM rule_version WHERE id = 1),
       (SELECT id FROM operation ORDER BY id DESC LIMIT 1), (SELECT hash FROM operation ORDER BY id DESC LIMIT 1),
       (SELECT id FROM ledger_entry ORDER BY id DESC LIMIT 1),
       (SELECT hash FROM ledger_entry ORDER BY id DESC LIMIT 1),
       m.tier_id, m.birthday, m.owner_staff_id,
       (SELECT COALESCE(SUM(points), 0) FROM ledger_entry WHERE member_id = m.id),
       (SELECT COALESCE(SUM(paid_fen), 0) FROM sale WHERE member_id = m.id AND created_at > ?3 AND created_at <= ?4),
       (SELECT COUNT(*) FROM sale WHERE member_id = m.id AND created_at > ?3 AND created_at <= ?4),
       (SELECT COALESCE(SUM(r.refund_fen), 0) FROM sale_return r JOIN sale s ON s.id = r.sale_id
         WHERE s.member_id = m.id AND s.created_at > ?3 AND r.created_at <= ?4)
FROM member m WHERE m.id = ?2
"""
RAW_SALE_COLUMNS = ("uid, member_id, staff_id, owner_staff_id, created_at, total_fen, coupon_discount_fen, "
                    "points_used, points_cash_fen, paid_fen, insurance_fen, points_earned, points_factor, points_bonuses")
RAW_RECEIPT_NO = ("printf('%s-%04d', ?, COALESCE((SELECT last_no FROM receipt_counter WHERE day = ?), "
                  "(SELECT MAX(CAST(substr(receipt_no, 10) AS INTEGER)) FROM sale WHERE receipt_no GLOB ?), 0) + 1)")


def values_sql(columns: int, rows: int = 1) -> str:
    return ", ".join(["(" + ", ".join("?" * columns) + ")"] * rows)


class SaleRunner:
    """The two ways of writing one member's sale: ``sales.record_sale``, and the same work in raw SQL.

    The raw twin does what the app does, by hand: reads the key, the rules' stamp, the
    chains' heads and the member's standing in one statement, numbers the receipt from the
    day's counter, prices the basket with ``pricing.quote`` (tier and birthday bonuses
    included), seals the operation and the points entry into their hash chains, and
    writes the tier change when the sale crosses a threshold. The rules are read once, as
    the app caches them.
    """

    def __init__(self, con: sqlite3.Connection, run_id: str):
        self.con = con
        self.run_id = run_id
        self.operator = (Staff.select().where(Staff.role == "cashier").order_by(Staff.id).first()
                         or Staff.create(name="基准测试", role="cashier"))
        self.categories = {c.code: c for c in Category.select()}
        self.tiers = tiers.tiers_by_rank()
        self.validity = settings.get("points_validity_months")
        self.period_months = settings.get("tier_period_months")
        self.birthday_factor = settings.get("birthday_multiplier")
        self.insurance_earns = settings.get("insurance_earns_points")
        self.count = 0
        self.upgrades = {"app": 0, "raw": 0}
        # Statements the app sends per sale, by kind, over its first ``census_sales`` sales
        # (the warm-up: the timed sales carry no counting).
        self.census_sales = 0
        self.app_sales = 0
        self.census: dict[str, list[int]] = {"plain": [], "lifts the tier": []}

    def app(self, job: tuple[int, Basket]) -> None:
        member_id, (basket, method, insured) = job
        self.count += 1
        total = sum(a for _, a in basket)
        order = sales.SaleInput(lines=[sales.LineInput(code, amount) for code, amount in basket],
                                member_id=member_id, payments={"insurance": insured, method: total - insured},
                                amount_confirmed=True)
        self.app_sales += 1
        uid = f"bench-{self.run_id}-{self.count}"
        if self.app_sales <= self.census_sales:
            with dialect.sent(database) as sent:
                result = sales.record_sale(order, operator=self.operator, uid=uid)
            self.census["plain" if result.new_tier is None else "lifts the tier"].append(len(sent))
        else:
            result = sales.record_sale(order, operator=self.operator, uid=uid)
        self.upgrades["app"] += result.new_tier is not None

    def raw(self, job: tuple[int, Basket]) -> None:
        member_id, (basket, method, insured) = job
        self.count += 1
        uid = f"bench-raw-{self.run_id}-{self.count}"
        key = f"sale:{uid}"
        now = dt.datetime.now().replace(microsecond=0)
        created = str(now)
        since = str(tiers.period_start(now.date(), self.period_months))
        staff = self.operator.id
        cur = self.con.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            (done, _version, op_id, op_hash, entry_id, entry_hash, tier_id, birthday, owner, _balance, spend, visits,
             refunded) = cur.execute(RAW_READ, (key, member_id, since, created)).fetchone()
            if done is not None:
                raise AssertionError(f"{key} was recorded already")
            tier = next(t for t in self.tiers if t.id == tier_id)
            earning = [pricing.Bonus(tier.name, tier.multiplier, BonusReason.TIER)]
            if birthday and int(birthday[5:7]) == now.month:
                earning.append(pricing.Bonus(BonusReason.BIRTHDAY.label, self.birthday_factor, BonusReason.BIRTHDAY))
            earning = [b for b in earning if b.factor != 1]
            rules = [pricing.LineRule(self.categories[c].id, a, self.categories[c].points_per_block,
                                      self.categories[c].block_fen, self.categories[c].is_prescription)
                     for c, a in basket]
            q = pricing.quote(rules, coupon_discount_fen=0, points_cash_fen=0, insurance_fen=insured,
                              insurance_earns=self.insurance_earns, bonuses=earning)
            day = f"{now:%Y%m%d}"
            # The receipt number from the day's counter inside the INSERT, as the app's; the
            # sale's triggers move the counter and the member's running figures for both.
            sale_id, _receipt = cur.execute(
                f"INSERT INTO sale ({RAW_SALE_COLUMNS}, receipt_no) VALUES ({', '.join('?' * 14)}, "
                f"{RAW_RECEIPT_NO}) RETURNING id, receipt_no",
                (uid, member_id, staff, owner, created, q.total_fen, 0, 0, 0, q.due_fen, insured, q.points_earned,
                 str(q.factor), bonuses.encode(q.bonuses), day, day, f"{day}-*")).fetchone()
            op_id, subject = (op_id or 0) + 1, f"sale:{sale_id}"
            op_hash = chain.link(op_hash or chain.GENESIS, (op_id, key, "sale", staff, created, subject, ""))
            cur.execute('INSERT INTO operation (id, "key", kind, staff_id, created_at, subject, detail, hash) '
                        "VALUES (?, ?, 'sale', ?, ?, ?, '', ?)", (op_id, key, staff, created, subject, op_hash))
            lines = [v for (c, a), lq in zip(basket, q.lines) for v in (
                sale_id, self.categories[c].id, a, lq.paid_fen, lq.insurance_share_fen, lq.points_base)]
            cur.execute("INSERT INTO sale_line (sale_id, category_id, description, quantity, amount_fen, "
                        "coupon_share_fen, points_cash_share_fen, paid_fen, insurance_share_fen, points_base) VALUES "
                        + ", ".join(["(?, ?, '', 1, ?, 0, 0, ?, ?, ?)"] * len(basket)), lines)
            paid = [(m, a) for m, a in (("insurance", insured), (method, q.total_fen - insured)) if a]
            cur.execute("INSERT INTO payment (sale_id, method, amount_fen) VALUES "
                        + ", ".join(["(?, ?, ?)"] * len(paid)), [v for m, a in paid for v in (sale_id, m, a)])
            if q.points_earned:
                entry_id = (entry_id or 0) + 1
                expires = ledger.add_months(now.date(), self.validity).isoformat()
                entry_key = f"{key}/earn"
                entry_hash = chain.link(entry_hash or chain.GENESIS, (
                    entry_id, member_id, "earn", q.points_earned, created, expires, entry_key, op_id, staff, "",
                    sale_id, None, None, None))
                cur.execute('INSERT INTO ledger_entry (id, member_id, kind, points, created_at, expires_on, "key", '
                            "operation_id, staff_id, reason, sale_id, hash) VALUES (?, ?, 'earn', ?, ?, ?, ?, ?, ?, '', ?, ?)",
                            (entry_id, member_id, q.points_earned, created, expires, entry_key, op_id, staff, sale_id,
                             entry_hash))
            net, count = spend + q.due_fen - refunded, visits + 1
            target = tiers.qualifying_tier(net, count, self.tiers)
            if target.rank > tier.rank:
                reason = f"升级：近{self.period_months}个月消费 {yuan(net)} 元、{count} 次，对应{target.name}"
                cur.execute("INSERT INTO tier_change (member_id, from_tier_id, to_tier_id, changed_at, reason, "
                            "operation_id, staff_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                            (member_id, tier.id, target.id, created, reason, op_id, staff))
                cur.execute("UPDATE member SET tier_id = ? WHERE id = ?", (target.id, member_id))
                self.upgrades["raw"] += 1
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise


def raw_panel(con: sqlite3.Connection, today: dt.date) -> Callable[[int], None]:
    """The member panel's statements (``core/panel_sql.py``) sent raw, with the rules' stamp."""
    start, end = redemption.month_bounds(today)
    since = str(dt.datetime.combine(today - dt.timedelta(days=member_summary.REFILL_LOOKBACK_DAYS), dt.time()))
    day = today.isoformat()

    def run(member_id: int) -> None:
        con.execute("SELECT version FROM rule_version WHERE id = 1").fetchone()
        if con.execute(panel_sql.MEMBER_SQL, (member_id, str(start), str(end))).fetchone() is None:
            raise AssertionError(f"member {member_id} not found")
        con.execute(panel_sql.LOTS_SQL, (member_id, day)).fetchall()
        con.execute(panel_sql.COUPONS_SQL, (member_id, day, day)).fetchall()
        con.execute(panel_sql.SUPPLIES_SQL, (member_id, since)).fetchall()
    return run


def query_plans(texts: dict[str, str]) -> dict[str, list[str]]:
    """EXPLAIN QUERY PLAN of every statement ``members.lookup`` runs for each sample text."""
    captured: list[tuple[str, tuple]] = []

    class Capture(logging.Handler):
        def emit(self, record):
            if isinstance(record.msg, tuple) and len(record.msg) == 2:
                captured.append(record.msg)

    logger = logging.getLogger("peewee")
    handler, level = Capture(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    plans = {}
    try:
        for name, text in texts.items():
            captured.clear()
            members.lookup(text)
            statements = list(captured)
            plans[name] = [
                f"…{sql[sql.index(' FROM '):]}  ->  "
                + "; ".join(row[-1] for row in database.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params))
                for sql, params in statements]
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    return plans


def run(path: Path, iterations: int, warmup: int, seed: int, only: list[str] | None = None) -> dict:
    if not path.exists():
        raise SystemExit(f"{path} does not exist: run python -m bench.generate_large first")
    rng = random.Random(seed)
    open_database(path)
    con = raw_connection(path)
    info = {
        "path": str(path),
        "bytes": path.stat().st_size,
        "members": con.execute("SELECT COUNT(*) FROM member").fetchone()[0],
        "sales": con.execute("SELECT MAX(id) FROM sale").fetchone()[0] or 0,
        "sqlite": sqlite3.sqlite_version,
        "app_pragmas": {p: database.execute_sql(f"PRAGMA {p}").fetchone()[0]
                        for p in ("journal_mode", "synchronous", "cache_size", "mmap_size")},
        "raw_pragmas": {p: con.execute(f"PRAGMA {p}").fetchone()[0]
                        for p in ("journal_mode", "synchronous", "cache_size", "mmap_size")},
        "iterations": iterations,
        "warmup": warmup,
        # Latency on a shared machine depends on what else runs: keep the load beside the figures.
        "load_before": os.getloadavg()[0],
    }
    total = iterations + warmup
    picked = sample_members(con, rng, total * 3)
    if len(picked) < total:
        raise SystemExit("too few members in the database for this many iterations")
    cards = [m[1] for m in picked[:total]]
    phones = [m[2] for m in picked[total:2 * total]]
    tails = [m[2][-4:] for m in picked[:total]]
    initials = [m[3] for m in picked[2 * total:3 * total]]
    info["plans"] = query_plans({"card": cards[0], "phone": phones[0], "last4": tails[0],
                                 "pinyin": initials[0], "pinyin2": initials[0][:2]})

    rows: list[Row] = []

    def add(name: str, timings: tuple[list[int], list[int], float, float], kind: str) -> None:
        app_ns, raw_ns, statements, raw_statements = timings
        row = Row(name, len(app_ns), percentile(app_ns, 50), percentile(app_ns, 99),
                  percentile(raw_ns, 50), percentile(raw_ns, 99), "", False, statements, raw_statements)
        if kind == "panel":
            row.target = f"≤ {PANEL_RAW_RATIO:g}× raw"
            row.met = row.ratio_p50 <= PANEL_RAW_RATIO and row.ratio_p99 <= PANEL_RAW_RATIO
        elif kind == "lookup":
            row.target = f"p99 ≤ {LOOKUP_P99_MS:g} ms, ≤ {LOOKUP_RAW_RATIO:g}× raw"
            row.met = (row.p99_ms <= LOOKUP_P99_MS and row.ratio_p50 <= LOOKUP_RAW_RATIO
                       and row.ratio_p99 <= LOOKUP_RAW_RATIO)
        else:
            row.target = f"p99 ≤ {SALE_P99_MS:g} ms"
            row.met = row.p99_ms <= SALE_P99_MS
        rows.append(row)
        print(f"  {name}: p50 {row.p50_ms:.3f} ms, p99 {row.p99_ms:.3f} ms "
              f"(raw {row.raw_p50_ms:.3f} / {row.raw_p99_ms:.3f} ms); {row.statements:.1f} statements "
              f"(raw {row.raw_statements:.1f})", file=sys.stderr, flush=True)

    runner = SaleRunner(con, uuid.uuid4().hex[:8])
    runner.census_sales = warmup
    pinyin_raw = raw_lookup(con, RAW_SQL["pinyin"], lambda k: k + "*")
    cases = {  # name: (keys, app call, raw twin, kind)
        "card": (cards, lookup_checked("exact"), raw_lookup(con, RAW_SQL["card"]), "lookup"),
        "phone": (phones, lookup_checked("exact"), raw_lookup(con, RAW_SQL["phone"]), "lookup"),
        "last4": (tails, lookup_checked("matches"), raw_lookup(con, RAW_SQL["last4"]), "lookup"),
        "pinyin": (initials, lookup_checked("matches"), pinyin_raw, "lookup"),
        "pinyin2": ([k[:2] for k in initials], lookup_checked("matches"), pinyin_raw, "lookup"),
        "panel": ([m[0] for m in picked[total:2 * total]],
                  lambda member_id: member_summary.summarize(member_id, dt.date.today()),
                  raw_panel(con, dt.date.today()), "panel"),
        "sale": (list(zip([m[0] for m in picked[:total]], baskets(rng, total, dt.date.today()))), runner.app, runner.raw,
                 "sale"),
    }
    for name in only or cases:
        keys, app, raw, kind = cases[name]
        add({"sale": "record sale", "panel": "member panel"}.get(name, f"lookup {name}"),
            measure(keys, app, raw, warmup, (database.connection(), con)), kind)
    info["load_after"] = os.getloadavg()[0]
    info["tier_upgrades"] = runner.upgrades  # sales that lifted the member's tier, app and raw twin
    info["sale_statements"] = {kind: (len(counts), sum(counts) / len(counts) if counts else float("nan"))
                               for kind, counts in runner.census.items()}
    settings.invalidate()
    con.close()
    core_db.close_database()
    info["rows"] = [dict(asdict(r), ratio_p50=round(r.ratio_p50, 2), ratio_p99=round(r.ratio_p99, 2))
                    for r in rows]
    return info


def print_aligned(lines: list[tuple[str, ...]], left: tuple[int, ...]) -> None:
    """A plain-text table: the ``left`` columns flush left, the figures flush right."""
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    for line in lines:
        print("  ".join(cell.ljust(w) if i in left else cell.rjust(w)
                        for i, (cell, w) in enumerate(zip(line, widths))))


def print_table(info: dict) -> None:
    print(f"{info['path']}: {info['members']:,} members, {info['sales']:,} sales, "
          f"{info['bytes'] / 2**30:.2f} GiB, SQLite {info['sqlite']}")
    print(f"app pragmas {info['app_pragmas']}, raw pragmas {info['raw_pragmas']}; "
          f"{info['iterations']} timed iterations after {info['warmup']} warm-up; "
          f"load average {info['load_before']:.2f} before, {info['load_after']:.2f} after")
    head = ("operation", "n", "p50 ms", "p99 ms", "raw p50", "raw p99", "×raw p50", "×raw p99", "statements",
            "raw stmts", "target", "met")
    lines = [head] + [
        (r["name"], str(r["n"]), f"{r['p50_ms']:.3f}", f"{r['p99_ms']:.3f}", f"{r['raw_p50_ms']:.3f}",
         f"{r['raw_p99_ms']:.3f}", f"{r['ratio_p50']:.1f}", f"{r['ratio_p99']:.1f}", f"{r['statements']:.1f}",
         f"{r['raw_statements']:.1f}", r["target"], "yes" if r["met"] else "NO")
        for r in info["rows"]]
    print_aligned(lines, left=(0, 10))
    print(f"sales that lifted a tier: app {info['tier_upgrades']['app']}, raw twin {info['tier_upgrades']['raw']}")
    if info.get("sale_statements"):
        print("statements per app sale in the warm-up: " + "; ".join(
            f"{kind} {mean:.1f} (n={n})" for kind, (n, mean) in info["sale_statements"].items() if n))
    print("\nquery plans of members.lookup:")
    for name, plans in info["plans"].items():
        for plan in plans:
            print(f"  {name}: {plan}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--iterations", type=int, default=2000)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--only", type=lambda text: text.split(","), metavar="NAMES",
                        help="comma-separated subset of " + ",".join(CASES))
    parser.add_argument("--json", action="store_true", help="print the results as JSON instead of a table")
    args = parser.parse_args(argv)
    if args.only and set(args.only) - set(CASES):
        parser.error(f"--only takes names from {','.join(CASES)}")
    info = run(args.path, args.iterations, args.warmup, args.seed, args.only)
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
    else:
        print_table(info)
    return 0 if all(r["met"] for r in info["rows"]) else 1


if __name__ == "__main__":
    sys.exit(main())
