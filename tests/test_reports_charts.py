"""The charts are drawn with the expected series, the window shows and saves them, the workbook and CLI export.

Data: the hand-built pharmacy of reports_helpers, with a 3-month trend (April–June 2026)
whose figures are worked out in test_reports_monthly: June member sales 192.01元 net,
walk-in 20.01元, ...; April and May add B's 50元 sale of 05-31 only.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pharmacy_desk import cli
from pharmacy_desk.core import check
from pharmacy_desk.core.reports.period import Month
from pharmacy_desk.core.reports.report import build_report
from tests.reports_helpers import build_june

JUNE = Month(2026, 6)
# The offscreen platform says this whenever a top-level window is shown; it is not about our code.


@pytest.fixture
def june(db, make_member, sell, clerk, owner):
    build_june(make_member, sell, clerk, owner)
    assert check.run_checks() == []


def _draw(key: str, report):
    from pharmacy_desk.charts.figures import CHART_SPECS, new_figure

    fig = new_figure()
    next(spec for spec in CHART_SPECS if spec.key == key).draw(fig, report)
    fig.canvas.draw()  # a real render: fails on a broken artist
    return fig


def _bars(ax, label):
    container = next(c for c in ax.containers if c.get_label() == label)
    return [round(p.get_height(), 2) for p in container]


def _line(fig, label):
    line = next(l for ax in fig.axes for l in ax.get_lines() if l.get_label() == label)
    return [round(float(y), 2) for y in line.get_ydata()]


def test_trend_charts_carry_the_hand_computed_series(june, owner):
    report = build_report(JUNE, owner, trend_months=3)
    sales = _draw("sales", report)
    # April nothing; May B's 50.00; June 97.00 + 45.01 + 70.00 − 20.00 refunded = 192.01
    assert _bars(sales.axes[0], "会员销售额（净）") == [0, 50.0, 192.01]
    assert _bars(sales.axes[0], "散客销售额（净）") == [0, 0, 20.01]
    assert _line(sales, "客单价") == [0, 50.0, 48.40]  # June 242.02 / 5 tickets
    members = _draw("members", report)
    assert _line(members, "活跃会员") == [0, 1, 2]
    assert _line(members, "新会员") == [0, 0, 2]
    assert _line(members, "沉睡会员") == [1, 1, 2]  # D since the winter; C joins at the end of June
    points = _draw("points", report)
    assert _bars(points.axes[0], "积分发放") == [0, 2, 1011]
    assert _bars(points.axes[0], "积分使用") == [0, 0, 500]
    assert _bars(points.axes[0], "积分过期") == [0, 0, 5]
    assert _line(points, "积分余额（负债）") == [5, 7, 507]  # D 3 + C 2 in April; + B's 2 in May
    rates = _draw("rates", report)
    assert _line(rates, "复购率") == [0, 0, 50.0]
    assert _line(rates, "本月发券核销率") == [0, 0, 50.0]
    assert _line(rates, "人均到店次数") == [0, 1.0, 1.5]


def test_month_charts_carry_the_hand_computed_series(june, owner):
    report = build_report(JUNE, owner, trend_months=1)
    categories = _draw("categories", report).axes[0]
    # drawn bottom-up, so the biggest ends on top
    assert [t.get_text() for t in categories.get_yticklabels()] == ["非处方药", "保健品", "常备药"]
    assert [round(p.get_width(), 2) for p in categories.patches] == [45.01, 70.0, 97.01]
    tiers = _draw("tiers", report).axes[0]
    assert [p.get_height() for p in tiers.patches] == [5, 0, 0, 0]
    ages = _draw("ages", report).axes[0]
    # bands: <30, 30–45, 46–60, >60, unknown — D(M) <30, A(F) 30, B(M) 60, C(F) 61, E unknown
    assert _bars(ages, "女") == [0, 1, 0, 1, 0]
    assert _bars(ages, "男") == [1, 0, 1, 0, 0]
    assert _bars(ages, "未填") == [0, 0, 0, 0, 1]
    assert ages.get_title() == "2026-06 会员年龄与性别（女性 40%）"
    rfm = _draw("rfm", report).axes[0]
    # 12 months from 2025-07-01: A R16→5 F2→2 M142.01→1; B R21→5 F2→2 M120→1; C R198→1 F1 M40→1;
    # D R294→1 F1 M60→1. Sums R12 F6 M4 over 4: A, B high R and F, low M → 一般价值; C, D → 一般挽留.
    # Bars run bottom-up from 一般挽留 to 重要价值.
    assert [p.get_width() for p in rfm.patches] == [2, 0, 0, 2, 0, 0, 0, 0]
    staff = _draw("staff", report).axes[0]
    # staff in id order: 李娜, 王芳, 刘洋 (see test_reports_monthly for the split)
    assert _bars(staff, "接待业绩") == [138.01, 0, 7.5]
    assert _bars(staff, "专属会员分成") == [31.51, 35.0, 0]


def test_cjk_font_is_found_and_minus_sign_plain():
    import matplotlib

    from pharmacy_desk.charts.figures import use_cjk_font

    name = use_cjk_font()
    assert name is not None, "no Chinese font: install fonts-noto-cjk (see README)"
    assert matplotlib.rcParams["font.sans-serif"][0] == name and matplotlib.rcParams["axes.unicode_minus"] is False


def _open_window(qtbot, operator, today=dt.date(2026, 6, 30)):
    from pharmacy_desk.ui.charts_window import ChartsWindow

    window = ChartsWindow(operator, today=today)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.report is not None, timeout=10000)
    return window


def test_window_draws_the_month_and_saves_charts(june, owner, qtbot, qtmodeltester, tmp_path):
    window = _open_window(qtbot, owner)
    assert window.report.month == JUNE and len(window.report.trend) == 12
    qtmodeltester.check(window.figures_model)
    qtmodeltester.check(window.staff_model)
    names = [window.figures_model.data(window.figures_model.index(r, 0)) for r in range(window.figures_model.rowCount())]
    values = dict(zip(names, (window.figures_model.data(window.figures_model.index(r, 1))
                              for r in range(len(names)))))
    assert values["销售额（净）"] == "212.02 元" and values["复购率"] == "50.0%" and values["积分余额（负债）"] == "507"
    from PySide6.QtCore import Qt

    tip = window.figures_model.data(window.figures_model.index(names.index("复购率"), 0), Qt.ItemDataRole.ToolTipRole)
    assert "两次及以上" in tip
    sales_axes = window.pages["sales"].figure.axes[0]
    assert _bars(sales_axes, "会员销售额（净）")[-1] == 192.01
    for key, page in window.pages.items():
        assert page.figure.axes, f"{key} not drawn"
    window.pages["ages"].save(str(tmp_path / "ages.png"))
    window.pages["rfm"].save(str(tmp_path / "rfm.pdf"))
    assert (tmp_path / "ages.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (tmp_path / "rfm.pdf").read_bytes()[:5] == b"%PDF-"

    window.month_picker.setCurrentIndex(1)  # May 2026
    qtbot.waitUntil(lambda: window.report.month == Month(2026, 5), timeout=10000)
    assert window.report.figures.sales_member_fen == 5000


def test_window_applies_rfm_thresholds_and_refuses_bad_ones(june, owner, qtbot, monkeypatch):
    from PySide6.QtCore import Qt

    window = _open_window(qtbot, owner)
    assert window.report.rfm.thresholds.window_months == 12
    errors = []
    monkeypatch.setattr("pharmacy_desk.ui.operations.show_message",
                        lambda parent, message, expected: errors.append(message))
    window.rfm_money.setText("3000,1500")
    qtbot.mouseClick(window.rfm_apply, Qt.MouseButton.LeftButton)
    assert errors and "4 个" in errors[0]
    window.rfm_money.clear()
    qtbot.keyClicks(window.rfm_money, "100,50,20,1")
    window.rfm_window.setValue(2)
    qtbot.mouseClick(window.rfm_apply, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.report.rfm.thresholds.window_months == 2, timeout=10000)
    assert window.report.rfm.thresholds.money_fen == (10000, 5000, 2000, 100)
    # two months (May–June): A and B bought → 2 scored
    assert window.report.rfm.scored == 2


def test_window_exports_the_workbook(june, owner, qtbot, tmp_path):
    from openpyxl import load_workbook

    window = _open_window(qtbot, owner)
    done = []
    window.export(str(tmp_path / "june.xlsx"), on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    book = load_workbook(tmp_path / "june.xlsx")
    assert book.sheetnames == ["月度指标", "月度趋势", "类别排行", "等级分布", "年龄性别", "RFM分群", "店员业绩"]
    rows = {row[0]: row[1] for row in book["月度指标"].iter_rows(min_row=3, values_only=True)}
    assert rows["销售额（净）"] == pytest.approx(212.02) and rows["新会员"] == 2 and rows["复购率"] == 0.5
    staff = {row[0]: row[1:] for row in book["店员业绩"].iter_rows(min_row=4, values_only=True)}
    assert staff["李娜"] == (4, 2, 1, pytest.approx(138.01), pytest.approx(31.51), pytest.approx(169.52))


def test_cli_report_writes_workbook_and_pdf(june, tmp_path, capsys, monkeypatch):
    from pharmacy_desk.commands.common import PASSWORD_ENV
    from tests.cli_helpers import OWNER_PASSWORD, as_owner

    monkeypatch.setenv(PASSWORD_ENV, OWNER_PASSWORD)
    out = tmp_path / "out" / "2026-06.xlsx"
    out.parent.mkdir()  # a writer never creates folders: a vanished stick's mount point must stay missing
    code = cli.main(as_owner(["--db", tmp_path / "test.sqlite3", "report", "--month", "2026-06", "--out", out,
                              "--pdf"]))
    printed = capsys.readouterr().out
    assert code == 0 and "2026-06 月度报表已写入" in printed
    assert out.exists() and out.with_suffix(".pdf").read_bytes()[:5] == b"%PDF-"
    code = cli.main(as_owner(["--db", tmp_path / "test.sqlite3", "report", "--month", "2026-13", "--out", out]))
    assert code == 1 and "月份格式" in capsys.readouterr().err


def test_window_shows_only_the_latest_month_asked_for(june, owner, qtbot):
    window = _open_window(qtbot, owner)
    window.month_picker.setCurrentIndex(1)  # May, then at once April
    window.month_picker.setCurrentIndex(2)
    qtbot.waitUntil(lambda: window.report.month == Month(2026, 4), timeout=10000)
    qtbot.wait(300)  # May's report, if it comes later, must not replace April's
    assert window.report.month == Month(2026, 4) and window.month == Month(2026, 4)
