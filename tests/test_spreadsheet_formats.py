"""The same members read from .xls, .ods and CSV in every encoding legacy tills write."""

import datetime as dt

import pytest

from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.spreadsheet.plan import read_plan
from pharmacy_desk.core.spreadsheet.reading import decode_csv
from tests.spreadsheet_helpers import HEADER, write_csv, write_ods, write_xls

TODAY = dt.date(2026, 6, 10)
ROWS = [
    ["XX药房会员登记表"],
    HEADER,
    ["", "张三", 13812345678, "男", dt.date(1965, 3, 8), 1200, "2019-05-01", "老顾客"],
    ["", "李 四", "139-1234-5678", "女", "1970/1/2", "35分", "", ""],
]
TEXT_ROWS = [[("" if v is None else (v.isoformat() if isinstance(v, dt.date) else str(v))) for v in row]
             for row in ROWS]


def summary(path):
    plan = read_plan(path, today=TODAY)
    assert plan.problems == []
    return [(c.name, c.phone, c.gender, c.birthday, c.points, c.joined_on) for c in plan.candidates]


EXPECTED = [
    ("张三", "13812345678", "M", dt.date(1965, 3, 8), 1200, dt.date(2019, 5, 1)),
    ("李四", "13912345678", "F", dt.date(1970, 1, 2), 35, None),
]


def test_xls(tmp_path):
    assert summary(write_xls(tmp_path / "old.xls", ROWS)) == EXPECTED


def test_ods(tmp_path):
    assert summary(write_ods(tmp_path / "list.ods", ROWS)) == EXPECTED


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8", "utf-8-sig"])
def test_csv_encodings(tmp_path, encoding):
    assert summary(write_csv(tmp_path / f"{encoding}.csv", TEXT_ROWS, encoding)) == EXPECTED


def test_gb18030_only_characters_survive(tmp_path):
    rows = [HEADER, ["", "王䶮", "13812345678"]]  # 䶮 is in GB18030 but not in GBK
    plan = read_plan(write_csv(tmp_path / "rare.csv", rows, "gb18030"), today=TODAY)
    assert [c.name for c in plan.candidates] == ["王䶮"]


def test_tab_separated_csv(tmp_path):
    path = tmp_path / "tabs.csv"
    path.write_bytes("姓名\t手机\n张三\t13812345678\n".encode("gbk"))
    assert [c.phone for c in read_plan(path, today=TODAY).candidates] == ["13812345678"]


def test_undecodable_csv_is_refused():
    with pytest.raises(InvalidInput, match="编码"):
        decode_csv(b"\x81\xff\xfe\xfd")
    with pytest.raises(InvalidInput, match="UTF-16"):
        decode_csv("姓名,手机".encode("utf-16-le"))  # no BOM: cannot tell
    assert decode_csv("姓名\t手机".encode("utf-16")) == "姓名\t手机"  # Excel's “Unicode 文本”


@pytest.mark.parametrize("kind", ["xls", "gbk-csv"])
def test_committed_members_from_xls_and_gbk_csv(db, tmp_path, owner, kind):
    from pharmacy_desk.core import check, ledger
    from pharmacy_desk.core.models import Member
    from pharmacy_desk.core.spreadsheet.commit import commit_import

    if kind == "xls":
        path = write_xls(tmp_path / "old.xls", ROWS)
    else:
        path = write_csv(tmp_path / "old.csv", TEXT_ROWS, "gbk")
    result = commit_import(read_plan(path, today=TODAY), owner, at=dt.datetime(2026, 6, 10, 9, 0))
    assert result.created == 2 and result.points == 1235  # 1200 + 35
    zhang = Member.get(Member.phone == "13812345678")
    assert (zhang.name, zhang.gender, zhang.birthday, zhang.joined_on, zhang.notes, ledger.balance(zhang.id)) == (
        "张三", "M", dt.date(1965, 3, 8), dt.date(2019, 5, 1), "老顾客", 1200)
    li = Member.get(Member.phone == "13912345678")
    assert (li.name, li.name_initials, li.gender, li.birthday, li.joined_on, ledger.balance(li.id)) == (
        "李四", "ls", "F", dt.date(1970, 1, 2), TODAY, 35)
    assert li.joined_by_id == owner.id and li.owner_staff_id == owner.id
    assert check.run_checks() == []
