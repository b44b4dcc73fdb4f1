"""Peewee models: the tables of the membership desk.

Money is integer fen (分) everywhere; multipliers are exact decimals stored as text.
The points ledger, sales with their lines, payments and returns, redemptions, tier
changes, coupon uses and the operations (the audit trail) are append-only: SQL triggers
created with the schema refuse UPDATE and DELETE on their rows (``schema.APPEND_ONLY``).
Ledger and operation rows also carry a hash chained to the row before (``core/chain.py``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from peewee import (
    SQL, BooleanField, CharField, Check, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField,
)

from pharmacy_desk.core.model_base import BaseModel, ChainedModel, DecimalTextField, _now
from pharmacy_desk.core.vocabulary import (
    GIFTABLE_DRUG_CLASSES, CatalogKind, CouponKind, DrugClass, Gender, LedgerKind, MeasurementKind, PaymentMethod,
    Role, check_in,
)


class Staff(BaseModel):
    """店员: whoever operates the till; every change is made by one."""

    name = CharField(unique=True)  # sign-in picks a person by name (schema v5)
    role = CharField(default=Role.CASHIER.value, constraints=[Check(check_in("role", Role))])
    active = BooleanField(default=True)
    password_hash = CharField(null=True)  # Argon2id of the PIN or password; None: cannot sign in
    created_at = DateTimeField(default=_now)
    # Lockout (schema v5): failures since the last success or lock, the lock's end, and how
    # many locks in a row, which sets the next lock's length.
    failed_signins = IntegerField(default=0, constraints=[SQL("DEFAULT 0")])
    locked_until = DateTimeField(null=True)
    lock_level = IntegerField(default=0, constraints=[SQL("DEFAULT 0")])


class Category(BaseModel):
    """商品类别 with its points rule: ``points_per_block`` points per ``block_fen`` paid."""

    code = CharField(unique=True)
    name = CharField()
    hotkey = CharField(default="")
    points_per_block = IntegerField(default=0, constraints=[Check("points_per_block >= 0")])
    block_fen = IntegerField(default=2000, constraints=[Check("block_fen > 0")])
    is_prescription = BooleanField(default=False)
    sort_order = IntegerField(default=0)


class Tier(BaseModel):
    """会员等级: reached by spending at least ``min_spend_fen`` over the trailing period."""

    code = CharField(unique=True)
    name = CharField()
    rank = IntegerField(unique=True)
    min_spend_fen = IntegerField(default=0)
    min_visits = IntegerField(default=0)
    multiplier = DecimalTextField(default=Decimal("1"))
    monthly_cap_fen = IntegerField(default=5000)
    privileges = TextField(default="")


class Operation(ChainedModel):
    """One business operation, keyed so that replaying it changes nothing."""

    key = CharField(unique=True)
    kind = CharField()
    staff = ForeignKeyField(Staff, null=True, backref="operations")
    if TYPE_CHECKING:  # each foreign key's ``<name>_id``, added by peewee at runtime
        staff_id: Any
    created_at = DateTimeField(default=_now, index=True)
    subject = CharField(default="")
    # What the operation changed, for the audit (schema v4): ``points_validity_months: 3 → 6``.
    detail = TextField(default="", constraints=[SQL("DEFAULT ''")])
    # SHA-256 chained to the previous operation (schema v6, ``core/chain.py``).
    hash = CharField(default="", constraints=[SQL("DEFAULT ''")])


class Member(BaseModel):
    """会员档案."""

    card_no = CharField(unique=True)
    phone = CharField(index=True)  # not unique (schema v8): a family may share one phone
    name = CharField(index=True)
    name_initials = CharField(default="")  # indexed with name, see Meta
    gender = CharField(default=Gender.UNKNOWN.value, constraints=[Check(check_in("gender", Gender, ", "))])
    birthday = DateField(null=True)
    address = CharField(default="")
    joined_on = DateField(index=True)
    joined_by = ForeignKeyField(Staff, null=True, backref="members_signed", index=False)
    owner_staff = ForeignKeyField(Staff, null=True, backref="members_owned")
    tier = ForeignKeyField(Tier, backref="members", index=False)  # four values: an index only slows writes
    if TYPE_CHECKING:  # each foreign key's ``<name>_id``, added by peewee at runtime
        joined_by_id: Any
        owner_staff_id: Any
        tier_id: Any
    marketing_opt_out = BooleanField(default=False)
    profile_confirmed_on = DateField(null=True)
    notes = TextField(default="")
    created_at = DateTimeField(default=_now)
    # 健康档案 (schema v2): sensitive under PIPL, kept only with the member's separate consent.
    # The v2 migration had to give these NOT NULL columns a default; a new database declares it too.
    health_consent_on = DateField(null=True)
    chronic_conditions = TextField(default="", constraints=[SQL("DEFAULT ''")])
    allergies = TextField(default="", constraints=[SQL("DEFAULT ''")])
    long_term_meds = TextField(default="", constraints=[SQL("DEFAULT ''")])
    # Schema v8 (``schema_sql/migrate_v8.sql`` says what each holds).
    migrated = BooleanField(default=False, constraints=[SQL("DEFAULT 0")])
    health_to_confirm = TextField(default="", constraints=[SQL("DEFAULT ''")])
    id_number = CharField(default="", constraints=[SQL("DEFAULT ''")])

    class Meta:
        # Pinyin lookup reads this index in order and stops at the first screenful.
        indexes = ((("name_initials", "name"), False),)


class TierChange(BaseModel):
    """等级变更: every upgrade and downgrade with its reason."""

    member = ForeignKeyField(Member, backref="tier_changes")
    from_tier = ForeignKeyField(Tier, null=True)
    to_tier = ForeignKeyField(Tier)
    changed_at = DateTimeField(default=_now, index=True)  # the month report winds tiers back from it (v14)
    reason = CharField()
    operation = ForeignKeyField(Operation)
    staff = ForeignKeyField(Staff)
    if TYPE_CHECKING:  # each foreign key's ``<name>_id``, added by peewee at runtime
        member_id: Any
        from_tier_id: Any
        to_tier_id: Any
        operation_id: Any
        staff_id: Any


class CouponTemplate(BaseModel):
    """券模板 (schema v9): the owner's terms for a kind of coupon, issued to members as ``Coupon`` rows.

    An issued coupon copies the terms, so a later edit or retirement changes no coupon
    already in a member's hands.
    """

    kind = CharField(constraints=[Check(check_in("kind", CouponKind))])
    title = CharField()
    value_fen = IntegerField(default=0, constraints=[Check("value_fen >= 0")])
    percent_off = IntegerField(default=0, constraints=[Check("percent_off BETWEEN 0 AND 99")])
    min_spend_fen = IntegerField(default=0, constraints=[Check("min_spend_fen >= 0")])
    service = CharField(default="")  # what a 体验券 stands for (免费测血压, 药师咨询)
    valid_days = IntegerField(constraints=[Check("valid_days > 0")])
    active = BooleanField(default=True)
    created_at = DateTimeField(default=_now)
    created_by = ForeignKeyField(Staff)
    if TYPE_CHECKING:  # each foreign key's ``<name>_id``, added by peewee at runtime
        created_by_id: Any


class Coupon(BaseModel):
    """优惠券: fixed 代金券, percent 折扣券, threshold 满减, service 体验券; used at most once."""

    code = CharField(unique=True)
    issue_key = CharField(unique=True)
    member = ForeignKeyField(Member, null=True, backref="coupons")
    kind = CharField(constraints=[Check(check_in("kind", CouponKind))])
    title = CharField()
    value_fen = IntegerField(default=0)
    percent_off = IntegerField(default=0, constraints=[Check("percent_off BETWEEN 0 AND 100")])
    min_spend_fen = IntegerField(default=0)
    valid_from = DateField()
    valid_until = DateField(index=True)
    reason = CharField()
    issued_at = DateTimeField(default=_now, index=True)  # the month report counts a month's issue (v14)
    issued_by = ForeignKeyField(Staff)
    if TYPE_CHECKING:  # each foreign key's ``<name>_id``, added by peewee at runtime
        member_id: Any
        issued_by_id: Any
    # The template it was issued from (schema v9), NULL for the program's own coupons. A plain
    # integer: SQLite's ALTER TABLE cannot add the foreign key a new table would declare.
    template_id = IntegerField(null=True, index=True)
    service = CharField(default="", constraints=[SQL("DEFAULT ''")])  # a 体验券's service (schema v9)


class Sale(BaseModel):
    """消费: one check-out. Immutable once written; returns are their own rows."""

    uid = CharField(unique=True)
    receipt_no = CharField(unique=True)
    member = ForeignKeyField(Member, null=True, backref="sales", index=False)  # see Meta.indexes
    staff = ForeignKeyField(Staff, backref="sales_served", index=False)
    owner_staff = ForeignKeyField(Staff, null=True, backref="sales_credited", index=False)
    created_at = DateTimeField(default=_now, index=True)
    total_fen = IntegerField()
    coupon = ForeignKeyField(Coupon, null=True)
    if TYPE_CHECKING:  # each foreign key's ``<name>_id``, added by peewee at runtime
        member_id: Any
        staff_id: Any
        owner_staff_id: Any
        coupon_id: Any
    coupon_discount_fen = IntegerField(default=0)
    points_used = IntegerField(default=0)
    points_cash_fen = IntegerField(default=0)
    paid_fen = IntegerField()
    insurance_fen = IntegerField(default=0)
    points_earned = IntegerField(default=0)
    # The factor the points were multiplied by and the bonuses that made it (schema v4);
    # NULL on sales recorded before v4.
    points_factor = DecimalTextField(null=True)
    points_bonuses = TextField(default="", constraints=[SQL("DEFAULT ''")])
    # Whether the points were earned pro rata rather than in whole blocks (schema v10), so a
    # return takes back exactly what the kept goods would have earned; NULL before v10.
    points_pro_rata = BooleanField(null=True)

    class Meta:
        # Covers a member's history and every per-member spend aggregate (tiers, RFM,
        # dormancy) without touching the table itself.
        indexes = ((("member", "created_at", "paid_fen"), False),)


class CouponUse(BaseModel):
    """A coupon taken by a sale (schema v6). A return that gives the coupon back says so itself
    (``SaleReturn.coupon_restored``): the use row is never changed."""

    coupon = ForeignKeyField(Coupon, backref="uses")
    sale = ForeignKeyField(Sale, unique=True, backref="coupon_uses")
    if TYPE_CHECKING:  # each foreign key's ``<name>_id``, added by peewee at runtime
        coupon_id: Any
        sale_id: Any
    used_at = DateTimeField(index=True)  # the month report counts a month's uses (v14)


class CouponServiceUse(BaseModel):
    """A 体验券 redeemed for its service at the counter, with no sale (schema v9); once only."""

    coupon = ForeignKeyField(Coupon, unique=True, backref="service_uses")
    operation = ForeignKeyField(Operation, unique=True)
    staff = ForeignKeyField(Staff)
    used_at = DateTimeField(default=_now, index=True)
    if TYPE_CHECKING:  # each foreign key's ``<name>_id``, added by peewee at runtime
        coupon_id: Any
        operation_id: Any
        staff_id: Any


class CouponInUse(BaseModel):
    """The view ``coupon_in_use``: each coupon's use that no return has given back, a sale's
    or a service's (``sale`` is NULL for a 体验券 redeemed for its service)."""

    coupon = ForeignKeyField(Coupon, primary_key=True)
    sale = ForeignKeyField(Sale, null=True)
    if TYPE_CHECKING:  # each foreign key's ``<name>_id``, added by peewee at runtime
        coupon_id: Any
        sale_id: Any
    used_at = DateTimeField()

    class Meta:
        table_name = "coupon_in_use"


class SaleLine(BaseModel):
    """A category subtotal of a sale, with its share of discounts and of 医保."""

    sale = ForeignKeyField(Sale, backref="lines")
    category = ForeignKeyField(Category, index=False)
    if TYPE_CHECKING:  # each foreign key's ``<name>_id``, added by peewee at runtime
        sale_id: Any
        category_id: Any
    description = CharField(default="")
    quantity = IntegerField(default=1)
    days_supply = IntegerField(null=True)
    amount_fen = IntegerField(constraints=[Check("amount_fen > 0")])
    coupon_share_fen = IntegerField(default=0)
    points_cash_share_fen = IntegerField(default=0)
    paid_fen = IntegerField()
    insurance_share_fen = IntegerField(default=0)
    points_base = IntegerField(default=0)
    # The rule the line's points were worked out with (schema v10; NULL before): the fen they
    # were earned on and the category's rate at the time, which the owner may change since.
    earn_base_fen = IntegerField(null=True)
    points_per_block = IntegerField(null=True)
    block_fen = IntegerField(null=True)


class Payment(BaseModel):
    """支付: cash 现金, wechat 微信, alipay 支付宝, card 银行卡, insurance 医保."""

    sale = ForeignKeyField(Sale, backref="payments")
    if TYPE_CHECKING:  # each foreign key's ``<name>_id``, added by peewee at runtime
        sale_id: Any
    method = CharField(constraints=[Check(check_in("method", PaymentMethod))])
    amount_fen = IntegerField(constraints=[Check("amount_fen > 0")])


class SaleReturn(BaseModel):
    """退货: whole or part of a sale."""

    uid = CharField(unique=True)
    sale = ForeignKeyField(Sale, backref="returns")
    created_at = DateTimeField(default=_now, index=True)  # the month reports read a month's returns (v14)
    staff = ForeignKeyField(Staff)
    if TYPE_CHECKING:  # each foreign key's ``<name>_id``, added by peewee at runtime
        sale_id: Any
        staff_id: Any
    refund_fen = IntegerField()
    points_clawed = IntegerField(default=0)
    points_shortfall = IntegerField(default=0)
    points_refunded = IntegerField(default=0)
    coupon_restored = BooleanField(default=False)
    reason = CharField(default="")


class SaleReturnLine(BaseModel):
    sale_return = ForeignKeyField(SaleReturn, backref="lines")
    sale_line = ForeignKeyField(SaleLine, backref="returned")
    if TYPE_CHECKING:  # each foreign key's ``<name>_id``, added by peewee at runtime
        sale_return_id: Any
        sale_line_id: Any
    amount_fen = IntegerField(constraints=[Check("amount_fen > 0")])
    paid_fen = IntegerField()
    points_cash_share_fen = IntegerField(default=0)


class SaleReturnPayment(BaseModel):
    """退款去向: what a return gave back by one of the sale's payment methods (医保 back to 医保)."""

    sale_return = ForeignKeyField(SaleReturn, backref="refunds")
    if TYPE_CHECKING:  # each foreign key's ``<name>_id``, added by peewee at runtime
        sale_return_id: Any
    method = CharField(constraints=[Check(check_in("method", PaymentMethod))])
    amount_fen = IntegerField(constraints=[Check("amount_fen > 0")])


class CatalogItem(BaseModel):
    """积分兑换目录: gifts and services; prescription and 甲类 OTC drugs are refused by law."""

    name = CharField()
    kind = CharField(default=CatalogKind.GIFT.value, constraints=[Check(check_in("kind", CatalogKind))])
    points_price = IntegerField(constraints=[Check("points_price > 0")])
    value_fen = IntegerField(default=0)
    stock = IntegerField(null=True, constraints=[Check("stock IS NULL OR stock >= 0")])
    drug_class = CharField(default=DrugClass.NONE.value,
                           constraints=[Check(check_in("drug_class", GIFTABLE_DRUG_CLASSES))])
    active = BooleanField(default=True)


class Redemption(BaseModel):
    """积分兑换 of a catalog item."""

    operation = ForeignKeyField(Operation, unique=True)
    member = ForeignKeyField(Member, backref="redemptions")
    item = ForeignKeyField(CatalogItem, backref="redemptions")
    quantity = IntegerField(default=1)
    points = IntegerField()
    value_fen = IntegerField()
    staff = ForeignKeyField(Staff)
    if TYPE_CHECKING:  # each foreign key's ``<name>_id``, added by peewee at runtime
        operation_id: Any
        member_id: Any
        item_id: Any
        staff_id: Any
    created_at = DateTimeField(default=_now, index=True)


class LedgerEntry(ChainedModel):
    """积分流水: one signed change to a member's points. Append-only.

    Credits (earn, import, positive adjust, refund) are lots with an expiry date;
    debits consume lots oldest-first through ``LedgerAllocation``.
    """

    member = ForeignKeyField(Member, backref="ledger", index=False)  # see Meta.indexes
    kind = CharField(constraints=[Check(check_in("kind", LedgerKind))])
    points = IntegerField(constraints=[Check("points <> 0")])
    created_at = DateTimeField(default=_now, index=False)  # see Meta.indexes
    expires_on = DateField(null=True, index=True)
    key = CharField(unique=True)
    operation = ForeignKeyField(Operation, backref="entries")
    staff = ForeignKeyField(Staff, index=False)
    reason = CharField(default="")
    sale = ForeignKeyField(Sale, null=True, backref="ledger_entries")
    sale_return = ForeignKeyField(SaleReturn, null=True, backref="ledger_entries", index=False)
    redemption = ForeignKeyField(Redemption, null=True, backref="ledger_entries", index=False)
    corrects = ForeignKeyField("self", null=True, backref="corrections", index=False)
    # SHA-256 chained to the previous entry (schema v6, ``core/chain.py``).
    hash = CharField(default="", constraints=[SQL("DEFAULT ''")])
    if TYPE_CHECKING:  # each foreign key's ``<name>_id``, added by peewee at runtime
        member_id: Any
        operation_id: Any
        staff_id: Any
        sale_id: Any
        sale_return_id: Any
        redemption_id: Any
        corrects_id: Any

    class Meta:
        # A balance is summed from the index alone (schema v15), every member's in member order;
        # a month's points likewise, in time order (schema v16).
        indexes = ((("member", "points"), False), (("created_at", "kind", "points"), False))


class LedgerAllocation(BaseModel):
    """How many points of a credit lot a debit consumed. Append-only."""

    debit = ForeignKeyField(LedgerEntry, backref="allocations")
    lot = ForeignKeyField(LedgerEntry, backref="consumed_by")
    if TYPE_CHECKING:  # each foreign key's ``<name>_id``, added by peewee at runtime
        debit_id: Any
        lot_id: Any
    points = IntegerField(constraints=[Check("points > 0")])


class Setting(BaseModel):
    """A business-rule setting (see ``core.settings`` for the declarations)."""

    key = CharField(primary_key=True)
    value = TextField()
    updated_at = DateTimeField(default=_now)
    updated_by = ForeignKeyField(Staff, null=True)
    if TYPE_CHECKING:  # each foreign key's ``<name>_id``, added by peewee at runtime
        updated_by_id: Any


class Measurement(BaseModel):
    """A blood pressure or blood glucose reading taken at the counter (schema v2)."""

    member = ForeignKeyField(Member, backref="measurements")
    taken_at = DateTimeField(default=_now)
    kind = CharField(constraints=[Check(check_in("kind", MeasurementKind))])
    systolic = IntegerField(null=True)
    diastolic = IntegerField(null=True)
    glucose = DecimalTextField(null=True)  # mmol/L
    staff = ForeignKeyField(Staff)
    if TYPE_CHECKING:  # each foreign key's ``<name>_id``, added by peewee at runtime
        member_id: Any
        staff_id: Any
    notes = CharField(default="")

    class Meta:
        indexes = ((("member", "taken_at"), False),)


class ContactLog(BaseModel):
    """回访记录: a member was called from a list, and what came of it (schema v2)."""

    member = ForeignKeyField(Member, backref="contacts")
    reason = CharField()
    contacted_at = DateTimeField(default=_now, index=True)
    staff = ForeignKeyField(Staff)
    if TYPE_CHECKING:  # each foreign key's ``<name>_id``, added by peewee at runtime
        member_id: Any
        staff_id: Any
    outcome = CharField(default="")
    notes = CharField(default="")

    class Meta:
        indexes = ((("member", "contacted_at"), False),)


# The tables; ``CouponInUse`` is a view, created with the schema's extra SQL. The tables the
# program keeps for itself (counters, stamps, running figures) are in ``core.bookkeeping_models``.
MODELS = [
    Staff, Category, Tier, Operation, Member, TierChange, CouponTemplate, Coupon, Sale, CouponUse, SaleLine,
    Payment, SaleReturn, SaleReturnLine, SaleReturnPayment, CatalogItem, Redemption, LedgerEntry,
    LedgerAllocation, Setting, Measurement, ContactLog, CouponServiceUse,
]
