"""The Qt binding installed must not wear away None, True and False.

PySide6-Essentials 6.12.0 on Python 3.11 releases one reference to None for every call of
a Qt method that returns nothing (and one to True/False for one that returns a bool); the
interpreter aborts after some thousands of clicks. pyproject.toml excludes that release,
and the app refuses to start on such a binding (``ui.app.binding_keeps_references``).
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
    assert sys.getrefcount(None) > none_before - CALLS // 2
    assert sys.getrefcount(True) > true_before - CALLS // 2


def test_the_app_checks_its_binding_before_opening(qapp):
    from pharmacy_desk.ui.app import binding_keeps_references

    assert binding_keeps_references()


def test_the_app_refuses_to_start_on_a_defective_binding(qapp, db, monkeypatch, qtbot):
    from PySide6.QtWidgets import QMessageBox

    from pharmacy_desk.ui import app

    shown = []
    monkeypatch.setattr(app, "binding_keeps_references", lambda: False)
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    assert app.run(":memory:") == 1
    assert shown and "PySide6" in shown[0]
