"""删除会员: a member's personal information erased on their request (PIPL).

Sales, points and coupons are the pharmacy's accounts and stay as they were (those
tables are append-only); what identifies the person goes: name, phone, birthday,
address, notes, the owning staff member, consent and the health file with every
measurement. The row keeps its card number, so the accounts still add up per card.
An erased member is on no call list or campaign again, and is found by nobody's phone.
"""

from __future__ import annotations

import datetime as dt

from pharmacy_desk.core import audit, members, operations
from pharmacy_desk.core.changes import NOTHING, Changes
from pharmacy_desk.core.db import write_transaction
from pharmacy_desk.core.ids import MemberId
from pharmacy_desk.core.models import Measurement, Member
from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core.vocabulary import OperationKind
from pharmacy_desk.core.operator import Operator

ERASED_NAME = "已删除会员"
# Stored in place of the phone (the column is unique and required): no typed or scanned
# number can ever match it, and the call lists leave it out.
ERASED_PHONE_PREFIX = "erased:"


def is_erased(member: Member) -> bool:
    return member.phone.startswith(ERASED_PHONE_PREFIX)


def erase_member(member_id: MemberId, operator: Operator, *, at: dt.datetime | None = None) -> Changes:
    """Erase the member's personal information; recorded (who, when, which card). Once is enough."""
    require(operator, Permission.ERASE_MEMBER)
    at = at or operations.now()
    with write_transaction():
        member = members.get(member_id)
        if is_erased(member):
            return NOTHING
        audit.record(OperationKind.ERASE_MEMBER, operator, subject=f"member:{member.id}",
                     detail=f"卡号 {member.card_no}", at=at)
        Member.update(name=ERASED_NAME, name_initials="", phone=f"{ERASED_PHONE_PREFIX}{member.id}", gender="",
                      birthday=None, address="", notes="", owner_staff=None, marketing_opt_out=True,
                      health_consent_on=None, chronic_conditions="", allergies="", long_term_meds="",
                      health_to_confirm="", id_number="") \
            .where(Member.id == member.id).execute()
        Measurement.delete().where(Measurement.member == member.id).execute()
    return Changes.of_member(member.id, health=True)
