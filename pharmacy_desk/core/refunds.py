"""退款去向: a return's money goes back the way the sale was paid.

The 医保 share goes back to 医保 (the insurance fund, not the customer's hand), and the
rest is split over the other methods in proportion to what is still unreturned on each.
Working from what each method still holds, no sequence of partial returns can give back
more on a method than it paid, and the last return gives back exactly what is left.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from peewee import fn

from pharmacy_desk.core.ids import SaleId
from pharmacy_desk.core.models import Payment, SaleReturn, SaleReturnPayment
from pharmacy_desk.core.vocabulary import PaymentMethod

INSURANCE = PaymentMethod.INSURANCE.value
METHOD_ORDER = [m.value for m in PaymentMethod]  # ties go to the method listed first


def split_refund(amount_fen: int, insurance_share_fen: int, remaining: dict[str, int]) -> dict[str, int]:
    """How ``amount_fen`` goes back, by method; ``remaining`` is what each method still holds.

    ``insurance_share_fen`` is the part of the returned goods that 医保 paid. If the other
    methods cannot take the rest (rounding over several partial returns), 医保 takes it,
    never more than it holds. Among the other methods the split is proportional to what each
    holds, fen by fen by the largest remainder, so no method gets more than it holds.
    """
    holds = {m: r for m, r in remaining.items() if r > 0}
    if amount_fen <= 0:
        return {}
    if amount_fen > sum(holds.values()):
        raise ValueError(f"refund {amount_fen} exceeds what the sale still holds {holds}")
    insurance_left = holds.get(INSURANCE, 0)
    others = {m: r for m, r in holds.items() if m != INSURANCE}
    others_left = sum(others.values())
    insurance = min(insurance_left, amount_fen, max(insurance_share_fen, amount_fen - others_left))
    rest = amount_fen - insurance
    split = {INSURANCE: insurance} if insurance else {}
    if rest:
        quotas = {m: rest * r for m, r in others.items()}  # each over others_left
        shares = {m: q // others_left for m, q in quotas.items()}
        order = sorted(others, key=lambda m: (-(quotas[m] % others_left), METHOD_ORDER.index(m)))
        for method in order[:rest - sum(shares.values())]:
            shares[method] += 1  # only methods with a fractional quota: none passes what it holds
        split.update({m: a for m, a in shares.items() if a})
    return split


def remaining_by_method(sale_id: SaleId) -> dict[str, int]:
    """What each payment method of the sale still holds: paid, less what returns gave back on it."""
    paid = cast("Iterable[tuple[str, int]]", Payment.select(Payment.method, fn.SUM(Payment.amount_fen))
                .where(Payment.sale == sale_id).group_by(Payment.method).tuples())
    back = cast("Iterable[tuple[str, int]]",
                SaleReturnPayment.select(SaleReturnPayment.method, fn.SUM(SaleReturnPayment.amount_fen))
                .join(SaleReturn).where(SaleReturn.sale == sale_id).group_by(SaleReturnPayment.method).tuples())
    given_back = dict(back)
    return {method: amount - given_back.get(method, 0) for method, amount in paid}
