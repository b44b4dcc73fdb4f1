"""Benchmark: importing a 100,000-row legacy member list, and exporting 100,000 members.

Run: ``python bench/bench_import.py [--rows 100000] [--keep DIR]``.

In the same run, on the same generated file, it times, each in a process of its own
so that its peak memory (the process's maximum resident set) is its own:
  * the app's import end to end (safety checks, read, header, cleaning, merge
    planning, chunked commit with opening balances) into a fresh database;
  * what a technical owner would do by hand: ``pandas.read_excel`` (openpyxl
    engine) + ``DataFrame.to_sql`` into SQLite, without any cleaning;
  * ``pandas.read_excel`` with the calamine engine;
  * a bare ``python_calamine`` read of the sheet (the floor);
  * exporting every member of the imported database to .xlsx;
  * refusing a 5 kB sparse-cell bomb (one cell at GR499999), which a bare read
    would take gigabytes for.
"""

from __future__ import annotations

import argparse
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

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

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


def generate(path: Path, rows: int, seed: int = 7) -> None:
    from openpyxl import Workbook

    rng = random.Random(seed)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("会员")
    sheet.append(["阳光大药房会员名单（旧收银系统导出）"])
    sheet.append([])
    sheet.append(["会员卡号", "姓 名", "联系电话", "性别", "出生日期", "当前积分", "办卡日期", "备注"])
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
        sheet.append(row)
        if i % 5003 == 0 and i:
            sheet.append([])  # blank rows between pages
    sheet.append(["合计", "", "", "", "", ""])
    workbook.save(path)


def timed(func):
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def phase_app(path: Path, work: Path) -> dict:
    from pharmacy_desk.core.check import run_checks
    from pharmacy_desk.core.db import close_database, open_database
    from pharmacy_desk.core.models import Staff
    from pharmacy_desk.core.spreadsheet.commit import commit_import
    from pharmacy_desk.core.spreadsheet.plan import read_plan
    from pharmacy_desk.core.vocabulary import Role

    database_path = work / "app.sqlite3"
    database_path.unlink(missing_ok=True)
    open_database(database_path, create=True)
    owner = Staff.create(name="基准店长", role=Role.OWNER)  # importing and exporting are the owner's
    start = time.perf_counter()
    plan = read_plan(path)
    planned = time.perf_counter() - start
    result = commit_import(plan, owner)
    seconds = time.perf_counter() - start
    import_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before the check maps the file
    problems = run_checks()
    close_database()
    return {"seconds": seconds, "read + clean + plan": planned, "commit": seconds - planned,
            "counts": result.plan.counts(), "points": result.points, "checks": problems[:3],
            "import_peak_mb": import_peak, "cpu_seconds": time.process_time()}


def phase_export(path: Path, work: Path) -> dict:
    from pharmacy_desk.core.db import close_database, open_database
    from pharmacy_desk.core.models import Staff
    from pharmacy_desk.core.spreadsheet.tables import export_members
    from pharmacy_desk.core.vocabulary import Role

    open_database(work / "app.sqlite3")
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


def run_phase(name: str, path: Path, work: Path) -> dict:
    """One phase in a child process: its figures and its own peak memory."""
    out = subprocess.run([sys.executable, __file__, "--phase", name, "--file", str(path), "--keep", str(work)],
                         capture_output=True, text=True, check=False)
    if out.returncode != 0:
        return {"seconds": float("nan"), "error": out.stderr.strip().splitlines()[-1:]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--keep", metavar="DIR", help="keep the generated files in DIR")
    parser.add_argument("--reuse", action="store_true", help="use the list already generated in --keep DIR")
    parser.add_argument("--phase", choices=PHASES, help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    args = parser.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-import-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ["PHARMACY_DESK_HOME"] = str(work / "home")
    if args.phase:
        figures = PHASES[args.phase](Path(args.file), work)
        figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(figures, ensure_ascii=False, default=str))
        return 0

    source = work / "members.xlsx"
    started = time.perf_counter()
    if not (args.reuse and source.exists()):
        generate(source, args.rows)
    print(f"generated {args.rows:,} rows ({source.stat().st_size / 1e6:.1f} MB) "
          f"in {time.perf_counter() - started:.1f} s")
    figures = {name: run_phase(name, source, work) for name in PHASES}
    bare, app = figures["calamine"], figures["app"]
    print(f"bare calamine read      : {bare['seconds']:6.2f} s  peak {bare.get('peak_mb', 0):5.0f} MB")
    print(f"app import end to end   : {app['seconds']:6.2f} s  peak {app.get('import_peak_mb', 0):5.0f} MB"
          f"  -> {app['seconds'] / bare['seconds']:.1f}x the bare read  {app.get('counts', app.get('error'))}")
    if "commit" in app:
        print(f"    read + clean + plan : {app['read + clean + plan']:6.2f} s")
        print(f"    commit (chunked)    : {app['commit']:6.2f} s  checks {app['checks'] or 'clean'}"
              f" (peak with the check {app.get('peak_mb', 0):.0f} MB)")
    for name, title in (("pandas", "pandas openpyxl+to_sql"), ("pandas-calamine", "pandas calamine read"),
                        ("export", "export members")):
        item = figures[name]
        print(f"{title:24s}: {item['seconds']:6.2f} s  peak {item.get('peak_mb', 0):5.0f} MB")
    bomb = figures["bomb"]
    print(f"sparse-cell bomb ({bomb.get('bytes', 0):,} B): {bomb['seconds']:.2f} s  peak {bomb.get('peak_mb', 0):.0f} MB"
          f"  {bomb.get('outcome', bomb.get('error'))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
