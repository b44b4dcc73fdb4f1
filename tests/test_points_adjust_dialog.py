"""手工调整积分: the owner adds or takes points with a reason; ledger and audit log both show it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from pharmacy_desk.core import audit_log, ledger
from pharmacy_desk.core.models import LedgerEntry, Operation
from pharmacy_desk.core.vocabulary import LedgerKind, OperationKind
from pharmacy_desk.ui.member_detail import MemberDetailDialog
from tests.counter_helpers import ime_type

NOW = dt.datetime.now().replace(microsecond=0)


def open_detail(qtbot, member, operator) -> MemberDetailDialog:
    dialog = MemberDetailDialog(member.id, operator)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_owner_adds_then_removes_points_with_a_reason(qtbot, make_member, owner):
    member = make_member()
    ledger.adjust(member.id, 500, "开户", owner, "seed", at=NOW - dt.timedelta(minutes=5))
    detail = open_detail(qtbot, member, owner)
    assert detail.adjust_button.isVisible()
    dialog = detail.open_adjustment()
    qtbot.addWidget(dialog)

    dialog.points.setValue(200)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)  # no reason
    assert dialog.message.kind == "error" and "原因" in dialog.message.text()
    assert ledger.balance(member.id) == 500

    ime_type(dialog.reason, "补录漏积消费")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert dialog.message.kind == "ok" and "+200" in dialog.message.text() and "700" in dialog.message.text()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)  # the same attempt again: once
    assert ledger.balance(member.id) == 700

    dialog.points.setValue(-100)
    dialog.reason.clear()
    ime_type(dialog.reason, "误积")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert ledger.balance(member.id) == 600
    # the member's ledger tab shows both, with their reasons, as new entries
    rows = [(detail.ledger_model.index(r, 2).data(), detail.ledger_model.index(r, 4).data())
            for r in range(detail.ledger_model.rowCount())]
    assert rows[:2] == [("-100", "误积"), ("+200", "补录漏积消费")]
    assert LedgerEntry.select().where(LedgerEntry.kind == LedgerKind.ADJUST).count() == 3
    details = [op.detail for op in Operation.select().where(Operation.kind == OperationKind.ADJUST)
               .order_by(Operation.id)]
    assert details[1:] == ["+200 分，原因：补录漏积消费", "-100 分，原因：误积"]
    entries = audit_log.entries(owner, kind=OperationKind.ADJUST)
    assert any("补录漏积消费" in entry.detail for entry in entries)


def test_more_than_the_member_holds_is_refused_and_a_cashier_has_no_button(qtbot, make_member, owner, clerk):
    member = make_member()
    ledger.adjust(member.id, 50, "开户", owner, "seed", at=NOW - dt.timedelta(minutes=5))
    assert not open_detail(qtbot, member, clerk).adjust_button.isVisible()
    dialog = open_detail(qtbot, member, owner).open_adjustment()
    qtbot.addWidget(dialog)
    dialog.points.setValue(-80)
    ime_type(dialog.reason, "扣错")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert dialog.message.kind == "error" and "积分不足" in dialog.message.text()
    assert ledger.balance(member.id) == 50
