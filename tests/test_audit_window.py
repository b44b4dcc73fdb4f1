"""操作日志: the owner filters the audit log by date, operator and kind, and exports what they see."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from pharmacy_desk.core import audit
from pharmacy_desk.core.models import Operation
from pharmacy_desk.core.vocabulary import OperationKind
from pharmacy_desk.ui.audit_window import AuditWindow

TODAY = dt.date.today()
NOON = dt.datetime.combine(TODAY, dt.time(12))


@pytest.fixture
def log(db, owner, clerk):
    audit.record(OperationKind.SIGN_IN, clerk, subject=f"staff:{clerk.id}", at=NOON - dt.timedelta(days=10))
    audit.record(OperationKind.SIGN_IN, clerk, subject=f"staff:{clerk.id}", at=NOON - dt.timedelta(hours=2))
    audit.record(OperationKind.LOCK, clerk, subject=f"staff:{clerk.id}", at=NOON - dt.timedelta(hours=1))
    audit.record(OperationKind.SIGN_IN, owner, subject=f"staff:{owner.id}", at=NOON)


@pytest.fixture
def audit_window(qtbot, log, owner):
    window = AuditWindow(owner, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() > 0)
    return window


def shown(window: AuditWindow) -> list[tuple[str, str]]:
    return [(window.model.index(r, 1).data(), window.model.index(r, 2).data()) for r in range(window.model.rowCount())]


def search(qtbot, window: AuditWindow) -> None:
    with qtbot.waitSignal(window.search().done, timeout=10000):
        pass


def test_the_last_week_shows_newest_first_with_kind_labels(qtmodeltester, audit_window):
    qtmodeltester.check(audit_window.model)
    assert shown(audit_window) == [("王芳", "登录"), ("李娜", "锁屏"), ("李娜", "登录")]
    assert audit_window.count.text() == "共 3 条"


def test_filters_by_operator_kind_and_date_range(qtbot, audit_window, clerk):
    window = audit_window
    window.person.setCurrentIndex(window.person.findData(clerk.id))
    search(qtbot, window)
    assert shown(window) == [("李娜", "锁屏"), ("李娜", "登录")]
    window.kind.setCurrentIndex(window.kind.findText(OperationKind.LOCK.label))
    search(qtbot, window)
    assert shown(window) == [("李娜", "锁屏")]
    window.kind.setCurrentIndex(0)  # 全部操作
    window.since.setDate(TODAY - dt.timedelta(days=30))
    window.until.setDate(TODAY - dt.timedelta(days=1))
    search(qtbot, window)
    assert shown(window) == [("李娜", "登录")]


def test_every_operation_kind_can_be_chosen_by_its_label(audit_window):
    labels = [audit_window.kind.itemText(i) for i in range(1, audit_window.kind.count())]
    assert labels == [kind.label for kind in OperationKind]


def test_export_writes_what_the_filters_select_and_is_recorded(qtbot, audit_window, tmp_path):
    path = tmp_path / "日志.xlsx"
    with qtbot.waitSignal(audit_window.export(str(path)).done, timeout=10000):
        pass
    sheet = load_workbook(path).active
    assert [sheet.cell(row=r, column=3).value for r in range(2, 5)] == ["登录", "锁屏", "登录"]
    assert "3" in audit_window.message.text() and str(path) in audit_window.message.text()
    assert Operation.select().where(Operation.kind == OperationKind.EXPORT).count() == 1


def test_a_cashier_is_refused_in_place(qtbot, log, clerk):
    window = AuditWindow(clerk, today=TODAY)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.message.kind == "error")
    assert window.model.rowCount() == 0 and "权限" in window.message.text()


def test_the_owner_opens_it_from_the_menu(qtbot, window, owner):
    from tests.counter_window import act_as

    act_as(window, owner)
    action = next(a for m in window.menuBar().actions() for a in m.menu().actions() if a.text() == "操作日志")
    action.trigger()
    opened = window.findChild(AuditWindow)
    assert opened is not None and opened.isVisible() and opened.operator.id == owner.id
    qtbot.keyClick(opened.search_button, Qt.Key.Key_Space)
    opened.close()
