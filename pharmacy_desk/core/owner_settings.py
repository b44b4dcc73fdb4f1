"""The settings window's 保存: settings, the tier ladder and category rates in one step.

Everything the owner changed on every page is stored together or not at all, and each
changed value is one audited change (old → new): a setting as ``setting_change``, a
tier or a category as ``rule_change``. Sales from then on follow the new rules; points
already earned are never recomputed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from pharmacy_desk.core import rules, settings
from pharmacy_desk.core.changes import NOTHING, Changes
from pharmacy_desk.core.db import write_transaction
from pharmacy_desk.core.models import Category, Operation
from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core.tiers import TierRow, tiers_by_rank
from pharmacy_desk.core.operator import Operator


@dataclass
class Pending:
    """What the pages would change: setting values by key, tier and category fields by code."""

    settings: dict[str, Any] = field(default_factory=dict)
    tiers: dict[str, dict[str, Any]] = field(default_factory=dict)
    categories: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.settings or self.tiers or self.categories)


@dataclass(frozen=True)
class Saved:
    recorded: int  # audited changes written

    @property
    def changes(self) -> Changes:
        return Changes(settings=True) if self.recorded else NOTHING


def _rule_changes() -> int:
    return Operation.select().where(Operation.kind == "rule_change").count()


def save(pending: Pending, operator: Operator, *, at: dt.datetime | None = None) -> Saved:
    """Store every pending change in one transaction; a refusal of any stores none."""
    require(operator, Permission.CHANGE_RULES)
    try:
        with write_transaction():
            before = _rule_changes()
            recorded = len(settings.change_many(pending.settings, operator, at=at)) if pending.settings else 0
            if pending.tiers:
                rules.update_ladder(pending.tiers, operator, at=at)
            for code, changes in pending.categories.items():
                rules.update_category(code, operator, at=at, **changes)
            recorded += _rule_changes() - before
    finally:
        settings.invalidate()  # a refusal after the settings were stored rolled them back
    return Saved(recorded)


def tiers() -> list[TierRow]:
    """The ladder as the tier page shows and edits it, lowest first."""
    return tiers_by_rank()


@dataclass(frozen=True)
class CategoryRate:
    """A category's points rule as the points page shows and edits it."""

    code: str
    name: str
    points_per_block: int
    block_fen: int


def categories() -> list[CategoryRate]:
    """The categories in the till's order, with their points rules."""
    query = (Category.select(Category.code, Category.name, Category.points_per_block, Category.block_fen)
             .order_by(Category.sort_order, Category.id).tuples())
    return [CategoryRate(*row) for row in cast("Iterable[tuple[str, str, int, int]]", query)]
