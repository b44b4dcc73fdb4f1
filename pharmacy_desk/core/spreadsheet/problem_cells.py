"""The cells of the rows an import may show as conflicts, taken from the plan's own read of the file.

A plan keeps no cells of the rows that became members (a 20 MB list would hold its rows twice),
yet a conflict is shown, and written to the error report, with its cells. A row can turn out a
conflict only through its card number: another row of the file has it, or a member of the
database holds it under another phone or name. Those rows are found once the sheets are cleaned,
while their cells are still at hand, and only theirs are kept (``KEPT_ROWS`` at most: a list
whose rows all repeat one card number keeps the first ones, and the others are read again from
the file should they be shown). Reading the file again for them took a second read of the whole
workbook (calamine's cells and the safety checks) each time the wizard made a plan.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from operator import attrgetter

from pharmacy_desk.core.spreadsheet.reading import Sheet
from pharmacy_desk.core.spreadsheet.rows import Candidate

KEPT_ROWS = 10_000
GROUP = 900  # candidates whose card numbers one look-up asks the database for

# The candidates (a group of at most ``GROUP``) whose card number a member holds under another phone or name.
HeldElsewhere = Callable[[Sequence[Candidate]], list[Candidate]]
Cells = dict[tuple[str, int], list[object]]  # (sheet, row number as Excel shows it) → the row's cells

_CARD = attrgetter("card_no")


def suspect_rows(candidates: Sequence[Candidate], held_elsewhere: HeldElsewhere | None) -> dict[str, set[int]]:
    """Sheet → the numbers of the rows that may turn out conflicts (every one of them, and a few more)."""
    # While the sheet's cells are still held: one list of the card strings the candidates hold (no copy
    # of them), sorted so that a repeated one is beside its twin, and no list of the candidates.
    cards = sorted(filter(None, map(_CARD, candidates)))
    repeated = {card for card, later in zip(cards, itertools.islice(cards, 1, None)) if card == later}
    del cards
    suspects = [c for c in candidates if c.card_no in repeated] if repeated else []
    if held_elsewhere is not None:
        with_cards = (c for c in candidates if c.card_no)
        while group := list(itertools.islice(with_cards, GROUP)):
            suspects += held_elsewhere(group)
    rows: dict[str, set[int]] = {}
    for candidate in sorted(suspects, key=attrgetter("row_number"))[:KEPT_ROWS]:
        rows.setdefault(candidate.sheet, set()).add(candidate.row_number)
    return rows


def cells_of(sheet: Sheet, numbers: set[int]) -> dict[int, list[object]]:
    """The cells of the rows ``numbers`` of ``sheet``, streamed up to the last of them."""
    last = max(numbers, default=0)
    cells: dict[int, list[object]] = {}
    for number, values in enumerate(sheet.rows, 1):
        if number > last:
            break
        if number in numbers:
            cells[number] = list(values)
    return cells


def keep_suspect_cells(sheets: Sequence[Sheet], candidates: Sequence[Candidate],
                       held_elsewhere: HeldElsewhere | None) -> Cells:
    """The cells of the rows that may turn out conflicts, from ``sheets`` (still open, before they are closed)."""
    wanted = suspect_rows(candidates, held_elsewhere)
    kept: Cells = {}
    for sheet in sheets:
        if sheet.name in wanted:
            kept.update(((sheet.name, number), values) for number, values in cells_of(sheet, wanted[sheet.name]).items())
    return kept
