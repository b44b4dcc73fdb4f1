"""Typo guard 金额核对: a sale's size against the ceiling, the confirm threshold and the member's usual.

``12000`` typed for ``120.00`` is the till's costliest slip: 800 points and a tier upgrade
that a return does not undo. A sale above the ceiling is refused; one above the confirm
threshold, or far above what this member usually spends, is recorded only once the
cashier has confirmed it (one key at the till).
"""

from __future__ import annotations

from typing import cast

from peewee import fn

from pharmacy_desk.core import settings
from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.ids import MemberId
from pharmacy_desk.core.models import Sale
from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP, Sentence

# The member's usual is the average of their last sales, once there are enough of them to say.
USUAL_SALES = 20
USUAL_MIN_SALES = 3
# Below this a sale is never "far above the usual": a 3-yuan regular buying 60 yuan once is no typo.
USUAL_FLOOR_FEN = 500_00


def check_ceiling(total_fen: int) -> None:
    ceiling = settings.get("sale_ceiling_fen")
    if total_fen > ceiling:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "本单合计 {total} 元超过单笔上限 {ceiling} 元，请核对金额。"),
                           total=yuan(total_fen), ceiling=yuan(ceiling))


def usual_fen(member_id: MemberId) -> int | None:
    """The member's average sale (fen) over their last ``USUAL_SALES``; None with too few sales."""
    recent = (Sale.select(Sale.total_fen).where(Sale.member == member_id)
              .order_by(Sale.created_at.desc()).limit(USUAL_SALES))
    row = Sale.select(fn.COUNT(recent.c.total_fen), fn.SUM(recent.c.total_fen)).from_(recent).tuples().get()
    count, total = cast("tuple[int, int | None]", row)
    return total // count if total is not None and count >= USUAL_MIN_SALES else None


def confirm_reason(total_fen: int, member_id: MemberId | None) -> Sentence | None:
    """Why this sale's amount should be confirmed before it is recorded, or None."""
    threshold = settings.get("sale_confirm_fen")
    if total_fen > threshold:
        return Sentence(QT_TRANSLATE_NOOP("core", "本单合计 {total} 元，超过 {threshold} 元"),
                        total=yuan(total_fen), threshold=yuan(threshold))
    if member_id is None or total_fen < USUAL_FLOOR_FEN:
        return None
    usual = usual_fen(member_id)
    multiple = settings.get("usual_basket_multiple")
    if usual is not None and total_fen > usual * multiple:
        return Sentence(QT_TRANSLATE_NOOP("core", "本单合计 {total} 元，是该会员平时每单（约 {usual} 元）的 {times} 倍"),
                        total=yuan(total_fen), usual=yuan(usual), times=total_fen // max(usual, 1))
    return None
