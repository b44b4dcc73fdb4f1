"""The owner's charts, drawn on a matplotlib ``Figure`` (no Qt here, so the CLI can save them too).

Each chart is one ``ChartSpec``: a key into ``core.reports.definitions``, and a
function that draws a ``MonthlyReport`` onto an empty figure. matplotlib is imported
only inside the functions, never when the app starts, and never through pyplot: a
figure made by ``new_figure`` has its own Agg canvas, so no global state and no GUI
backend is involved and it can be drawn off the GUI thread.

Every text a chart draws goes through ``words``: the command line's PDF draws the Chinese
as written, the charts window passes the translation of the context ``core``. The texts
are marked with ``QT_TRANSLATE_NOOP`` (this module's own, which returns its text), so
``build_spec/update_translations.py`` finds them without this module importing Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Callable

from pharmacy_desk.core.errors import WRITE, file_errors
from pharmacy_desk.fonts import CJK_FAMILIES, bundled_font
from pharmacy_desk.core.reports.definitions import CHARTS, FIGURES
from pharmacy_desk.core.reports.report import MonthlyReport
from pharmacy_desk.core.sentences import Translate, chinese
from pharmacy_desk.core.vocabulary import Gender

Words = Translate


def same(text: str, count: int = -1, /) -> str:
    """The text as written (Chinese), a counted one with its number: the ``words`` of the command line's charts."""
    return chinese(text, count)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks a chart's text for the catalogue, in the context ``core``; the text is returned."""
    return text


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


def _months(report: MonthlyReport, words: Words) -> list[str]:
    month, january = QT_TRANSLATE_NOOP("core", "{month}月"), QT_TRANSLATE_NOOP("core", "{year}\n1月")
    return [words(month).format(month=f.month.month) if f.month.month != 1 else words(january).format(year=f.month.year)
            for f in report.trend]


def _name(key: str, words: Words) -> str:
    return words(FIGURES[key].name)


def _percent(ratio) -> float:
    return float(ratio) * 100


def draw_sales(fig, report: MonthlyReport, words: Words = same) -> None:
    ax = fig.add_subplot()
    x = range(len(report.trend))
    member = [_yuan(f.sales_member_fen) for f in report.trend]
    walkin = [_yuan(f.sales_walkin_fen) for f in report.trend]
    ax.bar(x, member, color=MEMBER, label=_name("sales_member_fen", words))
    ax.bar(x, walkin, bottom=member, color=WALKIN, label=_name("sales_walkin_fen", words))
    ax.set_ylabel(words(QT_TRANSLATE_NOOP("core", "元")))
    ax.set_xticks(list(x), _months(report, words))
    _line_on_the_right(fig, ax, [_yuan(f.avg_ticket_fen) for f in report.trend], _name("avg_ticket_fen", words),
                       words(QT_TRANSLATE_NOOP("core", "客单价（元）")), color=ACCENT, marker="o")
    ax.set_title(words(QT_TRANSLATE_NOOP("core", "月销售额（会员 / 散客，已扣退款）与客单价")))


def draw_members(fig, report: MonthlyReport, words: Words = same) -> None:
    ax = fig.add_subplot()
    x = list(range(len(report.trend)))
    for key, colour in (("active_members", MEMBER), ("new_members", ACCENT), ("dormant_members", GREY)):
        ax.plot(x, [getattr(f, key) for f in report.trend], marker="o", color=colour, label=_name(key, words))
    ax.set_xticks(x, _months(report, words))
    ax.set_ylabel(words(QT_TRANSLATE_NOOP("core", "人")))
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper left")
    ax.set_title(words(QT_TRANSLATE_NOOP("core", "活跃、新增与沉睡会员")))


def draw_rates(fig, report: MonthlyReport, words: Words = same) -> None:
    ax = fig.add_subplot()
    x = list(range(len(report.trend)))
    ax.plot(x, [_percent(f.repurchase_rate) for f in report.trend], marker="o", color=MEMBER,
            label=_name("repurchase_rate", words))
    ax.plot(x, [_percent(f.coupon_use_rate) for f in report.trend], marker="s", color=WALKIN,
            label=_name("coupon_use_rate", words))
    ax.set_xticks(x, _months(report, words))
    ax.set_ylabel("%")
    ax.set_ylim(0, 100)
    _line_on_the_right(fig, ax, [float(f.visits_per_active) for f in report.trend],
                       _name("visits_per_active", words), words(QT_TRANSLATE_NOOP("core", "次 / 人")), color=ACCENT,
                       marker="^", linestyle="--")
    ax.set_title(words(QT_TRANSLATE_NOOP("core", "复购率、发券核销率与人均到店次数")))


def draw_points(fig, report: MonthlyReport, words: Words = same) -> None:
    ax = fig.add_subplot()
    n = len(report.trend)
    width = 0.27
    for i, (key, colour) in enumerate((("points_issued", ACCENT), ("points_redeemed", MEMBER),
                                       ("points_expired", GREY))):
        ax.bar([x + (i - 1) * width for x in range(n)], [getattr(f, key) for f in report.trend], width,
               color=colour, label=_name(key, words))
    ax.set_xticks(list(range(n)), _months(report, words))
    ax.set_ylabel(words(QT_TRANSLATE_NOOP("core", "积分")))
    _line_on_the_right(fig, ax, [f.points_outstanding for f in report.trend], _name("points_outstanding", words),
                       words(QT_TRANSLATE_NOOP("core", "积分余额")), color="#b0413e", marker="o")
    ax.set_title(words(QT_TRANSLATE_NOOP("core", "积分发放、使用、过期与月末余额")))


def draw_categories(fig, report: MonthlyReport, words: Words = same) -> None:
    ax = fig.add_subplot()
    rows = list(reversed(report.categories))  # highest at the top
    ax.barh([c.name for c in rows], [_yuan(c.net_fen) for c in rows], color=MEMBER)
    ax.set_xlabel(words(QT_TRANSLATE_NOOP("core", "元（已扣退款）")))
    ax.set_title(words(QT_TRANSLATE_NOOP("core", "{month} 类别销售排行")).format(month=report.month))


def draw_tiers(fig, report: MonthlyReport, words: Words = same) -> None:
    ax = fig.add_subplot()
    ax.bar([t.name for t in report.tiers], [t.members for t in report.tiers], color=MEMBER)
    ax.set_ylabel(words(QT_TRANSLATE_NOOP("core", "人")))
    ax.set_title(words(QT_TRANSLATE_NOOP("core", "{month} 月末会员等级分布")).format(month=report.month))


def draw_age_gender(fig, report: MonthlyReport, words: Words = same) -> None:
    from pharmacy_desk.core.reports.mix import GENDERS

    ax = fig.add_subplot()
    bands = report.ages.bands
    width = 0.27
    for i, gender in enumerate(GENDERS):
        ax.bar([x + (i - 1) * width for x in range(len(bands))],
               [report.ages.cells.get((band, gender), 0) for band in bands], width,
               color=GENDER_COLOURS[gender], label=words(gender.label))
    total = report.ages.total or 1
    ax.set_xticks(list(range(len(bands))),
                  [f"{words(band)}\n{report.ages.band_total(band) * 100 / total:.0f}%" for band in bands])
    ax.set_ylabel(words(QT_TRANSLATE_NOOP("core", "人")))
    ax.legend(loc="upper right")
    women = report.ages.gender_total(Gender.FEMALE) * 100 / total
    ax.set_title(words(QT_TRANSLATE_NOOP("core", "{month} 会员年龄与性别（女性 {women}%）")).format(
        month=report.month, women=f"{women:.0f}"))


def draw_rfm(fig, report: MonthlyReport, words: Words = same) -> None:
    ax = fig.add_subplot()
    rows = list(reversed(report.rfm.ordered()))
    bars = ax.barh([words(name) for name, _ in rows], [n for _, n in rows], color=MEMBER)
    ax.bar_label(bars, padding=3)
    ax.set_xlabel(words(QT_TRANSLATE_NOOP("core", "人")))
    ax.set_title(words(QT_TRANSLATE_NOOP("core", "RFM 客户分群（%n 位有消费会员）"), report.rfm.scored))


def draw_staff(fig, report: MonthlyReport, words: Words = same) -> None:
    ax = fig.add_subplot()
    names = [s.name for s in report.staff]
    x = range(len(names))
    served = [_yuan(s.served_fen) for s in report.staff]
    ax.bar(x, served, color=MEMBER, label=words(QT_TRANSLATE_NOOP("core", "接待业绩")))
    ax.bar(x, [_yuan(s.owner_fen) for s in report.staff], bottom=served, color=ACCENT,
           label=words(QT_TRANSLATE_NOOP("core", "专属会员分成")))
    ax.set_xticks(list(x), names)
    ax.set_ylabel(words(QT_TRANSLATE_NOOP("core", "元")))
    ax.legend(loc="upper right")
    ax.set_title(words(QT_TRANSLATE_NOOP("core", "{month} 店员业绩（已扣退款）")).format(month=report.month))


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
    """One chart: its tab's ``title``, the definitions its help is made of (a chart's own, in
    ``CHARTS``, or the figures' it draws, in ``FIGURES``) and how it is drawn."""

    key: str
    title: str
    defined_by: tuple[str, ...]
    draw: Callable[..., None]  # (figure, report, words=same)

    def help_text(self, words: Words = same) -> str:
        if len(self.defined_by) == 1 and self.defined_by[0] in CHARTS:
            return words(CHARTS[self.defined_by[0]].text)
        joined = QT_TRANSLATE_NOOP("core", "{name}：{text}")
        separator, end = QT_TRANSLATE_NOOP("core", "；"), QT_TRANSLATE_NOOP("core", "。")
        return words(separator).join(words(joined).format(name=words(FIGURES[key].name),
                                                          text=words(FIGURES[key].text).rstrip("。."))
                                     for key in self.defined_by) + words(end)

    @property
    def help(self) -> str:
        return self.help_text()


CHART_SPECS: tuple[ChartSpec, ...] = (
    ChartSpec("sales", QT_TRANSLATE_NOOP("core", "销售额"), ("sales_member_fen", "sales_walkin_fen", "avg_ticket_fen"),
              draw_sales),
    ChartSpec("members", QT_TRANSLATE_NOOP("core", "会员人数"), ("active_members", "new_members", "dormant_members"),
              draw_members),
    ChartSpec("rates", QT_TRANSLATE_NOOP("core", "复购与核销"), ("repurchase_rate", "coupon_use_rate", "visits_per_active"),
              draw_rates),
    ChartSpec("points", QT_TRANSLATE_NOOP("core", "积分"),
              ("points_issued", "points_redeemed", "points_expired", "points_outstanding"), draw_points),
    ChartSpec("categories", QT_TRANSLATE_NOOP("core", "类别排行"), ("top_categories",), draw_categories),
    ChartSpec("tiers", QT_TRANSLATE_NOOP("core", "等级分布"), ("tier_mix",), draw_tiers),
    ChartSpec("ages", QT_TRANSLATE_NOOP("core", "年龄性别"), ("age_gender",), draw_age_gender),
    ChartSpec("rfm", QT_TRANSLATE_NOOP("core", "RFM分群"), ("rfm",), draw_rfm),
    ChartSpec("staff", QT_TRANSLATE_NOOP("core", "店员业绩"), ("staff",), draw_staff),
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
