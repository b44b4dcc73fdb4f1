"""Benchmark: importing a legacy member list, and exporting 100,000 members.

Run: ``python bench/bench_import.py [--rows 100000] [--keep DIR] [--before CHECKOUT] [--sizes …]``.

In the same run, on the same generated files, it times, each in a process of its own
so that its peak memory (the process's maximum resident set) is its own:
  * the app's import end to end (safety checks, read, header, cleaning, merge
    planning, chunked commit with opening balances) into a fresh database, stage by
    stage, with the code of this checkout and, with ``--before``, of another one;
  * what a technical owner would do by hand: ``pandas.read_excel`` (openpyxl
    engine) + ``DataFrame.to_sql`` into SQLite, without any cleaning;
  * ``pandas.read_excel`` with the calamine engine;
  * a bare ``python_calamine`` read of the sheet (the floor);
  * exporting every member of the imported database to .xlsx;
  * refusing a 5 kB sparse-cell bomb (one cell at GR499999), which a bare read
    would take gigabytes for;
  * the peak memory of an import of a 20 MB ``.xlsx`` and a 20 MB ``.csv`` of the same
    messy shape, and of a 500,000-row list.
pandas is not a dependency of the app: without it those two columns are skipped, said so.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧阳"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国红玉梅萍鹏飞辉亮波宁斌浩凯文博志海燕晨雪琳"


def messy_phone(rng: random.Random, number: str) -> object:
    style = rng.randrange(8)
    if style == 0:
        return int(number)
    if style == 1:
        return float(number)
    if style == 2:
        return f"{number[:3]} {number[3:7]} {number[7:]}"
    if style == 3:
        return f"{number[:3]}-{number[3:7]}-{number[7:]}"
    if style == 4:
        return f"+86 {number}"
    if style == 5:
        return f"{number}.0"
    if style == 6:
        return number.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return number


def messy_date(rng: random.Random, day: dt.date) -> object:
    style = rng.randrange(7)
    if style == 0:
        return day
    if style == 1:
        return (day - dt.date(1899, 12, 30)).days
    if style == 2:
        return f"{day.year}-{day.month}-{day.day}"
    if style == 3:
        return f"{day:%Y/%m/%d}"
    if style == 4:
        return f"{day:%Y%m%d}"
    if style == 5:
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.year}.{day.month}.{day.day}"


def member_rows(rows: int, seed: int = 7):
    """The rows of a legacy list: a title, a blank line, the header, ``rows`` members, a totals row."""
    rng = random.Random(seed)
    yield ["阳光大药房会员名单（旧收银系统导出）"]
    yield []
    yield ["会员卡号", "姓 名", "联系电话", "性别", "出生日期", "当前积分", "办卡日期", "备注"]
    phones = rng.sample(range(10**8), rows)
    previous = "13800000000"
    for i in range(rows):
        number = f"1{rng.choice('3456789')}{rng.randrange(10)}{phones[i]:08d}"
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
        if rng.random() < 0.1:
            name = " ".join(name)
        birthday = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(365 * 65))
        joined = dt.date(2012, 1, 1) + dt.timedelta(days=rng.randrange(365 * 12))
        points = rng.choice(("", 0, rng.randrange(5000), f"{rng.randrange(5000):,}", f"{rng.randrange(900)}分",
                             float(rng.randrange(3000))))
        row = [f"VIP{i + 1:06d}" if rng.random() < 0.5 else "", name, messy_phone(rng, number),
               rng.choice(("男", "女", "男性", "女性", "M", "F", "")), messy_date(rng, birthday), points,
               messy_date(rng, joined), rng.choice(("", "", "", "老顾客", "高血压", "糖尿病，每月来拿药"))]
        if i % 997 == 0:
            row[2] = number[:10]  # a digit lost in typing: rejected
        elif i % 211 == 0:
            row[2] = f"{number}(本人){number[:3]}{(int(number[3:]) + 1) % 10**8:08d}(家)"  # two mobiles in a cell
        elif i % 307 == 0 and i:
            row[2] = messy_phone(rng, previous)  # a family on one phone
        previous = number
        yield row
        if i % 5003 == 0 and i:
            yield []  # blank rows between pages
    yield ["合计", "", "", "", "", ""]


def generate(path: Path, rows: int, seed: int = 7) -> None:
    """The list as an .xlsx (openpyxl, write-only) or, for a ``.csv`` path, as GBK text the way old tills export."""
    if path.suffix == ".csv":
        with path.open("w", encoding="gbk", newline="") as handle:
            writer = csv.writer(handle)
            for row in member_rows(rows, seed):
                writer.writerow([f"{cell:%Y-%m-%d}" if isinstance(cell, dt.date) else cell for cell in row])
        return
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("会员")
    for row in member_rows(rows, seed):
        sheet.append(row)
    workbook.save(path)


def rows_for_size(suffix: str, megabytes: float, work: Path) -> int:
    """How many members make a list of about ``megabytes`` (never more), from a sample's size."""
    sample = work / f"sample{suffix}"
    generate(sample, 20_000)
    per_row = sample.stat().st_size / 20_000
    sample.unlink()
    return int(megabytes * 1e6 * 0.98 / per_row)


def timed(func):
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def phase_app(path: Path, work: Path) -> dict:
    """The import end to end, stage by stage: read, clean and plan, commit (matching again, lock held, pauses)."""
    from contextlib import contextmanager

    from pharmacy_desk.core import db
    from pharmacy_desk.core.check import run_checks
    from pharmacy_desk.core.db import close_database, open_database
    from pharmacy_desk.core.models import Staff
    from pharmacy_desk.core.spreadsheet import commit
    from pharmacy_desk.core.spreadsheet.plan import read_plan
    from pharmacy_desk.core.spreadsheet.reading import read_file
    from pharmacy_desk.core.vocabulary import Role

    database_path = work / f"app-{path.stem}{path.suffix.replace('.', '-')}.sqlite3"
    for stale in work.glob(database_path.name + "*"):
        stale.unlink()
    open_database(database_path, create=True)
    owner = Staff.create(name="基准店长", role=Role.OWNER)  # importing and exporting are the owner's
    held, paused, chunks, spent = [0.0], [0.0], [0], [0.0]
    real_transaction, real_took = commit.batch_transaction, db.ChunkSize.took

    @contextmanager
    def timed_transaction(*args, **kwargs):
        start = time.perf_counter()
        with real_transaction(*args, **kwargs):
            yield
        spent[0] += time.perf_counter() - start

    def took(self, seconds):  # each chunk's time under the lock, its commit included
        held[0] += seconds
        chunks[0] += 1
        real_took(self, seconds)

    def counted(real_pause):
        def pause(*args, **kwargs):
            start = time.perf_counter()
            real_pause(*args, **kwargs)
            paused[0] += time.perf_counter() - start
        return pause

    commit.batch_transaction, db.ChunkSize.took = timed_transaction, took
    # The pauses paced by the tills' writes (``till_pacing.TillPacing``): taken by every chunk in
    # ``db.batch_transaction``, by the import's own loop before, or a fixed pause before that.
    try:
        from pharmacy_desk.core import till_pacing
    except ImportError:
        till_pacing = None
    paused_in_transaction = till_pacing is not None
    if till_pacing is not None:
        till_pacing.TillPacing.pause = counted(till_pacing.TillPacing.pause)
    elif hasattr(commit, "TillPacing"):
        commit.TillPacing.pause = counted(commit.TillPacing.pause)
    else:
        commit.pause_for_tills = counted(commit.pause_for_tills)
    cpu = time.process_time()
    start = time.perf_counter()
    read_seconds, sheets = timed(lambda: read_file(path))
    plan_seconds, plan = timed(lambda: read_plan(path, sheets=sheets))
    sheets = []  # the plan has let go of the cells; nothing else holds them
    commit_seconds, result = timed(lambda: commit.commit_import(plan, owner))
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    import_peak = _rss_mb()  # before the check maps the file
    problems = run_checks()
    close_database()
    return {"seconds": seconds, "cpu_seconds": cpu, "read": read_seconds, "clean + plan": plan_seconds,
            "commit": commit_seconds, "lock held": held[0], "paused": paused[0],
            "transactions": spent[0] - (paused[0] if paused_in_transaction else 0.0),
            "chunks": chunks[0], "counts": result.plan.counts(), "points": result.points, "checks": problems[:3],
            "import_peak_mb": import_peak}


def phase_export(path: Path, work: Path) -> dict:
    from pharmacy_desk.core.db import close_database, open_database
    from pharmacy_desk.core.models import Staff
    from pharmacy_desk.core.spreadsheet.tables import export_members
    from pharmacy_desk.core.vocabulary import Role

    open_database(work / f"app-{path.stem}-xlsx.sqlite3")
    owner = Staff.get(Staff.role == Role.OWNER)  # exporting is the owner's
    start = time.perf_counter()
    rows = export_members(work / "export.xlsx", owner)
    seconds = time.perf_counter() - start
    close_database()
    return {"seconds": seconds, "rows": rows}


def phase_pandas(path: Path, work: Path) -> dict:
    import pandas as pd

    start = time.perf_counter()
    frame = pd.read_excel(path, engine="openpyxl", header=2)
    with sqlite3.connect(work / "pandas.sqlite3") as con:
        frame.to_sql("members", con, index=False, if_exists="replace")
    return {"seconds": time.perf_counter() - start, "rows": len(frame)}


def phase_pandas_calamine(path: Path, work: Path) -> dict:
    import pandas as pd

    start = time.perf_counter()
    frame = pd.read_excel(path, engine="calamine", header=2)
    return {"seconds": time.perf_counter() - start, "rows": len(frame)}


def phase_calamine(path: Path, work: Path) -> dict:
    from python_calamine import CalamineWorkbook

    start = time.perf_counter()
    workbook = CalamineWorkbook.from_path(str(path))
    rows = len(workbook.get_sheet_by_index(0).to_python())
    return {"seconds": time.perf_counter() - start, "rows": rows}


def phase_bomb(path: Path, work: Path) -> dict:
    from openpyxl import Workbook

    from pharmacy_desk.core.errors import InvalidInput
    from pharmacy_desk.core.spreadsheet.reading import read_file

    bomb = work / "bomb.xlsx"
    book = Workbook()
    book.active.append(["姓名", "手机号"])
    book.active["GR499999"] = "x"
    book.save(bomb)
    start = time.perf_counter()
    try:
        read_file(bomb)
        outcome = "read (!)"
    except InvalidInput as refused:
        outcome = f"refused: {refused}"
    return {"seconds": time.perf_counter() - start, "outcome": outcome, "bytes": bomb.stat().st_size}


PHASES = {"calamine": phase_calamine, "app": phase_app, "export": phase_export, "pandas": phase_pandas,
          "pandas-calamine": phase_pandas_calamine, "bomb": phase_bomb}
HERE = Path(__file__).resolve().parent.parent


def run_phase(name: str, path: Path, work: Path, code: Path = HERE) -> dict:
    """One phase in a child process, with the ``pharmacy_desk`` of ``code``: its figures and its own peak memory."""
    out = subprocess.run([sys.executable, __file__, "--phase", name, "--file", str(path), "--keep", str(work),
                          "--code", str(code)], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        return {"seconds": float("nan"), "error": out.stderr.strip().splitlines()[-1:]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def has_pandas() -> bool:
    import importlib.util

    return importlib.util.find_spec("pandas") is not None


def show_app(title: str, app: dict, bare: dict) -> None:
    if "error" in app:
        print(f"{title:24s}: failed {app['error']}")
        return
    print(f"{title:24s}: {app['seconds']:6.2f} s (CPU {app['cpu_seconds']:5.2f} s)  peak {app['import_peak_mb']:5.0f} MB"
          f"  -> {app['seconds'] / bare['seconds']:.1f}x the bare read  {app['counts']}")
    print(f"{'':24s}  read {app['read']:.2f} | clean + plan {app['clean + plan']:.2f} | "
          f"commit {app['commit']:.2f} (lock held {app['lock held']:.2f} in {app['chunks']} chunks, "
          f"{app.get('transactions', 0):.2f} with their checkpoints; paused {app['paused']:.2f}) | "
          f"checks {app['checks'] or 'clean'}")


SIZES = ("100k", "20mb-xlsx", "20mb-csv", "500k")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--keep", metavar="DIR", help="keep the generated files in DIR")
    parser.add_argument("--reuse", action="store_true", help="use the lists already generated in --keep DIR")
    parser.add_argument("--before", metavar="CHECKOUT", help="also import with the pharmacy_desk of CHECKOUT")
    parser.add_argument("--sizes", default=",".join(SIZES), help=f"which of {', '.join(SIZES)} (default: all)")
    parser.add_argument("--phase", choices=PHASES, help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    parser.add_argument("--code", help=argparse.SUPPRESS)
    args = parser.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-import-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ["PHARMACY_DESK_HOME"] = str(work / "home")
    if args.phase:
        sys.path.insert(0, args.code)
        figures = PHASES[args.phase](Path(args.file), work)
        figures["peak_mb"] = _rss_mb()
        print(json.dumps(figures, ensure_ascii=False, default=str))
        return 0

    sizes = args.sizes.split(",")
    codes = [("after", HERE)] + ([("before", Path(args.before).resolve())] if args.before else [])

    def made(name: str, rows: int) -> Path:
        path = work / name
        started = time.perf_counter()
        if not (args.reuse and path.exists()):
            generate(path, rows)
            print(f"{name}: {rows:,} rows, {path.stat().st_size / 1e6:.1f} MB "
                  f"(made in {time.perf_counter() - started:.1f} s)")
        else:
            print(f"{name}: {path.stat().st_size / 1e6:.1f} MB, made before")
        return path

    if "100k" in sizes:
        source = made("members.xlsx", args.rows)
        bare = run_phase("calamine", source, work)
        print(f"bare calamine read      : {bare['seconds']:6.2f} s  peak {bare.get('peak_mb', 0):5.0f} MB")
        for label, code in codes:
            show_app(f"app import, {label}", run_phase("app", source, work, code), bare)
        if has_pandas():
            for name, title in (("pandas", "pandas openpyxl+to_sql"), ("pandas-calamine", "pandas calamine read")):
                item = run_phase(name, source, work)
                print(f"{title:24s}: {item['seconds']:6.2f} s  peak {item.get('peak_mb', 0):5.0f} MB")
        else:
            print("pandas                  : not installed, its two columns skipped")
        item = run_phase("export", source, work)
        print(f"{'export members':24s}: {item['seconds']:6.2f} s  peak {item.get('peak_mb', 0):5.0f} MB")
        bomb = run_phase("bomb", source, work)
        print(f"sparse-cell bomb ({bomb.get('bytes', 0):,} B): {bomb['seconds']:.2f} s  peak {bomb.get('peak_mb', 0):.0f} MB"
              f"  {bomb.get('outcome', bomb.get('error'))}")
    for size, name, rows in (("20mb-xlsx", "members-20mb.xlsx", None), ("20mb-csv", "members-20mb.csv", None),
                             ("500k", "members-500k.xlsx", 499_800)):  # with its title, blank and totals rows: 500,000 rows, the sheet limit
        if size not in sizes:
            continue
        path = work / name
        if rows is None:
            rows = rows_for_size(path.suffix, 20, work) if not (args.reuse and path.exists()) else 0
        path = made(name, rows)
        bare = run_phase("calamine", path, work) if path.suffix == ".xlsx" else {"seconds": float("nan")}
        if path.suffix == ".xlsx":
            print(f"bare calamine read      : {bare['seconds']:6.2f} s  peak {bare.get('peak_mb', 0):5.0f} MB")
        for label, code in codes if size != "500k" else codes[:1]:
            show_app(f"app import, {label}", run_phase("app", path, work, code), bare)
    return 0


if __name__ == "__main__":
    sys.exit(main())
