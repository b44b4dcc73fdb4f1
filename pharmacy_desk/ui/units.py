"""Units beside a number, agreeing with it in English: "1 month", "3 months".

Qt picks the number form of a text counted with ``%n`` when it is translated with the number
(the catalogue holds a form for 1 and one for other numbers). A spin box's suffix is fixed
text, so ``CountedSpinBox`` words it again each time its value changes.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QSpinBox, QWidget

CONTEXT = "Units"
MONTHS = QT_TRANSLATE_NOOP("Units", "%n 个月")
DAYS = QT_TRANSLATE_NOOP("Units", "%n 天")
MINUTES = QT_TRANSLATE_NOOP("Units", "%n 分钟")
POINTS = QT_TRANSLATE_NOOP("Units", "%n 分")
PIECES = QT_TRANSLATE_NOOP("Units", "%n 件")
COPIES = QT_TRANSLATE_NOOP("Units", "%n 份")
TIMES = QT_TRANSLATE_NOOP("Units", "%n 倍")
VISITS = QT_TRANSLATE_NOOP("Units", "%n 次")
# The units the declared settings are counted in (``core.setting_types``), by their Chinese.
OF_UNIT = {"个月": MONTHS, "天": DAYS, "分钟": MINUTES, "份": COPIES, "倍": TIMES}


def counted(template: str, number: int) -> str:
    """``number`` with its unit, in the windows' language: ``1 month``, ``-1 point``."""
    size = abs(number)  # Qt counts only numbers from 0 up
    return QCoreApplication.translate(CONTEXT, template, None, size).replace(str(size), str(number), 1)


def unit_of(template: str, number: int) -> str:
    """The unit alone, as it reads after ``number``: `` month``, `` months``."""
    size = abs(number)
    return QCoreApplication.translate(CONTEXT, template, None, size).replace(str(size), "", 1)


def forms(template: str) -> list[str]:
    """Every way the unit is written (the longest first), to read a typed value back."""
    return sorted({unit_of(template, 1).strip(), unit_of(template, 2).strip()}, key=len, reverse=True)


class CountedSpinBox(QSpinBox):
    """A whole number with its unit as a suffix that agrees with it ("1 month", "3 months"),
    however the value is set: typed, stepped, or set by code with the box's signals blocked."""

    def __init__(self, template: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.template = template
        self.valueChanged.connect(self._follow)
        self._follow(self.value())

    def setValue(self, value: int) -> None:
        super().setValue(value)
        self._follow(self.value())

    def _follow(self, value: int) -> None:
        self.setSuffix(unit_of(self.template, value))
