"""删除会员: the person's information goes, the pharmacy's accounts stay."""

import datetime as dt

from pharmacy_desk.core import call_lists, campaigns, erasure, ledger, members, profiles
from pharmacy_desk.core.changes import NOTHING
from pharmacy_desk.core.models import Measurement, Member, Operation, Sale
from pharmacy_desk.core.vocabulary import OperationKind

AT = dt.datetime(2026, 6, 10, 10, 0)


def test_an_erased_member_keeps_their_accounts_and_nothing_that_names_them(db, make_member, sell, owner, clerk):
    member = make_member(phone="13912345678", name="张三", birthday=dt.date(1965, 6, 20), address="幸福小区3栋",
                         notes="常买降压药", at=AT - dt.timedelta(days=400))
    profiles.record_health_consent(member.id, owner, True, today=AT.date())
    profiles.update_health_file(member.id, owner, allergies="青霉素")
    profiles.add_measurement(member.id, owner, "bp", systolic=140, diastolic=90, at=AT)
    sell(member, {"household": 10000}, at=AT - dt.timedelta(days=300))
    balance = ledger.balance(member.id)
    assert call_lists.dormant(AT.date()) and campaigns.preview_birthday_coupons(AT.date())

    changes = erasure.erase_member(member.id, owner, at=AT)
    gone = Member.get_by_id(member.id)
    assert changes.touches_member(member.id) and erasure.is_erased(gone)
    assert (gone.name, gone.phone, gone.birthday, gone.address, gone.notes, gone.allergies, gone.health_consent_on) == (
        erasure.ERASED_NAME, f"erased:{member.id}", None, "", "", "", None)
    assert gone.card_no == member.card_no and Measurement.select().count() == 0
    assert ledger.balance(member.id) == balance and Sale.select().where(Sale.member == member.id).count() == 1
    assert members.lookup("13912345678").exact is None and members.lookup("5678").matches == []
    assert call_lists.dormant(AT.date()) == [] and campaigns.preview_birthday_coupons(AT.date()) == []
    (record,) = Operation.select().where(Operation.kind == OperationKind.ERASE_MEMBER)
    assert (record.staff_id, record.subject, record.detail) == (owner.id, f"member:{member.id}", f"卡号 {member.card_no}")
    assert erasure.erase_member(member.id, owner, at=AT) == NOTHING  # once is enough
    assert Operation.select().where(Operation.kind == OperationKind.ERASE_MEMBER).count() == 1
