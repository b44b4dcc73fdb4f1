"""The Qt binding installed must not wear away None, True and False.

PySide6-Essentials 6.12.0 on Python 3.11 releases one reference to None for every call of
a Qt method that returns nothing (and one to True/False for one that returns a bool).
Python before 3.12 counts references to None like any object's, so after some thousands
of clicks and keystrokes the interpreter aborts ("deallocating None"): the till would
close in the middle of the day. pyproject.toml excludes that release; this test catches
an installed binding with the same defect.
"""

from __future__ import annotations

import sys

CALLS = 50  # few enough that a defective binding fails this test instead of aborting the run


def test_void_and_bool_qt_calls_keep_their_references(qapp):
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QLabel

    class Emitter(QObject):
        happened = Signal()

    label, emitter = QLabel(), Emitter()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(CALLS):
        label.setText("张三")  # returns nothing
        label.clear()
        emitter.happened.emit()  # returns a bool
    # A few references may come and go with Python's own work; one lost per call may not.
    assert sys.getrefcount(None) > none_before - CALLS // 2
    assert sys.getrefcount(True) > true_before - CALLS // 2
