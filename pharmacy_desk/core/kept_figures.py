"""The figures the database keeps by triggers, and what makes each right again when a trigger was lost.

Beside the business rows the database keeps a few figures derived from them, moved by
triggers whichever program writes the rows (``core/dialect_triggers.py``):

- the day's receipt counter, by the sale's INSERT (a lost trigger: the next sale of the day
  is given a number already used, and refused as a duplicate);
- each member's running sales figures (``core/activity.py``), by the sale's INSERT;
- the members counted by tier and owner, and by gender and birthday (``core/member_tally.py``),
  by every write to a member;
- the rules' stamp (``core/rule_cache.py``), by every change to a setting, tier or category.

A trigger dropped or rewritten outside the program leaves its figure behind the rows from
then on, silently. At every opening (and ``init``) ``restore`` writes each missing or altered
trigger again and counts its figure again from the rows, so that no write falls between the
two: a small figure in the one transaction that writes its trigger (``at_once``); the members'
counts and each member's running figures, too many for one transaction at a million members,
in short ones beside the tills (``member_tally.rebuild_beside_tills``,
``activity.rebuild_beside_tills``). The windows leave those two to the background once the
first window is up (``restore(now_only=True)``, then ``restore_beside_tills``; ``core/repairs.py``).
The restore is recorded in the audit trail, and ``check`` reports it (``restored_at_open``) as
it reports a trigger missing now.

What a rebuild costs at 1,000,000 members and 5,000,000 sales (``bench/bench_kept_figures.py``,
CPU time): the receipt counter and the rules' stamp a moment; the running figures 3.0 s in short
transactions, none holding the lock longer than 265 ms at load 13 (in one transaction: 1.8 s
of CPU, the lock held 16 s); the members' counts 1.8 s of CPU in one transaction, the write
lock held throughout (20 s on a machine at load 12), before they were counted in ranges.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from pharmacy_desk.core import activity, audit, dialect, member_tally, operations, schema
from pharmacy_desk.core.db import database, write_transaction
from pharmacy_desk.core.vocabulary import OperationKind


# How far a rebuild beside the tills has gone: (done, of), in whatever unit it counts (member ids).
Progress = Callable[[int, int], None]
Rebuild = Callable[[Callable[[], None], "Progress | None"], object]


@dataclass(frozen=True)
class KeptFigure:
    """A figure the database keeps: the tables it is in, the triggers that move it, and its recount."""

    tables: str
    triggers: dict[str, str]  # name → CREATE TRIGGER statement
    # Counts the figure again from the business rows and calls ``finish()`` (which writes the
    # triggers back and records the restore) in the same transaction as the count's last step.
    rebuild: Rebuild
    # Counted again in a moment, in one transaction; otherwise in short ones beside the tills.
    at_once: bool = True


def at_once(recount: Callable[[], None]) -> Rebuild:
    """A rebuild that counts the figure again in the one transaction that writes its triggers back."""
    def rebuild(finish: Callable[[], None], _progress: Progress | None) -> None:
        with write_transaction():
            finish()
            recount()
    return rebuild


def rebuild_receipt_counter() -> None:
    """Make every day's next receipt number follow the highest one its sales carry.

    A day without a counter row goes on after the highest number its sales carry
    (``dialect.NEXT_RECEIPT_NO``), which is what a counter behind its sales must be brought to;
    the restored trigger writes the day's row again at its next sale. So the rows are dropped
    instead of recounted from every sale ever made.
    """
    database.execute_sql("DELETE FROM receipt_counter")


def rebuild_member_activity(finish: Callable[[], None], progress: Progress | None) -> None:
    """Every member's running figures from their sales, for the window of today's month, beside the tills."""
    activity.rebuild_beside_tills(operations.now().date(), finish, progress=progress)


def rebuild_member_tally(finish: Callable[[], None], progress: Progress | None) -> None:
    """The members counted again by tier and owner and by gender and birthday, beside the tills."""
    member_tally.rebuild_beside_tills(finish, progress=progress)


def bump_rule_version() -> None:
    """A rule may have changed while its trigger was missing: every cache of the rules reads them again."""
    database.execute_sql("UPDATE rule_version SET version = version + 1")


def _one(triggers: dict[str, str], name: str) -> dict[str, str]:
    return {name: triggers[name]}


KEPT_FIGURES = (
    KeptFigure("receipt_counter", _one(dialect.SALE_TRIGGERS, "sale_keeps_receipt_counter"),
               at_once(rebuild_receipt_counter)),
    KeptFigure("member_activity", _one(dialect.SALE_TRIGGERS, "sale_keeps_member_activity"),
               rebuild_member_activity, at_once=False),
    KeptFigure("member_tally、birthday_tally", dialect.MEMBER_TALLY_TRIGGERS, rebuild_member_tally, at_once=False),
    KeptFigure("rule_version", dialect.RULE_VERSION_TRIGGERS, at_once(bump_rule_version)),
)

TRIGGERS = {name: sql for figure in KEPT_FIGURES for name, sql in figure.triggers.items()}

# The triggers the last opening found missing or altered and put back, for ``check`` to report.
restored_at_open: list[str] = []


def missing_triggers() -> list[str]:
    """The triggers keeping a derived figure that are missing or no longer say what the schema wrote."""
    return schema.changed_triggers(TRIGGERS)


def figure_of(trigger: str) -> KeptFigure:
    return next(figure for figure in KEPT_FIGURES if trigger in figure.triggers)


def restore(*, now_only: bool = False) -> list[str]:
    """Write every missing or altered trigger again and rebuild its figure; returns the triggers' names.

    The trigger is written in the same transaction as the last step of its figure's count, so
    a sale or a sign-up on another till is either counted by the count or moves the figure itself.
    ``now_only``: only the figures counted again at once; ``restore_beside_tills`` does the others.
    """
    global restored_at_open
    names = missing_triggers()
    restored_at_open = names
    _rebuild(names, lambda figure: figure.at_once or not now_only)
    return names


def waiting() -> list[str]:
    """The lost triggers whose figures are counted beside the tills and are not yet."""
    slow = {name for figure in KEPT_FIGURES if not figure.at_once for name in figure.triggers}
    return [name for name in missing_triggers() if name in slow]


def restore_beside_tills(progress: Callable[[str, int, int], None] | None = None) -> list[str]:
    """Rebuild the figures counted beside the tills whose triggers are lost; returns the triggers' names.

    ``progress(tables, done, of)`` after each short transaction of a count.
    """
    names = waiting()
    _rebuild(names, lambda figure: not figure.at_once, progress)
    return names


def _rebuild(names: list[str], chosen: Callable[[KeptFigure], bool],
             progress: Callable[[str, int, int], None] | None = None) -> None:
    for figure in KEPT_FIGURES:
        lost = [name for name in figure.triggers if name in names]
        if lost and chosen(figure):
            told = None if progress is None else functools.partial(progress, figure.tables)
            figure.rebuild(functools.partial(_put_back, figure, lost), told)


def _put_back(figure: KeptFigure, lost: list[str]) -> None:
    """Every trigger of the figure written as declared (a rebuild beside the tills rewrites them all), ``lost`` audited."""
    schema.put_back(figure.triggers, list(figure.triggers))
    audit.record(OperationKind.FIGURES_REBUILT, None, subject=figure.tables, detail="、".join(lost))
