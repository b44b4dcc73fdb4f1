"""凭条: the slips a return and a redemption print, in the receipt's format and with its store header.

A return slip says what came back and how each part of the money goes back (医保 to
the insurance account, not into the customer's hand); a redemption slip says what the
member took and what their points are now.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from pharmacy_desk.core import ledger, settings
from pharmacy_desk.core.models import Category, CatalogItem, Member, Redemption, SaleLine, SaleReturn, SaleReturnLine
from pharmacy_desk.core.normalize import mask_phone, yuan
from pharmacy_desk.core.receipt import RULE, Receipt, ReceiptLine, staff_name, store_footer, store_header
from pharmacy_desk.core.returns import refunds_of
from pharmacy_desk.core.vocabulary import PaymentMethod, ReturnReason

# How each method's money goes back, as the customer is told.
REFUND_WAY = {PaymentMethod.INSURANCE.value: "退回医保账户", PaymentMethod.CASH.value: "现金退还"}
OTHER_REFUND_WAY = "原路退回"  # a wallet or a card: back the way it was paid


def refund_words(method: str) -> str:
    """``医保（退回医保账户）``, ``微信（原路退回）``: the method and where the money goes."""
    return f"{PaymentMethod.label_of(method)}（{REFUND_WAY.get(method, OTHER_REFUND_WAY)}）"


def _member_lines(member_id: int | None) -> list[ReceiptLine]:
    if member_id is None:
        return []
    member = Member.get_by_id(member_id)
    return [ReceiptLine(f"会员 {member.name} {mask_phone(member.phone)}")]


def return_slip(sale_return_id: int) -> Receipt:
    record = SaleReturn.get_by_id(sale_return_id)
    sale = record.sale
    out = [*store_header(), ReceiptLine(f"原单号 {sale.receipt_no}"),
           ReceiptLine(f"退货时间 {record.created_at:%Y-%m-%d %H:%M}"), ReceiptLine(f"经办 {staff_name(record.staff_id)}"),
           *_member_lines(sale.member_id)]
    reason = ReturnReason.label_of(record.reason) if ReturnReason.has(record.reason) else record.reason
    if reason:
        out.append(ReceiptLine(f"原因 {reason}"))
    out.append(ReceiptLine(RULE))
    rows = cast("Iterable[tuple[int, str, str]]", (
        SaleReturnLine.select(SaleReturnLine.amount_fen, Category.name, SaleLine.description)
        .join(SaleLine).join(Category).where(SaleReturnLine.sale_return == record.id)
        .order_by(SaleReturnLine.id).tuples()))
    for amount, category, description in rows:
        out.append(ReceiptLine(f"退 {category}" + (f" {description}" if description else ""), yuan(amount)))
    out.append(ReceiptLine(RULE))
    out.append(ReceiptLine("退款合计", yuan(record.refund_fen), bold=True))
    for method, fen in refunds_of(record.id).items():
        out.append(ReceiptLine(f"  {refund_words(method)}", yuan(fen)))
    if sale.member_id is not None:
        out.append(ReceiptLine(RULE))
        if record.points_refunded:
            out.append(ReceiptLine("退回抵现积分", f"+{record.points_refunded}"))
        if record.points_clawed:
            out.append(ReceiptLine("扣回所得积分", f"-{record.points_clawed}"))
        if record.points_shortfall:
            out.append(ReceiptLine("积分不足未扣回", str(record.points_shortfall)))
        if record.coupon_restored:
            out.append(ReceiptLine("优惠券已退回"))
        out.append(ReceiptLine("积分余额", str(ledger.balance(sale.member_id)), bold=True))
    out.append(ReceiptLine(RULE))
    out.append(ReceiptLine("顾客签字："))
    return Receipt("退货凭条", sale.receipt_no, tuple(out))


def redemption_slip(redemption_id: int) -> Receipt:
    done = Redemption.get_by_id(redemption_id)
    item = CatalogItem.get_by_id(done.item_id)
    out = [*store_header(), ReceiptLine(f"时间 {done.created_at:%Y-%m-%d %H:%M}"),
           ReceiptLine(f"经办 {staff_name(done.staff_id)}"), *_member_lines(done.member_id), ReceiptLine(RULE),
           ReceiptLine(f"{item.name} × {done.quantity}", f"-{done.points}分")]
    if done.value_fen:
        out.append(ReceiptLine("价值", f"{yuan(done.value_fen)}元"))
    out += [ReceiptLine(RULE), ReceiptLine("积分余额", str(ledger.balance(done.member_id)), bold=True)]
    days = settings.get("points_expiry_warning_days")
    expiring = ledger.expiring_within(done.member_id, done.created_at.date(), days)
    if expiring:
        out.append(ReceiptLine(f"{days}天内到期积分", str(expiring)))
    out += store_footer()
    return Receipt("积分兑换凭条", f"兑换{done.id}", tuple(out))
