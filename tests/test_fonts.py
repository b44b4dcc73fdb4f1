"""The shipped Chinese font: charts, windows and cards have every 汉字 on a machine with no Chinese font."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import pytest

from pharmacy_desk.fonts import FAMILY, bundled_font
from tests.fonts_helpers import fontconfig_without_cjk
from tests.reports_helpers import build_june

ROOT = Path(__file__).resolve().parent.parent
CJK_TEXT = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
SAMPLE = "药店会员管理 积分兑换 会员卡 经营图表 回访名单（演示数据）：¥12.50，×2 —「张三丰」"


def test_the_font_is_shipped_with_its_licence_and_is_a_few_megabytes():
    font = bundled_font()
    assert font.is_file() and font.stat().st_size < 5_000_000
    licence = (font.parent / "OFL-1.1.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and font.name in licence


def test_the_font_has_every_character_the_program_writes_and_all_of_gb2312():
    from fontTools.ttLib import TTFont

    sys.path.insert(0, str(ROOT / "build_spec"))
    try:
        import subset_font
    finally:
        sys.path.remove(str(ROOT / "build_spec"))
    covered = set(map(chr, TTFont(str(bundled_font()))["cmap"].getBestCmap()))
    assert subset_font.gb2312_characters() <= covered
    assert set(SAMPLE) - {" "} <= covered
    # Chinese characters and their punctuation; a symbol of another script in a docstring is no label.
    written = {ch for ch in subset_font.program_characters() if CJK_TEXT.match(ch)}
    missing = written - covered
    assert not missing, f"run build_spec/subset_font.py again: missing {''.join(sorted(missing))}"


@pytest.fixture
def june(db, make_member, sell, clerk, owner):
    build_june(make_member, sell, clerk, owner)


@pytest.fixture
def no_system_cjk_fonts(monkeypatch):
    """matplotlib as on a machine without any Chinese font: only its Latin fonts are known."""
    import matplotlib
    from matplotlib import font_manager

    from pharmacy_desk.charts import figures

    latin = [entry for entry in font_manager.fontManager.ttflist
             if not any(word in entry.name for word in ("CJK", "Droid", "Hei", "Han"))]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", latin)
    monkeypatch.setattr(figures, "_font_added", False)
    font_manager.fontManager._findfont_cached.cache_clear()
    with matplotlib.rc_context():
        yield
    font_manager.fontManager._findfont_cached.cache_clear()


def test_every_chart_draws_its_chinese_without_a_missing_glyph(june, owner, no_system_cjk_fonts):
    from pharmacy_desk.charts.figures import CHART_SPECS, new_figure, use_cjk_font
    from pharmacy_desk.core.reports.period import Month
    from pharmacy_desk.core.reports.report import build_report

    report = build_report(Month(2026, 6), owner, trend_months=3)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert use_cjk_font() == FAMILY  # no system font: the shipped one
        for spec in CHART_SPECS:
            figure = new_figure()
            spec.draw(figure, report)
            figure.suptitle(SAMPLE)
            figure.savefig(io.BytesIO(), format="png")
        figure.savefig(io.BytesIO(), format="pdf")  # the report's PDF embeds the font's glyphs
    missing = [str(w.message) for w in caught if "missing from" in str(w.message)]
    assert missing == []
    assert [str(w.message) for w in caught] == []


def test_a_machines_complete_font_comes_before_the_shipped_subset():
    import matplotlib
    from matplotlib import font_manager

    from pharmacy_desk.charts.figures import use_cjk_font

    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    with matplotlib.rc_context():
        first = use_cjk_font()
        families = matplotlib.rcParams["font.sans-serif"]
        assert FAMILY in families
        if "Noto Sans CJK SC" in installed:
            assert first == "Noto Sans CJK SC" and families.index(first) < families.index(FAMILY)


QT_CHECK = textwrap.dedent("""
    from PySide6.QtGui import QFontDatabase, QFontInfo, QFontMetrics
    from pharmacy_desk.fonts import FAMILY
    from pharmacy_desk.ui.app import make_application

    app = make_application(["probe"])
    families = QFontDatabase.families()
    assert "Noto Sans CJK SC" not in families, "the machine still has a Chinese font"
    assert FAMILY in families, families
    assert QFontInfo(app.font()).family() == FAMILY, QFontInfo(app.font()).family()
    metrics = QFontMetrics(app.font())
    missing = [ch for ch in SAMPLE if not ch.isspace() and not metrics.inFontUcs4(ord(ch))]
    assert not missing, missing
    print("ok")
""")


def test_windows_use_the_shipped_font_on_a_machine_without_chinese_fonts(tmp_path):
    env = dict(os.environ, FONTCONFIG_FILE=str(fontconfig_without_cjk(tmp_path)), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(ROOT), PHARMACY_DESK_HOME=str(tmp_path / "home"))
    done = subprocess.run([sys.executable, "-c", f"SAMPLE = {SAMPLE!r}\n{QT_CHECK}"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
