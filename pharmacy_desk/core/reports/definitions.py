"""Each report figure's Chinese name and definition, shown beside it in the window and workbook.

One place, so a tooltip, a workbook cell and the code that computes the figure
cannot drift apart: the code in ``monthly``/``mix``/``rfm``/``staff`` implements
exactly these sentences.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Definition:
    name: str
    text: str
    unit: str  # "fen", "count", "ratio" (a Fraction shown as %), "decimal", "points"


FIGURES: dict[str, Definition] = {d_key: d for d_key, d in (
    ("sales_net_fen", Definition("销售额（净）", "本月全部消费的实收金额（含医保支付，不含用券优惠和积分抵现）减去本月发生的退款。", "fen")),
    ("sales_member_fen", Definition("会员销售额（净）", "会员消费的实收金额减去本月会员消费的退款（按退款日期计入）。", "fen")),
    ("sales_walkin_fen", Definition("散客销售额（净）", "散客（未登记会员）消费的实收金额减去本月散客消费的退款。", "fen")),
    ("returns_fen", Definition("退款金额", "本月办理的退货退款合计（无论原消费在哪个月）。", "fen")),
    ("sales_count", Definition("消费笔数", "本月结账的笔数（含会员和散客；退货不减少笔数）。", "count")),
    ("member_sales_count", Definition("会员消费笔数", "本月会员结账的笔数，即会员到店次数。", "count")),
    ("avg_ticket_fen", Definition("客单价", "本月实收金额（未扣退款）÷ 消费笔数，四舍五入到分。", "fen")),
    ("avg_ticket_member_fen", Definition("会员客单价", "会员实收金额（未扣退款）÷ 会员消费笔数。", "fen")),
    ("avg_ticket_walkin_fen", Definition("散客客单价", "散客实收金额（未扣退款）÷ 散客消费笔数。", "fen")),
    ("active_members", Definition("活跃会员", "本月至少消费一次的会员人数。", "count")),
    ("visits_per_active", Definition("人均到店次数", "会员消费笔数 ÷ 活跃会员数。", "decimal")),
    ("repurchase_rate", Definition("复购率", "活跃会员中本月消费两次及以上的人数 ÷ 活跃会员数。", "ratio")),
    ("new_members", Definition("新会员", "入会日期在本月的会员人数。", "count")),
    ("members_total", Definition("会员总数", "月末时已入会的会员人数。", "count")),
    ("dormant_members", Definition("沉睡会员", "月末时已连续 N 个整月（含本月，N 为“沉睡会员判定”设置）没有消费、但之前消费过的会员人数。", "count")),
    ("newly_dormant", Definition("本月新增沉睡", "最后一次消费恰好在 N 个月前那个月、因此在本月月末变为沉睡的会员人数。", "count")),
    ("points_issued", Definition("积分发放", "本月记入积分流水的全部正向积分：消费所得、退货退回的抵现积分、期初导入和正向调整。", "points")),
    ("points_redeemed", Definition("积分使用", "本月积分抵现和兑换礼品/服务所用的积分。", "points")),
    ("points_expired", Definition("积分过期", "本月到期作废的积分。", "points")),
    ("points_other_out", Definition("其他扣减", "本月退货扣回的积分和负向调整。", "points")),
    ("points_outstanding", Definition("积分余额（负债）", "月末时全部会员积分流水之和，即店铺欠会员的积分。", "points")),
    ("points_outstanding_fen", Definition("积分负债估值", "积分余额按最小抵现档位（默认500积分=20元）折算的金额，向下取整到分。", "fen")),
    ("coupons_issued", Definition("发券张数", "发放日期在本月的优惠券张数。", "count")),
    ("coupons_used", Definition("用券张数", "使用日期在本月的优惠券张数（无论何时发放），减去本月整单退货退回的券：退回的券计入退货当月，已结束的月份不变。", "count")),
    ("coupon_use_rate", Definition("本月发券核销率", "本月发放的券中到月末已使用（且月末前未因退货退回）的张数 ÷ 本月发券张数。", "ratio")),
)}

CHARTS: dict[str, Definition] = {k: d for k, d in (
    ("top_categories", Definition("类别销售排行", "按销售行的实收金额汇总，减去本月该类别的退款，从高到低。", "fen")),
    ("tier_mix", Definition("等级分布", "月末时已入会会员所在的等级：按等级变更记录还原到月末。", "count")),
    ("age_gender", Definition("年龄与性别", "月末已入会会员按月末年龄分段（30岁以下、30–45、46–60、60岁以上、生日未知）和性别统计。", "count")),
    ("rfm", Definition("RFM 客户分群", "统计期内有消费的会员：R=最近一次消费距月末天数，F=消费笔数，M=实收金额；"
                       "各按阈值打 1–5 分，高于全体平均分为“高”，按 R/F/M 高低分成八类。", "count")),
    ("staff", Definition("店员业绩", "专属会员数、本月新登记会员、本月名下新增沉睡会员；业绩按实收金额计："
                         "专属店员不是接待店员时，专属店员得“专属店员业绩分成”（默认70%），接待店员得其余，按分精确拆分；"
                         "退款按原消费同样拆分后扣减。", "fen")),
)}


def tooltip(key: str) -> str:
    definition = FIGURES.get(key) or CHARTS[key]
    return f"{definition.name}：{definition.text}"


def format_value(key: str, value) -> str:
    """A figure as the owner reads it: 元 for money, % for rates, thousands separators for counts."""
    from pharmacy_desk.core.normalize import yuan

    unit = (FIGURES.get(key) or CHARTS[key]).unit
    if unit == "fen":
        whole, _, cents = yuan(value).partition(".")
        return f"{int(whole):,}.{cents} 元" if whole != "-0" else f"-0.{cents} 元"
    if unit == "ratio":
        return f"{float(value) * 100:.1f}%"
    if unit == "decimal":
        return f"{float(value):.2f}"
    return f"{value:,}"
