"""The 交班 slip and the 日结 report as receipt lines, for the receipt printer or a PDF."""

from __future__ import annotations

from pharmacy_desk.core.day_end import DayEndReport
from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.receipt import RULE, Receipt, ReceiptLine, store_header
from pharmacy_desk.core.shift import ShiftReport, Totals
from pharmacy_desk.core.vocabulary import PaymentMethod


def totals_lines(t: Totals) -> list[ReceiptLine]:
    lines = [ReceiptLine(f"销售 {t.sales} 笔", yuan(t.sales_fen)),
             ReceiptLine(f"退货 {t.returns} 笔", f"-{yuan(t.refunds_fen)}" if t.refunds_fen else yuan(0)),
             ReceiptLine("实收（退款已扣）", bold=True)]
    lines += [ReceiptLine(f"  {PaymentMethod.label_of(m)}", yuan(a)) for m, a in t.takings_by_method.items()]
    if not t.takings_by_method:
        lines.append(ReceiptLine("  无", yuan(0)))
    lines += [ReceiptLine("医保（另计，不在钱箱）", yuan(t.insurance_fen)),
              *points_lines(t),
              ReceiptLine("用券", f"{t.coupons_used} 张"),
              ReceiptLine("新会员", f"{t.new_members} 人")]
    return lines


def points_lines(t: Totals) -> list[ReceiptLine]:
    """The points given and spent, each with what the returns changed and the net: a return takes
    back what its goods earned, and what the member had already spent stays given (未扣回)."""
    return [ReceiptLine("发放积分", str(t.points_issued)),
            ReceiptLine("  退货扣回", f"-{t.points_clawed}" if t.points_clawed else "0"),
            ReceiptLine("  积分不足未扣回", str(t.points_shortfall)),
            ReceiptLine("净发放积分", str(t.points_net_issued), bold=True),
            ReceiptLine("使用积分", str(t.points_redeemed)),
            ReceiptLine("  退货/撤销退回", f"-{t.points_given_back}" if t.points_given_back else "0"),
            ReceiptLine("净使用积分", str(t.points_net_redeemed), bold=True)]


def shift_slip(report: ShiftReport) -> Receipt:
    lines = [*store_header(), ReceiptLine("收银员", report.cashier),
             ReceiptLine("开始", f"{report.start:%Y-%m-%d %H:%M}"),
             ReceiptLine("交班", f"{report.end:%Y-%m-%d %H:%M}"), ReceiptLine(RULE),
             *totals_lines(report.totals), ReceiptLine(RULE), ReceiptLine("交班人签字"), ReceiptLine("接班人签字")]
    return Receipt("交班单", f"交班_{report.cashier}_{report.end:%Y%m%d_%H%M}", tuple(lines))


def _chunks(text: str, size: int = 24) -> list[str]:
    return [text[i:i + size] for i in range(0, len(text), size)]


def day_end_slip(report: DayEndReport) -> Receipt:
    lines = [*store_header(), ReceiptLine("日期", f"{report.day:%Y-%m-%d}"),
             ReceiptLine("打印于", f"{report.made_at:%Y-%m-%d %H:%M}"), ReceiptLine(RULE),
             ReceiptLine("全店", bold=True), *totals_lines(report.totals)]
    for name, totals in report.by_cashier:
        lines += [ReceiptLine(RULE), ReceiptLine(f"收银员 {name}", bold=True), *totals_lines(totals)]
    # The head is long: printed whole, in pieces, so it can be checked against the database later.
    lines += [ReceiptLine(RULE), ReceiptLine("账本链头（核对用）")]
    for part in report.chain_head.split(";"):
        lines += [ReceiptLine(piece) for piece in _chunks(part)]
    return Receipt("日结报表", f"日结_{report.day:%Y%m%d}", tuple(lines))
