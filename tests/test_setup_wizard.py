"""The first run: a database without an owner opens the setup wizard, which ends at the counter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from pharmacy_desk.core import settings, setup
from pharmacy_desk.core.models import Category, Member, Operation, Sale, Staff, Tier
from pharmacy_desk.core.rule_review import PHARMACY_DETAILS
from pharmacy_desk.core.setting_declarations import DECLARATIONS
from pharmacy_desk.core.vocabulary import OperationKind, Role
from pharmacy_desk.ui.app import Launcher
from pharmacy_desk.ui.setup_wizard import START_DEMO, START_EMPTY, START_IMPORT, SetupWizard
from tests.counter_helpers import ime_type
from tests.counter_window import scan, type_amount

PASSWORD = "kaidian2026"


def launch(qtbot) -> Launcher:
    launcher = Launcher("test.sqlite3")
    first = launcher.start()
    qtbot.addWidget(first)
    first.activateWindow()
    qtbot.waitUntil(first.isActiveWindow)
    return launcher


def next_page(qtbot, wizard: QWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def fill_to_last_page(qtbot, wizard: SetupWizard, *, again: str = PASSWORD, owner: str = "王芳") -> None:
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # a pharmacy needs a name
    ime_type(wizard.pharmacy.name, "康宁大药房")
    ime_type(wizard.pharmacy.address, "解放路 12 号")
    qtbot.keyClicks(wizard.pharmacy.phone, "0571-88886666")
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.owner
    ime_type(wizard.owner.name, owner)
    qtbot.keyClicks(wizard.owner.password, PASSWORD)
    qtbot.keyClicks(wizard.owner.again, again)
    next_page(qtbot, wizard)


def test_first_run_goes_through_the_wizard_to_the_counter_and_a_recorded_sale(qtbot, db):
    launcher = launch(qtbot)
    wizard = launcher.first
    assert isinstance(wizard, SetupWizard) and launcher.window is None  # not the counter
    fill_to_last_page(qtbot, wizard, again="kaidian2025")
    assert wizard.currentPage() is wizard.owner and wizard.owner.message.text() == "两次输入的密码不一致。"
    assert wizard.owner.password.text() == wizard.owner.again.text() == "" and wizard.owner.password.hasFocus()
    qtbot.keyClicks(wizard.owner.password, PASSWORD)
    qtbot.keyClicks(wizard.owner.again, PASSWORD)
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.rules
    shown = {wizard.rules.model.row(i).key for i in range(wizard.rules.model.rowCount())}
    assert "points_validity_months" in shown and "is_demo" not in shown and "pharmacy_name" not in shown
    validity = next(i for i in range(wizard.rules.model.rowCount())
                    if wizard.rules.model.row(i).key == "points_validity_months")
    assert [wizard.rules.model.index(validity, c).data() for c in range(3)] == ["积分", "积分有效期", "3 个月"]
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.start_page and wizard.start == START_EMPTY
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    window = launcher.window
    assert window is not None and window.isVisible() and not wizard.isVisible()
    qtbot.addWidget(window)
    owner = Staff.get(Staff.name == "王芳")
    assert owner.role == Role.OWNER and window.operator().id == owner.id and not setup.needs_setup()
    assert setup.pharmacy_info() == setup.PharmacyInfo("康宁大药房", "解放路 12 号", "0571-88886666")
    assert "王芳" in window.operator_label.text()
    qtbot.waitUntil(window.isActiveWindow)
    assert QApplication.focusWidget() is window.counter.search.edit  # the counter is ready for a customer
    window.counter.walk_in()
    type_amount(qtbot, window, "household", "25")
    qtbot.keyClick(window.counter.entry.amounts["household"], Qt.Key.Key_Return)
    sale = Sale.get()
    assert (sale.staff_id, sale.member_id, sale.paid_fen) == (owner.id, None, 2500)
    assert Operation.select().where(Operation.kind == OperationKind.SETUP).count() == 1
    window.close()


def test_a_refused_setup_keeps_the_wizard_open_with_the_reason(qtbot, db):
    launcher = launch(qtbot)
    wizard = launcher.first
    fill_to_last_page(qtbot, wizard)
    wizard.pharmacy.phone.setText("电话号码")  # not a phone number: the core refuses it
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.isVisible() and wizard.currentPage() is wizard.start_page
    assert "药店电话" in wizard.start_page.message.text()
    assert launcher.window is None and setup.needs_setup() and not Staff.select().where(Staff.name == "王芳").exists()


def test_a_database_with_an_owner_opens_the_sign_in_instead(qtbot, db, owner):
    from pharmacy_desk.core import passwords
    from pharmacy_desk.ui.sign_in import SignInDialog

    Staff.update(password_hash=passwords.hash_secret(PASSWORD)).where(Staff.id == owner.id).execute()
    launcher = launch(qtbot)
    dialog = launcher.first
    assert isinstance(dialog, SignInDialog) and dialog.heading.text() == "登录"  # no pharmacy name stored
    settings.change("pharmacy_name", "康宁大药房", owner)
    again = SignInDialog()
    qtbot.addWidget(again)
    assert again.heading.text() == "康宁大药房 · 登录"
    dialog.form.name.setEditText("王芳")
    dialog.form.secret.setText(PASSWORD)
    qtbot.keyClick(dialog.form.secret, Qt.Key.Key_Return)
    assert launcher.window is not None and launcher.window.operator().id == owner.id
    qtbot.addWidget(launcher.window)
    launcher.window.close()


def test_starting_with_a_legacy_list_opens_the_import_wizard(qtbot, db):
    from pharmacy_desk.ui.import_wizard import ImportWizard

    launcher = launch(qtbot)
    wizard = launcher.first
    fill_to_last_page(qtbot, wizard)
    next_page(qtbot, wizard)
    next(b for b in wizard.start_page.choices.buttons() if b.property("start") == START_IMPORT).click()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.addWidget(launcher.window)
    importer = launcher.window.findChild(ImportWizard)
    assert importer is not None and importer.isVisible() and importer.operator.name == "王芳"
    importer.reject()
    launcher.window.close()


def test_starting_with_demo_data_fills_the_new_database(qtbot, db, monkeypatch):
    from pharmacy_desk.core import demo

    real = demo.generate
    monkeypatch.setattr(demo, "generate", lambda **kwargs: real(**{**kwargs, "members_count": 5, "months": 1}))
    launcher = launch(qtbot)
    wizard = launcher.first
    fill_to_last_page(qtbot, wizard)  # 王芳, also the name of the demo's owner: one person, not two
    next_page(qtbot, wizard)
    next(b for b in wizard.start_page.choices.buttons() if b.property("start") == START_DEMO).click()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    window = launcher.window
    qtbot.addWidget(window)
    with qtbot.waitSignal(launcher.demo_task.done, timeout=30000):
        pass
    assert Member.select().count() == 5 and settings.get("is_demo")
    assert "演示数据" in window.windowTitle() and window.operator().name == "王芳"
    assert Staff.select().where(Staff.name == "王芳").count() == 1
    window.close()


def test_every_rule_on_the_review_page_says_what_it_means(qtbot, qtmodeltester, db):
    wizard = launch(qtbot).first
    assert wizard.rules.model is None  # made and read when the page is reached, not before the first paint
    fill_to_last_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.rules
    model = wizard.rules.model
    qtmodeltester.check(model)
    rules = [d for d in DECLARATIONS if not d.internal and d.key not in PHARMACY_DETAILS]
    assert model.rowCount() == len(rules) + Category.select().count() + Tier.select().count()
    for row in range(model.rowCount()):
        group, label, value, meaning = (model.index(row, c).data() for c in range(4))
        assert group and label and value and meaning


def test_the_scanner_works_on_the_counter_the_wizard_opened(qtbot, db, make_member):
    launcher = launch(qtbot)
    wizard = launcher.first
    fill_to_last_page(qtbot, wizard)
    next_page(qtbot, wizard)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    window = launcher.window
    qtbot.addWidget(window)
    member = make_member(name="张三")
    scan(qtbot, window, member.card_no)
    assert window.counter.member_id == member.id
    window.close()


def _first_window_activations(qtbot, monkeypatch) -> tuple[list[type], object]:
    """Which first windows asked to be the active one, and the first window the launcher showed."""
    from pharmacy_desk.ui.sign_in import SignInDialog

    asked: list[type] = []
    for window_class in (SetupWizard, SignInDialog):
        monkeypatch.setattr(window_class, "activateWindow", lambda self: asked.append(type(self)))
    first = Launcher("test.sqlite3").start()
    qtbot.addWidget(first)
    return asked, first


def test_the_wizard_takes_the_keyboard_without_a_window_manager_to_give_it(qtbot, db, monkeypatch):
    # A till with no window manager activates nothing by itself: what is typed would go nowhere.
    asked, first = _first_window_activations(qtbot, monkeypatch)
    assert asked == [SetupWizard] and isinstance(first, SetupWizard)


def test_the_sign_in_takes_the_keyboard_without_a_window_manager_to_give_it(qtbot, db, owner, monkeypatch):
    from pharmacy_desk.core import passwords
    from pharmacy_desk.ui.sign_in import SignInDialog

    Staff.update(password_hash=passwords.hash_secret(PASSWORD)).where(Staff.id == owner.id).execute()
    asked, first = _first_window_activations(qtbot, monkeypatch)
    assert asked == [SignInDialog] and isinstance(first, SignInDialog)
