"""English: every visible string of a translated window is translated, and the catalogue is complete.

Scope, stated plainly: the windows are being converted to Qt's translation machinery one
by one. ``TRANSLATED`` are converted and must show no Chinese at all in English;
``NOT_YET_CONVERTED`` still write their Chinese directly and are skipped — this list only
shrinks (a later pass converts the rest). Every window class of ``pharmacy_desk.ui`` must be
on one of the two lists, so a new window cannot slip past. What a window shows from the
data (a member's name, a tier the owner named, a receipt's text) is data, not a label: the
tests give their members and tiers Latin names.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QGroupBox, QLabel, QLineEdit, QListWidget,
    QMenu, QMenuBar, QPlainTextEdit, QTabWidget, QWidget, QWizard, QWizardPage,
)

import pharmacy_desk.ui
from pharmacy_desk.ui import i18n
from tests.widget_helpers import shown

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "resources" / "i18n" / "pharmacy_desk_en.ts"
CHINESE = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")

TRANSLATED = {
    "ListsWindow", "MemberDetailDialog", "ReceiptView",
    "CounterWidget", "SaleEntry", "AmountField", "SearchBox", "MemberPanel",
    "SignupDialog", "MemberForm", "ProfileTab", "HealthTab", "_HealthPage", "MeasurementsTab", "ContactDialog",
    "RedemptionDialog", "ReturnsDialog", "InlineMessage", "MainWindow", "LockScreen", "SignInDialog", "SignInForm",
    "PointsAdjustDialog", "SlipDialog", "DayEndDialog", "DayEdit",
    "SetupWizard", "PharmacyPage", "OwnerPage", "RulesPage", "StartPage",
    "SettingsWindow", "SettingsPage", "RowsPage", "DeclaredField", "PointsPage", "TiersPage", "CouponsPage", "MarketingPage",
    "StaffCreditPage", "MembersPage", "TillPage", "BackupPage", "SystemPage",
    "StaffWindow", "AuditWindow", "RestoreWindow", "CatalogWindow", "CampaignsWindow",
    "ImportWizard", "FilePage", "MappingPage", "PreviewPage", "ImportPage", "ResultPage", "FieldCombo",
    "ChartsWindow", "ChartPage", "CountedSpinBox",
    "CouponTemplatesWindow", "CouponReportWindow", "IssueCouponDialog", "ServiceCoupons", "RepairStatus", "BackupStatus",
}
# Still written in Chinese; each leaves this list when its module is converted. Every window is now
# converted: a new one is written translated from the start and goes in TRANSLATED.
NOT_YET_CONVERTED: set[str] = set()


def _window_classes() -> set[str]:
    """Every widget class of ``pharmacy_desk.ui`` and its packages (the settings pages)."""
    found = set()
    for module_info in pkgutil.walk_packages(pharmacy_desk.ui.__path__, "pharmacy_desk.ui."):
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if inspect.isclass(value) and issubclass(value, QWidget) and value.__module__ == module.__name__:
                found.add(name)
    return found


def test_every_window_is_either_translated_or_listed_as_not_yet():
    classes = _window_classes()
    assert classes == TRANSLATED | NOT_YET_CONVERTED, (classes - TRANSLATED - NOT_YET_CONVERTED,
                                                        (TRANSLATED | NOT_YET_CONVERTED) - classes)
    assert not TRANSLATED & NOT_YET_CONVERTED


def _messages(catalogue: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(catalogue)
    return {(context.findtext("name") or "", message.findtext("source")): message.find("translation")
            for context in tree.iter("context") for message in context.iter("message")}


def test_the_english_catalogue_is_complete():
    messages = _messages(CATALOGUE)
    assert len(messages) > 80
    english = {key: update_translations().forms(translation) for key, translation in messages.items()}
    unfinished = [source for (context, source), translation in messages.items()
                  if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(english[context, source])]
    assert unfinished == []
    chinese = [text for texts in english.values() for text in texts if CHINESE.search(text)]
    assert chinese == []
    # a placeholder of the source is in its translation too (in each number form): the arguments fill both
    for (_context, source), texts in english.items():
        for text in texts:
            assert set(re.findall(r"\{\w+\}|%n", source)) == set(re.findall(r"\{\w+\}|%n", text)), source


def update_translations():
    """``build_spec/update_translations.py`` as a module."""
    sys.path.insert(0, str(ROOT / "build_spec"))
    try:
        import update_translations
    finally:
        sys.path.remove(str(ROOT / "build_spec"))
    return update_translations


def test_the_catalogue_holds_every_string_of_the_translated_windows(tmp_path):
    fresh = tmp_path / "fresh.ts"
    fresh.write_bytes(CATALOGUE.read_bytes())
    update_translations().update(fresh)
    assert set(_messages(fresh)) == set(_messages(CATALOGUE)), "run build_spec/update_translations.py"


@pytest.fixture
def english(qapp, tmp_path, monkeypatch):
    """The windows in English, from a catalogue built the way the set-up builds it."""
    built = tmp_path / "i18n"
    built.mkdir()
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(CATALOGUE), "-qm", str(built / "pharmacy_desk_en.qm")], check=True)
    monkeypatch.setattr(i18n, "catalogue_path", lambda language: built / f"pharmacy_desk_{language}.qm")
    assert i18n.install(qapp, "en") == "en"
    yield
    i18n.install(qapp, "zh_CN")


def visible_strings(widget: QWidget, skipped: set[str] = NOT_YET_CONVERTED, *, cells: bool = False) -> list[str]:
    """Every label, button, tab, header, item, tooltip and placeholder a person can see in ``widget``;
    with ``cells``, every cell of its tables too (the first 200 rows), for a window whose rows hold
    no more data than the test's own Latin names."""
    texts: list[str] = []

    def inside_skipped(w: QWidget) -> bool:
        while w is not None and w is not widget:
            if type(w).__name__ in skipped:
                return True
            w = w.parentWidget()
        return False

    for w in [widget, *widget.findChildren(QWidget)]:
        if inside_skipped(w):
            continue
        if w.isWindow():
            texts.append(w.windowTitle())
        texts.append(w.toolTip())
        if isinstance(w, QLabel):  # a progress dialog's line too: the core's progress, translated
            texts.append(re.sub(r"<[^>]+>", "", w.text()))
        if isinstance(w, QAbstractButton):
            texts.append(w.text())
            if getattr(w, "menu", None) and w.menu() is not None:
                texts += [a.text() for a in w.menu().actions()] + [a.toolTip() for a in w.menu().actions()]
        if isinstance(w, (QLineEdit, QPlainTextEdit)):
            texts.append(w.placeholderText())
        if isinstance(w, QAbstractSpinBox):
            texts += [w.specialValueText()] + ([w.prefix(), w.suffix()] if hasattr(w, "suffix") else [])
        if isinstance(w, QWizardPage):
            texts += [w.title(), w.subTitle()]
        if isinstance(w, QWizard):
            texts += [w.buttonText(button) for button in (QWizard.WizardButton.NextButton,
                      QWizard.WizardButton.BackButton, QWizard.WizardButton.FinishButton,
                      QWizard.WizardButton.CancelButton)]
        if isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QGroupBox):
            texts.append(w.title())
        if isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count()) if type(w.widget(i)).__name__ not in skipped]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            columns = 1 if isinstance(w, QListWidget) else model.columnCount()
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(columns)]
            if cells or isinstance(w, QListWidget):
                texts += [str(model.index(r, c).data() or "") for r in range(min(model.rowCount(), 200))
                          for c in range(columns)]
        if isinstance(w, QMenu):
            texts += [w.title()] + [a.text() for a in w.actions()] + [a.toolTip() for a in w.actions()]
        if isinstance(w, QMenuBar):
            texts += [a.text() for a in w.actions()]
    return [text for text in texts if text]


def chinese_in(texts: list[str]) -> list[str]:
    return [text for text in texts if CHINESE.search(text)]


@pytest.fixture
def latin_data(db, owner, make_member):
    from pharmacy_desk.core.models import Staff, Tier

    Tier.update(name="Standard").execute()
    member = make_member(name="Zhang San")
    for person in Staff.select():  # the staff filter lists them by name
        Staff.update(name=f"Staff {person.id}").where(Staff.id == person.id).execute()
    return member


def test_the_call_lists_window_in_english(english, qtbot, latin_data, owner, make_member):
    import datetime as dt

    from pharmacy_desk.ui.lists_window import ListsWindow

    make_member(name="Li Si", at=dt.datetime.now() - dt.timedelta(days=400))  # dormant: the reason is the core's
    window = shown(qtbot, ListsWindow(owner))
    qtbot.waitUntil(lambda: "members" in window.count_label.text() and window.model.rowCount() > 0, timeout=10000)
    texts = visible_strings(window, cells=True)  # the reason to call each member, too
    assert "Call lists" in texts and "Dormant members" in texts and "Name" in texts
    assert any(text.startswith("Joined on ") and text.endswith(" and has never bought") for text in texts)
    assert chinese_in(texts) == []


def test_the_member_window_in_english(english, qtbot, latin_data, clerk):
    from pharmacy_desk.ui.member_detail import MemberDetailDialog

    dialog = shown(qtbot, MemberDetailDialog(latin_data.id, clerk))
    texts = visible_strings(dialog)
    assert "Member details" in texts and "Points ledger" in texts and "Print member cards…" in texts
    assert any("usable points" in text for text in texts)
    assert chinese_in(texts) == []


def test_the_receipt_and_the_menus_in_english(english, qtbot, owner):
    from pharmacy_desk.ui.card_actions import card_menu
    from pharmacy_desk.ui.export_menu import build_export_menu
    from pharmacy_desk.ui.receipt import ReceiptView

    view = ReceiptView()
    qtbot.addWidget(view)
    assert chinese_in(visible_strings(view)) == []
    exports = build_export_menu(view, owner)
    cards = card_menu(view, owner, lambda: None)
    texts = visible_strings(exports) + visible_strings(cards) + [exports.title(), cards.title()]
    assert "Members…" in texts and "Export to Excel" in texts
    assert chinese_in(texts) == []


def test_the_coupon_windows_in_english(english, qtbot, latin_data, owner):
    from pharmacy_desk.core import coupon_issue, coupon_templates
    from pharmacy_desk.ui.coupon_report_window import CouponReportWindow
    from pharmacy_desk.ui.coupon_templates_window import CouponTemplatesWindow
    from pharmacy_desk.ui.issue_coupon_dialog import IssueCouponDialog
    from pharmacy_desk.ui.service_coupons import ServiceCoupons

    made = coupon_templates.create_template(coupon_templates.Terms(
        kind="threshold", title="10 off 100", valid_days=30, value_fen=1000, min_spend_fen=10000), owner).template
    coupon_issue.issue_to_member(made.id, latin_data.id, owner, batch="b")
    windows = [CouponTemplatesWindow(owner), CouponReportWindow(owner), IssueCouponDialog(latin_data.id, "Zhang San", owner),
               ServiceCoupons()]
    texts = []
    for window in windows:
        qtbot.addWidget(window)
        window.show()
    qtbot.waitUntil(lambda: windows[1].model.rowCount() > 0, timeout=10000)
    windows[0].view.selectRow(0)
    for window in windows:
        texts += visible_strings(window)
    assert {"Coupon templates", "Spend-and-save coupon", "Coupon usage", "Issue coupon", "Call list: Dormant members",
            "Issued to"} <= set(texts)
    assert chinese_in(texts) == []


def test_the_programs_name_in_every_window_title_is_in_the_windows_language(english, qapp):
    """Qt adds the display name to each window's title: in English it is the catalogue's name, which
    is also the name the Linux menu entry gives."""
    from pharmacy_desk import APP_TITLE

    assert qapp.applicationDisplayName() == "Pharmacy Desk"
    desktop = (ROOT / "build_spec" / "pharmacy_desk.desktop").read_text(encoding="utf-8")
    assert "Name=Pharmacy Desk\n" in desktop
    i18n.install(qapp, "zh_CN")
    assert qapp.applicationDisplayName() == APP_TITLE


def test_chinese_is_the_default_and_needs_no_catalogue(qapp):
    assert i18n.install(qapp, "zh_CN") == "zh_CN"
    assert QCoreApplication.translate("ListsWindow", "回访名单") == "回访名单"
    assert i18n.install(qapp, "fr") == "zh_CN"  # an unknown language: the default, not a half-empty window


def test_the_language_is_a_setting_of_its_own(db, owner):
    from pharmacy_desk.core import settings

    assert settings.get("ui_language") == "zh_CN"
    settings.change("ui_language", "English", owner)
    assert settings.get("ui_language") == "en"


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints()")
def test_qts_own_file_dialog_speaks_chinese_where_its_catalogue_has_gaps(qapp):
    """Qt's shipped catalogue lacks the file dialog's "&Look in:" and "Files of &type:" labels."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    from pharmacy_desk.ui import i18n

    i18n.install(qapp, "zh_CN")
    dialog = QFileDialog(None, "导出")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    dialog.deleteLater()
    assert labels and not [text for text in labels if any("a" <= ch.lower() <= "z" for ch in text.replace("&", ""))
                           and not any("\u4e00" <= ch <= "\u9fff" for ch in text)], labels


@pytest.fixture
def latin_rules(latin_data):
    """Categories and tiers named in Latin letters: the owner's names are data, not labels."""
    from pharmacy_desk.core.models import Category, Tier

    for category in Category.select():
        Category.update(name=f"Category {category.id}").where(Category.id == category.id).execute()
    Tier.update(privileges="Free delivery").where(Tier.privileges != "").execute()
    return latin_data


def test_the_setup_wizard_in_english_page_by_page(english, qtbot, latin_rules):
    from PySide6.QtWidgets import QWizard

    from pharmacy_desk.ui.setup_wizard import SetupWizard

    wizard = shown(qtbot, SetupWizard())
    seen: list[str] = []
    wizard.pharmacy.name.setText("Kangning Pharmacy")
    for page, fill in ((wizard.pharmacy, None), (wizard.owner, ("Wang Fang", "kaidian2026")), (wizard.rules, None),
                       (wizard.start_page, None)):
        assert wizard.currentPage() is page
        if fill:
            page.name.setText(fill[0])
            page.password.setText(fill[1])
            page.again.setText(fill[1])
        seen += visible_strings(wizard, cells=True)
        if page is not wizard.start_page:
            qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert {"Pharmacy setup", "Pharmacy", "Owner's account", "Default rules", "Getting started", "Next >",
            "Points validity", "3 months", "Start &empty"} <= set(seen)
    assert any(text.startswith("Spend ¥") for text in seen) and "On sign-up" in seen
    assert chinese_in(seen) == []


def test_the_settings_window_in_english_on_every_page(english, qtbot, latin_rules, owner):
    from pharmacy_desk.core import settings
    from pharmacy_desk.ui.settings.window import SettingsWindow

    # The line printed at the foot of receipts is the owner's text for customers: data, not a label.
    settings.change("receipt_footer", "Thank you for your visit", owner)
    window = shown(qtbot, SettingsWindow(owner))
    texts = []
    for row, page in enumerate(window.pages):
        window.page_list.setCurrentRow(row)
        assert window.stack.currentWidget() is page
        texts += visible_strings(window, cells=True)
        texts += [field.line.text() for field in page.fields.values() if field.line is not None]
    assert {"Settings", "Points", "Member tiers", "System", "Save", "Points validity", "3 months",
            "Allowed: 1 to 60 months", "Simplified Chinese", "English", "Yes", "¥3.00", " visits"} <= set(texts)
    assert any("next started" in text for text in texts)  # the language applies on the next start
    assert chinese_in(texts) == []

    validity = window.page("points").fields["points_validity_months"]
    validity.line.selectAll()
    qtbot.keyClicks(validity.line, "999 months")  # out of range: the core's refusal, in English
    assert validity.error.text() == "Points validity must be a whole number from 1 to 60 months; got: 999."
    validity.line.selectAll()
    qtbot.keyClicks(validity.line, "6 months")  # typed in the words the window shows
    assert not validity.error.isVisible()
    qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    assert settings.get("points_validity_months") == 6 and validity.line.text() == "6 months"


def test_the_staff_and_audit_windows_in_english(english, qtbot, latin_data, owner):
    import datetime as dt

    from pharmacy_desk.core import audit
    from pharmacy_desk.core.vocabulary import OperationKind
    from pharmacy_desk.ui.audit_window import AuditWindow
    from pharmacy_desk.ui.staff_window import StaffWindow

    staff = shown(qtbot, StaffWindow(owner))
    texts = visible_strings(staff, cells=True)
    assert {"Staff", "Role", "Owner", "Add", "Deactivate", "Staff details"} <= set(texts)
    assert chinese_in(texts) == []

    today = dt.date.today()
    audit.record(OperationKind.SIGN_IN, owner, subject=f"staff:{owner.id}", at=dt.datetime.combine(today, dt.time(9)))
    log = shown(qtbot, AuditWindow(owner, today=today))
    qtbot.waitUntil(lambda: log.model.rowCount() > 0)
    texts = visible_strings(log) + [log.model.index(r, 2).data() for r in range(log.model.rowCount())]
    assert {"Audit log", "All operations", "Sign-in", "Operation"} <= set(texts) and log.count.text() == "1 entry"
    assert chinese_in(texts) == []


def test_the_backup_window_in_english(english, qtbot, db, owner):
    from pharmacy_desk.core import backup
    from pharmacy_desk.ui.restore_window import RestoreWindow

    backup.make_backup()
    dialog = shown(qtbot, RestoreWindow(owner))
    assert dialog.model.rowCount() == 1
    texts = visible_strings(dialog, cells=True) + [dialog.status.text()]
    assert {"Backup and restore", "Back up now", "Restore the chosen backup", "Manual"} <= set(texts)
    assert any(text.startswith("Last backup: ") for text in texts)
    assert chinese_in(texts) == []
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.restore_button.text() == "Confirm restore" and not chinese_in([dialog.message.text()])


def test_the_catalog_and_campaigns_windows_in_english(english, qtbot, latin_data, owner):
    import datetime as dt

    from pharmacy_desk.core.models import CatalogItem, Member
    from pharmacy_desk.ui.campaigns_window import CampaignsWindow
    from pharmacy_desk.ui.catalog_window import CatalogWindow

    from pharmacy_desk.core import catalog as catalog_core

    catalog_core.add_item(name="Thermos", points_price=500, operator=owner)
    catalog_core.add_item(name="Blood pressure check", points_price=100, kind="service", stock=5, operator=owner)
    CatalogItem.update(name="Gift").where(~CatalogItem.name.in_(["Thermos", "Blood pressure check"])).execute()
    catalog = shown(qtbot, CatalogWindow(owner))
    texts = visible_strings(catalog, cells=True)
    assert catalog.model.rowCount() >= 2
    assert {"Points catalogue", "Catalogue", "Redemptions", "Drug class", "Unlimited", "Restock ", "Offered",
            "Thermos"} <= set(texts)
    assert chinese_in(texts) == []

    Member.update(birthday=dt.date(1970, 7, 15)).where(Member.id == latin_data.id).execute()
    campaigns = shown(qtbot, CampaignsWindow(owner, today=dt.date(2026, 7, 1)))
    qtbot.mouseClick(campaigns.buttons["birthday"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: campaigns.model.rowCount() == 1)
    # the gift and the text message are what the member receives, in the members' language
    texts = visible_strings(campaigns) + [campaigns.explain.text(), campaigns.summary.text(),
                                          campaigns.model.index(0, 4).data()]
    assert {"Campaigns", "Birthday treat", "Issue", "To issue"} <= set(texts)
    assert chinese_in(texts) == []


def test_the_import_wizard_in_english_page_by_page(english, qtbot, db, owner, tmp_path):
    from PySide6.QtWidgets import QWizard

    from pharmacy_desk.ui.import_wizard import ImportWizard
    from tests.spreadsheet_helpers import write_xlsx

    listed = write_xlsx(tmp_path / "list.xlsx", {"Members": [
        ["name", "mobile", "birthday", "points"],
        ["Zhang San", "13812345678", "1965-03-08", "1200"],
        ["Li Si", "13912345678", "", "300"],
    ]})
    wizard = shown(qtbot, ImportWizard(owner))

    def step(page) -> list[str]:
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: wizard.currentPage() is page, timeout=10000)
        return visible_strings(wizard, cells=True)

    seen = visible_strings(wizard, cells=True)
    wizard.file_page.set_path(listed)
    seen += step(wizard.mapping_page) + [wizard.mapping_page.status.text()]
    seen += step(wizard.preview_page) + [wizard.preview_page.summary.text()]
    seen += step(wizard.import_page)
    qtbot.mouseClick(wizard.import_page.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.result_page, timeout=10000)
    seen += visible_strings(wizard, cells=True) + [wizard.result_page.summary.text(), wizard.import_page.status.text()]
    assert {"Import members", "Choose the member list", "Check the columns", "Import as", "Name", "Phone",
            "Do not import", "Import preview", " months", "Start import", "Import finished", "Members (imported)",
            "Import finished."} <= set(seen)
    assert any("Opening points: 1,500" in text for text in seen)
    assert any(text.startswith("New members: 2;") for text in seen)
    assert chinese_in(seen) == []


def _figure_texts(figure) -> list[str]:
    """Every text a chart draws: titles, axis labels, tick labels and legends."""
    texts = []
    for ax in figure.axes:
        texts += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
        texts += [label.get_text() for label in ax.get_xticklabels() + ax.get_yticklabels()]
        legend = ax.get_legend()
        texts += [text.get_text() for text in legend.get_texts()] if legend is not None else []
    return [text for text in texts if text]


def test_the_charts_window_and_its_charts_in_english(english, qtbot, db, make_member, sell, clerk, owner):
    import datetime as dt

    from pharmacy_desk.core.models import Category, Staff, Tier
    from pharmacy_desk.ui.charts_window import ChartsWindow
    from tests.reports_helpers import build_june

    build_june(make_member, sell, clerk, owner)
    for model, prefix in ((Category, "Category"), (Tier, "Tier"), (Staff, "Staff")):
        for row in model.select():
            model.update(name=f"{prefix} {row.id}").where(model.id == row.id).execute()
    window = shown(qtbot, ChartsWindow(owner, today=dt.date(2026, 6, 30)))
    qtbot.waitUntil(lambda: window.report is not None, timeout=10000)
    texts = visible_strings(window, cells=True) + [window.status.text()]
    drawn = [text for page in window.pages.values() for text in _figure_texts(page.figure)]
    assert {"Monthly report and charts", "Overview", "Sales", "RFM", "Figure", "Repurchase rate", "2026-6",
            "Save image…", "Own share (¥)"} <= set(texts)
    assert {"Active, new and dormant members", "Member sales (net)", "2026-06 members by tier at month end",
            "Female"} <= set(drawn)
    assert any(text.startswith("Under 30\n") for text in drawn)
    [rfm] = [re.fullmatch(r"RFM segments \((\d+) (members?) who bought\)", text) for text in drawn
             if text.startswith("RFM segments (")]
    assert rfm is not None and (rfm[1] == "1") == (rfm[2] == "member"), rfm
    assert chinese_in(texts) == [] and chinese_in(drawn) == []
