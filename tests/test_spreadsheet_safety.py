"""Bad files get one clear sentence and nothing is written."""

import io
import zipfile

import pytest

from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.models import Member
from pharmacy_desk.core.spreadsheet import safety
from pharmacy_desk.core.spreadsheet.plan import plan_import
from tests.spreadsheet_helpers import HEADER, write_xlsx


def refused(path, match):
    with pytest.raises(InvalidInput, match=match):
        plan_import(path)
    assert Member.select().count() == 0


def test_empty_file(db, tmp_path):
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    refused(path, "空的")


def test_workbook_without_data(db, tmp_path):
    refused(write_xlsx(tmp_path / "blank.xlsx", {"Sheet1": [[None, "  "]]}), "没有任何数据")


def test_not_a_spreadsheet(db, tmp_path):
    path = tmp_path / "photo.xlsx"
    path.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    refused(path, "不是电子表格")
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    refused(text, "不支持 .txt")


def test_html_saved_as_xls(db, tmp_path):
    path = tmp_path / "export.xls"
    path.write_text("<html><table><tr><td>姓名</td></tr></table></html>", encoding="utf-8")
    refused(path, "其实是网页")


def test_corrupt_workbook(db, tmp_path):
    good = write_xlsx(tmp_path / "good.xlsx", {"Sheet1": [HEADER, ["", "张三", "13812345678"]]})
    path = tmp_path / "corrupt.xlsx"
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    refused(path, "损坏")


def test_password_protected_workbook(db, tmp_path):
    # Excel saves an encrypted .xlsx as an OLE compound file holding an EncryptedPackage.
    path = tmp_path / "locked.xlsx"
    path.write_bytes(safety.OLE_MAGIC + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le"))
    refused(path, "密码")


def test_macro_workbooks(db, tmp_path):
    macro = tmp_path / "list.xlsm"
    macro.write_bytes(b"PK\x03\x04")
    refused(macro, "含宏")
    disguised = write_xlsx(tmp_path / "disguised.xlsx", {"Sheet1": [HEADER, ["", "张三", "13812345678"]]})
    with zipfile.ZipFile(disguised, "a") as archive:
        archive.writestr("xl/vbaProject.bin", b"\x00" * 64)
    refused(disguised, "含宏")


def test_zip_bomb_is_refused_from_declared_sizes(db, tmp_path):
    # 200 MB of zeros deflate to ~200 kB: a ratio near 1000 that no real sheet has.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as handle:
            block = b"\x00" * (1 << 20)
            for _ in range(200):
                handle.write(block)
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 1_000_000
    refused(path, "压缩比异常")


@pytest.mark.parametrize(("limit", "value", "members", "message"), [
    pytest.param("MAX_UNCOMPRESSED_BYTES", 10_000, 300, "解压后过大", id="declared total size"),
    pytest.param("MAX_ROWS", 50, 60, "超过 50 行", id="rows"),
])
def test_a_list_beyond_a_limit_is_refused(db, tmp_path, monkeypatch, limit, value, members, message):
    monkeypatch.setattr(safety, limit, value)
    rows = [HEADER] + [["", f"会员{i}", f"138{i:08d}"] for i in range(members)]
    refused(write_xlsx(tmp_path / "long.xlsx", {"Sheet1": rows}), message)


def test_a_cell_far_to_the_right_is_refused(db, tmp_path):
    # One cell in column XFD would make calamine allocate 16,384 columns for every row.
    path = write_xlsx(tmp_path / "wide.xlsx", {"Sheet1": [HEADER, ["", "张三", "13812345678"]]})
    from openpyxl import load_workbook

    book = load_workbook(path)
    book["Sheet1"]["XFD2"] = "x"
    book.save(path)
    refused(path, "列数超过")


def test_csv_with_too_many_columns(db, tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text(",".join(["姓名", "手机"] + ["x"] * 300) + "\n", encoding="utf-8")
    refused(path, "列数超过")


def test_entity_declarations_are_refused(db, tmp_path):
    path = write_xlsx(tmp_path / "laughs.xlsx", {"Sheet1": [HEADER, ["", "张三", "13812345678"]]})
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><sst>&lol2;</sst>')
    rebuilt = tmp_path / "rebuilt.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(rebuilt, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/sharedStrings.xml" or item.filename == "xl/workbook.xml":
                data = bomb[:bomb.index("<sst>")].encode() + data.split(b"?>", 1)[-1]
            target.writestr(item, data)
    refused(rebuilt, "不安全的 XML")


def test_openpyxl_uses_defusedxml():
    import openpyxl

    assert openpyxl.DEFUSEDXML is True
