"""Benchmark: importing a 100,000-row legacy member list, and exporting 100,000 members.

Run: ``python bench/bench_import.py [--rows 100000] [--keep DIR]``.

In the same run, on the same generated file, it times:
  * the app's import end to end (safety checks, read, header, cleaning, merge
    planning, one-transaction commit with opening balances) into a fresh database;
  * what a technical owner would do by hand: ``pandas.read_excel`` (openpyxl
    engine) + ``DataFrame.to_sql`` into SQLite, without any cleaning;
  * a bare ``python_calamine`` read of the sheet (the floor);
  * exporting every member of the imported database to .xlsx.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sqlite3
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
        sheet.append(row)
        if i % 5003 == 0 and i:
            sheet.append([])  # blank rows between pages
    sheet.append(["合计", "", "", "", "", ""])
    workbook.save(path)


def timed(func):
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def bench_app_import(path: Path, db_path: Path):
    from pharmacy_desk.core.db import close_database, open_database
    from pharmacy_desk.core.models import Staff
    from pharmacy_desk.core.spreadsheet.commit import commit_import
    from pharmacy_desk.core.spreadsheet.plan import read_plan

    open_database(db_path, create=True)
    owner = Staff.create(name="基准店长", role="owner")  # importing and exporting are the owner's

    phases = {}

    def run():
        start = time.perf_counter()
        plan = read_plan(path)
        phases["read + clean + plan"] = time.perf_counter() - start
        start = time.perf_counter()
        result = commit_import(plan, owner)
        phases["commit (initials + inserts)"] = time.perf_counter() - start
        return result

    seconds, result = timed(run)
    result.phases = phases
    return seconds, result, close_database


def bench_pandas(path: Path, db_path: Path) -> float:
    import pandas as pd

    def run():
        frame = pd.read_excel(path, engine="openpyxl", header=2)
        with sqlite3.connect(db_path) as con:
            frame.to_sql("members", con, index=False)
        return len(frame)

    seconds, _ = timed(run)
    return seconds


def bench_calamine(path: Path) -> float:
    from python_calamine import CalamineWorkbook

    def run():
        workbook = CalamineWorkbook.from_path(str(path))
        return len(workbook.get_sheet_by_index(0).to_python())

    seconds, _ = timed(run)
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--keep", metavar="DIR", help="keep the generated files in DIR")
    args = parser.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-import-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ["PHARMACY_DESK_HOME"] = str(work / "home")

    source = work / "members.xlsx"
    gen_seconds, _ = timed(lambda: generate(source, args.rows))
    print(f"generated {args.rows:,} rows ({source.stat().st_size / 1e6:.1f} MB) in {gen_seconds:.1f} s")

    bare = bench_calamine(source)
    app_seconds, result, close = bench_app_import(source, work / "app.sqlite3")
    counts = result.plan.counts()
    from pharmacy_desk.core.check import run_checks

    problems = run_checks()
    from pharmacy_desk.core.spreadsheet.tables import export_members

    from pharmacy_desk.core.models import Staff

    owner = Staff.get(Staff.role == "owner")
    export_seconds, exported = timed(lambda: export_members(work / "export.xlsx", owner))
    close()
    pandas_seconds = bench_pandas(source, work / "pandas.sqlite3")

    print(f"app import end to end : {app_seconds:6.2f} s  ({counts}, {result.points:,} opening points, "
          f"checks {'clean' if not problems else problems[:3]})")
    for name, value in result.phases.items():
        print(f"    {name:28s}: {value:6.2f} s")
    print(f"pandas read_excel+to_sql: {pandas_seconds:6.2f} s  -> app is {pandas_seconds / app_seconds:.1f}x faster")
    print(f"bare calamine read    : {bare:6.2f} s  -> app takes {app_seconds / bare:.1f}x the bare read")
    print(f"export {exported:,} members : {export_seconds:6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
