"""The main window: the counter in the middle, the other screens in menus, who is signed in
in the toolbar. Each menu action opens one screen and hands it what it needs.

The screens are imported when their action first runs: the counter must be on screen
fast in the morning, and the owner's windows pull in matplotlib.

While the counter is locked (idle, Ctrl+L, 退出登录) the lock screen takes its place and
every action but 退出 is disabled; the counter is only hidden, so the sale form keeps
what was typed. The screens opened before the lock come back for the same person and
are closed for anyone else: they were opened in the previous person's name.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMainWindow, QMenu, QPushButton, QStackedWidget, QWidget

from pharmacy_desk.core.operator import Operator
from pharmacy_desk.core.permissions import can
from pharmacy_desk.core.vocabulary import Permission
from pharmacy_desk.ui import window_fit
from pharmacy_desk.ui.backup_status import BackupStatus
from pharmacy_desk.ui.counter import CounterWidget
from pharmacy_desk.ui.lock_screen import LockScreen
from pharmacy_desk.ui.operations import NO_OPERATOR, Job, provide_operator
from pharmacy_desk.ui.repair_status import RepairStatus
from pharmacy_desk.ui.session import IdleWatch, Session

log = logging.getLogger("pharmacy_desk.ui")

HINT = QT_TRANSLATE_NOOP("MainWindow", "扫会员卡或输入手机号，回车。Esc：散客。F2 登记新会员，F3 会员详情，F4 积分兑换，F5 退货。Ctrl+L 锁屏。")
# While the lock screen covers the counter, the counter's keys do nothing: the status bar says what does.
LOCKED_HINT = QT_TRANSLATE_NOOP("MainWindow", "已锁屏：输入 PIN 或密码后回车解锁；换人时先输入自己的姓名。")
SIGNED_OUT_HINT = QT_TRANSLATE_NOOP("MainWindow", "请登录：输入姓名和 PIN 或密码后回车。")


class MainWindow(QMainWindow):
    def __init__(self, session: Session, title: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.session = session
        provide_operator(session.operator)  # every operation asks the session who is at the till
        self.counter = CounterWidget(self)
        self.counter.register_requested.connect(self.open_signup)
        self.lock_screen = LockScreen()
        self.lock_screen.unlocked.connect(self._unlocked)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.counter)
        self.pages.addWidget(self.lock_screen)
        self.setCentralWidget(self.pages)
        self.operator_label = QLabel()
        self.switch_button = QPushButton(self.tr("切换"))
        self.switch_button.setToolTip(self.tr("换一位店员登录（姓名 + PIN），收银单上已录入的内容保留。"))
        self.switch_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a click leaves the cashier's focus alone
        self.switch_button.clicked.connect(self.switch_operator)
        toolbar = self.addToolBar(self.tr("店员"))
        toolbar.setObjectName("operator_toolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(self.tr(" 当前店员：")))
        toolbar.addWidget(self.operator_label)
        toolbar.addWidget(self.switch_button)
        self._permission_actions: list[tuple[QAction, Permission]] = []
        self._build_menus()
        # A normal status-bar widget, not a message: the timed messages (整理完成, 请先…) cover
        # it while they show and it comes back after them.
        self.hint = QLabel(QCoreApplication.translate("MainWindow", HINT))
        self.statusBar().addWidget(self.hint, 1)
        self.repair_status = RepairStatus(self)
        self.statusBar().addPermanentWidget(self.repair_status)
        self.backup_status = BackupStatus(self)
        self.statusBar().addPermanentWidget(self.backup_status)
        self._windows: list[QWidget] = []  # owner windows kept alive while open
        self._hidden_by_lock: list[QWidget] = []
        self._focus_before_lock: QWidget | None = None
        self._locked_by: int | None = None
        self.idle = IdleWatch(self)
        self.idle.idle.connect(self.lock)
        self.session.changed.connect(self._operator_changed)
        self._operator_changed()
        if self.session.locked:
            self._cover(signed_out=True)
        else:
            self.idle.start()
        window_fit.place(self)  # inside the screen's free area, or as it was last closed

    def closeEvent(self, event) -> None:
        window_fit.remember(self)
        super().closeEvent(event)
        if event.isAccepted():  # the closed counter neither locks itself nor watches other windows' events
            self.idle.stop_watching()
            self.counter.scans.stop_watching()
            self.counter.focus_keeper.stop_watching()

    def start_housekeeping(self):
        """Points expiry and the monthly tier review, in the background while the counter serves."""
        from pharmacy_desk.core.housekeeping import run_due_jobs

        def done(result) -> None:
            self.statusBar().showMessage(self.tr(
                "今日整理完成：过期积分 {expired} 分，等级复核降级 {downgraded} 人、升级 {upgraded} 人。").format(
                expired=result.points_expired, downgraded=result.review.downgraded,
                upgraded=result.review.upgraded), 10000)

        self._housekeeping = Job(self, lambda _progress: run_due_jobs()).success(done) \
            .run_in_background(self.tr("每日整理"), show_dialog=False)
        return self._housekeeping

    def start_repairs(self):
        """What the opening left to put back, in the background while the counter serves (``RepairStatus``)."""
        return self.repair_status.start()

    def _restored(self, result) -> None:
        """The restored database has its own staff and members: the till starts again from a
        walk-in and whoever works next signs in to it (nothing is recorded for the session
        that belonged to the database replaced)."""
        self._close_screens()
        self._locked_by, self._focus_before_lock = None, None
        self.counter.walk_in()
        self.counter.receipt.clear()  # the last sale's receipt may be of a sale the restored file never had
        self.session.forget()
        self._cover(signed_out=True)
        self.backup_status.refresh()
        self.statusBar().showMessage(self.tr("已从 {path} 恢复，请重新登录。").format(path=result.restored_from), 60000)

    # -- who is signed in ----------------------------------------------------------------------
    def operator(self) -> Operator | None:
        return self.session.operator()

    def _operator_changed(self) -> None:
        self.operator_label.setText(self.session.label())
        self.switch_button.setEnabled(not self.session.locked)
        if self.session.locked:
            return
        operator = self.session.operator()
        for action, permission in self._permission_actions:
            action.setVisible(can(operator, permission))
        self.counter.operator_changed()
        self._rebuild_export_menu()

    def switch_operator(self) -> QDialog | None:
        """切换店员: one short dialog (name + PIN); the counter and the sale form stay as they are."""
        from pharmacy_desk.ui.sign_in import SignInDialog

        if self.session.locked:
            return None
        dialog = SignInDialog(self.tr("切换店员"), name="", parent=self)

        def switched(accepted: bool) -> None:
            if accepted and dialog.person is not None and dialog.person.id != self.session.staff_id:
                self._close_screens(keep=dialog)
                self.session.begin(dialog.person)

        return self._open_dialog(dialog, switched)

    def lock(self) -> None:
        """锁屏 (Ctrl+L, or after the idle time): recorded; the PIN unlocks."""
        if self.session.locked:
            return
        self._locked_by = self.session.staff_id
        focus = QApplication.focusWidget()
        self._focus_before_lock = focus if focus is not None and self.counter.isAncestorOf(focus) else None
        self._hidden_by_lock = [w for w in self._screens() if w.isVisible()]
        for screen in self._hidden_by_lock:
            screen.hide()
        self.session.lock(self)
        self._cover()

    def sign_out(self) -> None:
        """退出登录: recorded; the screens opened in this person's name close, the counter waits for the next."""
        self._close_screens()
        self._locked_by = None
        self._focus_before_lock = None
        self.session.sign_out(self)
        self._cover(signed_out=True)

    def _cover(self, signed_out: bool = False) -> None:
        self.idle.stop()
        self._set_actions_enabled(False)
        self.pages.setCurrentWidget(self.lock_screen)
        self.hint.setText(QCoreApplication.translate("MainWindow", SIGNED_OUT_HINT if signed_out else LOCKED_HINT))
        if signed_out:
            self.lock_screen.show_signed_out()
        else:
            self.lock_screen.show_locked(self.session.last_name)

    def _unlocked(self, person: Operator) -> None:
        same = person.id == self._locked_by
        if same:
            for screen in self._hidden_by_lock:
                screen.show()
        else:
            for screen in self._hidden_by_lock:
                screen.close()
        self._hidden_by_lock = []
        self._set_actions_enabled(True)
        self.pages.setCurrentWidget(self.counter)
        self.hint.setText(QCoreApplication.translate("MainWindow", HINT))
        self.session.begin(person)
        # Back where the cashier was typing, so the next scan's first digit already lands.
        if self._focus_before_lock is not None and self._focus_before_lock.isVisible():
            self._focus_before_lock.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.counter.search.focus()
        self.idle.start()

    def _screens(self) -> list[QWidget]:
        """The dialogs and windows opened from this window (each acts in the name it was opened with)."""
        dialogs: list[QWidget] = [d for d in self.findChildren(QDialog) if d.isVisible()]
        return dialogs + [w for w in self._windows if w.isVisible() and w not in dialogs]

    def _close_screens(self, keep: QWidget | None = None) -> None:
        for screen in self._screens():
            if screen is not keep:
                screen.close()
        self._windows = []

    def _set_actions_enabled(self, enabled: bool) -> None:
        for menu_action in self.menuBar().actions():
            menu = menu_action.menu()
            for action in menu.actions() if menu is not None else ():
                if action is not self.quit_action:
                    action.setEnabled(enabled)

    # -- menus ----------------------------------------------------------------------------------
    def _action(self, menu: QMenu, text: str, slot, keys: str | QKeySequence.StandardKey | None = None,
                permission: Permission | None = None) -> QAction:
        """A menu action; one that needs ``permission`` is shown only to those who hold it."""
        action = menu.addAction(text)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        if permission is not None:
            self._permission_actions.append((action, permission))
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        member = bar.addMenu(self.tr("会员(&M)"))
        self._action(member, self.tr("登记新会员"), lambda: self.open_signup(self.counter.search.phone_hint or ""),
                     "F2", permission=Permission.SIGN_UP)
        self._action(member, self.tr("会员详情"), self.open_member_detail, "F3")
        self._action(member, self.tr("积分兑换"), self.open_redemption, "F4", permission=Permission.REDEEM)
        self._action(member, self.tr("退货"), self.open_returns, "F5", permission=Permission.RETURN)
        member.addSeparator()
        self._action(member, self.tr("散客（清除当前会员）"), self.counter.walk_in)
        owner = bar.addMenu(self.tr("店长(&O)"))
        self._action(owner, self.tr("经营图表"), self.open_charts, permission=Permission.VIEW_REPORTS)
        self._action(owner, self.tr("回访名单"), self.open_lists, permission=Permission.CONTACT_MEMBERS)
        self._action(owner, self.tr("营销活动"), self.open_campaigns, permission=Permission.RUN_CAMPAIGNS)
        self._action(owner, self.tr("积分兑换目录"), self.open_catalog, permission=Permission.MANAGE_CATALOG)
        self._action(owner, self.tr("优惠券模板"), self.open_coupon_templates, permission=Permission.MANAGE_COUPONS)
        self._action(owner, self.tr("券核销"), self.open_coupon_report, permission=Permission.VIEW_REPORTS)
        self._action(owner, self.tr("设置…"), self.open_settings, permission=Permission.CHANGE_RULES)
        owner.addSeparator()
        self._action(owner, self.tr("从Excel导入会员"), self.open_import, permission=Permission.IMPORT)
        owner.addSeparator()
        self._action(owner, self.tr("店员管理"), self.open_staff, permission=Permission.MANAGE_STAFF)
        self._action(owner, self.tr("备份与恢复…"), self.open_backups, permission=Permission.BACKUP)
        self._action(owner, self.tr("操作日志"), self.open_audit, permission=Permission.VIEW_AUDIT)
        people = bar.addMenu(self.tr("店员(&S)"))
        self._action(people, self.tr("切换店员"), self.switch_operator, "Ctrl+Shift+S")
        self._action(people, self.tr("锁屏"), self.lock, "Ctrl+L")
        self._action(people, self.tr("退出登录"), self.sign_out)
        people.addSeparator()
        self._action(people, self.tr("交班"), self.close_shift, permission=Permission.SELL)
        self._action(people, self.tr("日结"), self.run_day_end, permission=Permission.VIEW_REPORTS)
        people.addSeparator()
        self.quit_action = self._action(people, self.tr("退出"), self.close, "Ctrl+Q")
        self.export_menu: QMenu | None = None
        self._rebuild_export_menu()

    def _rebuild_export_menu(self) -> None:
        """What may be exported depends on who is at the till, so the menu follows the operator."""
        from pharmacy_desk.ui.export_menu import build_export_menu

        if self.export_menu is not None:
            self.menuBar().removeAction(self.export_menu.menuAction())
            self.export_menu.deleteLater()
        self.export_menu = build_export_menu(self, self.session.operator())
        self.export_menu.setTitle(self.tr("导出(&E)"))
        self.menuBar().addMenu(self.export_menu)

    def _require_operator(self) -> Operator | None:
        operator = self.session.operator()
        if operator is None:
            self.statusBar().showMessage(QCoreApplication.translate("operations", NO_OPERATOR), 5000)
        return operator

    def _current_member(self) -> int | None:
        if self.counter.member_id is None:
            self.statusBar().showMessage(self.tr("请先找到会员（扫卡或输入手机号）。"), 5000)
        return self.counter.member_id

    # -- screens: each gets the operator and what it works on --------------------------------------
    # Dialogs are opened with ``open()`` (window-modal, no nested event loop): the counter's
    # main loop keeps running, and tests drive the dialog like a cashier would.
    def _open_dialog(self, dialog: QDialog, on_finished=None) -> QDialog:
        def finished(code: int) -> None:
            self._back_to_counter()  # unless what the dialog did puts the cashier elsewhere
            if on_finished is not None:
                on_finished(code == QDialog.DialogCode.Accepted)

        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def _back_to_counter(self) -> None:
        """The counter takes the keys back, its search ready for the next scan. A till without a
        window manager (a kiosk, an X server of its own) would otherwise leave no window active
        when a screen closes: F2–F5 would do nothing and a scan would land nowhere."""
        if self.session.locked:
            return  # the lock screen has the keys; unlocking gives the counter its focus
        self.activateWindow()
        self.counter.search.focus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and watched in self._windows:
            QTimer.singleShot(0, self, self._back_to_counter)  # once the window is gone from the screen
        return super().eventFilter(watched, event)

    def close_shift(self) -> None:
        """交班: the signed-in cashier's shift closed in one action; its slip shown to print."""
        from pharmacy_desk.ui.shift_window import close_shift_now

        close_shift_now(self, self._open_dialog)

    def run_day_end(self) -> QDialog:
        """日结: the day asked (today unless a past day is picked), then its report shown to print."""
        from pharmacy_desk.ui.shift_window import ask_day_end

        return ask_day_end(self, self._open_dialog)

    def open_signup(self, phone: str = "") -> QDialog | None:
        from pharmacy_desk.ui.signup_dialog import SignupDialog

        if (operator := self._require_operator()) is None:
            return None
        dialog = SignupDialog(operator, phone=phone, parent=self)

        def signed_up(accepted: bool) -> None:
            if accepted and dialog.member_id:
                self.counter.show_member(dialog.member_id)
                if dialog.typed_ahead:
                    self.counter.entry.type_into_focused_amount(dialog.typed_ahead)

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
        dialog = ReturnsDialog(operator, member_id=self.counter.member_id, parent=self)
        dialog.returned.connect(lambda _result: self.counter.entry.forget_last_sale())
        return self._open_dialog(dialog)

    def open_import(self) -> QDialog | None:
        from pharmacy_desk.ui.import_wizard import ImportWizard

        if (operator := self._require_operator()) is None:
            return None
        return self._open_dialog(ImportWizard(operator, self))  # the wizard broadcasts what it imported

    def open_charts(self) -> None:
        from pharmacy_desk.ui.charts_window import ChartsWindow

        self._open_window(ChartsWindow)

    def open_lists(self) -> None:
        from pharmacy_desk.ui.lists_window import ListsWindow

        self._open_window(ListsWindow)

    def open_campaigns(self) -> None:
        from pharmacy_desk.ui.campaigns_window import CampaignsWindow

        self._open_window(CampaignsWindow)

    def open_settings(self) -> None:
        from pharmacy_desk.ui.settings.window import SettingsWindow

        self._open_window(SettingsWindow, Permission.CHANGE_RULES)

    def open_catalog(self) -> None:
        from pharmacy_desk.ui.catalog_window import CatalogWindow

        self._open_window(CatalogWindow)

    def open_coupon_templates(self) -> None:
        from pharmacy_desk.ui.coupon_templates_window import CouponTemplatesWindow

        if (operator := self._require_operator()) is not None and can(operator, Permission.MANAGE_COUPONS):
            self._show_window(CouponTemplatesWindow(operator, parent=self))

    def open_coupon_report(self) -> None:
        from pharmacy_desk.ui.coupon_report_window import CouponReportWindow

        if (operator := self._require_operator()) is not None and can(operator, Permission.VIEW_REPORTS):
            self._show_window(CouponReportWindow(operator, parent=self))

    def open_staff(self) -> None:
        from pharmacy_desk.ui.staff_window import StaffWindow

        self._open_window(StaffWindow)

    def open_backups(self) -> QDialog | None:
        from pharmacy_desk.ui.restore_window import RestoreWindow

        if (operator := self._require_operator()) is None:
            return None
        dialog = RestoreWindow(operator, self)
        dialog.restored.connect(self._restored)
        # The status bar beside the window says the backup just made, not the one before it.
        dialog.backed_up.connect(lambda _info: self.backup_status.refresh())
        return self._open_dialog(dialog, lambda _accepted: self.backup_status.refresh())

    def open_audit(self) -> None:
        from pharmacy_desk.ui.audit_window import AuditWindow

        self._open_window(AuditWindow)

    def _open_window(self, window_class: Callable[..., QWidget], permission: Permission | None = None) -> None:
        """A window from the menus, opened for the signed-in operator; nothing without one (or one lacking ``permission``)."""
        if (operator := self._require_operator()) is not None and (permission is None or can(operator, permission)):
            self._show_window(window_class(operator, parent=self))

    def _show_window(self, window: QWidget) -> None:
        # Esc or Ctrl+W closes a window opened from the menus, as it closes a dialog.
        for keys in (QKeySequence(QKeySequence.StandardKey.Close), QKeySequence(Qt.Key.Key_Escape)):
            QShortcut(keys, window, window.close)
        self._windows = [w for w in self._windows if w.isVisible()]
        self._windows.append(window)
        window.installEventFilter(self)  # its closing gives the keys back to the counter
        window.show()
        window.raise_()
        window.activateWindow()
