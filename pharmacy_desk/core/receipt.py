"""小票: the lines of a sale's receipt, ready for a 58 mm or 80 mm receipt printer.

The receipt is built from what was recorded (the sale, its lines and payments) and
from the ledger as it stands, so the balance printed is the balance the member has.
Rendering (fonts, paper, PDF) is the window's job; what the receipt says is decided here.

A receipt, like the slips (``slips``, ``shift_slip``), is printed in Chinese whatever the
windows' language: it is the paper a Chinese pharmacy hands its customer, beside the header,
footer, tiers and categories the owner typed in Chinese, and the receipt printers are GBK
ones; the English windows are for the person at the till, not for the customer.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from pharmacy_desk.core import bonuses, ledger, settings, tiers
from peewee import fn

from pharmacy_desk.core.models import (
    Category, Coupon, Member, Operation, Payment, Sale, SaleLine, SaleReturn, Staff, TierChange,
)
from pharmacy_desk.core.member_summary import tier_privileges
from pharmacy_desk.core.normalize import mask_phone, yuan
from pharmacy_desk.core.pricing import describe_bonuses
from pharmacy_desk.core.vocabulary import PaymentMethod

# Characters per line of the common receipt printers (a CJK character takes two).
PAPER_COLUMNS = {58: 32, 80: 48}
RULE = "-"


@dataclass(frozen=True)
class ReceiptLine:
    """One printed line: text on the left, an amount on the right, or a rule (``left == RULE``)."""

    left: str
    right: str = ""
    bold: bool = False


@dataclass(frozen=True)
class Receipt:
    title: str
    receipt_no: str
    lines: tuple[ReceiptLine, ...]


def store_header() -> list[ReceiptLine]:
    """The pharmacy's name, address and phone as set up and the owner's header line, then a
    rule; nothing when none is set."""
    keys = ("pharmacy_name", "pharmacy_address", "pharmacy_phone", "receipt_header")
    name, address, phone, header = (str(settings.get(key) or "").strip() for key in keys)
    lines = [ReceiptLine(text) for text in (name, address, f"电话 {phone}" if phone else "", header) if text]
    return [*lines, ReceiptLine(RULE)] if lines else []


def store_footer() -> list[ReceiptLine]:
    """A rule and the owner's closing line (谢谢惠顾… by default); nothing when it is left empty."""
    footer = str(settings.get("receipt_footer") or "").strip()
    return [ReceiptLine(RULE), ReceiptLine(footer)] if footer else []


def privileges_line(tier_id: int) -> list[ReceiptLine]:
    """The tier's privileges (免费送药、专属药师 …), so whoever packs the order honours them."""
    privileges = tier_privileges(tiers.tier_of(tier_id))  # the cached ladder: no query
    return [ReceiptLine(f"会员特权 {'、'.join(privileges)}")] if privileges else []


def tier_of_sale(sale: Sale, member: Member) -> int:
    """The tier the member had while this sale was served, whatever happened since.

    A tier changes after the sale that crosses its threshold, never inside it: the sale was
    priced, and served, under the tier before. So the first change from the sale on (its own
    upgrade, or a later review) started from the sale's tier; with none, it is the tier now.
    """
    own = Operation.select(Operation.id).where(Operation.key == f"sale:{sale.uid}")
    first = (TierChange.select(TierChange.from_tier)
             .where((TierChange.member == member.id)
                    & ((TierChange.changed_at > sale.created_at) | TierChange.operation.in_(own)))
             .order_by(TierChange.changed_at, TierChange.id).first())
    return first.from_tier_id if first is not None and first.from_tier_id is not None else member.tier_id


def staff_name(staff_id: int) -> str:
    return Staff.get_by_id(staff_id).name


def build(sale_id: int, today: dt.date | None = None) -> Receipt:
    """The receipt of sale ``sale_id``; points expiring soon are counted as of ``today``.

    A sale returned since says so under its total: the receipt pane and a reprint never
    show a returned sale as if it still stood.
    """
    sale = Sale.get_by_id(sale_id)
    today = today or sale.created_at.date()
    out = [*store_header(), ReceiptLine(f"单号 {sale.receipt_no}"),
           ReceiptLine(f"时间 {sale.created_at:%Y-%m-%d %H:%M}"), ReceiptLine(f"收银 {staff_name(sale.staff_id)}")]
    member = Member.get_by_id(sale.member_id) if sale.member_id else None
    if member is not None:
        out.append(ReceiptLine(f"会员 {member.name} {mask_phone(member.phone)}"))
        out += privileges_line(tier_of_sale(sale, member))
    out.append(ReceiptLine(RULE))
    rows = (SaleLine.select(SaleLine, Category.name).join(Category)
            .where(SaleLine.sale == sale.id).order_by(SaleLine.id))
    for line in rows:
        label = line.category.name + (f" {line.description}" if line.description else "")
        if line.days_supply:
            label += f"（{line.days_supply}天量）"
        out.append(ReceiptLine(label, yuan(line.amount_fen)))
    out.append(ReceiptLine(RULE))
    out.append(ReceiptLine("合计", yuan(sale.total_fen)))
    if sale.coupon_discount_fen:
        # The coupon by its name (满100减10, 九折券), so the member sees which one was taken.
        coupon = Coupon.get_or_none(Coupon.id == sale.coupon_id)
        label = f"优惠券（{coupon.title}）" if coupon is not None else "优惠券"
        out.append(ReceiptLine(label, "-" + yuan(sale.coupon_discount_fen)))
    if sale.points_cash_fen:
        out.append(ReceiptLine(f"积分抵现（{sale.points_used}分）", "-" + yuan(sale.points_cash_fen)))
    out.append(ReceiptLine("应付", yuan(sale.paid_fen), bold=True))
    for payment in Payment.select().where(Payment.sale == sale.id).order_by(Payment.id):
        out.append(ReceiptLine(f"  {PaymentMethod.label_of(payment.method)}", yuan(payment.amount_fen)))
    refunded = SaleReturn.select(fn.COALESCE(fn.SUM(SaleReturn.refund_fen), 0)).where(SaleReturn.sale == sale.id).scalar()
    if refunded:
        out.append(ReceiptLine("已退货退款", "-" + yuan(refunded), bold=True))
        out.append(ReceiptLine("退货后实付", yuan(sale.paid_fen - refunded)))
    if member is not None:
        out.append(ReceiptLine(RULE))
        out.append(ReceiptLine("本次积分", f"+{sale.points_earned}"))
        earned_with = bonuses.sale_bonuses(sale)
        if earned_with:
            out.append(ReceiptLine("积分加成", describe_bonuses(earned_with)))
        out.append(ReceiptLine("积分余额", str(ledger.balance(member.id)), bold=True))
        days = settings.get("points_expiry_warning_days")
        expiring = ledger.expiring_within(member.id, today, days)
        if expiring:
            out.append(ReceiptLine(f"{days}天内到期积分", str(expiring)))
        upgraded = upgrade_by(sale)
        if upgraded is not None:
            out.append(ReceiptLine(f"恭喜您升级为{upgraded.name}！", bold=True))
            # What the new tier brings starts with the next sale, not this one.
            privileges = tier_privileges(tiers.tier_of(upgraded.id))
            if privileges:
                out.append(ReceiptLine(f"下次消费起享有 {'、'.join(privileges)}"))
    out += store_footer()
    return Receipt("会员消费小票" if member is not None else "消费小票", sale.receipt_no, tuple(out))


def upgrade_by(sale: Sale) -> tiers.TierRow | None:
    """The tier this sale lifted its member to, if it did (the upgrade shares its operation)."""
    to_tier = (TierChange.select(TierChange.to_tier).join(Operation)
               .where(Operation.key == f"sale:{sale.uid}").scalar())
    return tiers.tier_of(to_tier) if to_tier is not None else None


def display_width(text: str) -> int:
    """Columns a receipt printer uses: wide (CJK, full-width) characters take two.

    So do the "ambiguous" ones (×, °, ±, §): a GBK printer and a CJK font draw them as wide
    as a 汉字, which is how Unicode says East Asian text treats them.
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)


def as_text(receipt: Receipt, columns: int) -> str:
    """Plain text of the receipt for a printer ``columns`` wide (amounts right-aligned)."""
    rows = [_centre(receipt.title, columns)]
    for line in receipt.lines:
        if line.left == RULE:
            rows.append(RULE * columns)
        elif not line.right:
            rows += wrap(line.left, columns)
        else:
            gap = columns - display_width(line.left) - display_width(line.right)
            rows.append(line.left + " " * max(1, gap) + line.right)
    return "\n".join(rows)


def wrap(text: str, columns: int) -> list[str]:
    """``text`` cut into rows no wider than ``columns`` (a long address on 58 mm paper), so the
    printer never breaks a wide character in half."""
    rows, row, width = [], "", 0
    for ch in text:
        w = display_width(ch)
        if width + w > columns:
            rows.append(row)
            row, width = "", 0
        row, width = row + ch, width + w
    return [*rows, row]


def _centre(text: str, columns: int) -> str:
    return " " * max(0, (columns - display_width(text)) // 2) + text
