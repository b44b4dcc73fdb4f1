"""回访名单: whom to call this week, and why.

Each list is one set-based query (the database may hold a million members) that
returns ``CallRow``s: the member, their phone in full (staff must dial it), the
owning staff member, and the reason in words. Every list can be narrowed to one
owning staff member, and leaves out members already contacted for the same reason
recently (``CONTACT_WINDOW_DAYS``), so today's calls are not repeated tomorrow.

Marketing lists (dormant, birthdays, expiring points and coupons, A/B members) leave out members
who opted out of marketing. Care and service lists (refill reminders, profile
confirmation) keep them — a reminder that a blood-pressure medicine runs out is
care, not advertising — and flag them with ``opt_out`` so staff can see it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from collections.abc import Callable

from pharmacy_desk.core import dialect, settings
from pharmacy_desk.core.contact_row import CONTACT_COLUMNS, STAFF_JOIN, ContactRow
from pharmacy_desk.core.db import database
from pharmacy_desk.core.erasure import ERASED_PHONE_PREFIX
from pharmacy_desk.core.ids import StaffId
from pharmacy_desk.core.ledger import add_months
from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core.contacts import RETRY_OUTCOMES
from pharmacy_desk.core.vocabulary import ContactReason
from pharmacy_desk.core.sentences import Joined, QT_TRANSLATE_NOOP, Sentence

# How long a call for a reason keeps the member off that reason's list.
CONTACT_WINDOW_DAYS = {
    ContactReason.DORMANT: 30,
    ContactReason.BIRTHDAY: 60,  # one birthday call covers both the 7-day and the 30-day list
    ContactReason.POINTS_EXPIRING: 30,
    ContactReason.COUPONS_EXPIRING: 7,
    ContactReason.PROFILE: 30,
    ContactReason.AB_CLASS: 30,
    ContactReason.TIER_NOTICE: 60,
}
# A downgrade stays on the notice list this long: later, the member has heard of it at the counter.
TIER_NOTICE_DAYS = 45
# Refill calls are about one purchase: any refill call since that purchase counts.


@dataclass(frozen=True)
class CallRow(ContactRow):
    reason: str  # the list's key, also stored as ContactLog.reason
    detail: Sentence  # what to say, in words (its ``str`` is the Chinese of the exported list)
    due_on: dt.date | None = None


@dataclass(frozen=True)
class CallList:
    key: str
    title: str
    marketing: bool
    fetch: Callable[..., list[CallRow]]

    def rows(self, today: dt.date, operator, *, owner_staff_id: StaffId | None = None,
             limit: int | None = None) -> list[CallRow]:
        """The list as staff work through it, with full phone numbers: for those who call members."""
        require(operator, Permission.CONTACT_MEMBERS)
        return self.fetch(today, owner_staff_id=owner_staff_id, limit=limit)


def _month_day(day: dt.date) -> Sentence:
    return Sentence(QT_TRANSLATE_NOOP("core", "{month}月{day}日"), month=f"{day:%m}", day=f"{day:%d}")


def _when(day: dt.date, today: dt.date) -> Sentence:
    """今天, or in how many days."""
    if day == today:
        return Sentence(QT_TRANSLATE_NOOP("core", "今天"))
    return Sentence(QT_TRANSLATE_NOOP("core", "%n天后"), n=(day - today).days)


def _day(value: dt.date) -> str:
    return value.isoformat()


def _stamp(value: dt.date) -> str:
    return str(dt.datetime.combine(value, dt.time()))


def _reached(alias: str, today: dt.date) -> tuple[str, list]:
    """SQL condition: the call in ``alias`` counts as made (one nobody answered counts only on its day)."""
    marks = ", ".join("?" * len(RETRY_OUTCOMES))
    return (f"({alias}.outcome NOT IN ({marks}) OR {alias}.contacted_at >= ?)",
            [*RETRY_OUTCOMES, _stamp(today)])


def _not_contacted(reason: ContactReason, today: dt.date) -> tuple[str, list]:
    """SQL condition (and its arguments) leaving out members called for ``reason`` within its window."""
    since = today - dt.timedelta(days=CONTACT_WINDOW_DAYS[reason] - 1)
    reached, reached_args = _reached("c", today)
    return ("NOT EXISTS (SELECT 1 FROM contact_log c WHERE c.member_id = m.id AND c.reason = ? "
            f"AND c.contacted_at >= ? AND {reached})", [reason, _stamp(since), *reached_args])


def _filters(marketing: bool, owner_staff_id: StaffId | None) -> tuple[str, list]:
    sql, args = f" AND m.phone NOT LIKE '{ERASED_PHONE_PREFIX}%'", []  # an erased member is called by nobody
    if marketing:
        sql += " AND m.marketing_opt_out = 0"
    if owner_staff_id is not None:
        sql += " AND m.owner_staff_id = ?"
        args.append(owner_staff_id)
    return sql, args


def _limit(limit: int | None) -> str:
    return f" LIMIT {int(limit)}" if limit is not None else ""


def dormant(today: dt.date, *, owner_staff_id: StaffId | None = None, limit: int | None = None) -> list[CallRow]:
    """沉睡会员: no purchase for ``dormant_months`` (members who never bought count from joining).

    A member brought over from a legacy list counts from the import (``created_at``): the
    old register's sales are not here, so an old join date says nothing about the last visit.
    """
    cutoff = add_months(today, -settings.get("dormant_months"))
    contacted, args = _not_contacted(ContactReason.DORMANT, today)
    extra, extra_args = _filters(True, owner_staff_id)
    rows = database.execute_sql(f"""
        SELECT {CONTACT_COLUMNS}, m.joined_on,
               (SELECT MAX(s.created_at) FROM sale s WHERE s.member_id = m.id) AS last_sale
        FROM member m {STAFF_JOIN}
        WHERE m.joined_on <= ? AND date(m.created_at) <= ?
          AND NOT EXISTS (SELECT 1 FROM sale s WHERE s.member_id = m.id AND s.created_at >= ?)
          AND {contacted}{extra}
        ORDER BY COALESCE(last_sale, m.joined_on) DESC, m.id{_limit(limit)}""",
        [_day(cutoff), _day(cutoff), _stamp(cutoff), *args, *extra_args]).fetchall()
    result = []
    for values in rows:
        joined_on, last_sale = values[6], values[7]
        if last_sale:
            since = dt.date.fromisoformat(last_sale[:10])
            detail = Sentence(QT_TRANSLATE_NOOP("core", "最后消费 {since}，已%n天未到店"), since=f"{since:%Y-%m-%d}",
                              n=(today - since).days)
        else:
            since = dt.date.fromisoformat(joined_on)
            detail = Sentence(QT_TRANSLATE_NOOP("core", "{since} 入会后从未消费"), since=f"{since:%Y-%m-%d}")
        result.append(CallRow.from_columns(values, ContactReason.DORMANT, detail, since))
    return result


def _month_days(today: dt.date, days: int) -> list[str]:
    """'MM-DD' of every day from today to today+days; 29 Feb birthdays fall on 28 Feb in other years."""
    result = []
    for offset in range(days + 1):
        day = today + dt.timedelta(days=offset)
        result.append(day.strftime("%m-%d"))
        if day.month == 2 and day.day == 28 and (day + dt.timedelta(days=1)).month == 3:
            result.append("02-29")
    return result


def next_birthday(birthday: dt.date, today: dt.date) -> dt.date:
    for year in (today.year, today.year + 1):
        try:
            day = birthday.replace(year=year)
        except ValueError:  # 29 Feb in a common year
            day = dt.date(year, 2, 28)
        if day >= today:
            return day
    raise AssertionError("unreachable")


def birthdays(today: dt.date, days: int, *, owner_staff_id: StaffId | None = None,
              limit: int | None = None) -> list[CallRow]:
    """生日提醒: members whose birthday falls within the next ``days`` days (today included)."""
    contacted, args = _not_contacted(ContactReason.BIRTHDAY, today)
    extra, extra_args = _filters(True, owner_staff_id)
    month_days = _month_days(today, days)
    marks = ",".join("?" * len(month_days))
    rows = database.execute_sql(f"""
        SELECT {CONTACT_COLUMNS}, m.birthday FROM member m {STAFF_JOIN}
        WHERE m.birthday IS NOT NULL AND {dialect.month_day("m.birthday")} IN ({marks})
          AND {contacted}{extra}""", [*month_days, *args, *extra_args]).fetchall()
    result = []
    for values in rows:
        born = dt.date.fromisoformat(values[6])
        day = next_birthday(born, today)
        age = day.year - born.year
        result.append(CallRow.from_columns(values, ContactReason.BIRTHDAY, Sentence(
            QT_TRANSLATE_NOOP("core", "{day}生日（{when}），满{age}岁"), day=_month_day(day), when=_when(day, today), age=age),
            day))
    result.sort(key=lambda row: (row.due_on, row.member_id))
    return result[:limit] if limit is not None else result


def refills(today: dt.date, *, owner_staff_id: StaffId | None = None, limit: int | None = None) -> list[CallRow]:
    """用药提醒: a chronic medicine bought with ``days_supply`` runs out within ``refill_remind_days``.

    Run-out = purchase date + days_supply. A later purchase of the same medicine (same
    category and description) replaces the earlier one; a returned line reminds nobody.
    """
    horizon = today + dt.timedelta(days=settings.get("refill_remind_days"))
    extra, extra_args = _filters(False, owner_staff_id)
    reached, reached_args = _reached("cl", today)
    rows = database.execute_sql(f"""
        SELECT {CONTACT_COLUMNS}, run_out, description, category, bought FROM (
            SELECT s.member_id, {dialect.date_plus_days("s.created_at", "l.days_supply")} AS run_out,
                   l.description, c.name AS category, s.created_at AS bought, l.category_id, l.id AS line_id
            FROM sale_line l JOIN sale s ON s.id = l.sale_id JOIN category c ON c.id = l.category_id
            WHERE l.days_supply IS NOT NULL AND s.member_id IS NOT NULL
              AND s.created_at >= ? AND s.created_at < ?
        ) p JOIN member m ON m.id = p.member_id {STAFF_JOIN}
        WHERE p.run_out BETWEEN ? AND ?
          AND NOT EXISTS (SELECT 1 FROM sale_return_line r WHERE r.sale_line_id = p.line_id)
          AND NOT EXISTS (SELECT 1 FROM sale_line l2 JOIN sale s2 ON s2.id = l2.sale_id
                          WHERE s2.member_id = p.member_id AND l2.days_supply IS NOT NULL
                            AND l2.category_id = p.category_id AND l2.description = p.description
                            AND s2.created_at > p.bought)
          AND NOT EXISTS (SELECT 1 FROM contact_log cl WHERE cl.member_id = m.id
                            AND cl.reason = ? AND cl.contacted_at >= p.bought AND {reached}){extra}
        ORDER BY p.run_out, m.id""",
        # Only purchases that could run out in the window: days_supply is at most a year.
        [_stamp(today - dt.timedelta(days=366)), _stamp(horizon + dt.timedelta(days=1)),
         _day(today), _day(horizon), ContactReason.REFILL, *reached_args, *extra_args]).fetchall()
    # One call per member, due with the soonest medicine, naming every medicine that runs out:
    # two medicines bought together are two things to say, not one reminder.
    first: dict[int, tuple] = {}
    said: dict[int, list[Sentence | str]] = {}
    for values in rows:
        run_out = dt.date.fromisoformat(values[6])
        what = values[7] or values[8]
        first.setdefault(values[0], values)
        said.setdefault(values[0], []).append(Sentence(
            QT_TRANSLATE_NOOP("core", "{bought} 购买的{what}预计 {run_out} 用完（{when}）"), bought=values[9][:10],
            what=what, run_out=_month_day(run_out), when=_when(run_out, today)))
    result = [CallRow.from_columns(values, ContactReason.REFILL, Joined(said[member_id], QT_TRANSLATE_NOOP("core", "；")),
                                   dt.date.fromisoformat(values[6])) for member_id, values in first.items()]
    return result[:limit] if limit is not None else result


def points_expiring(today: dt.date, days: int | None = None, *, owner_staff_id: StaffId | None = None,
                    limit: int | None = None) -> list[CallRow]:
    """积分即将到期: points of lots lapsing after today and within ``days`` (as ``ledger.expiring_within``;
    default: the ``points_expiry_warning_days`` setting, 30)."""
    days = settings.get("points_expiry_warning_days") if days is None else days
    contacted, args = _not_contacted(ContactReason.POINTS_EXPIRING, today)
    extra, extra_args = _filters(True, owner_staff_id)
    rows = database.execute_sql(f"""
        SELECT {CONTACT_COLUMNS}, e.points, e.first_expiry FROM (
            SELECT l.member_id, MIN(l.expires_on) AS first_expiry,
                   SUM(l.points - COALESCE((SELECT SUM(a.points) FROM ledger_allocation a
                                            WHERE a.lot_id = l.id), 0)) AS points
            FROM ledger_entry l
            WHERE l.points > 0 AND l.expires_on > ? AND l.expires_on <= ?
            GROUP BY l.member_id
        ) e JOIN member m ON m.id = e.member_id {STAFF_JOIN}
        WHERE e.points > 0 AND {contacted}{extra}
        ORDER BY e.first_expiry, m.id{_limit(limit)}""",
        [_day(today), _day(today + dt.timedelta(days=days)), *args, *extra_args]).fetchall()
    return [CallRow.from_columns(values, ContactReason.POINTS_EXPIRING,
                 Sentence(QT_TRANSLATE_NOOP("core", "%n积分将于 {since} 起陆续到期"), n=values[6], since=values[7]),
                 dt.date.fromisoformat(values[7]))
            for values in rows]


def coupons_expiring(today: dt.date, days: int = 7, *, owner_staff_id: StaffId | None = None,
                     limit: int | None = None) -> list[CallRow]:
    """优惠券即将到期: unused coupons whose last valid day is within ``days`` days."""
    contacted, args = _not_contacted(ContactReason.COUPONS_EXPIRING, today)
    extra, extra_args = _filters(True, owner_staff_id)
    rows = database.execute_sql(f"""
        SELECT {CONTACT_COLUMNS}, COUNT(cp.id), MIN(cp.valid_until), SUM(cp.value_fen)
        FROM coupon cp JOIN member m ON m.id = cp.member_id {STAFF_JOIN}
        WHERE cp.id NOT IN (SELECT coupon_id FROM coupon_in_use) AND cp.valid_until BETWEEN ? AND ?
          AND {contacted}{extra}
        GROUP BY m.id
        ORDER BY MIN(cp.valid_until), m.id{_limit(limit)}""",
        [_day(today), _day(today + dt.timedelta(days=days)), *args, *extra_args]).fetchall()
    result = []
    for values in rows:
        count, until, fen = values[6], dt.date.fromisoformat(values[7]), values[8]
        if fen:
            said = Sentence(QT_TRANSLATE_NOOP("core", "%n张券未使用，面值合计{amount}元，最早 {until} 到期"), n=count,
                            amount=yuan(fen), until=f"{until:%Y-%m-%d}")
        else:
            said = Sentence(QT_TRANSLATE_NOOP("core", "%n张券未使用，最早 {until} 到期"), n=count,
                            until=f"{until:%Y-%m-%d}")
        result.append(CallRow.from_columns(values, ContactReason.COUPONS_EXPIRING, said, until))
    return result


def profiles_to_confirm(today: dt.date, *, owner_staff_id: StaffId | None = None,
                        limit: int | None = None) -> list[CallRow]:
    """资料待确认: profile not confirmed for ``profile_confirm_months``; oldest first."""
    cutoff = add_months(today, -settings.get("profile_confirm_months"))
    contacted, args = _not_contacted(ContactReason.PROFILE, today)
    extra, extra_args = _filters(False, owner_staff_id)
    rows = database.execute_sql(f"""
        SELECT {CONTACT_COLUMNS}, m.profile_confirmed_on FROM member m {STAFF_JOIN}
        WHERE (m.profile_confirmed_on IS NULL OR m.profile_confirmed_on <= ?)
          AND {contacted}{extra}
        ORDER BY m.profile_confirmed_on IS NOT NULL, m.profile_confirmed_on, m.id{_limit(limit)}""",
        [_day(cutoff), *args, *extra_args]).fetchall()
    result = []
    for values in rows:
        confirmed = dt.date.fromisoformat(values[6]) if values[6] else None
        detail = (Sentence(QT_TRANSLATE_NOOP("core", "资料上次确认于 {confirmed}，请核对手机号、生日和地址"),
                           confirmed=f"{confirmed:%Y-%m-%d}") if confirmed else
                  Sentence(QT_TRANSLATE_NOOP("core", "资料从未确认，请核对手机号、生日和地址")))
        result.append(CallRow.from_columns(values, ContactReason.PROFILE, detail, confirmed))
    return result


def ab_members(today: dt.date, *, owner_staff_id: StaffId | None = None, limit: int | None = None) -> list[CallRow]:
    """A/B类会员 to phone (the seed store phones them along with their voucher); best first."""
    from pharmacy_desk.core.reports.classes import ab_classes

    ranked = [row for row in ab_classes(today, owner_staff_id=owner_staff_id) if not row.opt_out]
    since = _stamp(today - dt.timedelta(days=CONTACT_WINDOW_DAYS[ContactReason.AB_CLASS] - 1))
    called = {member_id for (member_id,) in database.execute_sql(
        "SELECT DISTINCT member_id FROM contact_log WHERE reason = ? AND contacted_at >= ?",
        [ContactReason.AB_CLASS, since]).fetchall()}
    result = [CallRow.from_contact(row, ContactReason.AB_CLASS,
                                   Sentence(QT_TRANSLATE_NOOP("core", "{klass}类会员（第{rank}名），近12个月消费 {amount} 元"),
                                            klass=row.klass, rank=row.rank, amount=yuan(row.spend_fen)))
              for row in ranked if row.member_id not in called]
    return result[:limit] if limit is not None else result


def tier_notices(today: dt.date, *, owner_staff_id: StaffId | None = None,
                 limit: int | None = None) -> list[CallRow]:
    """等级调整通知: members the monthly review moved down lately, told before they find out at the till.

    A service notice, not marketing: members who opted out are kept (and flagged). Only a
    member's latest tier change counts, so one who has since climbed back is not called.
    """
    contacted, args = _not_contacted(ContactReason.TIER_NOTICE, today)
    extra, extra_args = _filters(False, owner_staff_id)
    since = _stamp(today - dt.timedelta(days=TIER_NOTICE_DAYS - 1))
    rows = database.execute_sql(f"""
        SELECT {CONTACT_COLUMNS}, tc.changed_at, ft.name, tt.name, tt.privileges
        FROM member m {STAFF_JOIN}
        JOIN tier_change tc ON tc.member_id = m.id
        JOIN tier ft ON ft.id = tc.from_tier_id
        JOIN tier tt ON tt.id = tc.to_tier_id
        WHERE tc.changed_at >= ? AND tt.rank < ft.rank AND tc.reason LIKE '月度复核降级%'
          AND tc.id = (SELECT MAX(id) FROM tier_change WHERE member_id = m.id)
          AND {contacted}{extra}
        ORDER BY tc.changed_at DESC, m.id{_limit(limit)}""", [since, *args, *extra_args]).fetchall()
    result = []
    for values in rows:
        changed_on = dt.date.fromisoformat(str(values[6])[:10])
        if values[9]:
            detail = Sentence(QT_TRANSLATE_NOOP("core", "{on} 月度复核由{before}调整为{after}（仍享：{privileges}）"),
                              on=f"{changed_on:%Y-%m-%d}", before=values[7], after=values[8], privileges=values[9])
        else:
            detail = Sentence(QT_TRANSLATE_NOOP("core", "{on} 月度复核由{before}调整为{after}"),
                              on=f"{changed_on:%Y-%m-%d}", before=values[7], after=values[8])
        result.append(CallRow.from_columns(values, ContactReason.TIER_NOTICE, detail, changed_on))
    return result


LISTS: tuple[CallList, ...] = (
    CallList("dormant", "沉睡会员", True, dormant),
    CallList("birthday_7", "7天内生日", True, lambda today, **kw: birthdays(today, 7, **kw)),
    CallList("birthday_30", "30天内生日", True, lambda today, **kw: birthdays(today, 30, **kw)),
    CallList("refill", "续药提醒", False, refills),
    CallList("points_expiring", "积分即将到期", True, points_expiring),
    CallList("coupons_expiring", "7天内优惠券到期", True, coupons_expiring),
    CallList("profile", "资料待确认", False, profiles_to_confirm),
    CallList("ab_class", "A/B类会员", True, ab_members),
    CallList("tier_notice", ContactReason.TIER_NOTICE.label, False, tier_notices),
)
LIST_BY_KEY = {item.key: item for item in LISTS}


EXPORT_HEADERS = ("姓名", "手机号", "专属店员", "原因", "退订营销")


def export_xlsx(path, title: str, rows: list[CallRow], operator) -> int:
    """Write a call list to Excel for staff to work through (full phone numbers); recorded."""
    from pharmacy_desk.core import audit
    from pharmacy_desk.core.spreadsheet.export import ExportColumn, export_table

    require(operator, Permission.EXPORT_PERSONAL)
    columns = [ExportColumn(header, width=width) for header, width in zip(EXPORT_HEADERS, (10, 14, 10, 60, 10))]
    count = export_table(((r.name, r.phone, r.owner_staff, str(r.detail), "是" if r.opt_out else "") for r in rows),
                         columns, path, sheet_title=title)
    audit.record_export(f"回访名单：{title}", count, path, operator)
    return count
