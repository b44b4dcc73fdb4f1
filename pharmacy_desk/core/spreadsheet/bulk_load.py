"""导入: what a large first import leaves to its end: the member search indexes and the members' counts.

Five indexes of the member table take keys in no order (the phone, its last four digits, the
name, the initials with the name, the join date): each member an import writes lands on a page
of its own in each, so every chunk rewrites most of their pages and copies them into the log
again (at 100,000 members about 300 MB of log for 50 MB of rows). And the members' counts
(``core/member_tally.py``) are moved by two upserts a member, by trigger. SQLite spent 6.0 s on
the rows of 100,000 members with their balances so, about 2 s without either, the five indexes
built afterwards included (about 0.1 s each: SQLite sorts the keys and writes each page once;
``bench/bench_import_sql.py``). Counting the new members again from the table took 0.5 s more
(reading each twice, in short ranges); adding what the import counted as it wrote them, 0.1 s.

So an import that brings many members into a list that holds few (a pharmacy's migration at
setup) drops the five (and the ledger's index of the month's points, whose key its balances also
take in no order) and writes the counts' triggers for the members already on file only, in a
transaction of its own; writes its chunks as usual; and at the end adds the members it wrote
to the counts (``member_tally.add_counted``; when another writer wrote beside it, it counts
them again, a range of ids per short transaction, ``member_tally.count_on``) and builds each
index in a transaction of its own, also when it is cancelled or fails. Meanwhile a till
finds a member by reading the table through (a few milliseconds per 10,000 members), and the
month's report counts the members itself while the counts hold only some (``member_tally.counting``);
once a till has written, the phone index is built at once (the import's own chunks then look up
who was signed up meanwhile by phone).
Were the process killed in between, the next opening puts back every missing declared index
(``core/repairs.py``) and counts the members again (``core/kept_figures.py``), and records both.

Building an index holds the write lock while it reads the whole table, about 1 µs a member here:
so it is done when the list it builds is at most ``DEFER_UP_TO`` members (a till waits about
0.2 s for each at most), or of any size while the pharmacy has not sold anything yet.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext

from pharmacy_desk.core import chain, dialect, dialect_catalog, member_tally, schema, schema_objects
from pharmacy_desk.core.db import batch_transaction, database
from pharmacy_desk.core.models import Sale

SEARCH_INDEXES = ("member_phone", "member_phone_tail", "member_name", "member_name_initials_name",
                  "member_joined_on")
# The ledger's index of the month's points (the reports') takes its opening balances' points in no
# order: left to the end too while the ledger holds fewer entries than the import brings. Its other
# indexes take the balances in order (member, operation, expiry) and a till reads a member's
# balance through one of them.
LEDGER_INDEXES = ("ledger_entry_created_at_kind_points",)
# Looked up by the import itself once another writer has written (``Deferred.bring_back``).
PHONE_INDEX = "member_phone"
# New members from which writing them without the indexes and counts is worth it.
DEFER_FROM = 10_000
# Members the list may hold after the import for its indexes to be built at its end beside a till
# that sells (each build holds the write lock about 1 µs a member).
DEFER_UP_TO = 200_000


def deferred_indexes(new_members: int) -> tuple[str, ...]:
    """The indexes an import of ``new_members`` builds at its end (none: it writes them row by row)."""
    if new_members < DEFER_FROM:
        return ()
    # Counted no further than the import's own size (a list of a million need not be counted through).
    present = database.execute_sql("SELECT COUNT(*) FROM (SELECT 1 FROM member LIMIT ?)", (new_members,)).fetchone()[0]
    if present >= new_members or (present + new_members > DEFER_UP_TO and Sale.select().exists()):
        return ()
    return SEARCH_INDEXES + (LEDGER_INDEXES if chain.newest("ledger_entry")[0] < new_members else ())


class Deferred:
    """The indexes an import left to its end, one of which it may need back before (``bring_back``)."""

    def __init__(self, indexes: tuple[str, ...]) -> None:
        self.indexes = indexes

    def bring_back(self, name: str) -> None:
        """Build ``name`` now if it was left to the end, inside the caller's transaction.

        Once a till writes beside the import, each chunk looks its members up by phone (who was
        signed up meanwhile): without the index every chunk would read the whole table.
        """
        if name in self.indexes:
            build([schema_objects.declared()[name]], inside=True)


@contextmanager
def left_to_the_end(indexes: tuple[str, ...], counted: member_tally.Counted) -> Iterator[Deferred]:
    """Inside: without ``indexes`` and counting only the members on file (when there are any to leave).

    On the way out, however it is left, the members written inside are counted and each index
    is built again. The counts are taken from ``counted`` (what the import counted of the members
    it wrote) while nobody else wrote, else from the members; they are left alone while another
    count is under way.
    """
    if not indexes:
        yield Deferred(())
        return
    declared = schema_objects.declared()
    with batch_transaction():
        for name in indexes:
            dialect_catalog.drop_object(database, "index", name)
        counted_from = None if member_tally.counting() else member_tally.leave_uncounted_from_now()
    try:
        yield Deferred(indexes)
    finally:
        if counted_from is not None:
            triggers = dialect.MEMBER_TALLY_TRIGGERS

            def finish() -> None:
                schema.put_back(triggers, list(triggers))
            if not member_tally.add_counted(counted_from, counted, finish):
                member_tally.count_on(counted_from, member_tally.newest_member(), finish)
        build(declared[name] for name in indexes)


def build(indexes: Iterable[schema_objects.SchemaObject], *, inside: bool = False) -> None:
    """Build each of ``indexes`` that is missing, in a transaction of its own (a till waits for one at
    most), or ``inside`` the caller's."""
    present = dialect_catalog.schema_objects(database, "index")
    for index in indexes:
        if index.name not in present:
            with nullcontext() if inside else batch_transaction():
                database.execute_sql(index.sql)
