"""Benchmark: what SQLite itself spends on an import's rows, without the program around it.

    python bench/bench_import_sql.py LIST.xlsx [--runs 2]

Imports ``LIST`` once into a new database, keeping every statement each chunk ran and a copy of
the database as it was before; then replays those statements on plain ``sqlite3`` into copies of
it, chunk by chunk as the import ran them, with the schema as it is and with parts of it left to
the end (the five member indexes on random keys dropped and built after, the members' count
trigger dropped, the ledger's index of the month's points dropped), and all in one transaction.
The floor under the import's commit (``bench/README.md``, section 4).
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SEARCH = ("member_phone", "member_phone_tail", "member_name", "member_name_initials_name", "member_joined_on")
VARIANTS = {
    "as the schema has it": dict(),
    "search indexes built after": dict(drop=SEARCH, build=True),
    "… and no count trigger": dict(drop=SEARCH, build=True, trigger=True),
    "… and no ledger points index": dict(drop=SEARCH + ("ledger_entry_created_at_kind_points",), build=True,
                                         trigger=True),
    "one transaction, every index": dict(one=True),
}


def capture(source: Path, work: Path) -> tuple[Path, list]:
    from pharmacy_desk.core.db import close_database, open_database
    from pharmacy_desk.core.models import Staff
    from pharmacy_desk.core.spreadsheet import bulk_load, commit
    from pharmacy_desk.core.spreadsheet.plan import read_plan
    from pharmacy_desk.core.vocabulary import Role

    empty, path = work / "empty.sqlite3", work / "captured.sqlite3"
    open_database(empty, create=True)
    Staff.create(name="基准店长", role=Role.OWNER)
    close_database()  # checkpointed: the file alone is the database
    shutil.copy(empty, path)
    open_database(path)
    chunks: list = []
    real = commit._execute
    commit._execute = lambda statements: (chunks.append(statements), real(statements))
    bulk_load.DEFER_FROM = 1 << 62  # the statements as a chunk of any import runs them, every index kept
    commit.commit_import(read_plan(source), Staff.get(Staff.name == "基准店长"))
    close_database()
    return empty, chunks


def replay(empty: Path, chunks: list, work: Path, drop=(), build=False, trigger=False, one=False) -> float:
    path = work / "replay.sqlite3"
    for stale in work.glob("replay.sqlite3*"):
        stale.unlink()
    shutil.copy(empty, path)
    db = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = 1", "cache_size = -32000", "temp_store = 2",
                   "mmap_size = 0", "wal_autocheckpoint = 16384"):
        db.execute(f"PRAGMA {pragma}")
    declared = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'"))
    start = time.perf_counter()
    for name in drop:
        db.execute(f'DROP INDEX "{name}"')
    if trigger:
        db.execute("DROP TRIGGER member_insert_tallies")
    for group in ([chunks] if one else [[chunk] for chunk in chunks]):
        db.execute("BEGIN IMMEDIATE")
        for chunk in group:
            for sql, values in chunk:
                db.execute(sql, values)
        db.execute("COMMIT")
    if build:
        for name in drop:
            db.execute(declared[name])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    took = time.perf_counter() - start
    db.close()
    return took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("list", type=Path)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-import-sql-") as folder:
        work = Path(folder)
        empty, chunks = capture(args.list, work)
        print(f"{len(chunks)} chunks, {sum(len(chunk) for chunk in chunks)} statements")
        for label, variant in VARIANTS.items():
            times = [replay(empty, chunks, work, **variant) for _ in range(args.runs)]
            print(f"{label:32s} " + "  ".join(f"{seconds:5.2f} s" for seconds in times))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
