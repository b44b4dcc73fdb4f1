"""What an operation changed: the one value every mutation hands back.

A screen refreshes only when a change touches what it shows: the member panel when
its member changed, the call lists when any member or contact changed. A sale of
member 7 is ``Changes(members=frozenset({7}), sales=True, ledger=True)``; changes of
several steps add up with ``|``. ``members=ALL`` means too many to list (an import,
the nightly points expiry): every member may have changed.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from collections.abc import Iterable
from typing import Literal

ALL: Literal["all"] = "all"
Members = frozenset[int] | Literal["all"]


@dataclass(frozen=True)
class Changes:
    members: Members = frozenset()  # whose profile, points, tier, coupons or health file changed
    sales: bool = False  # a sale or a return was recorded
    ledger: bool = False  # points were earned, spent, expired or adjusted (积分流水)
    coupons: bool = False  # a coupon was issued, used or restored
    contacts: bool = False  # a call from a call list was recorded (回访记录)
    catalog: bool = False  # the redemption catalog or its stock (积分兑换目录)
    health: bool = False  # a health file, consent or measurement (健康档案)
    settings: bool = False
    staff: bool = False

    @classmethod
    def of_members(cls, member_ids: Iterable[int | None] | Literal["all"], **flags: bool) -> Changes:
        """Changes to these members (``None`` ids, a walk-in's, are left out)."""
        ids = ALL if member_ids == ALL else frozenset(i for i in member_ids if i is not None)
        return cls(members=ids, **flags)

    @classmethod
    def of_member(cls, member_id: int | None, **flags: bool) -> Changes:
        return cls.of_members((member_id,), **flags)

    def __or__(self, other: Changes) -> Changes:
        if not isinstance(other, Changes):
            return NotImplemented
        members: Members = (ALL if ALL in (self.members, other.members)
                            else self.members | other.members)  # type: ignore[operator]
        flags = {f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self) if f.name != "members"}
        return Changes(members=members, **flags)

    def __bool__(self) -> bool:
        """False when nothing changed (a replayed operation, an edit that changed no field)."""
        return any(getattr(self, f.name) for f in fields(self))

    def touches_member(self, member_id: int | None) -> bool:
        return member_id is not None and (self.members == ALL or member_id in self.members)

    def touches_any_member(self) -> bool:
        return bool(self.members)


NOTHING = Changes()


def union(changes: Iterable[Changes]) -> Changes:
    total = NOTHING
    for change in changes:
        total |= change
    return total
