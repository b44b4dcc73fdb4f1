"""The counter's status-bar note while what the opening left to put back is done in the background.

An opening in the windows puts back at once what the next sale needs (the append-only guards,
the receipt counter's trigger, the rules' stamp, a view) and leaves the rest for beside the
tills (``core/repairs.py``): a lost index is built, and the members' counts or running figures
whose trigger was lost are counted again in short transactions. At 1,000,000 members that takes
minutes on a loaded till, so the counter opens at once and serves meanwhile: sales, sign-ups,
returns and redemptions go on as usual and are counted exactly; the month's report counts from
the rows until the figures are whole again. The note says so, with how far the count is, and
goes when it is done; a failure stays in red, and the next opening tries again.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from pharmacy_desk.ui.i18n import sentence
from pharmacy_desk.ui.operations import Job
from pharmacy_desk.ui.tasks import Task

FAILED_STYLE = "color: #b00020; font-weight: bold;"


class RepairStatus(QLabel):
    """Hidden unless something is being put back beside the tills."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self._window = window
        self.setObjectName("repair_status")
        self.task: Task | None = None
        self.hide()

    def start(self) -> Task | None:
        """Run ``repairs.beside_tills`` in the background when the opening left anything to it."""
        from pharmacy_desk.core import repairs

        if self.task is not None or not repairs.waiting():
            return None
        self.setStyleSheet("")
        self.setToolTip("")
        self.show_progress(0, 0, "")
        self.show()
        self.task = Job(self._window, lambda progress: repairs.beside_tills(progress)).success(self._done) \
            .failure(self._failed).after_failure(lambda _error: self._ended()) \
            .run_in_background(self.tr("后台恢复"), show_dialog=False)
        if self.task is not None:
            self.task.progressed.connect(self.show_progress)
        return self.task

    def show_progress(self, done: int, total: int, text) -> None:
        doing = sentence(text) or self.tr("正在后台恢复统计和索引")
        if total:
            doing = self.tr("{doing}（{percent}%）").format(doing=doing, percent=min(done * 100 // total, 100))
        self.setText(self.tr("{doing}：收银照常，月报暂按明细计算。").format(doing=doing))

    def _ended(self) -> None:
        self.task = None

    def _done(self, _names) -> None:
        self._ended()
        self.hide()
        status = getattr(self._window, "statusBar", None)
        if status is not None:
            status().showMessage(self.tr("后台恢复完成：会员统计和索引已重新齐全。"), 10000)

    def _failed(self, reason: str) -> None:
        self.setText(self.tr("后台恢复没有完成：{reason}").format(reason=reason))
        self.setToolTip(self.tr("收银照常。下次打开程序时会再试。"))
        self.setStyleSheet(FAILED_STYLE)
