"""Whether a database file is still as this program left it, so that opening it can skip the quick check.

SQLite's quick check reads every page: seconds for a large file, on every start and every
command. It only finds something when the file changed in a way this program did not
change it. So when the program closes a database cleanly (its write-ahead log folded back
into the file and gone), it writes down the file's fingerprint: device, inode, size,
modification and change times, and a digest of the header and the last pages. At the
next opening the quick check runs only when

- there is no such record, or the fingerprint differs: another program wrote the file, it
  was copied or restored by hand, or this program did not close it cleanly (a crash, a
  power cut, another window or till still has it open: then a write-ahead log is there
  and the record was taken away when the file was opened for writing);
- the last check is older than ``CHECK_EVERY``: a quick check at opening, ``check``, or a
  backup, whose copy passes the full integrity check, counts as one.

What this does not see: damage that changes no byte of the fingerprint, such as a failing
disk rotting a page in the middle of the file without touching its times. Reading such a
page fails with SQLite's "database disk image is malformed", which is reported as damage
(never as data); the weekly quick check, the daily backup's integrity check and ``check``
find it too.

The records live in the data folder's ``checked`` folder, one small JSON file per
database, named by a digest of the database's absolute path.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
from pathlib import Path

from pharmacy_desk.core import paths

log = logging.getLogger(__name__)

CHECK_EVERY = dt.timedelta(days=7)
FOLDER = "checked"
TAIL_BYTES = 64 * 1024  # the last pages: where a file cut short or appended to differs first


def _record_path(database: Path) -> Path:
    name = hashlib.sha256(os.fsencode(database.absolute())).hexdigest()[:24]
    return paths.base_dir() / FOLDER / f"{name}.json"


def fingerprint(database: Path) -> dict[str, object] | None:
    """The file's fingerprint; None while a write-ahead log is beside it (open, or not closed cleanly)."""
    if Path(f"{database}-wal").exists():
        return None
    try:
        facts = os.stat(database)
        with open(database, "rb") as file:
            head = file.read(100)
            file.seek(max(0, facts.st_size - TAIL_BYTES))
            tail = file.read(TAIL_BYTES)
    except OSError:
        return None
    return {"device": facts.st_dev, "inode": facts.st_ino, "size": facts.st_size,
            "modified_ns": facts.st_mtime_ns, "changed_ns": facts.st_ctime_ns,
            "digest": hashlib.sha256(head + tail).hexdigest()}


def checked_at(database: Path, now: dt.datetime | None = None) -> dt.datetime | None:
    """When the file, unchanged since this program closed it, was last checked; None: check it now."""
    try:
        record = json.loads(_record_path(database).read_text(encoding="utf-8"))
        when = dt.datetime.fromisoformat(record["checked_at"])
        same = record["fingerprint"] == fingerprint(database) and str(database.absolute()) == record["database"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not same or when <= (now or dt.datetime.now()) - CHECK_EVERY:
        return None
    return when


def forget(database: Path) -> None:
    """Take the record away: the file is about to be written."""
    try:
        _record_path(database).unlink(missing_ok=True)
    except OSError as error:  # a read-only data folder: the next opening checks the file anyway
        log.warning("could not remove the check record of %s: %s", database, error)


def remember(database: Path, when: dt.datetime) -> None:
    """Record the file as closed cleanly now, last checked ``when``; nothing when a log is still beside it."""
    found = fingerprint(database)
    if found is None:
        return
    record = _record_path(database)
    partial = record.with_suffix(".partial")
    try:
        record.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(json.dumps({"database": str(database.absolute()), "checked_at": when.isoformat(),
                                       "fingerprint": found}), encoding="utf-8")
        os.replace(partial, record)
    except OSError as error:  # the next opening checks the file, which is only slower
        log.warning("could not record the check of %s: %s", database, error)
