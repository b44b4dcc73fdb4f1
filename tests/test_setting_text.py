"""A declared setting as the windows show it: in Chinese exactly the core's words, in English read back."""

from __future__ import annotations

import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from pharmacy_desk.core.setting_declarations import DECLARATIONS
from pharmacy_desk.core.setting_types import Bool, Choice, Folder, Int, Money, Multiplier, RedeemBlocks
from pharmacy_desk.ui import i18n, setting_text

SHOWN = [d for d in DECLARATIONS if not d.internal]
CHINESE = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")


def samples(declaration) -> list:
    """The default, the ends of the range and a value between, in the setting's own type."""
    kind = declaration.type
    values = [declaration.default_value]
    if isinstance(kind, Int):
        values += [kind.minimum, kind.maximum]
    elif isinstance(kind, Money):
        values += [kind.minimum_fen, kind.maximum_fen, (kind.minimum_fen + kind.maximum_fen) // 2 + 1]
    elif isinstance(kind, Multiplier):
        values += [kind.minimum, kind.maximum, Decimal("1.25")]
    elif isinstance(kind, Bool):
        values += [True, False]
    elif isinstance(kind, Choice):
        values += [value for value, _label in kind.choices]
    elif isinstance(kind, Folder):
        values += ["", "D:/备份"]
    elif isinstance(kind, RedeemBlocks):
        values += [((100, 300),), ((500, 2000), (1000, 4200), (2000, 9000))]
    return values


@pytest.mark.parametrize("declaration", SHOWN, ids=lambda d: d.key)
def test_in_chinese_every_text_is_the_cores_own(qapp, declaration):
    i18n.install(qapp, "zh_CN")
    assert setting_text.label(declaration) == declaration.label
    assert setting_text.help_text(declaration) == declaration.help
    assert setting_text.allowed(declaration) == declaration.describe()
    unit = declaration.unit
    expected = f"可填：{declaration.describe()}"
    assert setting_text.range_text(declaration) == (expected if not unit or unit in expected else f"{expected}（{unit}）")
    for value in samples(declaration):
        assert setting_text.shown_value(declaration, value) == declaration.format(value)
        assert setting_text.typed_value(declaration, declaration.format(value)) == value


@pytest.fixture(scope="module")
def built_catalogue(tmp_path_factory) -> Path:
    built = tmp_path_factory.mktemp("i18n") / "pharmacy_desk_en.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    catalogue = Path(__file__).resolve().parent.parent / "resources" / "i18n" / "pharmacy_desk_en.ts"
    subprocess.run([str(lrelease), "-silent", str(catalogue), "-qm", str(built)], check=True)
    return built


@pytest.fixture
def english(qapp, built_catalogue, monkeypatch):
    built = built_catalogue
    monkeypatch.setattr(i18n, "catalogue_path", lambda language: built)
    assert i18n.install(qapp, "en") == "en"
    yield
    i18n.install(qapp, "zh_CN")


@pytest.mark.parametrize("declaration", SHOWN, ids=lambda d: d.key)
def test_in_english_what_is_shown_has_no_chinese_and_reads_back(english, declaration):
    assert not CHINESE.search(setting_text.label(declaration) + setting_text.help_text(declaration))
    assert not CHINESE.search(setting_text.range_text(declaration)), setting_text.range_text(declaration)
    for value in samples(declaration):
        shown = setting_text.shown_value(declaration, value)
        if not (isinstance(value, str) and CHINESE.search(value)):  # a folder's name is the owner's
            assert not CHINESE.search(shown), shown
        assert setting_text.typed_value(declaration, shown) == value, shown


def test_english_words_as_typed(english):
    by_key = {d.key: d for d in DECLARATIONS}
    assert setting_text.shown_value(by_key["points_validity_months"], 3) == "3 months"
    assert setting_text.typed_value(by_key["points_validity_months"], " 6 Months ") == 6
    assert setting_text.typed_value(by_key["points_validity_months"], "6 个月") == 6  # Chinese still reads
    assert setting_text.shown_value(by_key["new_member_coupon_fen"], 300) == "¥3.00"
    assert setting_text.typed_value(by_key["new_member_coupon_fen"], "3.5") == 350
    assert setting_text.typed_value(by_key["redeem_blocks"], "500 points=¥20, 1000=42") == ((500, 2000), (1000, 4200))
    assert setting_text.shown_value(by_key["backup_dir"], "") == "program data folder"
    assert setting_text.typed_value(by_key["backup_dir"], "program data folder") == ""
