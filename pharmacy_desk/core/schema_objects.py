"""The indexes and views of the current schema, and putting back one that was dropped or altered.

The program relies on every index and view a new database gets: the unique indexes keep a
replayed operation, a card number or a receipt number from being recorded twice, the others
keep a phone's last four digits (``member_phone_tail``), a member's sales or a month's ledger
a short read, and the ``coupon_in_use`` view says which coupons are spent. Another program
can drop or rewrite any of them; nothing in SQLite notices, and the program would then be
slow, or refuse a coupon with an error about a missing view, or record a duplicate.

What "the current schema" declares is read from its frozen snapshot
(``schema_sql/vN.sql`` of ``CURRENT_VERSION``, which a test holds equal to a new database):
the same text every new database was given, whether it came from the models or from
``schema.EXTRA_SQL``. A missing or altered object is written again at the opening (``init``
and every start) and recorded in the audit trail, as the append-only guards are; ``check``
names one missing now and one the opening put back.

A view is written in a moment. An index is built in one transaction that holds the write lock
while it reads its whole table (SQLite cannot build an index in steps): at 1,000,000 members
``member_phone_tail`` takes about a second. The windows build a lost index in the
background, beside the tills (``core/repairs.py``). A unique index that the rows no longer
allow (a duplicate was written while it was missing) is left missing, logged, and named by
``check``, since building it would refuse the opening itself.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass

from pharmacy_desk.core import db, dialect_catalog, schema
from pharmacy_desk.core.schema_shape import sql_tokens

log = logging.getLogger(__name__)

KINDS = ("index", "view")


@dataclass(frozen=True)
class SchemaObject:
    kind: str  # "index" or "view"
    name: str
    sql: str  # its CREATE statement, as the current schema writes it


# An index (one line) or a view (up to the first line ending in ";") of a snapshot, as SQLite wrote it.
_DECLARATION = re.compile(r'^CREATE (?:UNIQUE )?(INDEX|VIEW) ("?)(\w+)\2 .*?;$', re.MULTILINE | re.DOTALL)


@functools.cache
def declared() -> dict[str, SchemaObject]:
    """name → every index and view a new database of the current version has."""
    return {found[3]: SchemaObject(found[1].lower(), found[3], found[0].removesuffix(";"))
            for found in _DECLARATION.finditer(schema.snapshot_sql(schema.CURRENT_VERSION))}


def _same(present: str, wanted: str) -> bool:
    # As SQLite keeps it, the text is the one the schema wrote; one written otherwise is compared token by token.
    return present == wanted or sql_tokens(present) == sql_tokens(wanted)


def changed(kinds: tuple[str, ...] = KINDS) -> list[SchemaObject]:
    """The declared objects of ``kinds`` that are missing or no longer say what the schema wrote."""
    present = {kind: dialect_catalog.schema_objects(db.database, kind) for kind in kinds}
    return [wanted for wanted in declared().values() if wanted.kind in kinds
            and (wanted.name not in present[wanted.kind] or not _same(present[wanted.kind][wanted.name], wanted.sql))]


def missing() -> list[str]:
    """The names of the declared indexes and views that are missing or altered now."""
    return [wanted.name for wanted in changed()]


def put_back(wanted: SchemaObject) -> bool:
    """Write ``wanted`` again as declared, in a transaction of its own, audited; False when the rows refuse it.

    A unique index that the rows now break stays missing: the opening goes on, and ``check``
    names the index (and the duplicates' own checks, where there is one, the rows).
    """
    from pharmacy_desk.core import audit
    from peewee import IntegrityError
    from pharmacy_desk.core.vocabulary import OperationKind

    try:
        with db.batch_transaction():
            dialect_catalog.drop_object(db.database, wanted.kind, wanted.name)
            db.database.execute_sql(wanted.sql)
            audit.record(OperationKind.SCHEMA_OBJECT_RESTORED, None, subject=wanted.kind, detail=wanted.name)
    except IntegrityError:
        log.warning("the %s %s was not put back: the rows no longer allow it", wanted.kind, wanted.name)
        return False
    return True
