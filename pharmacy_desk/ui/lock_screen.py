"""锁屏: what covers the counter while nobody is signed in at it.

After the idle time, on Ctrl+L or after 退出登录 the main window shows this page in
place of the counter. The counter itself is only hidden, so whatever was typed into
the sale form is there again after unlocking. The person who locked it finds their
name filled in and types the PIN; anyone else types their own name first.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from pharmacy_desk.ui.sign_in import SignInForm


class LockScreen(QWidget):
    """The locked counter: a heading, who locked it and when, and the sign-in form."""

    unlocked = Signal(object)  # the Operator who signed in

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = QLabel()
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setWordWrap(True)
        self.form = SignInForm()
        self.form.button.setText(self.tr("解锁"))
        self.form.signed_in.connect(self.unlocked)

        panel = self.panel = QFrame()
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        # A fixed width, so the line above the form wraps at a width known before it is shown.
        panel.setFixedWidth(480)
        inner = QVBoxLayout(panel)
        inner.addWidget(self.heading)
        inner.addWidget(self.detail)
        inner.addWidget(self.form)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def show_locked(self, name: str, at: dt.datetime | None = None) -> None:
        at = at or dt.datetime.now()
        self.heading.setText(self.tr("已锁屏"))
        self.detail.setText(self.tr("{name} 于 {time} 锁屏。输入 PIN 或密码解锁；换人时先输入自己的姓名。").format(
            name=name, time=f"{at:%H:%M}"))
        self.form.button.setText(self.tr("解锁"))
        self.form.reset(name)
        self._fit_detail()

    def show_signed_out(self) -> None:
        self.heading.setText(self.tr("请登录"))
        self.detail.setText(self.tr("输入姓名和 PIN 或密码后回车。"))
        self.form.button.setText(self.tr("登录"))
        self.form.reset("")
        self._fit_detail()

    def _fit_detail(self) -> None:
        """The panel is as tall as its parts ask, and a wrapped label asks for one line: the English
        line takes two, which the sign-in fields gave up, squeezed. It asks for all its lines."""
        margins = self.panel.layout().contentsMargins()
        self.detail.setMinimumHeight(self.detail.heightForWidth(self.panel.width() - margins.left() - margins.right()))
