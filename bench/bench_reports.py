"""The owner's monthly report on a large database, beside the same figures in hand-written SQL.

Builds one month's full report (``build_report`` with no trend: monthly figures,
categories, tier and age/gender mix, RFM segments, staff credit) through the app twice,
computed from the records ("before", ``live=True``) and as the app builds it ("after": a
closed month read from its stored figures), and computes the same figures with SQL typed
straight into a plain ``sqlite3`` connection (same file, same pragmas), rotating which goes
first. Both answers are compared with the SQL figure by figure, so the benchmark also checks
the report on data no hand fixture reaches. Prints each part's time and the totals, the
12-month trend before and after (``--trend``), and the current month the same way: alone and
with its trend, as the app builds it (the months before it stored, the month itself computed),
beside the same figures in hand-written SQL and compared with them. Exit 1 when a report takes
more than 2 s or (a closed month) more than 3× the SQL, or a trend more than 3 s.

Every time is given in wall seconds and, for the current month, in CPU seconds of the process
(SQLite's work included): on a shared machine the wall time is mostly waiting for a core.

Close the months first (``pharmacy-desk housekeeping``, or the app's first start of a month);
the database is then only read. ``--current-only`` times only the current month; ``--today``
opens the report on another day, at 21:00, for a file whose months before that day are closed
and whose members' running figures are that day's (bench/README.md says how to make one).

Run from the repository root:
  python -m bench.bench_reports [PATH] [--month YYYY-MM] [--repeat 3] [--trend] [--current-only] [--today DAY]
PATH defaults to bench/out/large.sqlite3 (see bench.generate_large); the month
defaults to the last whole month with sales.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import inspect
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pharmacy_desk.core import activity, operations, settings  # noqa: E402
from pharmacy_desk.core.db import database, open_database  # noqa: E402
from pharmacy_desk.core.dialect import PRAGMAS  # noqa: E402
from pharmacy_desk.core.ledger import add_months  # noqa: E402
from pharmacy_desk.core.models import Staff  # noqa: E402
from pharmacy_desk.core.reports import closing  # noqa: E402
from pharmacy_desk.core.reports.period import Month  # noqa: E402
from pharmacy_desk.core.reports.report import build_report  # noqa: E402
from pharmacy_desk.core.reports.rfm import SEGMENTS, RfmThresholds  # noqa: E402

DEFAULT_PATH = ROOT / "bench" / "out" / "large.sqlite3"
TARGET_S = 2.0
TARGET_RATIO = 3.0
TARGET_TREND_S = 3.0


def sql_report(con: sqlite3.Connection, month: Month, dormant_months: int, percent: int,
               rfm: RfmThresholds) -> tuple[dict, dict]:
    """The report's figures in plain SQL; returns (figures, seconds per part)."""
    start, end = month.first_day.isoformat(), month.end.isoformat()
    cut = add_months(month.end, -dormant_months).isoformat()
    prev = add_months(month.end, -dormant_months - 1).isoformat()
    out, took = {}, {}

    def q(part, sql, params=()):
        began = time.perf_counter()
        rows = con.execute(sql, params).fetchall()
        took[part] = took.get(part, 0.0) + time.perf_counter() - began
        return rows

    month_sales = "FROM sale WHERE created_at >= ? AND created_at < ?"
    for walkin, n, fen in q("sales", f"SELECT member_id IS NULL, COUNT(*), SUM(paid_fen) {month_sales}"
                                     " GROUP BY member_id IS NULL", (start, end)):
        out[f"sales{walkin}"] = (n, fen)
    out["refunds"] = sorted(q("sales", "SELECT s.member_id IS NULL, SUM(r.refund_fen) FROM sale_return r"
                                       " JOIN sale s ON s.id = r.sale_id WHERE r.created_at >= ? AND r.created_at < ?"
                                       " GROUP BY 1", (start, end)))
    out["active"] = q("activity", f"SELECT COUNT(*), SUM(n >= 2) FROM (SELECT COUNT(*) AS n {month_sales}"
                                  " AND member_id IS NOT NULL GROUP BY member_id)", (start, end))[0]
    out["members"] = q("members", "SELECT SUM(joined_on >= ?), COUNT(*) FROM member NOT INDEXED WHERE joined_on < ?",
                       (start, end))[0]
    out["dormant"] = q("dormant", "SELECT SUM(last < ?), SUM(last >= ? AND last < ?) FROM"
                                  " (SELECT MAX(created_at) AS last FROM sale WHERE member_id IS NOT NULL"
                                  " AND created_at < ? GROUP BY member_id)", (cut, prev, cut, end))[0]
    out["lost"] = dict(q("dormant", "SELECT m.owner_staff_id, COUNT(*) FROM (SELECT member_id, MAX(created_at) AS last"
                                    " FROM sale WHERE member_id IS NOT NULL AND created_at < ? GROUP BY member_id) d"
                                    " JOIN member m ON m.id = d.member_id WHERE d.last >= ? AND d.last < ?"
                                    " AND m.owner_staff_id IS NOT NULL GROUP BY 1", (end, prev, cut)))
    out["points"] = dict(q("points", "SELECT kind, SUM(points) FROM ledger_entry WHERE created_at >= ?"
                                     " AND created_at < ? GROUP BY kind", (start, end)))
    out["outstanding"] = q("points", "SELECT SUM(points) FROM ledger_entry NOT INDEXED")[0][0] - (
        q("points", "SELECT COALESCE(SUM(points), 0) FROM ledger_entry WHERE created_at >= ?", (end,))[0][0])
    # coupons used in the month, less those whole-sale returns of the month gave back
    out["coupons"] = q("coupons", "SELECT (SELECT COUNT(*) FROM coupon WHERE issued_at >= ?1 AND issued_at < ?2),"
                                  " (SELECT COUNT(*) FROM coupon_use WHERE used_at >= ?1 AND used_at < ?2)"
                                  " - (SELECT COUNT(*) FROM sale_return WHERE coupon_restored"
                                  " AND created_at >= ?1 AND created_at < ?2)", (start, end))[0]
    out["categories"] = dict(q("categories", "SELECT c.code, SUM(l.paid_fen) FROM sale s JOIN sale_line l"
                                             " ON l.sale_id = s.id JOIN category c ON c.id = l.category_id"
                                             " WHERE s.created_at >= ? AND s.created_at < ? GROUP BY c.code",
                               (start, end)))
    out["tiers"] = dict(q("mix", "SELECT t.code, COUNT(*) FROM member m NOT INDEXED JOIN tier t ON t.id = COALESCE("
                                 "(SELECT c.from_tier_id FROM tier_change c WHERE c.member_id = m.id AND c.changed_at >= ?1"
                                 " ORDER BY c.changed_at, c.id LIMIT 1), m.tier_id) WHERE m.joined_on < ?1 GROUP BY t.code",
                          (end,)))
    ages = {}
    for birthday, gender in q("mix", "SELECT birthday, gender FROM member NOT INDEXED WHERE joined_on < ?", (end,)):
        ages[(birthday is None, gender)] = ages.get((birthday is None, gender), 0) + 1
    out["genders"] = {g: sum(n for (_, gg), n in ages.items() if gg == g) for g in ("F", "M", "")}
    window = add_months(month.end, -rfm.window_months).isoformat()
    r, f, m = rfm.recency_days, rfm.frequency, rfm.money_fen
    out["rfm"] = dict(((bool(a), bool(b), bool(c)), n) for a, b, c, n in q("rfm", f"""
        WITH agg AS (SELECT CAST(julianday(?2) - julianday(date(MAX(created_at))) AS INTEGER) AS r, COUNT(*) AS f,
                            SUM(paid_fen) AS m FROM sale WHERE created_at >= ?1 AND created_at < ?2
                     AND member_id IS NOT NULL GROUP BY member_id),
        s AS (SELECT CASE WHEN r <= {r[0]} THEN 5 WHEN r <= {r[1]} THEN 4 WHEN r <= {r[2]} THEN 3
                          WHEN r <= {r[3]} THEN 2 ELSE 1 END AS rs,
                     CASE WHEN f >= {f[0]} THEN 5 WHEN f >= {f[1]} THEN 4 WHEN f >= {f[2]} THEN 3
                          WHEN f >= {f[3]} THEN 2 ELSE 1 END AS fs,
                     CASE WHEN m >= {m[0]} THEN 5 WHEN m >= {m[1]} THEN 4 WHEN m >= {m[2]} THEN 3
                          WHEN m >= {m[3]} THEN 2 ELSE 1 END AS ms FROM agg),
        a AS (SELECT COUNT(*) AS n, SUM(rs) AS sr, SUM(fs) AS sf, SUM(ms) AS sm FROM s)
        SELECT rs * n > sr, fs * n > sf, ms * n > sm, COUNT(*) FROM s, a GROUP BY 1, 2, 3""", (window, end)))
    credit = {}
    for served, owner, split, fen in q("staff", "SELECT staff_id, owner_staff_id,"
                                                " owner_staff_id IS NOT NULL AND owner_staff_id <> staff_id, paid_fen"
                                                f" {month_sales}", (start, end)):
        share = (fen * percent + 50) // 100 if split else 0
        credit[served] = credit.get(served, 0) + fen - share
        if split:
            credit[owner] = credit.get(owner, 0) + share
    out["credit"] = credit
    return out, took


def compare(report, sql: dict) -> list[str]:
    """Differences between the app's report and the SQL figures (empty when they agree)."""
    f = report.figures
    member, walkin = sql.get("sales0", (0, 0)), sql.get("sales1", (0, 0))
    refunds = dict(sql["refunds"])
    pts = sql["points"]
    want = {
        "sales_member_fen": member[1] - refunds.get(0, 0), "sales_walkin_fen": walkin[1] - refunds.get(1, 0),
        "member_sales_count": member[0], "sales_count": member[0] + walkin[0],
        "active_members": sql["active"][0], "new_members": sql["members"][0], "members_total": sql["members"][1],
        "dormant_members": sql["dormant"][0], "newly_dormant": sql["dormant"][1],
        "points_redeemed": -(pts.get("redeem", 0) + pts.get("gift", 0)), "points_expired": -pts.get("expire", 0),
        "points_outstanding": sql["outstanding"], "coupons_issued": sql["coupons"][0], "coupons_used": sql["coupons"][1],
    }
    problems = [f"{k}: app {getattr(f, k)} ≠ SQL {v}" for k, v in want.items() if getattr(f, k) != v]
    if f.repurchase_rate * sql["active"][0] != (sql["active"][1] or 0):
        problems.append("repurchase_rate")
    if {c.code: c.paid_fen for c in report.categories} != sql["categories"]:
        problems.append("categories")
    if {t.code: t.members for t in report.tiers if t.members} != sql["tiers"]:
        problems.append(f"tiers {report.tiers} vs {sql['tiers']}")
    if {g: report.ages.gender_total(g) for g in ("F", "M", "")} != sql["genders"]:
        problems.append("genders")
    if {name: n for name, n in report.rfm.segments.items()} != {SEGMENTS[k]: n for k, n in sql["rfm"].items()}:
        problems.append("rfm")
    if not sql["refunds"] and {s.staff_id: s.credited_fen for s in report.staff if s.credited_fen} != {
            k: v for k, v in sql["credit"].items() if v}:
        problems.append("staff credit")
    if {s.staff_id: s.newly_dormant for s in report.staff if s.newly_dormant} != sql["lost"]:
        problems.append("staff lost")
    return problems


def app_parts(month: Month) -> dict[str, float]:
    """The app's report piece by piece, to show where the time goes.

    A month after a closed one starts from that month's points owed, as ``build_report`` does
    (when the code measured knows how).
    """
    from pharmacy_desk.core.reports import dormancy, mix, monthly, rfm, staff

    before = closing.stored([month.shifted(-1)]).get(month.shifted(-1))
    opening = {}
    if before is not None and "opening_points" in inspect.signature(monthly.monthly_series).parameters:
        opening = {"opening_points": before.figures.points_outstanding}
    took = {}

    def timed(name, work):
        began = time.perf_counter()
        result = work()
        took[name] = time.perf_counter() - began
        return result

    together = getattr(rfm, "dormancy_and_segments", None)
    if together is not None and together(month) is not None:  # the current month: one pass for both
        dormant = [timed("dormancy + rfm", lambda: together(month))[0]]
    else:
        dormant = timed("dormancy", lambda: dormancy.dormancy_series([month]))
    timed("figures", lambda: monthly.monthly_series([month], dormant=dormant, **opening))
    timed("categories", lambda: monthly.top_categories(month))
    timed("tiers", lambda: mix.tier_mix(month))
    timed("ages", lambda: mix.age_gender(month))
    if "dormancy + rfm" not in took:
        timed("rfm", lambda: rfm.rfm_segments(month))
    timed("staff", lambda: staff.staff_report(month, dormant=dormant[0]))
    return took


def _timed(work) -> tuple[float, object]:
    began = time.perf_counter()
    result = work()
    return time.perf_counter() - began, result


def _timed_cpu(work) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds of this process, SQLite's included, the result)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def current_month(raw: sqlite3.Connection, current: Month, owner: Staff, repeat: int, dormant_months: int,
                  percent: int) -> bool:
    """The month under way as the owner opens it, alone and with its trend, beside the hand-written SQL."""
    today = operations.now().date()
    stored_before = current.shifted(-1) in closing.stored([current.shifted(-1)])
    print(f"the current month {current} (month before stored: {'yes' if stored_before else 'no'};"
          f" dormancy and RFM from the running figures: {'yes' if activity.covers(current.first_day, today) else 'no'})")
    print("  app parts (s): " + ", ".join(f"{k} {v:.3f}" for k, v in app_parts(current).items()))
    times: dict[str, list[float]] = {"report": [], "trend": [], "sql": []}
    cpus: dict[str, list[float]] = {"report": [], "trend": [], "sql": []}
    report = None
    for i in range(repeat):
        order = ["report", "trend", "sql"]
        for which in order[i % 3:] + order[:i % 3]:
            if which == "sql":
                seconds, cpu, (figures, _) = _timed_cpu(lambda: sql_report(raw, current, dormant_months, percent,
                                                                           RfmThresholds()))
            else:
                seconds, cpu, report = _timed_cpu(functools.partial(build_report, current, owner,
                                                                    trend_months=1 if which == "report" else 12))
            times[which].append(seconds)
            cpus[which].append(cpu)
    median = {which: statistics.median(values) for which, values in times.items()}
    cpu = {which: statistics.median(values) for which, values in cpus.items()}
    problems = compare(report, figures)
    print(f"  month report {median['report']:.3f} s (CPU {cpu['report']:.3f} s), with the 12-month trend"
          f" {median['trend']:.3f} s (CPU {cpu['trend']:.3f} s), hand-written SQL {median['sql']:.3f} s"
          f" (CPU {cpu['sql']:.3f} s); ratio {median['report'] / median['sql']:.2f}")
    print(f"  runs: report {[round(t, 3) for t in times['report']]}, trend {[round(t, 3) for t in times['trend']]},"
          f" SQL {[round(t, 3) for t in times['sql']]}")
    print("  figures agree" if not problems else "  DIFFERENCES: " + "; ".join(problems))
    return median["report"] <= TARGET_S and median["trend"] <= TARGET_TREND_S and not problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--month", type=Month.parse, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--trend", action="store_true", help="also time the 12-month trend the charts window draws")
    parser.add_argument("--current-only", action="store_true",
                        help="only the current month, alone and with its trend (not a closed month computed again)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None,
                        help="the report opened on this day, at 21:00 (the current month is its month)")
    args = parser.parse_args(argv)
    if args.today is not None:
        evening = dt.datetime.combine(args.today, dt.time(21))
        operations.now = lambda: evening  # type: ignore[assignment]
    if not args.path.exists():
        print(f"{args.path} does not exist: build it with python -m bench.generate_large", file=sys.stderr)
        return 2
    open_database(args.path)
    raw = sqlite3.connect(args.path)
    for name, value in PRAGMAS:
        raw.execute(f"PRAGMA {name}={value}")
    last = database.execute_sql("SELECT MAX(created_at) FROM sale").fetchone()[0]
    month = args.month or Month.parse(last[:7]).shifted(-1)
    counts = database.execute_sql("SELECT (SELECT COUNT(*) FROM member), (SELECT COUNT(*) FROM sale),"
                                  " (SELECT COUNT(*) FROM ledger_entry)").fetchone()
    owner = Staff.get(Staff.role == "owner")  # the report is the owner's to see
    dormant_months, percent = settings.get("dormant_months"), settings.get("owner_credit_percent")
    if args.current_only:
        print(f"{args.path}: {counts[0]:,} members, {counts[1]:,} sales, {counts[2]:,} ledger entries")
        ok = current_month(raw, Month.of(operations.now().date()), owner, args.repeat, dormant_months, percent)
        print(f"targets (≤ {TARGET_S} s, trend ≤ {TARGET_TREND_S} s, same figures): {'met' if ok else 'MISSED'}")
        return 0 if ok else 1
    closed = month in closing.stored([month])
    print(f"{args.path}: {counts[0]:,} members, {counts[1]:,} sales, {counts[2]:,} ledger entries; month {month}"
          f" ({'closed: its figures are stored' if closed else 'not closed: run housekeeping to close it'})")
    times: dict[str, list[float]] = {"before": [], "after": [], "sql": []}
    parts: dict[str, list[float]] = {}
    build_report(month, owner, trend_months=1, live=True)  # warm the page cache for all three
    reports = {}
    for i in range(args.repeat):
        order = ["before", "after", "sql"]
        for which in order[i % 3:] + order[:i % 3]:
            if which == "sql":
                seconds, (figures, took) = _timed(lambda: sql_report(raw, month, dormant_months, percent,
                                                                     RfmThresholds()))
                for part, spent in took.items():
                    parts.setdefault(part, []).append(spent)
            else:
                seconds, reports[which] = _timed(functools.partial(build_report, month, owner, trend_months=1,
                                                                   live=which == "before"))
            times[which].append(seconds)
    problems = {which: compare(reports[which], figures) for which in ("before", "after")}
    print("app parts, computed from the records (s): "
          + ", ".join(f"{k} {v:.3f}" for k, v in app_parts(month).items()))
    print("SQL parts (median s): " + ", ".join(f"{k} {statistics.median(v):.3f}" for k, v in parts.items()))
    median = {which: statistics.median(values) for which, values in times.items()}
    for which, label in (("before", "computed from the records (before)"), ("after", "as the app builds it (after)")):
        print(f"month report, {label}: {median[which]:.4f} s, hand-written SQL {median['sql']:.3f} s,"
              f" ratio {median[which] / median['sql']:.2f}  (runs {[round(t, 3) for t in times[which]]})")
        print("  figures agree" if not problems[which] else "  DIFFERENCES: " + "; ".join(problems[which]))
    ok = median["after"] <= TARGET_S and median["after"] <= TARGET_RATIO * median["sql"] and not any(
        problems.values())
    if args.trend:
        before, _ = _timed(lambda: build_report(month, owner, trend_months=12, live=True))
        after, _ = _timed(lambda: build_report(month, owner, trend_months=12))
        print(f"with the 12-month trend (charts window): before {before:.3f} s, after {after:.4f} s")
        ok = ok and after <= TARGET_TREND_S
    current = Month.of(operations.now().date())
    ok = current_month(raw, current, owner, args.repeat, dormant_months, percent) and ok
    print(f"targets (≤ {TARGET_S} s, ≤ {TARGET_RATIO}× SQL, trend ≤ {TARGET_TREND_S} s, same figures): "
          f"{'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
