"""The tables the program keeps for itself beside the business's: a receipt counter per day, the
rules' version stamp, each member's running sales figures, the members counted by tier, owner,
gender and birthday, and the stored closed months.

None of them is a record a person made: each is derived from the business tables
(the sale's triggers, ``dialect.SALE_TRIGGERS``; the rules' triggers; ``core/activity.py``;
the member's triggers, ``core/member_tally.py``; ``core/reports/closing.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from peewee import CharField, Check, CompositeKey, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from pharmacy_desk.core.model_base import BaseModel
from pharmacy_desk.core.models import Member, Staff


class ReceiptCounter(BaseModel):
    """The highest receipt number given on a day (schema v9), kept by the sale's INSERT (v13 trigger).

    ``day`` is the receipt number's date part (``20261201``); the next sale of that day is
    ``last_no + 1``. A day without a row starts after the highest number its sales already
    carry (``dialect.NEXT_RECEIPT_NO``).
    """

    day = CharField(primary_key=True)
    last_no = IntegerField()


class RuleVersion(BaseModel):
    """One row whose ``version`` moves with every change to a setting, tier or category (schema v9).

    Triggers bump it, whichever connection or process writes the rules, so a cache of the
    rules checks one number instead of reading them again (``core/rule_cache.py``).
    """

    version = IntegerField()


class MemberActivity(BaseModel):
    """A member's running sales figures, kept by every sale (schema v11; ``core/activity.py``).

    ``last_sale_at`` is the member's newest sale ever; ``visits`` and ``paid_fen`` (before
    refunds, as RFM counts them) are over the sales since ``ActivityWindow.starts``.
    """

    member = ForeignKeyField(Member, primary_key=True, backref="activity")
    last_sale_at = DateTimeField()
    visits = IntegerField()
    paid_fen = IntegerField()


class ActivityWindow(BaseModel):
    """The one row saying which sales ``MemberActivity`` counts (schema v11).

    ``visits`` and ``paid_fen`` count the sales on or after ``starts``; while the month
    ``starts`` names is being taken out member by member, ``rolled_through`` is the highest
    member id already done (0 when no roll is under way).
    """

    id = IntegerField(primary_key=True, constraints=[Check("id = 1")])
    starts = DateField()
    rolled_through = IntegerField()


class MonthReport(BaseModel):
    """月结: a closed month's every report figure, stored when it closed (schema v11). Append-only.

    A recompute on request is a new row; the month's newest row is its figures
    (``core/reports/closing.py`` writes and reads ``figures``, a JSON document).
    """

    month = CharField(index=True)  # YYYY-MM
    computed_at = DateTimeField()
    staff = ForeignKeyField(Staff)
    if TYPE_CHECKING:  # each foreign key's ``<name>_id``, added by peewee at runtime
        staff_id: Any
    figures = TextField()


class MemberTally(BaseModel):
    """How many members hold a tier with an owner-staff (schema v14), kept by triggers on member.

    ``owner_key`` is the owner-staff's id, 0 for members with none (``core/member_tally.py``).
    """

    tier_id = IntegerField()
    owner_key = IntegerField()
    members = IntegerField()

    class Meta:
        primary_key = CompositeKey("tier_id", "owner_key")


class BirthdayTally(BaseModel):
    """How many members of a gender were born on a day (schema v14), kept by triggers on member.

    ``born`` is the birthday as stored, '' for members whose birthday is not known.
    """

    gender = CharField()
    born = CharField()
    members = IntegerField()

    class Meta:
        primary_key = CompositeKey("gender", "born")


BOOKKEEPING_MODELS = [ReceiptCounter, RuleVersion, MemberActivity, ActivityWindow, MonthReport, MemberTally,
                      BirthdayTally]
