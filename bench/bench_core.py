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

from pharmacy_desk.core import db as core_db  # noqa: E402
from pharmacy_desk.core import ledger, members, sales, settings  # noqa: E402
from pharmacy_desk.core.db import database, open_database  # noqa: E402
from pharmacy_desk.core.models import Category, Staff  # noqa: E402

DEFAULT_PATH = ROOT / "bench" / "out" / "large.sqlite3"
LOOKUP_P99_MS = 1.0
LOOKUP_RAW_RATIO = 10.0
SALE_P99_MS = 10.0
BASKET_CODES = ("household", "otc", "supplement", "rx", "device", "promo", "other")

CASES = ("card", "phone", "last4", "pinyin", "pinyin2", "sale")
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


def raw_connection(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, isolation_level=None)
    for name, value in core_db.PRAGMAS:
        con.execute(f"PRAGMA {name} = {value}")
    return con


class StatementCount:
    """Statements SQLite runs on a connection (BEGIN and COMMIT included, a trigger's own not)."""

    def __init__(self, con: sqlite3.Connection):
        self.con = con
        self.count = 0

    def _seen(self, sql: str) -> None:
        if not sql.startswith("--"):  # "-- TRIGGER name": statements inside a trigger
            self.count += 1

    def __enter__(self) -> StatementCount:
        self.con.set_trace_callback(self._seen)
        return self

    def __exit__(self, *exc) -> None:
        self.con.set_trace_callback(None)


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


def baskets(rng: random.Random, count: int) -> list[list[tuple[str, int]]]:
    result = []
    for _ in range(count):
        codes = rng.sample(BASKET_CODES, rng.randint(1, 3))
        result.append([(code, rng.randint(5, 400) * 100 + rng.choice((0, 50))) for code in codes])
    return result


class SaleRunner:
    """The two ways of writing one cash sale for a member."""

    def __init__(self, con: sqlite3.Connection, run_id: str):
        self.con = con
        self.run_id = run_id
        self.operator = (Staff.select().where(Staff.role == "cashier").order_by(Staff.id).first()
                         or Staff.create(name="基准测试", role="cashier"))
        self.rules = {c.code: (c.id, c.points_per_block, c.block_fen) for c in Category.select()}
        self.validity = settings.get("points_validity_months")
        self.count = 0

    def app(self, job: tuple[int, list[tuple[str, int]]]) -> None:
        member_id, basket = job
        self.count += 1
        order = sales.SaleInput(lines=[sales.LineInput(code, amount) for code, amount in basket],
                                member_id=member_id, payments={"cash": sum(a for _, a in basket)},
                                amount_confirmed=True)
        sales.record_sale(order, operator=self.operator, uid=f"bench-{self.run_id}-{self.count}")

    def raw(self, job: tuple[int, list[tuple[str, int]]]) -> None:
        """What a hand-written till would insert, with the points a multiplier-1 member earns."""
        member_id, basket = job
        self.count += 1
        uid = f"bench-raw-{self.run_id}-{self.count}"
        now = dt.datetime.now().replace(microsecond=0)
        total = sum(a for _, a in basket)
        points = [a * self.rules[c][1] // self.rules[c][2] for c, a in basket]
        earned = sum(points)
        cur = self.con.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            cur.execute(
                "INSERT INTO sale (uid, receipt_no, member_id, staff_id, owner_staff_id, created_at, total_fen, "
                "coupon_discount_fen, points_used, points_cash_fen, paid_fen, insurance_fen, points_earned) "
                "VALUES (?, ?, ?, ?, NULL, ?, ?, 0, 0, 0, ?, 0, ?)",
                (uid, f"{now:%Y%m%d}-{uid}", member_id, self.operator.id, str(now), total, total, earned))
            sale_id = cur.lastrowid
            cur.execute('INSERT INTO operation ("key", kind, staff_id, created_at, subject) VALUES (?, ?, ?, ?, ?)',
                        (f"sale:{uid}", "sale", self.operator.id, str(now), f"sale:{sale_id}"))
            op_id = cur.lastrowid
            cur.executemany(
                "INSERT INTO sale_line (sale_id, category_id, description, quantity, amount_fen, coupon_share_fen, "
                "points_cash_share_fen, paid_fen, insurance_share_fen, points_base) VALUES (?, ?, '', 1, ?, 0, 0, ?, 0, ?)",
                [(sale_id, self.rules[c][0], a, a, p) for (c, a), p in zip(basket, points)])
            cur.execute("INSERT INTO payment (sale_id, method, amount_fen) VALUES (?, 'cash', ?)", (sale_id, total))
            if earned:
                cur.execute(
                    'INSERT INTO ledger_entry (member_id, kind, points, created_at, expires_on, "key", operation_id, '
                    "staff_id, reason, sale_id) VALUES (?, 'earn', ?, ?, ?, ?, ?, ?, '', ?)",
                    (member_id, earned, str(now), ledger.add_months(now.date(), self.validity).isoformat(),
                     f"sale:{uid}/earn", op_id, self.operator.id, sale_id))
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise


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
        if kind == "lookup":
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
    pinyin_raw = raw_lookup(con, RAW_SQL["pinyin"], lambda k: k + "*")
    cases = {  # name: (keys, app call, raw twin, kind)
        "card": (cards, lookup_checked("exact"), raw_lookup(con, RAW_SQL["card"]), "lookup"),
        "phone": (phones, lookup_checked("exact"), raw_lookup(con, RAW_SQL["phone"]), "lookup"),
        "last4": (tails, lookup_checked("matches"), raw_lookup(con, RAW_SQL["last4"]), "lookup"),
        "pinyin": (initials, lookup_checked("matches"), pinyin_raw, "lookup"),
        "pinyin2": ([k[:2] for k in initials], lookup_checked("matches"), pinyin_raw, "lookup"),
        "sale": (list(zip([m[0] for m in picked[:total]], baskets(rng, total))), runner.app, runner.raw, "sale"),
    }
    for name in only or cases:
        keys, app, raw, kind = cases[name]
        add("record sale" if name == "sale" else f"lookup {name}",
            measure(keys, app, raw, warmup, (database.connection(), con)), kind)
    info["load_after"] = os.getloadavg()[0]
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
