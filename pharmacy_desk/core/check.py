"""数据检查: SQLite's own check of the file, the append-only guards, the triggers that keep derived
figures, the indexes and views of the schema and the hash chain, plus
every invariant of the points ledger and sales.

Each invariant is one SQL query returning the offending rows, reading its tables in
their stored order or through covering indexes, so the time grows with the data, not
faster. ``check`` runs SQLite's quick check with them and hashes the chained rows added
since the newest checkpoint; ``check --full`` runs the full integrity check (every index
against its table) and the foreign-key check instead, and hashes every chained row from
the first, which take several times longer on a large file.

SQLite's own check is one long statement that reads every page; the invariants are many
short ones over the business tables. Where the computer has two cores to give them, the
engine's check runs on a second connection beside the rest (``side_by_side``), and the
report is assembled exactly as when they run one after the other. On one core the two
would only take turns, so there they run one after the other.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass

from peewee import DatabaseError

from pharmacy_desk.core import chain, chain_checkpoint, dialect, dialect_catalog, kept_figures, repairs, schema, schema_objects
from pharmacy_desk.core.db import database, database_path
from pharmacy_desk.core.errors import explain_storage_error


@dataclass(frozen=True)
class Problem:
    check: str
    detail: str


# (description, SQL returning one row per violation, format of the row)
LEDGER_CHECKS = (
    # Summed from the member-and-points index (schema v15), already in member order: the
    # table read straight through had to be sorted by member first, and through an index on
    # the member alone each row's page would be fetched again.
    ("会员积分余额为负", """
        SELECT member_id, SUM(points) FROM ledger_entry GROUP BY member_id HAVING SUM(points) < 0""",
     "会员 {0} 余额 {1}"),
    # Each check over a small table (allocations, returns) reads that table straight through,
    # sums it by what it points at, and looks the large table up by rowid in ascending order:
    # the work is the size of the small table, not of every lot or sale ever made.
    ("积分批次被超额使用", f"""
        SELECT l.id, l.points, a.used FROM (
            SELECT lot_id, SUM(points) AS used FROM {dialect.full_scan("ledger_allocation")} GROUP BY lot_id) a
        JOIN ledger_entry l ON l.id = a.lot_id WHERE a.used > l.points""",
     "批次 {0} 共 {1} 分，已用 {2} 分"),
    ("扣减未完整分配到批次", """
        SELECT d.id, d.points, COALESCE(SUM(a.points), 0) FROM ledger_entry d
        LEFT JOIN ledger_allocation a ON a.debit_id = d.id
        WHERE d.points < 0 GROUP BY d.id HAVING COALESCE(SUM(a.points), 0) <> -d.points""",
     "流水 {0} 扣 {1} 分，分配 {2} 分"),
    ("分配指向了非扣减或非入账流水", """
        SELECT a.id FROM ledger_allocation a JOIN ledger_entry d ON d.id = a.debit_id
        JOIN ledger_entry l ON l.id = a.lot_id WHERE d.points >= 0 OR l.points <= 0""",
     "分配 {0}"),
    ("跨会员使用积分", """
        SELECT a.id, d.member_id, l.member_id FROM ledger_allocation a JOIN ledger_entry d ON d.id = a.debit_id
        JOIN ledger_entry l ON l.id = a.lot_id WHERE d.member_id <> l.member_id""",
     "分配 {0}：会员 {1} 用了会员 {2} 的积分"),
    ("积分批次缺少到期日", """
        SELECT id FROM ledger_entry WHERE points > 0 AND expires_on IS NULL""", "流水 {0}"),
    ("过期扣减了未到期的批次", f"""
        SELECT d.id, l.id FROM ledger_entry d JOIN ledger_allocation a ON a.debit_id = d.id
        JOIN ledger_entry l ON l.id = a.lot_id
        WHERE d.kind = 'expire' AND l.expires_on > {dialect.date_of("d.created_at")}""",
     "过期流水 {0} 扣了批次 {1}"),
    # Points earned and points used against the sale's ledger entries in one pass: one probe
    # of the ledger's sale index a sale, its entries lying in the table in sale order.
    ("消费记录的积分与流水不符", """
        SELECT s.id, s.points_earned, COALESCE(SUM(CASE WHEN e.kind = 'earn' THEN e.points END), 0),
               s.points_used, COALESCE(-SUM(CASE WHEN e.kind = 'redeem' THEN e.points END), 0)
        FROM sale s LEFT JOIN ledger_entry e ON e.sale_id = s.id
        WHERE s.member_id IS NOT NULL GROUP BY s.id
        HAVING s.points_earned <> COALESCE(SUM(CASE WHEN e.kind = 'earn' THEN e.points END), 0)
            OR s.points_used <> COALESCE(-SUM(CASE WHEN e.kind = 'redeem' THEN e.points END), 0)""",
     "消费 {0}：记得 {1} 分、用 {3} 分，流水得 {2} 分、用 {4} 分"),
    ("退货扣回或退回的积分超过原消费", f"""
        SELECT s.id, s.points_earned, r.clawed, s.points_used, r.refunded FROM (
            SELECT sale_id, SUM(points_clawed + points_shortfall) AS clawed, SUM(points_refunded) AS refunded
            FROM {dialect.full_scan("sale_return")} GROUP BY sale_id) r
        JOIN sale s ON s.id = r.sale_id WHERE r.clawed > s.points_earned OR r.refunded > s.points_used""",
     "消费 {0}：得 {1} 分扣回 {2} 分，用 {3} 分退回 {4} 分"),
    ("消费金额不平", """
        SELECT id, total_fen, coupon_discount_fen, points_cash_fen, paid_fen FROM sale
        WHERE total_fen - coupon_discount_fen - points_cash_fen <> paid_fen""",
     "消费 {0}：{1} - {2} - {3} ≠ {4}"),
    ("支付合计与实收不符", """
        SELECT s.id, s.paid_fen, COALESCE(SUM(p.amount_fen), 0) FROM sale s LEFT JOIN payment p ON p.sale_id = s.id
        GROUP BY s.id HAVING s.paid_fen <> COALESCE(SUM(p.amount_fen), 0)""",
     "消费 {0} 实收 {1}，支付 {2}"),
    ("明细合计与消费金额不符", """
        SELECT s.id, s.total_fen, SUM(l.amount_fen), s.paid_fen, SUM(l.paid_fen) FROM sale s
        JOIN sale_line l ON l.sale_id = s.id GROUP BY s.id
        HAVING s.total_fen <> SUM(l.amount_fen) OR s.paid_fen <> SUM(l.paid_fen)""",
     "消费 {0}：合计 {1}/{2}，实收 {3}/{4}"),
    ("退货超过原消费", f"""
        SELECT l.id, l.amount_fen, r.returned FROM (
            SELECT sale_line_id, SUM(amount_fen) AS returned FROM {dialect.full_scan("sale_return_line")}
            GROUP BY sale_line_id) r
        JOIN sale_line l ON l.id = r.sale_line_id WHERE r.returned > l.amount_fen""",
     "明细 {0} 金额 {1}，已退 {2}"),
    ("优惠券被重复使用", """
        SELECT s.coupon_id, COUNT(*) - (SELECT COUNT(*) FROM sale_return r JOIN sale s2 ON s2.id = r.sale_id
                                        WHERE s2.coupon_id = s.coupon_id AND r.coupon_restored) AS active
        FROM sale s WHERE s.coupon_id IS NOT NULL GROUP BY s.coupon_id HAVING active > 1""",
     "券 {0} 同时用于 {1} 笔消费"),
)


def integrity_problems(*, full: bool = True) -> list[Problem]:
    """What SQLite finds wrong with the file: the quick check, or (``full``) the integrity and foreign-key checks."""
    problems = engine_problems(full=full)
    if problems or not full:  # reading the rows again would only meet the damaged pages
        return problems
    return foreign_key_problems()


def engine_problems(*, full: bool) -> list[Problem]:
    """SQLite's check of every page: the quick check, or (``full``) the integrity check, indexes against tables."""
    name = "SQLite 完整性检查" if full else "SQLite 快速检查"
    try:
        findings = dialect.integrity_errors(database) if full else dialect.quick_check_errors(database)
    except Exception as error:
        # A page the check itself cannot read (a table's root overwritten) stops it: that is its finding.
        storage = explain_storage_error(error)
        if storage is None or storage.kind not in ("corrupt", "notadb"):
            raise
        return [Problem(name, f"检查读到损坏的页面就停下了，文件无法读完（{error}）")]
    return [Problem(name, text) for text in findings]


def foreign_key_problems() -> list[Problem]:
    return [Problem("外键指向不存在的记录", f"表 {table} 第 {row} 行")
            for table, row in dialect.foreign_key_violations(database)]


def trigger_problems() -> list[Problem]:
    """The append-only guards and the triggers keeping derived figures that are missing or altered now,
    and those the opening found so and put back."""
    present = dialect_catalog.trigger_names(database)
    problems = [Problem("缺少只追加保护" if name not in present else "只追加保护被改动", f"触发器 {name}")
                for name in schema.missing_guards()]
    problems += [Problem("缺少只追加保护", f"触发器 {name} 曾缺失或被改动，打开数据库时已恢复")
                 for name in schema.restored_at_open]
    problems += [Problem("缺少维护统计的触发器" if name not in present else "维护统计的触发器被改动",
                         f"触发器 {name}（{kept_figures.figure_of(name).tables} 不再随记录更新）")
                 for name in kept_figures.missing_triggers()]
    problems += [Problem("缺少维护统计的触发器",
                         f"触发器 {name} 曾缺失或被改动，打开数据库时已恢复，{kept_figures.figure_of(name).tables} 已重算")
                 for name in kept_figures.restored_at_open]
    return problems


OBJECT_WORDS = {"index": "索引", "view": "视图"}


def object_problems() -> list[Problem]:
    """The indexes and views of the current schema that are missing or altered now, and those the opening put back."""
    present = {kind: dialect_catalog.schema_objects(database, kind) for kind in schema_objects.KINDS}
    problems = [Problem(f"缺少{OBJECT_WORDS[wanted.kind]}" if wanted.name not in present[wanted.kind]
                        else f"{OBJECT_WORDS[wanted.kind]}被改动", f"{OBJECT_WORDS[wanted.kind]} {wanted.name}")
                for wanted in schema_objects.changed()]
    declared = schema_objects.declared()
    problems += [Problem(f"缺少{OBJECT_WORDS[declared[name].kind]}",
                         f"{OBJECT_WORDS[declared[name].kind]} {name} 曾缺失或被改动，打开数据库时已恢复")
                 for name in repairs.restored_at_open]
    return problems


def chain_problems(verification: chain_checkpoint.Verification | None = None) -> list[Problem]:
    """The first row of the ledger or the audit trail whose hash does not follow the chain, and a tampered checkpoint.

    ``verification`` is what ``chain_checkpoint.verify`` found; None verifies from the newest checkpoint now.
    """
    verification = verification or chain_checkpoint.verify()
    problems = [Problem("哈希链校验点被改动", text) for text in verification.checkpoint_problems]
    if verification.broken is not None:
        problems.append(Problem("记录被改动（哈希链断开）", str(verification.broken)))
    return problems


def head_problems(recorded_head: str) -> list[Problem]:
    """Whether a chain head recorded earlier (with a backup, a day-end report) is still in the chain."""
    why = chain.head_mismatch(recorded_head)
    return [] if why is None else [Problem("记录与先前的链头不符", why)]


def ledger_problems(limit: int = 20) -> list[Problem]:
    problems = []
    for name, sql, fmt in LEDGER_CHECKS:
        for row in database.execute_sql(f"{sql} LIMIT {int(limit)}").fetchall():
            problems.append(Problem(name, fmt.format(*row)))
    return problems


@dataclass(frozen=True)
class Report:
    problems: list[Problem]
    chain: chain_checkpoint.Verification  # how the hash chains were verified, and how far
    file_sound: bool  # SQLite's own check (quick, or integrity and foreign keys) found nothing


def usable_cores() -> int:
    """How many cores this process may run on."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


def side_by_side() -> bool:
    """Whether SQLite's own check runs on a second connection beside the invariants: a file, and two cores."""
    return database_path() is not None and usable_cores() >= 2


def examine(*, full: bool = True, recorded_head: str | None = None, quick_checked: bool = False) -> Report:
    """Every check, and what the chain verification reached (``check`` records it as the next checkpoint).

    ``full=False`` is ``check`` without ``--full``: SQLite's quick check instead of its
    integrity and foreign-key checks, and the hash chains verified only after the newest
    checkpoint (``core/chain_checkpoint.py``) instead of from the first row.
    ``recorded_head`` is a ``chain.head()`` written down earlier: the rows it names must be
    unchanged. ``quick_checked``: the file passed the quick check a moment ago (the opening
    ran it), so the plain check does not read every page a second time.
    """
    parallel = side_by_side()
    with dialect.bulk_reading(database), ExitStack() as stack:
        engine: Callable[[], list[Problem]]
        if quick_checked and not full:
            engine = list
        elif parallel:
            engine = stack.enter_context(
                dialect.reading_beside(database, lambda: engine_problems(full=full))).result
        else:
            found = engine_problems(full=full)
            engine = lambda: found  # noqa: E731
        verification = chain_checkpoint.verify(full=full)
        rest = trigger_problems() + object_problems() + ledger_problems() + chain_problems(verification)
        if recorded_head:
            rest += head_problems(recorded_head)
        # Side by side, the foreign-key check runs while the integrity check still reads the file.
        keys = _attempt(foreign_key_problems) if full and parallel else foreign_key_problems
        storage = engine()
        if full and not storage:  # a damaged file's rows would only meet the damaged pages again
            storage = keys()
    return Report(storage + rest, verification, file_sound=not storage)


# What a query on a damaged file raises: peewee's errors, and the driver's where peewee lets them through.
DATABASE_ERRORS: tuple[type[BaseException], ...] = (DatabaseError, *dialect.DRIVER_ERRORS)


def _attempt(call: Callable[[], list[Problem]]) -> Callable[[], list[Problem]]:
    """Run ``call`` now; what it returned, or the database error it raised, is given when asked for.

    The foreign-key check made beside the integrity check counts only if the integrity check
    passes: on a damaged file its error reading a damaged page is then never raised, as the
    check would not have run.
    """
    try:
        found = call()
    except DATABASE_ERRORS as error:
        failure = error

        def again() -> list[Problem]:
            raise failure
        return again
    return lambda: found


def run_checks(*, full: bool = True, recorded_head: str | None = None) -> list[Problem]:
    """Every check (``examine``); an empty list means the database is sound."""
    return examine(full=full, recorded_head=recorded_head).problems
