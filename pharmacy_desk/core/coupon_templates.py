"""券模板: the owner's coupons of all four kinds, created, edited and retired.

A template holds the terms (kind, title, value or percent, the 满减 threshold, the service
a 体验券 stands for, how many days an issued coupon is valid). Issuing copies the terms
into each ``Coupon`` row (``coupon_issue``), so an edit changes what is issued from then
on and never a coupon a member already holds. Templates are retired, never deleted:
issued coupons and the report keep naming them. Every change is one audited operation
whose detail reads old → new.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from pharmacy_desk.core import coupons, operations
from pharmacy_desk.core.changes import NOTHING, Changes
from pharmacy_desk.core.db import write_transaction
from pharmacy_desk.core.errors import InvalidInput, NotFound
from pharmacy_desk.core.models import CouponTemplate
from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core.vocabulary import CouponKind, OperationKind
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP, Sentence
from pharmacy_desk.core.operator import Operator

TITLE_LIMIT = 30
SERVICE_LIMIT = 30
VALUE_LIMIT_FEN = 1_000_00  # 一千元: no pharmacy coupon is worth more
MIN_SPEND_LIMIT_FEN = 10_000_00
VALID_DAYS_LIMIT = 366


@dataclass(frozen=True)
class Terms:
    """What a coupon of the template gives: the fields that mean something for its kind.

    代金券: ``value_fen`` off (``min_spend_fen`` optional); 折扣券: ``percent_off`` per cent off
    the sale (12 = 八八折); 满减券: ``value_fen`` off a sale of at least ``min_spend_fen``;
    体验券: ``service``, redeemed at the counter without a sale (``value_fen`` its worth, for
    the record, never taken off a sale).
    """

    kind: str
    title: str
    valid_days: int
    value_fen: int = 0
    percent_off: int = 0
    min_spend_fen: int = 0
    service: str = ""


def checked(terms: Terms) -> Terms:
    """The terms cleaned, or one sentence saying what is wrong with them."""
    if not CouponKind.has(terms.kind):
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "未知的券类型：{kind}。"), kind=terms.kind)
    title = (terms.title or "").strip()
    service = (terms.service or "").strip()
    if not title:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "请填写券的名称。"))
    if len(title) > TITLE_LIMIT:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "券的名称不能超过 {limit} 个字。"), limit=TITLE_LIMIT)
    if not 1 <= terms.valid_days <= VALID_DAYS_LIMIT:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "有效天数须在 1 到 {limit} 天之间。"), limit=VALID_DAYS_LIMIT)
    if not 0 <= terms.value_fen <= VALUE_LIMIT_FEN:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "券的金额须在 0 到 {amount} 元之间。"), amount=yuan(VALUE_LIMIT_FEN))
    if not 0 <= terms.min_spend_fen <= MIN_SPEND_LIMIT_FEN:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "使用门槛须在 0 到 {amount} 元之间。"), amount=yuan(MIN_SPEND_LIMIT_FEN))
    kind = CouponKind.of(terms.kind)
    value, percent, min_spend = terms.value_fen, terms.percent_off, terms.min_spend_fen
    if kind == CouponKind.FIXED:
        if value <= 0:
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "代金券的金额必须大于零。"))
        percent, service = 0, ""
    elif kind == CouponKind.THRESHOLD:
        if value <= 0:
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "满减券的减免金额必须大于零。"))
        if min_spend <= value:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "core", "满减券的门槛必须高于减免金额（满 {min_spend} 元减 {value} 元不成立）。"),
                min_spend=yuan(min_spend), value=yuan(value))
        percent, service = 0, ""
    elif kind == CouponKind.PERCENT:
        if not 1 <= percent <= 99:
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "折扣券的折扣须在 1% 到 99% 之间。"))
        value, service = 0, ""
    else:
        if not service:
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "体验券请填写所兑换的服务，例如免费测血压。"))
        if len(service) > SERVICE_LIMIT:
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "服务名称不能超过 {limit} 个字。"), limit=SERVICE_LIMIT)
        percent, min_spend = 0, 0
    return Terms(kind=kind.value, title=title, valid_days=terms.valid_days, value_fen=value,
                 percent_off=percent, min_spend_fen=min_spend, service=service)


@dataclass(frozen=True)
class TemplateRow:
    """A template as the template window lists and edits it and the issue dialog offers it."""

    id: int
    kind: str
    title: str
    valid_days: int
    value_fen: int
    percent_off: int
    min_spend_fen: int
    service: str
    active: bool

    @classmethod
    def of(cls, template: CouponTemplate) -> TemplateRow:
        return cls(template.id, template.kind, template.title, template.valid_days, template.value_fen,
                   template.percent_off, template.min_spend_fen, template.service, template.active)

    @property
    def terms(self) -> Terms:
        return terms_of(self)


def terms_of(template: CouponTemplate | TemplateRow) -> Terms:
    return Terms(kind=template.kind, title=template.title, valid_days=template.valid_days,
                 value_fen=template.value_fen, percent_off=template.percent_off,
                 min_spend_fen=template.min_spend_fen, service=template.service)


def describe_terms(terms: Terms) -> Sentence:
    """"满100.00减10.00，30天有效": what a coupon of these terms gives, in the owner's words."""
    kind = CouponKind.of(terms.kind)
    what = coupons.describe_what(kind, terms.value_fen, terms.percent_off, terms.min_spend_fen, terms.service)
    if terms.min_spend_fen and kind == CouponKind.FIXED:
        what = Sentence(QT_TRANSLATE_NOOP("core", "{what}（满{min_spend}元可用）"), what=what,
                        min_spend=yuan(terms.min_spend_fen))
    elif terms.min_spend_fen and kind == CouponKind.PERCENT:
        what = Sentence(QT_TRANSLATE_NOOP("core", "{what}，满{min_spend}元可用"), what=what,
                        min_spend=yuan(terms.min_spend_fen))
    return Sentence(QT_TRANSLATE_NOOP("core", "{what}，%n天有效"), what=what, n=terms.valid_days)


@dataclass(frozen=True)
class TemplateResult:
    template: TemplateRow
    changed: bool = True

    @property
    def changes(self) -> Changes:
        return Changes(coupons=True) if self.changed else NOTHING


def _record(kind: OperationKind, operator: Operator, subject: str, detail: str, at: dt.datetime) -> None:
    operations.start(f"{kind.value}:{uuid.uuid4()}", kind, operator, at, subject=subject, detail=detail)


def create_template(terms: Terms, operator: Operator, *, at: dt.datetime | None = None) -> TemplateResult:
    """新增券模板: refused in one sentence when the terms do not make sense for the kind."""
    require(operator, Permission.MANAGE_COUPONS)
    clean = checked(terms)
    at = at or operations.now()
    with write_transaction():
        template = CouponTemplate.create(
            kind=clean.kind, title=clean.title, value_fen=clean.value_fen, percent_off=clean.percent_off,
            min_spend_fen=clean.min_spend_fen, service=clean.service, valid_days=clean.valid_days,
            active=True, created_at=at, created_by=operator.id)
        _record(OperationKind.COUPON_TEMPLATE_ADD, operator, clean.title, str(describe_terms(clean)), at)
    return TemplateResult(TemplateRow.of(template))


def get(template_id: int) -> CouponTemplate:
    template = CouponTemplate.get_or_none(CouponTemplate.id == template_id)
    if template is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "没有这个券模板。"))
    return template


def edit_template(template_id: int, terms: Terms, operator: Operator, *,
                  at: dt.datetime | None = None) -> TemplateResult:
    """Change a template's terms for the coupons issued from now on; the audit keeps old → new."""
    require(operator, Permission.MANAGE_COUPONS)
    clean = checked(terms)
    at = at or operations.now()
    with write_transaction():
        template = get(template_id)
        before = terms_of(template)
        if before == clean:
            return TemplateResult(TemplateRow.of(template), changed=False)
        detail = f"{before.title}：{describe_terms(before)} → {clean.title}：{describe_terms(clean)}（已发放的券不变）"
        CouponTemplate.update(
            kind=clean.kind, title=clean.title, value_fen=clean.value_fen, percent_off=clean.percent_off,
            min_spend_fen=clean.min_spend_fen, service=clean.service, valid_days=clean.valid_days,
        ).where(CouponTemplate.id == template.id).execute()
        _record(OperationKind.COUPON_TEMPLATE_CHANGE, operator, clean.title, detail, at)
        return TemplateResult(TemplateRow.of(CouponTemplate.get_by_id(template.id)))


def set_active(template_id: int, active: bool, operator: Operator, *, at: dt.datetime | None = None) -> TemplateResult:
    """停用 (no more issuing; coupons already issued stay usable) or 重新启用 a template."""
    require(operator, Permission.MANAGE_COUPONS)
    at = at or operations.now()
    with write_transaction():
        template = get(template_id)
        if template.active == active:
            return TemplateResult(TemplateRow.of(template), changed=False)
        CouponTemplate.update(active=active).where(CouponTemplate.id == template.id).execute()
        what = "重新启用" if active else "停用（已发放的券仍可使用）"
        _record(OperationKind.COUPON_TEMPLATE_CHANGE, operator, template.title, f"{template.title}：{what}", at)
        return TemplateResult(TemplateRow.of(CouponTemplate.get_by_id(template.id)))


def retire_template(template_id: int, operator: Operator, *, at: dt.datetime | None = None) -> TemplateResult:
    return set_active(template_id, False, operator, at=at)


def all_templates() -> list[TemplateRow]:
    """Every template, active first, then in the order they were made."""
    query = CouponTemplate.select().order_by(CouponTemplate.active.desc(), CouponTemplate.id)
    return [TemplateRow.of(template) for template in query]


def active_templates() -> list[TemplateRow]:
    query = CouponTemplate.select().where(CouponTemplate.active).order_by(CouponTemplate.id)
    return [TemplateRow.of(template) for template in query]
