"""The audit log read back: filtered by date, kind and operator, newest first; the owner's; exported and recorded."""

import datetime as dt

import pytest
from openpyxl import load_workbook

from pharmacy_desk.core import accounts, audit_log, settings, signin
from pharmacy_desk.core.errors import InvalidInput, NotPermitted
from pharmacy_desk.core.models import Operation, Staff
from pharmacy_desk.core.vocabulary import OperationKind

DAY = dt.datetime(2026, 6, 10, 9, 0)


@pytest.fixture
def day_of_work(head):
    """Sign-ins over three days, a failed try, a staff change and a setting change."""
    cashier = accounts.add_staff("李娜", "cashier", "1234", head, at=DAY)
    signin.sign_in("李娜", "1234", at=DAY + dt.timedelta(hours=1))
    with pytest.raises(signin.SignInRefused):
        signin.sign_in("李娜", "9999", at=DAY + dt.timedelta(days=1))
    signin.sign_in("店长甲", "boss-pass-1", at=DAY + dt.timedelta(days=1, hours=2))
    settings.change("points_validity_months", "6", head, at=DAY + dt.timedelta(days=2))
    return cashier


def test_every_entry_newest_first_with_names_and_labels(head, day_of_work):
    rows = audit_log.entries(head)
    assert [(r.at, r.operator, r.kind_label) for r in rows] == [
        (DAY + dt.timedelta(days=2), "店长甲", "修改设置"),
        (DAY + dt.timedelta(days=1, hours=2), "店长甲", "登录"),
        (DAY + dt.timedelta(days=1), "系统", "登录失败"),
        (DAY + dt.timedelta(hours=1), "李娜", "登录"),
        (DAY, "店长甲", "店员变更"),
    ]
    assert rows[0].detail == "积分有效期：3 个月 → 6 个月" and rows[2].subject == "李娜"
    assert rows[-1].detail == "李娜：新增店员（收银员）"


def test_filters_by_period_kind_and_operator(head, day_of_work):
    on_the_11th = audit_log.entries(head, since=dt.date(2026, 6, 11), until=dt.date(2026, 6, 11))
    assert [r.kind for r in on_the_11th] == [OperationKind.SIGN_IN, OperationKind.SIGN_IN_FAILED]
    assert [r.operator for r in audit_log.entries(head, kind=OperationKind.SIGN_IN)] == ["店长甲", "李娜"]
    assert len(audit_log.entries(head, kind=[OperationKind.SIGN_IN, OperationKind.SIGN_IN_FAILED])) == 3
    assert [r.kind for r in audit_log.entries(head, staff_id=day_of_work.id)] == [OperationKind.SIGN_IN]
    assert [r.kind for r in audit_log.entries(head, limit=1)] == [OperationKind.SETTING_CHANGE]
    later = audit_log.entries(head, since=DAY + dt.timedelta(hours=1, seconds=1))
    assert len(later) == 3


def test_a_kind_is_typed_as_its_code_or_its_label():
    assert audit_log.kind_of("sign_in") == audit_log.kind_of(" 登录 ") == OperationKind.SIGN_IN
    with pytest.raises(InvalidInput, match="没有名为“登陆”的操作类型"):
        audit_log.kind_of("登陆")
    assert audit_log.kind_label("expiry_batch") == "expiry_batch"  # a code of another version reads as itself


@pytest.mark.parametrize("role", ["cashier", "pharmacist"])
def test_only_the_owner_reads_the_log(head, day_of_work, role, tmp_path):
    other = Staff.create(name="某人", role=role)
    before = Operation.select().count()
    with pytest.raises(NotPermitted, match="查看操作日志"):
        audit_log.entries(other)
    with pytest.raises(NotPermitted, match="查看操作日志"):
        audit_log.export(other, tmp_path / "log.xlsx")
    assert Operation.select().count() == before and not (tmp_path / "log.xlsx").exists()


def test_the_export_is_the_listing_and_is_recorded(head, day_of_work, tmp_path):
    out = tmp_path / "log.xlsx"
    assert audit_log.export(head, out, kind=OperationKind.SIGN_IN) == 2
    sheet = load_workbook(out)["操作日志"]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == ("时间", "操作员", "类型", "对象", "内容")
    assert [row[1:3] for row in values[1:]] == [("店长甲", "登录"), ("李娜", "登录")]
    assert values[1][0] == DAY + dt.timedelta(days=1, hours=2)
    (recorded,) = Operation.select().where(Operation.kind == OperationKind.EXPORT)
    assert recorded.staff_id == head.id and "操作日志 2 行" in recorded.detail
