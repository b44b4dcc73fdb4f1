"""The main window: the counter in the middle, the other screens in menus, the operator in
the toolbar. Each menu action opens one screen and hands it what it needs.

The screens are imported when their action first runs: the counter must be on screen
fast in the morning, and the owner's windows pull in matplotlib.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QMainWindow, QMenu, QWidget

from pharmacy_desk.core import staff
from pharmacy_desk.core.models import Staff
from pharmacy_desk.ui import preferences
from pharmacy_desk.ui.counter import CounterWidget
from pharmacy_desk.ui.operations import NO_OPERATOR, Job, provide_operator

HINT = "扫会员卡或输入手机号，回车。Esc：散客。F2 登记新会员，F3 会员详情，F4 积分兑换，F5 退货。"


class MainWindow(QMainWindow):
    def __init__(self, title: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.operators = QComboBox()
        self.operators.setMinimumContentsLength(8)
        self._fill_operators()
        self.operators.currentIndexChanged.connect(self._operator_changed)
        provide_operator(self.operator)  # every operation asks the toolbar who is at the till
        self.counter = CounterWidget(self)
        self.counter.register_requested.connect(self.open_signup)
        self.setCentralWidget(self.counter)
        toolbar = self.addToolBar("店员")
        toolbar.setObjectName("operator_toolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(" 当前店员："))
        toolbar.addWidget(self.operators)
        self._build_menus()
        # A normal status-bar widget, not a message: the timed messages (整理完成, 请先…) cover
        # it while they show and it comes back after them.
        self.hint = QLabel(HINT)
        self.statusBar().addWidget(self.hint, 1)
        self._windows: list[QWidget] = []  # owner windows kept alive while open
        self.resize(1366, 768)

    def start_housekeeping(self):
        """Points expiry and the monthly tier review, in the background while the counter serves."""
        from pharmacy_desk.core.housekeeping import run_due_jobs

        def done(result) -> None:
            self.statusBar().showMessage(
                f"今日整理完成：过期积分 {result.points_expired} 分，"
                f"等级复核降级 {result.review.downgraded} 人、升级 {result.review.upgraded} 人。", 10000)

        self._housekeeping = Job(self, lambda _progress: run_due_jobs()).success(done) \
            .run_in_background("每日整理", show_dialog=False)
        return self._housekeeping

    # -- operator ------------------------------------------------------------------------------
    def _fill_operators(self) -> None:
        people = staff.on_duty()
        for person in people:
            self.operators.addItem(staff.label(person), person.id)
        index = self.operators.findData(preferences.get(preferences.OPERATOR))
        self.operators.setCurrentIndex(max(index, 0) if people else -1)

    def operator(self) -> Staff | None:
        staff_id = self.operators.currentData()
        return Staff.get_or_none(Staff.id == staff_id) if staff_id is not None else None

    def _operator_changed(self) -> None:
        preferences.put(preferences.OPERATOR, self.operators.currentData() or 0)
        self.counter.operator_changed()
        self._rebuild_export_menu()

    # -- menus ----------------------------------------------------------------------------------
    def _action(self, menu: QMenu, text: str, slot, keys: str | None = None) -> QAction:
        action = menu.addAction(text)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        member = bar.addMenu("会员(&M)")
        self._action(member, "登记新会员", lambda: self.open_signup(self.counter.search.phone_hint or ""), "F2")
        self._action(member, "会员详情", self.open_member_detail, "F3")
        self._action(member, "积分兑换", self.open_redemption, "F4")
        self._action(member, "退货", self.open_returns, "F5")
        member.addSeparator()
        self._action(member, "散客（清除当前会员）", self.counter.walk_in)
        owner = bar.addMenu("店长(&O)")
        self._action(owner, "经营图表", self.open_charts)
        self._action(owner, "回访名单", self.open_lists)
        self._action(owner, "营销活动", self.open_campaigns)
        owner.addSeparator()
        self._action(owner, "从Excel导入会员", self.open_import)
        self.export_menu: QMenu | None = None
        self._rebuild_export_menu()

    def _rebuild_export_menu(self) -> None:
        """What may be exported depends on who is at the till, so the menu follows the operator."""
        from pharmacy_desk.ui.export_menu import build_export_menu

        if self.export_menu is not None:
            self.menuBar().removeAction(self.export_menu.menuAction())
            self.export_menu.deleteLater()
        self.export_menu = build_export_menu(self, self.operator())
        self.export_menu.setTitle("导出(&E)")
        self.menuBar().addMenu(self.export_menu)

    def _require_operator(self) -> Staff | None:
        operator = self.operator()
        if operator is None:
            self.statusBar().showMessage(NO_OPERATOR, 5000)
        return operator

    def _current_member(self) -> int | None:
        if self.counter.member_id is None:
            self.statusBar().showMessage("请先找到会员（扫卡或输入手机号）。", 5000)
        return self.counter.member_id

    # -- screens: each gets the operator and what it works on --------------------------------------
    # Dialogs are opened with ``open()`` (window-modal, no nested event loop): the counter's
    # main loop keeps running, and tests drive the dialog like a cashier would.
    def _open_dialog(self, dialog: QDialog, on_finished=None) -> QDialog:
        def finished(code: int) -> None:
            self.counter.search.focus()  # unless what the dialog did puts the cashier elsewhere
            if on_finished is not None:
                on_finished(code == QDialog.DialogCode.Accepted)

        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def open_signup(self, phone: str = "") -> QDialog | None:
        from pharmacy_desk.ui.signup_dialog import SignupDialog

        if (operator := self._require_operator()) is None:
            return None
        dialog = SignupDialog(operator, phone=phone, parent=self)

        def signed_up(accepted: bool) -> None:
            if accepted and dialog.member_id:
                self.counter.show_member(dialog.member_id)

        return self._open_dialog(dialog, signed_up)

    def open_member_detail(self) -> QDialog | None:
        from pharmacy_desk.ui.member_detail import MemberDetailDialog

        return self._member_dialog(MemberDetailDialog)

    def open_redemption(self) -> QDialog | None:
        from pharmacy_desk.ui.redemption_dialog import RedemptionDialog

        return self._member_dialog(RedemptionDialog)

    def _member_dialog(self, dialog_class) -> QDialog | None:
        operator = self._require_operator()
        member_id = self._current_member() if operator is not None else None
        if member_id is None:
            return None
        return self._open_dialog(dialog_class(member_id, operator, parent=self))

    def open_returns(self) -> QDialog | None:
        from pharmacy_desk.ui.returns_dialog import ReturnsDialog

        if (operator := self._require_operator()) is None:
            return None
        return self._open_dialog(ReturnsDialog(operator, member_id=self.counter.member_id, parent=self))

    def open_import(self) -> QDialog | None:
        from pharmacy_desk.ui.import_wizard import ImportWizard

        if (operator := self._require_operator()) is None:
            return None
        return self._open_dialog(ImportWizard(operator, self))  # the wizard broadcasts what it imported

    def open_charts(self) -> None:
        from pharmacy_desk.ui.charts_window import ChartsWindow

        self._show_window(ChartsWindow(parent=self))

    def open_lists(self) -> None:
        from pharmacy_desk.ui.lists_window import ListsWindow

        if (operator := self._require_operator()) is not None:
            self._show_window(ListsWindow(operator, parent=self))

    def open_campaigns(self) -> None:
        from pharmacy_desk.ui.campaigns_window import CampaignsWindow

        if (operator := self._require_operator()) is not None:
            self._show_window(CampaignsWindow(operator, parent=self))

    def _show_window(self, window: QWidget) -> None:
        self._windows = [w for w in self._windows if w.isVisible()]
        self._windows.append(window)
        window.show()
        window.raise_()
        window.activateWindow()
