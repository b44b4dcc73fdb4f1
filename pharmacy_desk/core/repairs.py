"""What an opening puts back when another program dropped or rewrote part of the schema, and when.

Every opening at the current version (and ``init``) looks for what the program relies on and
puts back what is missing or altered, each restore recorded in the audit trail and reported
by ``check``:

- at once: the append-only guards (``schema.restore_guards``), the views
  (``core/schema_objects.py``) and the triggers of the figures counted again in a moment, the
  receipt counter and the rules' stamp (``core/kept_figures.py``). The next sale needs them, and
  none takes more than a few milliseconds;
- the indexes, and the figures counted in short transactions beside the tills (the members'
  counts, each member's running figures): at once too for a command, but the windows
  (``later``) leave them to ``beside_tills``, which the counter runs in the background. At
  1,000,000 members the counts take minutes on a loaded till, which the window must not wait for.

While they wait the counter serves as usual: a sale, a sign-up or a tier change is counted
exactly, by the count or by the trigger; the month's report counts the members and reads the
sales themselves until the kept figures are whole again, which is slower but right; a lost
index makes only the searches it served slower until it is built, and while it is built (one
transaction, the write lock held) a sale waits for it.
"""

from __future__ import annotations

from collections.abc import Callable

from pharmacy_desk.core import kept_figures, schema, schema_objects
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP, Sentence

# How a repair beside the tills is going: (done, of, what is being done); ``of`` 0 when unknown.
Progress = Callable[[int, int, Sentence], None]

# What the windows say is being done, by the figure's tables.
FIGURE_WORDS = {
    "member_activity": QT_TRANSLATE_NOOP("core", "会员消费统计"),
    "member_tally、birthday_tally": QT_TRANSLATE_NOOP("core", "会员人数统计"),
}

# The indexes and views the last opening put back, for ``check`` to report.
restored_at_open: list[str] = []


def at_opening(*, later: bool = False) -> None:
    """Put back what is missing or altered; ``later``: leave what takes long to ``beside_tills``."""
    global restored_at_open
    restored_at_open = []
    schema.restore_guards()
    for view in schema_objects.changed(("view",)):
        _put_back(view)
    kept_figures.restore(now_only=later)
    if not later:
        beside_tills()


def waiting() -> list[str]:
    """What ``at_opening(later=True)`` left to ``beside_tills``: lost indexes and triggers, by name."""
    return [index.name for index in schema_objects.changed(("index",))] + kept_figures.waiting()


def beside_tills(progress: Progress | None = None) -> list[str]:
    """Build every lost index and count again every figure whose trigger is lost; returns their names.

    Each index in a transaction of its own, each figure in short ones while tills go on selling.
    Run again after it was stopped half-way, it finishes what is still missing.
    """
    done = []
    for index in schema_objects.changed(("index",)):
        if progress is not None:
            progress(0, 0, Sentence(QT_TRANSLATE_NOOP("core", "正在重建索引 {name}"), name=index.name))
        if _put_back(index):
            done.append(index.name)

    def counted(tables: str, counted: int, of: int) -> None:
        if progress is not None:
            progress(counted, of, Sentence(QT_TRANSLATE_NOOP("core", "正在重算{figure}"),
                                           figure=Sentence(FIGURE_WORDS.get(tables, tables))))

    return done + kept_figures.restore_beside_tills(counted)


def _put_back(wanted: schema_objects.SchemaObject) -> bool:
    restored = schema_objects.put_back(wanted)
    if restored:
        restored_at_open.append(wanted.name)
    return restored
