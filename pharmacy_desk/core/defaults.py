"""The rows a new database starts with: the system operator, categories and tiers.

Every number is DOMAIN's default and the owner can change it afterwards.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pharmacy_desk.core.bookkeeping_models import RuleVersion
from pharmacy_desk.core.models import Category, Staff, Tier
from pharmacy_desk.core.operator import Operator
from pharmacy_desk.core.vocabulary import Role

SYSTEM_STAFF_NAME = "系统"

# code, name, hotkey, points_per_block, block_fen, is_prescription
CATEGORIES = (
    ("household", "常备药", "1", 1, 2000, False),
    ("otc", "非处方药", "2", 1, 1500, False),
    ("supplement", "保健品", "3", 2, 3000, False),
    ("promo", "特价", "4", 1, 2000, False),
    ("rx", "处方药", "5", 0, 2000, True),
    ("device", "医疗器械", "6", 1, 2000, False),
    ("other", "其他", "7", 1, 2000, False),
)

# code, name, rank, min_spend_fen, min_visits, multiplier, monthly_cap_fen, privileges
TIERS = (
    ("normal", "普通会员", 0, 0, 0, Decimal("1"), 5000, ""),
    ("core", "核心会员", 1, 50000, 0, Decimal("1.2"), 10000, "优先服务"),
    ("vip", "VIP会员", 2, 100001, 0, Decimal("1.5"), 20000, "优先服务、免费送药"),
    ("platinum", "白金会员", 3, 300001, 12, Decimal("2"), 50000, "优先服务、免费送药、专属药师"),
)


def seed_defaults() -> None:
    RuleVersion.insert(id=1, version=0).on_conflict_ignore().execute()  # the row the rules' triggers bump (v9 makes it)
    Staff.create(name=SYSTEM_STAFF_NAME, role=Role.SYSTEM)
    for order, (code, name, hotkey, points, block, rx) in enumerate(CATEGORIES):
        Category.create(code=code, name=name, hotkey=hotkey, points_per_block=points,
                        block_fen=block, is_prescription=rx, sort_order=order)
    for code, name, rank, spend, visits, mult, cap, privileges in TIERS:
        Tier.create(code=code, name=name, rank=rank, min_spend_fen=spend, min_visits=visits,
                    multiplier=mult, monthly_cap_fen=cap, privileges=privileges)
    from pharmacy_desk.core import activity

    activity.start_window(dt.date.today())


def system_staff() -> Operator:
    """The operator recorded for work nobody at the till did (scheduled expiry, CLI, import)."""
    return Operator.of(Staff.get(Staff.role == Role.SYSTEM))
