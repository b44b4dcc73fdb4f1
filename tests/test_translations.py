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
    QAbstractButton, QAbstractItemView, QComboBox, QGroupBox, QLabel, QLineEdit, QMenu, QMenuBar, QPlainTextEdit,
    QTabWidget, QWidget,
)

import pharmacy_desk.ui
from pharmacy_desk.ui import i18n

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "resources" / "i18n" / "pharmacy_desk_en.ts"
CHINESE = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")

TRANSLATED = {
    "ListsWindow", "MemberDetailDialog", "ReceiptView",
    "CounterWidget", "SaleEntry", "AmountField", "SearchBox", "MemberPanel",
    "SignupDialog", "MemberForm", "ProfileTab", "HealthTab", "_HealthPage", "MeasurementsTab", "ContactDialog",
    "RedemptionDialog", "ReturnsDialog", "InlineMessage", "MainWindow", "LockScreen", "SignInDialog", "SignInForm",
    "PointsAdjustDialog", "SlipDialog",
}
# Still written in Chinese; each leaves this list when its module is converted.
NOT_YET_CONVERTED = {
    "CampaignsWindow", "ChartPage", "ChartsWindow", "FilePage", "MappingPage",
    "PreviewPage", "ImportPage", "ResultPage", "ImportWizard", "FieldCombo", "OwnerPage",
    "PharmacyPage", "RulesPage", "SetupWizard", "StaffWindow", "StartPage",
    "RestoreWindow", "CatalogWindow", "AuditWindow",
}


def _window_classes() -> set[str]:
    found = set()
    for module_info in pkgutil.iter_modules(pharmacy_desk.ui.__path__):
        module = importlib.import_module(f"pharmacy_desk.ui.{module_info.name}")
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
    unfinished = [source for (_context, source), translation in messages.items()
                  if translation.get("type") in ("unfinished", "vanished", "obsolete") or not (translation.text or "")]
    assert unfinished == []
    chinese = [translation.text for translation in messages.values() if CHINESE.search(translation.text or "")]
    assert chinese == []
    # a placeholder of the source is in its translation too: the arguments fill both
    for (_context, source), translation in messages.items():
        assert set(re.findall(r"\{\w+\}", source)) == set(re.findall(r"\{\w+\}", translation.text)), source


def test_the_catalogue_holds_every_string_of_the_translated_windows(tmp_path):
    sys.path.insert(0, str(ROOT / "build_spec"))
    try:
        import update_translations
    finally:
        sys.path.remove(str(ROOT / "build_spec"))
    fresh = tmp_path / "fresh.ts"
    fresh.write_bytes(CATALOGUE.read_bytes())
    update_translations.update(fresh)
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


def visible_strings(widget: QWidget, skipped: set[str] = NOT_YET_CONVERTED) -> list[str]:
    """Every label, button, tab, header, item, tooltip and placeholder a person can see in ``widget``."""
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
        if isinstance(w, QLabel):
            texts.append(re.sub(r"<[^>]+>", "", w.text()))
        if isinstance(w, QAbstractButton):
            texts.append(w.text())
            if getattr(w, "menu", None) and w.menu() is not None:
                texts += [a.text() for a in w.menu().actions()] + [a.toolTip() for a in w.menu().actions()]
        if isinstance(w, (QLineEdit, QPlainTextEdit)):
            texts.append(w.placeholderText())
        if isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QGroupBox):
            texts.append(w.title())
        if isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count()) if type(w.widget(i)).__name__ not in skipped]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
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


def test_the_call_lists_window_in_english(english, qtbot, latin_data, owner):
    from pharmacy_desk.ui.lists_window import ListsWindow

    window = ListsWindow(owner)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: "members" in window.count_label.text(), timeout=10000)
    texts = visible_strings(window)
    assert "Call lists" in texts and "Dormant members" in texts and "Name" in texts
    assert chinese_in(texts) == []


def test_the_member_window_in_english(english, qtbot, latin_data, clerk):
    from pharmacy_desk.ui.member_detail import MemberDetailDialog

    dialog = MemberDetailDialog(latin_data.id, clerk)
    qtbot.addWidget(dialog)
    dialog.show()
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
