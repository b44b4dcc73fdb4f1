"""Shared fixtures: every test gets its own app folder and, when asked, a fresh database."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import sys

# Before anything imports Qt: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from hypothesis import settings as hypothesis_settings

from pharmacy_desk.core import paths

# CI replays the same examples every run, so a landing never hangs on luck; locally
# each run explores new ones.
hypothesis_settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

# The counter window fixture lives with the helpers that drive it.
pytest_plugins = ["tests.counter_window"]

GUI_FIXTURES = {"qapp", "qtbot", "qtmodeltester"}


def pytest_collection_modifyitems(items):
    """Mark every test that touches Qt as ``gui`` so ``-m 'not gui'`` runs the core alone."""
    for item in items:
        if GUI_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def app_home(tmp_path, monkeypatch):
    """Redirect the app's data folder (database, logs, backups, exports) into the test's tmp_path."""
    from pharmacy_desk.commands.common import NEW_PASSWORD_ENV, PASSWORD_ENV

    home = tmp_path / "home"
    monkeypatch.setenv(paths.HOME_ENV, str(home))
    monkeypatch.delenv(paths.DB_ENV, raising=False)
    for variable in (PASSWORD_ENV, NEW_PASSWORD_ENV):  # a developer's own must not sign tests in
        monkeypatch.delenv(variable, raising=False)
    return home


@pytest.fixture(autouse=True)
def cheap_passwords(monkeypatch):
    """Argon2id with the smallest parameters: the real ones cost a fifth of a second a hash.

    ``tests/test_passwords.py`` checks the real parameters themselves.
    """
    from pharmacy_desk.core import passwords

    monkeypatch.setattr(passwords, "hasher", passwords._hasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture(autouse=True)
def no_operator_left_over():
    """A main window of an earlier test must not answer "who is at the till" for this one."""
    yield
    import sys

    operations = sys.modules.get("pharmacy_desk.ui.operations")
    if operations is not None:
        operations.provide_operator(lambda: None)


# How long a test's background jobs may still run after it (on a machine busy with other work).
JOBS_PATIENCE_MS = 120_000


def settle_qt() -> None:
    """Everything a test started in Qt ends with it: its background jobs and its windows.

    A job (the morning's housekeeping, a backup) must end in this test's database, not in the
    next test's, which the models' proxy would point it at. A job's result is handed back
    through the event loop, and what receives it may start another job, so the two are
    waited for in turn until nothing is left. The windows pytest-qt closed are deleted now:
    Qt deletes a closed window only when an event loop gets to it, and a test never runs the
    application's own loop, so every test's windows lived on into every later test, their
    timers and their handlers of every change signal with them.
    """
    if "PySide6.QtCore" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool

    if QCoreApplication.instance() is None:
        return
    pool = QThreadPool.globalInstance()
    while True:
        assert pool.waitForDone(JOBS_PATIENCE_MS), "a background job of this test is still running"
        QCoreApplication.processEvents()  # the jobs' results, and whatever their handlers start
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if pool.activeThreadCount() == 0:
            return


@pytest.fixture(autouse=True)
def qt_settled():
    """A test without a database of its own settles its Qt work too (``settle_qt``)."""
    yield
    settle_qt()


@pytest.fixture
def db(tmp_path):
    from pharmacy_desk.core.db import close_database, open_database

    # The engine's own database object (what the models' proxy stands for), so a test can
    # watch the statements it runs.
    yield open_database(tmp_path / "test.sqlite3", create=True)
    settle_qt()  # pytest-qt has closed the test's windows by now; their jobs end in this database
    close_database()


@pytest.fixture
def clerk(db):
    """A cashier, as the services take them: the ``Operator`` sign-in hands out."""
    from pharmacy_desk.core.models import Staff
    from pharmacy_desk.core.operator import Operator

    return Operator.of(Staff.create(name="李娜", role="cashier"))


@pytest.fixture
def owner(db):
    from pharmacy_desk.core.models import Staff
    from pharmacy_desk.core.operator import Operator

    return Operator.of(Staff.create(name="王芳", role="owner"))


@pytest.fixture
def head(db):
    """An owner who signs in with a password: 店长甲, ``boss-pass-1``."""
    from pharmacy_desk.core import passwords
    from pharmacy_desk.core.models import Staff
    from pharmacy_desk.core.operator import Operator
    from pharmacy_desk.core.vocabulary import Role

    return Operator.of(Staff.create(name="店长甲", role=Role.OWNER, password_hash=passwords.hash_secret("boss-pass-1")))


DAY = dt.datetime(2026, 6, 10, 10, 0)


@pytest.fixture
def make_member(db, clerk):
    """Register a member: ``make_member(phone="13800000001", name="张三", **kwargs)``."""
    from pharmacy_desk.core import members

    counter = itertools.count(1)

    def make(phone=None, name="张三", at=DAY, **kwargs):
        phone = phone or f"1380000{next(counter):04d}"
        return members.register(phone=phone, name=name, operator=kwargs.pop("operator", clerk), at=at,
                                **kwargs).member

    return make


@pytest.fixture
def sell(db, clerk):
    """Record a sale: ``sell(member, {"household": 10000}, at=..., payments=..., **SaleInput fields)``.

    Pays the amount due in cash unless ``payments`` is given.
    """
    from pharmacy_desk.core import sales

    counter = itertools.count(1)

    def sell(member, amounts: dict[str, int], at=DAY, payments=None, operator=None, uid=None, **fields):
        fields.setdefault("amount_confirmed", True)  # the typo guard has its own tests
        order = sales.SaleInput(lines=[sales.LineInput(c, a) for c, a in amounts.items()],
                                member_id=member.id if member is not None else None, **fields)
        if payments is None:
            due = sales.preview(order, at).quote.due_fen
            payments = {"cash": due} if due else {}
        order.payments = payments
        return sales.record_sale(order, operator=operator or clerk, uid=uid or f"t{next(counter)}", at=at)

    return sell
