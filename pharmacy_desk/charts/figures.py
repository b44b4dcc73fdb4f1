"""The owner's charts, drawn on a matplotlib ``Figure`` (no Qt here, so the CLI can save them too).

Each chart is one ``ChartSpec``: a key into ``core.reports.definitions``, and a
function that draws a ``MonthlyReport`` onto an empty figure. matplotlib is imported
only inside the functions, never when the app starts, and never through pyplot: a
figure made by ``new_figure`` has its own Agg canvas, so no global state and no GUI
backend is involved and it can be drawn off the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Callable

from pharmacy_desk.core.errors import WRITE, file_errors
from pharmacy_desk.fonts import CJK_FAMILIES, bundled_font
from pharmacy_desk.core.reports.definitions import CHARTS, FIGURES
from pharmacy_desk.core.reports.report import MonthlyReport
from pharmacy_desk.core.vocabulary import Gender

MEMBER, WALKIN, ACCENT, GREY = "#2f6f9f", "#e39b3b", "#4e9a5b", "#9a9a9a"
GENDER_COLOURS = {Gender.FEMALE: "#d06a8a", Gender.MALE: "#3f7fbf", Gender.UNKNOWN: GREY}


def use_cjk_font() -> str:
    """Set matplotlib's text in Chinese fonts; returns the first one present (the shipped one at worst).

    The shipped subset is registered first, so a machine without any Chinese font still
    draws every label; a machine's complete font comes before it in the list, and
    matplotlib falls back glyph by glyph along the list.
    """
    import matplotlib
    from matplotlib import font_manager

    global _font_added
    if not _font_added:
        font_manager.fontManager.addfont(str(bundled_font()))
        _font_added = True
    installed = {font.name for font in font_manager.fontManager.ttflist}
    chinese = [name for name in CJK_FAMILIES if name in installed]
    families = matplotlib.rcParams["font.sans-serif"]
    if families[:len(chinese)] != chinese:  # called for every figure: set it once
        matplotlib.rcParams["font.family"] = "sans-serif"
        matplotlib.rcParams["font.sans-serif"] = [*chinese, *(name for name in families if name not in chinese)]
    matplotlib.rcParams["axes.unicode_minus"] = False  # the CJK fonts lack U+2212
    return chinese[0]


_font_added = False


def _yuan(fen: int) -> float:
    return fen / 100  # for plotting only; every figure shown as text uses normalize.yuan


def _months(report: MonthlyReport) -> list[str]:
    return [f"{f.month.month}月" if f.month.month != 1 else f"{f.month.year}\n1月" for f in report.trend]


def _percent(ratio) -> float:
    return float(ratio) * 100


def draw_sales(fig, report: MonthlyReport) -> None:
    ax = fig.add_subplot()
    x = range(len(report.trend))
    member = [_yuan(f.sales_member_fen) for f in report.trend]
    walkin = [_yuan(f.sales_walkin_fen) for f in report.trend]
    ax.bar(x, member, color=MEMBER, label=FIGURES["sales_member_fen"].name)
    ax.bar(x, walkin, bottom=member, color=WALKIN, label=FIGURES["sales_walkin_fen"].name)
    ax.set_ylabel("元")
    ax.set_xticks(list(x), _months(report))
    _line_on_the_right(fig, ax, [_yuan(f.avg_ticket_fen) for f in report.trend], FIGURES["avg_ticket_fen"].name,
                       "客单价（元）", color=ACCENT, marker="o")
    ax.set_title("月销售额（会员 / 散客，已扣退款）与客单价")


def draw_members(fig, report: MonthlyReport) -> None:
    ax = fig.add_subplot()
    x = list(range(len(report.trend)))
    for key, colour in (("active_members", MEMBER), ("new_members", ACCENT), ("dormant_members", GREY)):
        ax.plot(x, [getattr(f, key) for f in report.trend], marker="o", color=colour, label=FIGURES[key].name)
    ax.set_xticks(x, _months(report))
    ax.set_ylabel("人")
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper left")
    ax.set_title("活跃、新增与沉睡会员")


def draw_rates(fig, report: MonthlyReport) -> None:
    ax = fig.add_subplot()
    x = list(range(len(report.trend)))
    ax.plot(x, [_percent(f.repurchase_rate) for f in report.trend], marker="o", color=MEMBER,
            label=FIGURES["repurchase_rate"].name)
    ax.plot(x, [_percent(f.coupon_use_rate) for f in report.trend], marker="s", color=WALKIN,
            label=FIGURES["coupon_use_rate"].name)
    ax.set_xticks(x, _months(report))
    ax.set_ylabel("%")
    ax.set_ylim(0, 100)
    _line_on_the_right(fig, ax, [float(f.visits_per_active) for f in report.trend],
                       FIGURES["visits_per_active"].name, "次 / 人", color=ACCENT, marker="^", linestyle="--")
    ax.set_title("复购率、发券核销率与人均到店次数")


def draw_points(fig, report: MonthlyReport) -> None:
    ax = fig.add_subplot()
    n = len(report.trend)
    width = 0.27
    for i, (key, colour) in enumerate((("points_issued", ACCENT), ("points_redeemed", MEMBER),
                                       ("points_expired", GREY))):
        ax.bar([x + (i - 1) * width for x in range(n)], [getattr(f, key) for f in report.trend], width,
               color=colour, label=FIGURES[key].name)
    ax.set_xticks(list(range(n)), _months(report))
    ax.set_ylabel("积分")
    _line_on_the_right(fig, ax, [f.points_outstanding for f in report.trend], FIGURES["points_outstanding"].name,
                       "积分余额", color="#b0413e", marker="o")
    ax.set_title("积分发放、使用、过期与月末余额")


def draw_categories(fig, report: MonthlyReport) -> None:
    ax = fig.add_subplot()
    rows = list(reversed(report.categories))  # highest at the top
    ax.barh([c.name for c in rows], [_yuan(c.net_fen) for c in rows], color=MEMBER)
    ax.set_xlabel("元（已扣退款）")
    ax.set_title(f"{report.month} 类别销售排行")


def draw_tiers(fig, report: MonthlyReport) -> None:
    ax = fig.add_subplot()
    ax.bar([t.name for t in report.tiers], [t.members for t in report.tiers], color=MEMBER)
    ax.set_ylabel("人")
    ax.set_title(f"{report.month} 月末会员等级分布")


def draw_age_gender(fig, report: MonthlyReport) -> None:
    from pharmacy_desk.core.reports.mix import GENDERS

    ax = fig.add_subplot()
    bands = report.ages.bands
    width = 0.27
    for i, gender in enumerate(GENDERS):
        ax.bar([x + (i - 1) * width for x in range(len(bands))],
               [report.ages.cells.get((band, gender), 0) for band in bands], width,
               color=GENDER_COLOURS[gender], label=gender.label)
    total = report.ages.total or 1
    ax.set_xticks(list(range(len(bands))),
                  [f"{band}\n{report.ages.band_total(band) * 100 / total:.0f}%" for band in bands])
    ax.set_ylabel("人")
    ax.legend(loc="upper right")
    women = report.ages.gender_total(Gender.FEMALE) * 100 / total
    ax.set_title(f"{report.month} 会员年龄与性别（女性 {women:.0f}%）")


def draw_rfm(fig, report: MonthlyReport) -> None:
    ax = fig.add_subplot()
    rows = list(reversed(report.rfm.ordered()))
    bars = ax.barh([name for name, _ in rows], [n for _, n in rows], color=MEMBER)
    ax.bar_label(bars, padding=3)
    ax.set_xlabel("人")
    ax.set_title(f"RFM 客户分群（{report.rfm.scored} 位有消费会员）")


def draw_staff(fig, report: MonthlyReport) -> None:
    ax = fig.add_subplot()
    names = [s.name for s in report.staff]
    x = range(len(names))
    served = [_yuan(s.served_fen) for s in report.staff]
    ax.bar(x, served, color=MEMBER, label="接待业绩")
    ax.bar(x, [_yuan(s.owner_fen) for s in report.staff], bottom=served, color=ACCENT, label="专属会员分成")
    ax.set_xticks(list(x), names)
    ax.set_ylabel("元")
    ax.legend(loc="upper right")
    ax.set_title(f"{report.month} 店员业绩（已扣退款）")


def _line_on_the_right(fig, ax, values: list, label: str, unit: str, **style) -> None:
    """A line against its own axis on the right (its unit differs from the bars'), both in one legend."""
    right = ax.twinx()
    right.plot(list(range(len(values))), values, label=label, **style)
    right.set_ylabel(unit)
    right.set_ylim(bottom=0)
    _legend(fig, ax, right)


def _legend(fig, *axes) -> None:
    handles, labels = [], []
    for ax in axes:
        h, l = ax.get_legend_handles_labels()
        handles += h
        labels += l
    axes[0].legend(handles, labels, loc="upper left", fontsize="small")


@dataclass(frozen=True)
class ChartSpec:
    key: str
    title: str
    help: str
    draw: Callable[[object, MonthlyReport], None]


def _figure_help(*keys: str) -> str:
    return "；".join(f"{FIGURES[k].name}：{FIGURES[k].text.rstrip('。')}" for k in keys) + "。"


CHART_SPECS: tuple[ChartSpec, ...] = (
    ChartSpec("sales", "销售额", _figure_help("sales_member_fen", "sales_walkin_fen", "avg_ticket_fen"), draw_sales),
    ChartSpec("members", "会员人数", _figure_help("active_members", "new_members", "dormant_members"), draw_members),
    ChartSpec("rates", "复购与核销", _figure_help("repurchase_rate", "coupon_use_rate", "visits_per_active"),
              draw_rates),
    ChartSpec("points", "积分", _figure_help("points_issued", "points_redeemed", "points_expired",
                                            "points_outstanding"), draw_points),
    ChartSpec("categories", "类别排行", CHARTS["top_categories"].text, draw_categories),
    ChartSpec("tiers", "等级分布", CHARTS["tier_mix"].text, draw_tiers),
    ChartSpec("ages", "年龄性别", CHARTS["age_gender"].text, draw_age_gender),
    ChartSpec("rfm", "RFM分群", CHARTS["rfm"].text, draw_rfm),
    ChartSpec("staff", "店员业绩", CHARTS["staff"].text, draw_staff),
)


def new_figure(width: float = 9.0, height: float = 4.8):
    """A figure not tied to pyplot, on an Agg canvas: it draws and saves PNG/PDF files by itself.

    Its text is set in a Chinese font (``use_cjk_font``), so no caller can forget it.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    use_cjk_font()
    figure = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def save_all_pdf(report: MonthlyReport, path) -> None:
    """Every chart, one per page, into a PDF."""
    from matplotlib.backends.backend_pdf import PdfPages

    with file_errors(path, WRITE), PdfPages(path) as pdf:
        for spec in CHART_SPECS:
            fig = new_figure(11.0, 6.0)
            spec.draw(fig, report)
            pdf.savefig(fig)
