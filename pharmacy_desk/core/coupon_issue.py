"""发券: a template's coupon issued to one member, a call list or a campaign's recipients.

Every coupon's ``issue_key`` is ``tpl:<template>:<batch>:<member>``: the batch is the
target and the day for a list or a campaign (issuing the same list again that day adds
nothing), and a number the member window makes once per dialog for one member (a double
click issues once). The recipients are read first, without the write lock; the coupons
are then written in short transactions, as many members as fit in the chunk's time under the
write lock (``db.ChunkSize``), each with its own audit row, and paced by the tills
(``till_pacing.TillPacing``), so a list of a hundred thousand members never holds the counter up.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import cast

from pharmacy_desk.core import call_lists, campaigns, coupon_templates, coupons, operations
from pharmacy_desk.core.changes import ALL, NOTHING, Changes
from pharmacy_desk.core.db import ChunkSize, batch_transaction, write_transaction
from pharmacy_desk.core.errors import InvalidInput, NotFound
from pharmacy_desk.core.ids import MemberId
from pharmacy_desk.core.models import Coupon, CouponTemplate, Member
from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core.vocabulary import OperationKind
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP, Sentence
from pharmacy_desk.core.operator import Operator

Progress = Callable[[int, int, Sentence | str], None]  # the text: a sentence the windows translate

CHUNK = 500  # members per transaction at most; fewer when that would hold the lock long
FIRST_CHUNK = 100
# Beyond this many members a change is broadcast as "every member": no screen shows that many.
LISTED_MEMBERS = 1000
MEMBER_REASON = "member"


def issue_key(template_id: int, batch: str, member_id: int) -> str:
    return f"tpl:{template_id}:{batch}:{member_id}"


def list_reason(list_key: str) -> str:
    return f"list:{list_key}"


def campaign_reason(campaign_key: str) -> str:
    return f"campaign:{campaign_key}"


@dataclass(frozen=True)
class IssueResult:
    template_id: int
    issued: int  # coupons this call wrote
    already: int  # recipients who had this batch's coupon before (a repeated run)
    member_ids: tuple[MemberId, ...]

    @property
    def changes(self) -> Changes:
        if not self.issued:
            return NOTHING
        if len(self.member_ids) > LISTED_MEMBERS:
            return Changes.of_members(ALL, coupons=True)
        return Changes.of_members(self.member_ids, coupons=True)


def _issuable(template_id: int) -> CouponTemplate:
    template = coupon_templates.get(template_id)
    if not template.active:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "券模板“{title}”已停用，不能再发放。"), title=template.title)
    return template


def _distinct(member_ids: Iterable[MemberId]) -> list[MemberId]:
    return list(dict.fromkeys(member_ids))


def issue_to_members(template_id: int, member_ids: Sequence[MemberId], operator: Operator, *, batch: str,
                     reason: str, target: str, at: dt.datetime | None = None,
                     progress: Progress | None = None) -> IssueResult:
    """Issue the template's coupon to each member once for ``batch``; ``target`` words it for the audit."""
    require(operator, Permission.MANAGE_COUPONS)
    if not batch.strip():
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "发券缺少批次编号。"))
    template = _issuable(template_id)
    at = at or operations.now()
    today = at.date()
    until = today + dt.timedelta(days=template.valid_days - 1)
    ids = _distinct(member_ids)
    issued = already = 0
    size = ChunkSize(CHUNK, start=FIRST_CHUNK)
    # One member (the member window's 发券) is one write, as a sale is; a list is a batch.
    transaction = (lambda: write_transaction()) if len(ids) == 1 else (lambda: batch_transaction(size))
    start = 0
    while start < len(ids):
        chunk = ids[start:start + size.rows]
        start += len(chunk)
        keys = {member_id: issue_key(template.id, batch, member_id) for member_id in chunk}
        with transaction():
            template = _issuable(template_id)  # the owner may have retired it meanwhile
            seen = {key for (key,) in cast("Iterable[tuple[str]]", Coupon.select(Coupon.issue_key).where(
                Coupon.issue_key.in_(list(keys.values()))).tuples())}
            todo = [member_id for member_id, key in keys.items() if key not in seen]
            already += len(chunk) - len(todo)
            if todo:
                Coupon.insert_many([dict(
                    code=coupons.code_for(keys[member_id]), issue_key=keys[member_id], member=member_id,
                    kind=template.kind, title=template.title, value_fen=template.value_fen,
                    percent_off=template.percent_off, min_spend_fen=template.min_spend_fen,
                    service=template.service, template_id=template.id, valid_from=today, valid_until=until,
                    reason=reason, issued_at=at, issued_by=operator.id) for member_id in todo]).execute()
                terms = coupon_templates.describe_terms(coupon_templates.terms_of(template))
                operations.start(f"{OperationKind.ISSUE_COUPONS.value}:{uuid.uuid4()}", OperationKind.ISSUE_COUPONS,
                                 operator, at, subject=template.title,
                                 detail=f"{target}：发放 {len(todo)} 张（{terms}，至 {until:%Y-%m-%d}）")
                issued += len(todo)
        if progress is not None:
            done = start
            progress(done, len(ids), Sentence(QT_TRANSLATE_NOOP("core", "已处理 {done} / %n 位会员"), done=done, n=len(ids)))
    return IssueResult(template_id, issued, already, tuple(ids))


def issue_to_member(template_id: int, member_id: MemberId, operator: Operator, *, batch: str,
                    at: dt.datetime | None = None) -> IssueResult:
    """发给一位会员, from the member window; ``batch`` is the dialog's own number."""
    require(operator, Permission.MANAGE_COUPONS)
    member = Member.get_or_none(Member.id == member_id)
    if member is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "找不到这位会员。"))
    return issue_to_members(template_id, [member.id], operator, batch=f"member:{batch}", reason=MEMBER_REASON,
                            target=f"会员 {member.name}（{member.card_no}）", at=at)


def issue_to_call_list(template_id: int, list_key: str, operator: Operator, *, at: dt.datetime | None = None,
                       progress: Progress | None = None) -> IssueResult:
    """发给回访名单上的每位会员 (today's list; the same list again today adds nothing)."""
    require(operator, Permission.MANAGE_COUPONS)
    call_list = call_lists.LIST_BY_KEY.get(list_key)
    if call_list is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "没有这个回访名单：{list_key}。"), list_key=list_key)
    at = at or operations.now()
    _issuable(template_id)
    rows = call_list.rows(at.date(), operator)
    return issue_to_members(template_id, [row.member_id for row in rows], operator,
                            batch=f"list:{list_key}:{at.date().isoformat()}", reason=list_reason(list_key),
                            target=f"回访名单“{call_list.title}”", at=at, progress=progress)


def issue_to_campaign(template_id: int, campaign_key: str, operator: Operator, *, day: dt.date | None = None,
                      at: dt.datetime | None = None, progress: Progress | None = None) -> IssueResult:
    """发给营销活动的对象 (whom the campaign would reach on ``day``, opted-out members never)."""
    require(operator, Permission.MANAGE_COUPONS)
    campaign = campaigns.CAMPAIGN_BY_KEY.get(campaign_key)
    if campaign is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "没有这个营销活动：{campaign_key}。"), campaign_key=campaign_key)
    at = at or operations.now()
    day = day or at.date()
    _issuable(template_id)
    rows = campaign.recipients(day, operator)
    return issue_to_members(template_id, [row.member_id for row in rows], operator,
                            batch=f"campaign:{campaign_key}:{day.isoformat()}", reason=campaign_reason(campaign_key),
                            target=f"营销活动“{campaign.title}”", at=at, progress=progress)


@dataclass(frozen=True)
class Target:
    """A list or campaign a template can be issued to, as the issue dialog offers it."""

    kind: str  # "list" or "campaign"
    key: str
    title: str


def targets() -> list[Target]:
    return ([Target("list", item.key, item.title) for item in call_lists.LISTS]
            + [Target("campaign", item.key, item.title) for item in campaigns.CAMPAIGNS])


def issue_to_target(template_id: int, target: Target, operator: Operator, *, at: dt.datetime | None = None,
                    progress: Progress | None = None) -> IssueResult:
    if target.kind == "list":
        return issue_to_call_list(template_id, target.key, operator, at=at, progress=progress)
    return issue_to_campaign(template_id, target.key, operator, at=at, progress=progress)
