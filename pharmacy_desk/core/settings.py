"""Business-rule settings, each declared once with its type, default and label.

Values live in the database (``Setting`` rows) so every till of the pharmacy and
every report agree; a setting never changed is its declared default. Per-person UI
preferences are not here: they live in QSettings on the UI side.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Callable

from pharmacy_desk.core.errors import InvalidInput


def parse_blocks(text: str) -> tuple[tuple[int, int], ...]:
    """``"500=2000,1000=4200"`` → ((500, 2000), (1000, 4200)): points → fen, smallest first."""
    blocks = []
    try:
        for part in text.split(","):
            points, fen = part.split("=")
            blocks.append((int(points), int(fen)))
    except ValueError:
        raise InvalidInput(f"积分抵现档位格式应为“积分=分,积分=分”，收到：{text}") from None
    if not blocks or any(p <= 0 or f <= 0 for p, f in blocks):
        raise InvalidInput("积分抵现档位的积分和金额都必须大于零。")
    return tuple(sorted(blocks))


def _parse_bool(text: str) -> bool:
    return str(text).strip().lower() in {"1", "true", "yes", "是"}


def parse_decimal(text: str) -> Decimal:
    try:
        value = Decimal(str(text))
    except InvalidOperation:
        raise InvalidInput(f"“{text}”不是数字。") from None
    if value < 0:
        raise InvalidInput("倍数不能为负数。")
    return value


@dataclass(frozen=True)
class SettingSpec:
    key: str
    parse: Callable[[str], Any]
    default: str
    label: str
    help: str = ""


SPECS: tuple[SettingSpec, ...] = (
    SettingSpec("points_validity_months", int, "3", "积分有效期（月）", "积分自获得之日起的有效月数；最早获得的积分最先使用。"),
    SettingSpec("points_expiry_warning_days", int, "30", "积分到期提醒（天）"),
    SettingSpec("insurance_earns_points", _parse_bool, "0", "医保支付部分积分", "许多省份禁止对医保基金支付部分给予积分。"),
    SettingSpec("birthday_multiplier", parse_decimal, "2", "生日当月积分倍数"),
    SettingSpec("redeem_blocks", parse_blocks, "500=2000,1000=4200", "积分抵现档位（积分=分）", "500积分抵20元，1000积分抵42元。"),
    SettingSpec("new_member_coupon_fen", int, "300", "新会员券金额（分）"),
    SettingSpec("new_member_coupon_days", int, "30", "新会员券有效期（天）"),
    SettingSpec("birthday_coupon_fen", int, "300", "生日券金额（分）"),
    SettingSpec("thanks_coupon_fen", int, "0", "新会员月度感谢券（分）", "每月答谢当月新会员时附送的券；0 表示只发感谢短信、到店领礼品。"),
    SettingSpec("tier_period_months", int, "12", "等级计算周期（月）"),
    SettingSpec("dormant_months", int, "6", "沉睡会员判定（月无消费）"),
    SettingSpec("profile_confirm_months", int, "12", "资料确认周期（月）"),
    SettingSpec("ab_voucher_fen", int, "2000", "A/B类会员代金券（分）"),
    SettingSpec("ab_voucher_days", int, "30", "A/B类代金券有效期（天）"),
    SettingSpec("a_class_percent", int, "5", "A类会员比例（%）"),
    SettingSpec("b_class_percent", int, "20", "A+B类会员累计比例（%）"),
    SettingSpec("owner_credit_percent", int, "70", "专属店员业绩分成（%）", "会员由非专属店员接待时，专属店员得此比例，接待店员得其余。"),
    SettingSpec("refill_remind_days", int, "3", "用药提醒提前天数"),
    SettingSpec("card_prefix", str, "20", "会员卡号前缀", "自动生成的13位卡号（EAN-13）以此开头；20–29为店内自用号段。"),
    SettingSpec("is_demo", _parse_bool, "0", "演示数据库"),
)

SPEC_BY_KEY = {spec.key: spec for spec in SPECS}


_cache: dict[str, Any] = {}
_cache_stamp: tuple[int, int] | None = None


def _stored() -> dict[str, Any]:
    """All stored settings, parsed; re-read only when the data may have changed."""
    global _cache_stamp
    from pharmacy_desk.core.db import data_stamp, database

    stamp = data_stamp()
    if stamp != _cache_stamp:
        rows = database.execute_sql("SELECT key, value FROM setting").fetchall()
        _cache.clear()
        _cache.update({k: SPEC_BY_KEY[k].parse(v) for k, v in rows if k in SPEC_BY_KEY})
        _cache_stamp = stamp
    return _cache


def get(key: str) -> Any:
    spec = SPEC_BY_KEY[key]
    stored = _stored()
    return stored[key] if key in stored else spec.parse(spec.default)


def invalidate() -> None:
    global _cache_stamp
    _cache_stamp = None


def put(key: str, value: Any, operator=None) -> None:
    """Store a setting after checking it parses; ``operator`` is the staff member changing it."""
    from pharmacy_desk.core.db import write_transaction
    from pharmacy_desk.core.models import Setting

    spec = SPEC_BY_KEY[key]
    text = "1" if value is True else "0" if value is False else str(value)
    spec.parse(text)
    with write_transaction():
        Setting.replace(key=key, value=text, updated_at=dt.datetime.now().replace(microsecond=0),
                        updated_by=operator).execute()
    invalidate()


def all_values() -> dict[str, Any]:
    return {spec.key: get(spec.key) for spec in SPECS}
