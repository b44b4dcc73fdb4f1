"""营销活动: the owner's one-click campaigns, each with a preview of who receives what.

The app sends nothing itself: a campaign issues its coupons (once — every coupon has
a deterministic ``issue_key``, so running a campaign twice issues nothing new) and
yields the recipients with the message to phone or to load into the pharmacy's SMS
platform (``sms_rows`` / ``export_sms``). Members who opted out of marketing are
never recipients.

- A/B vouchers (``ab:YEAR:member``): the A and B classes of ``reports.classes`` as of
  the run day, ``ab_voucher_fen`` valid ``ab_voucher_days`` days from that day.
- Birthday coupons (``birthday:YEAR:member``): members born in the chosen month get
  ``birthday_coupon_fen``, valid for that whole month, and are invited to collect
  their birthday gift.
- Monthly thank-you (``thanks:YYYY-MM:member``): the month's new members are thanked
  and invited to collect a gift; a coupon only if ``thanks_coupon_fen`` > 0.
- 7-day new-member plan: no coupon; day 1 (the joining day) benefits, day 3 store
  guide, day 7 health questionnaire — the messages due on the chosen day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import uuid
from dataclasses import dataclass, replace
from collections.abc import Callable

from pharmacy_desk.core import audit, coupons, dialect, operations, settings
from pharmacy_desk.core.changes import NOTHING, Changes
from pharmacy_desk.core.db import database, write_transaction
from pharmacy_desk.core.ids import MemberId
from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core.reports.classes import ab_classes
from pharmacy_desk.core.vocabulary import CouponKind
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP, Sentence
from pharmacy_desk.core.operator import Operator


Progress = Callable[[int, int, Sentence | str], None]  # the text: a sentence the windows translate


@dataclass(frozen=True)
class Recipient:
    member_id: MemberId
    name: str
    phone: str
    owner_staff: str
    gift: str  # what the member receives, in words ("20.00元代金券" or "短信")
    message: str
    issue_key: str | None = None  # None: nothing to issue, a message only
    value_fen: int = 0
    valid_from: dt.date | None = None
    valid_days: int = 0
    title: str = ""
    already_issued: bool = False

    @property
    def status(self) -> str:
        """仅短信 (nothing to issue), 已发放 or 待发放."""
        if self.issue_key is None:
            return "仅短信"
        return "已发放" if self.already_issued else "待发放"


def issue_counts(rows: list[Recipient]) -> tuple[int, int]:
    """(coupons still to issue, coupons already issued) among ``rows``."""
    pending = sum(1 for row in rows if row.issue_key and not row.already_issued)
    return pending, sum(1 for row in rows if row.issue_key and row.already_issued)


@dataclass(frozen=True)
class RunResult:
    recipients: list[Recipient]
    issued: int  # coupons issued by this run (0 when re-run)

    @property
    def changes(self) -> Changes:
        if not self.issued:
            return NOTHING
        return Changes.of_members((r.member_id for r in self.recipients if r.issue_key and not r.already_issued),
                                  coupons=True)


def _mark_issued(rows: list[Recipient], prefix: str) -> list[Recipient]:
    """Flag recipients whose coupon exists already (one query over the campaign's keys)."""
    keys = {key for (key,) in database.execute_sql(
        "SELECT issue_key FROM coupon WHERE issue_key >= ? AND issue_key < ?",
        [prefix, prefix + "\uffff"]).fetchall()}
    return [replace(row, already_issued=row.issue_key in keys) for row in rows]


def _members(where: str, args: list, order: str = "m.id") -> list[tuple]:
    return database.execute_sql(f"""
        SELECT m.id, m.name, m.phone, COALESCE(st.name, ''), m.birthday, m.joined_on
        FROM member m LEFT JOIN staff st ON st.id = m.owner_staff_id
        WHERE m.marketing_opt_out = 0 AND {where} ORDER BY {order}""", args).fetchall()


def _count(prefix: str) -> int:
    return database.execute_sql("SELECT COUNT(*) FROM coupon WHERE issue_key >= ? AND issue_key < ?",
                                [prefix, prefix + "\uffff"]).fetchone()[0]


def _issue(rows: list[Recipient], kind: str, prefix: str, operator: Operator, at: dt.datetime | None,
           progress: Progress | None) -> RunResult:
    """Issue the coupons of ``rows`` (the recipients the owner saw in the preview) in one transaction."""
    require(operator, Permission.RUN_CAMPAIGNS)
    at = at or operations.now()
    todo = [row for row in rows if row.issue_key and not row.already_issued]
    with write_transaction():
        before = _count(prefix)
        if todo:
            operations.start(f"campaign:{kind}:{uuid.uuid4()}", "campaign", operator, at, subject=kind)
        for done, row in enumerate(todo, start=1):
            # Every recipient with a coupon to issue was built with its key and its first day.
            assert row.issue_key is not None and row.valid_from is not None
            coupons.issue(member_id=row.member_id, kind=CouponKind.FIXED, title=row.title, reason=kind,
                          issue_key=row.issue_key, operator=operator, valid_from=row.valid_from,
                          valid_days=row.valid_days, value_fen=row.value_fen, at=at)
            if progress is not None and done % 200 == 0:
                progress(done, len(todo), Sentence(QT_TRANSLATE_NOOP("core", "已发放 {done} / {total} 张"), done=done, total=len(todo)))
        issued = _count(prefix) - before
    return RunResult(rows, issued)


def _gift_recipients(members: list[tuple], prefix: str, gift: str, coupon: str, fen: int, valid_from: dt.date,
                     days: int, title: str, message: Callable[[str], str]) -> list[Recipient]:
    """A gift to collect in the store and, when ``fen`` > 0, a coupon keyed ``prefix`` + member id.

    ``members`` are rows of ``_members``; ``message`` words the SMS for a member's name.
    """
    what = f"{gift} + {yuan(fen)}元{coupon}" if fen > 0 else gift
    rows = [Recipient(member_id, name, phone, owner, what, message(name),
                      f"{prefix}{member_id}" if fen > 0 else None, fen, valid_from, days, title)
            for member_id, name, phone, owner, *_ in members]
    return _mark_issued(rows, prefix)


def _until(valid_from: dt.date, days: int) -> dt.date:
    return valid_from + dt.timedelta(days=days - 1)


# --- A/B vouchers -------------------------------------------------------------------------------

def preview_ab_vouchers(as_of: dt.date) -> list[Recipient]:
    fen, days = settings.get("ab_voucher_fen"), settings.get("ab_voucher_days")
    until = _until(as_of, days)
    rows = [Recipient(
        row.member_id, row.name, row.phone, row.owner_staff, f"{row.klass}类 {yuan(fen)}元代金券",
        f"{row.name}您好，感谢您一年来对本店的信任！特赠您{yuan(fen)}元代金券一张，"
        f"{until:%Y年%m月%d日}前到店消费即可抵用。",
        f"ab:{as_of.year}:{row.member_id}", fen, as_of, days, f"{row.klass}类会员代金券")
        for row in ab_classes(as_of) if not row.opt_out]
    return _mark_issued(rows, f"ab:{as_of.year}:")


def run_ab_vouchers(as_of: dt.date, operator: Operator, at: dt.datetime | None = None, *,
                    recipients: list[Recipient] | None = None, progress: Progress | None = None) -> RunResult:
    """Issue the vouchers; ``recipients`` are the previewed rows (default: a fresh preview)."""
    rows = preview_ab_vouchers(as_of) if recipients is None else recipients
    return _issue(rows, "ab_voucher", f"ab:{as_of.year}:", operator, at, progress)


# --- birthday coupons ---------------------------------------------------------------------------

def preview_birthday_coupons(month: dt.date) -> list[Recipient]:
    """Members born in ``month`` (any day of it); the coupon is valid for that whole month."""
    fen = settings.get("birthday_coupon_fen")
    first = month.replace(day=1)
    days = calendar.monthrange(first.year, first.month)[1]
    coupon = f"和{yuan(fen)}元生日券（{first.month}月内有效）" if fen > 0 else ""
    members = _members(
        f"m.birthday IS NOT NULL AND {dialect.month_of('m.birthday')} = ?", [f"{first.month:02d}"],
        f"{dialect.day_of_month('m.birthday')}, m.id")
    return _gift_recipients(members, f"birthday:{first.year}:", "生日礼品", "生日券", fen, first, days, "生日券",
                            lambda name: f"{name}您好，祝您生日快乐！本店为您准备了生日礼品{coupon}，欢迎到店领取。")


def run_birthday_coupons(month: dt.date, operator: Operator, at: dt.datetime | None = None, *,
                         recipients: list[Recipient] | None = None, progress: Progress | None = None) -> RunResult:
    rows = preview_birthday_coupons(month) if recipients is None else recipients
    return _issue(rows, "birthday", f"birthday:{month.year}:", operator, at, progress)


# --- monthly thank-you to new members -----------------------------------------------------------

def preview_new_member_thanks(month: dt.date) -> list[Recipient]:
    """The members who joined in ``month``."""
    fen, days = settings.get("thanks_coupon_fen"), settings.get("new_member_coupon_days")
    first = month.replace(day=1)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    tag = f"{first:%Y-%m}"
    coupon = f"，另赠{yuan(fen)}元感谢券一张" if fen > 0 else ""
    members = _members(
        # A member migrated without a join date did not join this month.
        "m.joined_on BETWEEN ? AND ? AND NOT m.migrated", [first.isoformat(), last.isoformat()], "m.joined_on, m.id")
    return _gift_recipients(members, f"thanks:{tag}:", "答谢礼品", "感谢券", fen, last + dt.timedelta(days=1), days,
                            "新会员感谢券", lambda name: f"{name}您好，感谢您成为我们的会员！请您到店领取答谢礼品{coupon}。")


def run_new_member_thanks(month: dt.date, operator: Operator, at: dt.datetime | None = None, *,
                          recipients: list[Recipient] | None = None, progress: Progress | None = None) -> RunResult:
    rows = preview_new_member_thanks(month) if recipients is None else recipients
    return _issue(rows, "thanks", f"thanks:{month:%Y-%m}:", operator, at, progress)


# --- 7-day new-member plan ----------------------------------------------------------------------

PLAN_STEPS = (
    (1, "会员权益介绍", "{name}您好，欢迎成为本店会员！您可享受消费积分、积分抵现、生日礼遇和药师用药咨询等会员权益。"),
    (3, "门店服务指南", "{name}您好，本店提供免费测量血压血糖、用药咨询和过期药品回收服务，欢迎随时到店。"),
    (7, "健康问卷", "{name}您好，为了更好地为您提供用药服务，邀请您到店或来电完成一份简短的健康问卷。"),
)


def preview_new_member_plan(today: dt.date) -> list[Recipient]:
    """新会员7天计划: who gets which message today (day 1 = the joining day)."""
    result = []
    for day, topic, text in PLAN_STEPS:
        joined = today - dt.timedelta(days=day - 1)
        for member_id, name, phone, owner, _, _ in _members("m.joined_on = ? AND NOT m.migrated", [joined.isoformat()]):
            result.append(Recipient(member_id, name, phone, owner, f"第{day}天：{topic}", text.format(name=name)))
    return result


def run_new_member_plan(today: dt.date, operator: Operator, at: dt.datetime | None = None, *,
                        recipients: list[Recipient] | None = None, progress: Progress | None = None) -> RunResult:
    """Nothing to issue: the plan is messages only; returns today's recipients."""
    return RunResult(preview_new_member_plan(today) if recipients is None else recipients, 0)


# --- SMS export ---------------------------------------------------------------------------------

SMS_HEADERS = ("手机号", "姓名", "短信内容")


def sms_rows(recipients: list[Recipient]) -> list[tuple[str, str, str]]:
    """(phone, name, message) for the SMS platform."""
    return [(row.phone, row.name, row.message) for row in recipients]


def export_sms(path, recipients: list[Recipient], operator: Operator) -> int:
    """Write the SMS list to an Excel file (it holds full phone numbers); recorded."""
    require(operator, Permission.EXPORT_PERSONAL)
    from pharmacy_desk.core.spreadsheet.export import ExportColumn, export_table

    columns = [ExportColumn(title, width=width) for title, width in zip(SMS_HEADERS, (14, 10, 90))]
    count = export_table(sms_rows(recipients), columns, path, sheet_title="短信名单")
    audit.record_export("短信名单", count, path, operator)
    return count


# --- the campaigns the owner can run, in the order they are offered --------------------------

@dataclass(frozen=True)
class Campaign:
    """One campaign: what it is called, what it does, who would receive what, and running it."""

    key: str
    title: str
    explanation: str  # may name settings in braces, e.g. {a_class_percent}
    preview: Callable[[dt.date], list[Recipient]]
    run: Callable[..., RunResult]

    def explain(self, explanation: str | None = None) -> str:
        """The explanation (or its translation, with the same braces) with the settings' current values."""
        return (explanation or self.explanation).format(**settings.all_values())

    def recipients(self, day: dt.date, operator: Operator) -> list[Recipient]:
        """Who would receive what (names and full phone numbers): for whoever runs campaigns."""
        require(operator, Permission.RUN_CAMPAIGNS)
        return self.preview(day)


CAMPAIGNS: tuple[Campaign, ...] = (
    Campaign("ab", "A/B类会员代金券", "按近12个月消费排名：前{a_class_percent}%为A类，其后至{b_class_percent}%为B类，各发一张代金券。",
             preview_ab_vouchers, run_ab_vouchers),
    Campaign("birthday", "生日礼遇", "所选日期所在月份过生日的会员：生日礼品和生日券（当月有效）。",
             preview_birthday_coupons, run_birthday_coupons),
    Campaign("thanks", "新会员月度答谢", "所选日期所在月份加入的新会员：感谢短信，到店领取答谢礼品。",
             preview_new_member_thanks, run_new_member_thanks),
    Campaign("plan", "新会员7天计划", "入会第1天权益介绍、第3天门店指南、第7天健康问卷：所选日期应发的短信。",
             preview_new_member_plan, run_new_member_plan),
)
CAMPAIGN_BY_KEY = {campaign.key: campaign for campaign in CAMPAIGNS}
