"""Reading is bounded: styled empty cells are not data, a sparse-cell bomb is refused before anything is allocated."""

import re
import zipfile

import pytest

from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.spreadsheet import safety
from pharmacy_desk.core.spreadsheet.plan import plan_import
from pharmacy_desk.core.spreadsheet.reading import read_file


def rewrite_sheet(path, change):
    with zipfile.ZipFile(path) as archive:
        parts = {item.filename: archive.read(item.filename) for item in archive.infolist()}
    name = "xl/worksheets/sheet1.xml"
    parts[name] = change(parts[name].decode()).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, data in parts.items():
            archive.writestr(part, data)
    return path


def small_list(path, extra=None):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "会员"
    for row in [["姓名", "手机号"] + [f"列{n}" for n in range(10)], ["张三", "13812345678"], ["李四", "13912345678"]]:
        sheet.append(row)
    if extra:
        sheet[extra] = "x"
    book.save(path)
    return path


def wps_styled(xml):
    """What WPS and Gnumeric write: whole formatted rows and a used range to the sheet's end."""
    xml = re.sub(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:XFD1048576"/>', xml)
    xml = xml.replace("</row>", '<c r="M1" s="0"/><c r="XFD1" s="0"/></row>', 1)
    return xml.replace("</sheetData>", '<row r="1048576" s="0" customFormat="1"><c r="A1048576" s="0"/>'
                                       '<c r="XFD1048576" s="0"></c></row></sheetData>')


def test_a_wps_file_with_whole_rows_styled_is_read_as_the_list_it_is(db, tmp_path):
    path = rewrite_sheet(small_list(tmp_path / "wps.xlsx"), wps_styled)
    assert safety.check_file(path) == "xlsx"
    plan = plan_import(path)
    assert sorted(c.name for c in plan.new) == ["张三", "李四"]


def test_a_declared_range_beyond_the_budget_is_not_handed_to_the_reader(tmp_path):
    path = rewrite_sheet(small_list(tmp_path / "wps.xlsx"), wps_styled)
    assert safety.inspect_file(path).overdeclared == ["xl/worksheets/sheet1.xml"]
    with safety.readable_copy(path) as copy:
        with zipfile.ZipFile(copy) as archive:
            assert b"<dimension" not in archive.read("xl/worksheets/sheet1.xml")
    rows = read_file(path)[0].rows
    assert len(rows) == 3 and len(rows[0]) == 12  # no 16,384 columns, no 1,048,576 rows


def test_a_sparse_cell_bomb_is_refused_before_it_is_read(tmp_path):
    # 1 kB on disk; read, it is 499,999 rows × 200 columns: gigabytes.
    path = small_list(tmp_path / "bomb.xlsx", extra="GR499999")
    assert path.stat().st_size < 10_000
    with pytest.raises(InvalidInput, match=r"单元格.*拆分"):
        safety.check_file(path)


def test_a_bomb_in_a_single_letter_column_is_refused_too(tmp_path):
    path = small_list(tmp_path / "bomb.xlsx", extra="Z499999")
    with pytest.raises(InvalidInput, match="单元格"):
        safety.check_file(path)


def test_a_long_real_list_fits_the_budget():
    assert safety.CELL_BUDGET >= safety.MAX_ROWS * 12


@pytest.mark.parametrize("head", [b"<html xmlns:o=\"urn:schemas-microsoft-com:office:office\">",
                                  b"\xef\xbb\xbf<!DOCTYPE html><html>", b"MIME-Version: 1.0\r\nContent-Type: multipart"])
@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_a_web_page_saved_as_a_workbook_says_so(tmp_path, head, suffix):
    path = tmp_path / f"会员{suffix}"
    path.write_bytes(head + b"<table><tr><td>\xe5\xa7\x93\xe5\x90\x8d</td></tr></table>")
    with pytest.raises(InvalidInput, match="网页") as refused:
        safety.check_file(path)
    assert "另存为" in str(refused.value) and ".xlsx" in str(refused.value)


def test_an_excel_4_workbook_is_named_for_what_it_is(tmp_path):
    path = tmp_path / "老系统.xls"
    # A BIFF4 BOF record (0x0409), as Excel 4.0 wrote it, not wrapped in an OLE container.
    path.write_bytes(b"\x09\x04\x06\x00\x00\x00\x10\x00\x00\x00" + b"\x00" * 200)
    with pytest.raises(InvalidInput, match="Excel 4.0") as refused:
        safety.check_file(path)
    assert "另存为” .xlsx" in str(refused.value)
