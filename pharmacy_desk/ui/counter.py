"""收银台: the check-in screen. Search box and member panel on the left, sale entry and
receipt on the right. Scan → the member shows → type amounts → Enter → receipt, and the
search box has the focus again for the next customer in the queue.

A card scanned wherever the focus is in the window reaches the search (``ui.scanner``):
the field it landed in keeps what the cashier had typed, and the focus goes back there.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from pharmacy_desk.core import members
from pharmacy_desk.core.changes import Changes
from pharmacy_desk.core.errors import NotFound
from pharmacy_desk.core.member_summary import summarize
from pharmacy_desk.ui.events import events
from pharmacy_desk.ui.member_panel import MemberPanel
from pharmacy_desk.ui.operations import Op, current_operator
from pharmacy_desk.ui.receipt import ReceiptView
from pharmacy_desk.ui.sale_entry import SaleEntry
from pharmacy_desk.ui.scanner import FocusKeeper, ScanCatcher
from pharmacy_desk.ui.search_box import SearchBox
from pharmacy_desk.ui.service_coupons import ServiceCoupons


class CounterWidget(QWidget):
    register_requested = Signal(str)  # phone to pre-fill in the sign-up dialog

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # The member on the panel (F3/F4/F5 act on them) and the member the next sale is for.
        # They part after a sale: the panel keeps the new balance for the customer to see, but
        # the next sale is a walk-in until someone is scanned, so it never lands on the last customer.
        self.member_id: int | None = None
        self.selling_to: int | None = None
        self.search = SearchBox()
        self.panel = MemberPanel()
        self.service_coupons = ServiceCoupons()  # 体验券: a service given, no sale
        self.entry = SaleEntry()
        self.receipt = ReceiptView()

        # Three columns at a 1366-pixel counter screen: who, what they buy, the receipt.
        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.panel, 1)
        left.addWidget(self.service_coupons)
        middle = QVBoxLayout()
        middle.addWidget(self.entry)
        middle.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 4)
        layout.addLayout(middle, 5)
        layout.addWidget(self.receipt)

        self.search.member_chosen.connect(self.show_member)
        self.search.walk_in_requested.connect(self.walk_in)
        self.search.nobody_chosen.connect(self.walk_in)
        self.search.register_requested.connect(self.register_requested)
        self.entry.recorded.connect(self._recorded)
        self.entry.leave_requested.connect(self.search.focus)
        self.scans = ScanCatcher(self)
        self.scans.scanned.connect(self._scanned)
        self.focus_keeper = FocusKeeper(self, self._is_work_field, fallback=self.search.edit)
        self.panel.confirm_requested.connect(self._confirm_profile)
        events().changed.connect(self._data_changed)
        for keys, slot in (("Ctrl+K", self.panel.confirm_button.click), ("Ctrl+P", self.receipt.print_receipt),
                           ("Ctrl+F", self.search.focus), ("F6", self.search.focus)):
            QShortcut(QKeySequence(keys), self, slot)
        self.setTabOrder(self.search.edit, next(iter(self.entry.amounts.values())))

    def show_member(self, member_id: int) -> None:
        """The member found by the search: panel, coupons and points; the cashier types amounts next."""
        self.member_id = self.selling_to = member_id
        self.search.clear()  # what found them (a phone, "还不是会员") is done with
        self.entry.next_customer()
        self._refresh()
        self.entry.focus_first_amount()

    def walk_in(self) -> None:
        """散客: no member on this sale."""
        self.member_id = self.selling_to = None
        self.entry.next_customer()
        self.panel.show_walk_in()
        self.service_coupons.set_member(None)
        self.entry.set_member(None)
        self.search.focus()

    def operator_changed(self) -> None:
        if self.member_id is not None:
            self._refresh()  # what the panel may show depends on the role

    def _refresh(self) -> None:
        summary = summarize(self.member_id, dt.date.today(), current_operator())
        settled = self.selling_to != self.member_id
        self.panel.show_summary(summary, settled=settled)
        self.service_coupons.set_member(summary)
        if not settled:
            self.entry.set_member(summary)

    def _recorded(self, result) -> None:
        # F3/F4/F5 now act on this sale's customer (nobody after a walk-in), never an earlier one.
        self.member_id = result.sale.member_id
        if self.member_id is None:
            self.panel.show_walk_in()
        self.selling_to = None
        self.entry.set_member(None)
        self.receipt.show_sale(result.sale.id)
        self.search.focus()  # the panel shows the new balance when the sale's change is broadcast

    def _is_work_field(self, widget: QWidget) -> bool:
        return self.search.isAncestorOf(widget) or self.entry.isAncestorOf(widget)

    def _scanned(self, digits: str, typed_into: QWidget) -> None:
        # A card scanned anywhere is a search, never an amount; the amounts typed so far stay.
        self.search.edit.setText(digits)
        self.search.submit()
        if self.selling_to is not None and self.entry.isAncestorOf(typed_into):
            typed_into.setFocus(Qt.FocusReason.OtherFocusReason)  # back to where the cashier was

    def _confirm_profile(self, member_id: int) -> None:
        Op(self, lambda operator: members.confirm_profile(member_id, operator)).run()

    def _data_changed(self, changes: Changes) -> None:
        if not (changes.touches_member(self.member_id) or changes.settings):
            return
        try:
            self._refresh()
        except NotFound:  # the member was deleted on request (PIPL) from another screen
            self.walk_in()

