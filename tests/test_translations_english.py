"""The English reads as English: numbers agree with their nouns, and the catalogue has none of the
mechanical flaws a translator's eye slides over (doubled spaces, a capital after "; ", a sentence's
full stop lost or added, a "(s)" standing in for a plural).

A text counted with Qt's ``%n`` holds one English form for 1 and one for other numbers; the core's
templates and ``QCoreApplication.translate`` are counted the same way as a window's ``tr``.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from pharmacy_desk.core.sentences import Sentence
from tests.test_translations import CATALOGUE, english, update_translations

__all__ = ["english"]  # the fixture shared with tests/test_translations.py

FULL_STOPS = ("。", "！", "？")


def _english_texts() -> list[tuple[str, str, str]]:
    """(context, source, English) for every text of the catalogue, once for each number form."""
    import xml.etree.ElementTree as ET

    forms = update_translations().forms
    return [(context.findtext("name") or "", message.findtext("source") or "", text)
            for context in ET.parse(CATALOGUE).iter("context") for message in context.iter("message")
            for text in forms(message.find("translation"))]


TEXTS = _english_texts()


def test_every_counted_text_has_a_form_for_one_and_for_more():
    import xml.etree.ElementTree as ET

    counted = [(message.findtext("source") or "", message) for message in ET.parse(CATALOGUE).iter("message")
               if "%n" in (message.findtext("source") or "")]
    assert len(counted) > 40
    for source, message in counted:
        assert message.get("numerus") == "yes", source
        assert len(message.findall("translation/numerusform")) == 2, source


def test_updating_the_catalogue_keeps_every_number_form(tmp_path):
    tool = update_translations()
    fresh = tmp_path / "fresh.ts"
    fresh.write_bytes(CATALOGUE.read_bytes())
    tool.update(fresh)
    assert tool._counted_forms(fresh) == tool._counted_forms(CATALOGUE)
    assert fresh.read_text(encoding="utf-8") == CATALOGUE.read_text(encoding="utf-8")


def test_no_english_text_has_doubled_spaces():
    assert [text for _context, _source, text in TEXTS if "  " in text] == []


def test_no_clause_after_a_semicolon_starts_with_a_capital():
    """A key's name (Ctrl+L) is written as it is printed on the key."""
    capital = re.compile(r"; (?!Ctrl\+)[A-Z][a-z]")
    assert [text for _context, _source, text in TEXTS if capital.search(text)] == []


def test_a_sentence_ends_with_a_full_stop_in_english_too():
    ended = re.compile(r"[.!?…]['\"”’)]?\s*$")
    assert [(source, text) for _context, source, text in TEXTS
            if source.rstrip().endswith(FULL_STOPS) and not ended.search(text)] == []


def test_no_full_stop_is_added_to_a_text_that_has_none():
    """"Receipt no." is an abbreviation, not a sentence; "；" between sentences is ". " in English."""
    added = re.compile(r"(?<!\bno)\.\s*$")
    assert [(source, text) for _context, source, text in TEXTS
            if added.search(text) and any(ch.isalnum() for ch in source)
            and not source.rstrip().endswith((*FULL_STOPS, ".", "…", "）"))] == []


def test_no_plural_is_written_with_a_bracketed_s():
    assert [text for _context, _source, text in TEXTS if "(s)" in text] == []


def test_a_members_phone_is_called_phone_in_every_window():
    """手机号 and 手机 are one field: "Mobile" beside "Phone" read as two."""
    assert [text for _context, _source, text in TEXTS if re.search(r"\bmobiles?\b", text, re.IGNORECASE)] == []


def test_units_are_written_out_not_abbreviated():
    abbreviated = re.compile(r"\b(pts?|pcs?)\b\.?", re.IGNORECASE)
    assert [text for _context, _source, text in TEXTS if abbreviated.search(text)] == []


def test_the_catalogue_form_counts_points_and_items_in_english(english, qtbot, owner):
    from pharmacy_desk.ui.catalog_window import CatalogWindow

    window = CatalogWindow(owner)
    qtbot.addWidget(window)
    window.points_price.setValue(1)
    window.stock.setValue(2)
    assert (window.points_price.text(), window.stock.text(), window.restock_quantity.text()) == (
        "1 point", "2 items", "Restock 1 item")
    window.points_price.setValue(800)
    window.stock.setValue(-1)
    assert (window.points_price.text(), window.stock.text()) == ("800 points", "Unlimited")


def test_the_lock_says_one_minute_and_five_minutes(english):
    from pharmacy_desk.core import signin
    from pharmacy_desk.ui.i18n import sentence

    at = dt.datetime(2026, 12, 2, 9, 0)
    one = sentence(signin._locked_message(at + dt.timedelta(seconds=30), at))
    five = sentence(signin._locked_message(at + dt.timedelta(minutes=5), at))
    assert "try again in 1 minute," in one and "try again in 5 minutes," in five
    assert str(signin._locked_message(at + dt.timedelta(seconds=30), at)).startswith("连续输错密码，账户已锁定，请 1 分钟后再试")


@pytest.mark.parametrize("value, shown", [(1, "1 minute"), (5, "5 minutes")])
def test_a_setting_with_a_unit_agrees_with_its_value(english, value, shown):
    from pharmacy_desk.core.setting_declarations import DECLARATION_BY_KEY
    from pharmacy_desk.ui import setting_text

    idle_lock = DECLARATION_BY_KEY["idle_lock_minutes"]
    assert setting_text.shown_value(idle_lock, value) == shown
    assert setting_text.typed_value(idle_lock, shown) == value
    assert setting_text.typed_value(idle_lock, f" {shown.upper()} ") == value


def test_a_spin_box_unit_follows_its_value_even_when_set_quietly(english, qtbot):
    from pharmacy_desk.ui import units

    box = units.CountedSpinBox(units.MONTHS)
    qtbot.addWidget(box)
    box.setRange(1, 120)
    assert box.suffix() == " month"
    box.blockSignals(True)
    box.setValue(3)
    box.blockSignals(False)
    assert box.suffix() == " months"
    box.stepDown()
    box.stepDown()
    assert box.suffix() == " month"


def test_a_core_sentence_counts_in_english_and_in_chinese(english):
    from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP
    from pharmacy_desk.ui.i18n import sentence

    for days, said in ((1, "in 1 day"), (3, "in 3 days")):
        counted = Sentence(QT_TRANSLATE_NOOP("core", "%n天后"), n=days)
        assert sentence(counted) == said and str(counted) == f"{days}天后"


def test_several_problems_of_a_row_read_as_sentences(english, db, tmp_path):
    from pharmacy_desk.core.spreadsheet.plan import plan_import
    from pharmacy_desk.ui.i18n import sentence
    from tests.spreadsheet_helpers import write_xlsx

    listed = write_xlsx(tmp_path / "list.xlsx", {"Members": [
        ["name", "mobile", "birthday", "join date"], ["Zhang San", "1391234567", "2030-01-01", "2031-02-03"]]})
    [problem] = plan_import(listed, today=dt.date(2026, 12, 2)).problems
    assert sentence(problem.reason) == ("A phone number has 11 digits; this one has 10: 1391234567. "
                                        "The birthday 2030-01-01 is in the future. "
                                        "The date joined 2031-02-03 is in the future.")
