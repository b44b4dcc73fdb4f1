"""回访记录: a member was called from a list, with what came of it.

Marking a member contacted for a reason takes them off that reason's list for a
while (see ``call_lists.CONTACT_WINDOW_DAYS``), so tomorrow's list does not repeat
today's calls.
"""

from __future__ import annotations

import datetime as dt

from pharmacy_desk.core import operations
from pharmacy_desk.core.changes import NOTHING, Changes
from pharmacy_desk.core.db import write_transaction
from pharmacy_desk.core.errors import InvalidInput, NotFound
from pharmacy_desk.core.ids import MemberId
from pharmacy_desk.core.models import ContactLog, Member
from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core.vocabulary import ContactReason, OperationKind, Role
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP
from pharmacy_desk.core.operator import Operator

OUTCOMES = ("已接通", "未接听", "空号/停机", "已到店", "拒绝回访")
# Calls that reached nobody: the member is off today's list and back tomorrow for another try.
RETRY_OUTCOMES = ("未接听",)


def mark_contacted(member_id: MemberId, reason: str, outcome: str, operator: Operator,
                   at: dt.datetime | None = None, notes: str = "") -> ContactLog:
    """Record one call; ``reason`` is a list's reason key (``dormant``, ``birthday`` …)."""
    require(operator, Permission.CONTACT_MEMBERS)
    if not ContactReason.has(reason):
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "未知的回访原因：{reason}"), reason=reason)
    outcome = (outcome or "").strip()
    if not outcome:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "请选择回访结果。"))
    if operator is None or not getattr(operator, "id", None) or operator.role == Role.SYSTEM:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "回访记录必须由具体店员登记。"))
    at = at or operations.now()
    with write_transaction():
        if not Member.select().where(Member.id == member_id).exists():
            raise NotFound(QT_TRANSLATE_NOOP("core", "找不到这位会员。"))
        return ContactLog.create(member=member_id, reason=reason, contacted_at=at, staff=operator.id,
                                 outcome=outcome, notes=(notes or "").strip()[:255])


def mark_all_contacted(calls: list[tuple[MemberId, str]], outcome: str, operator: Operator, *,
                       at: dt.datetime | None = None, notes: str = "", key: str | None = None) -> Changes:
    """One outcome for several calls (``(member_id, reason)`` pairs): all recorded, or none.

    Several members chosen in a list and marked at once: a refusal part-way (a member
    deleted meanwhile) must not leave half of them marked. With ``key`` (made when the
    screen began the marking) a second submit of the same marking records nothing.
    """
    at = at or operations.now()
    with write_transaction():
        step = operations.keyed(key, OperationKind.CONTACT, operator, at) if key is not None else None
        if step is not None and step.done is not None:
            return NOTHING
        for member_id, reason in calls:
            mark_contacted(member_id, reason, outcome, operator, at=at, notes=notes)
        if step is not None:
            step.start(subject=f"回访 {len(calls)} 位：{outcome}")
    return Changes.of_members((member_id for member_id, _ in calls), contacts=True)


def history(member_id: MemberId, limit: int = 50) -> list[ContactLog]:
    """A member's calls, latest first."""
    return list(ContactLog.select().where(ContactLog.member == member_id)
                .order_by(ContactLog.contacted_at.desc(), ContactLog.id.desc()).limit(limit))
