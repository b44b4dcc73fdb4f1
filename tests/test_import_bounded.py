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


def xls_list(path, far=None, styled_far=None):
    """A two-member .xls; ``far`` puts a value, ``styled_far`` a formatted empty cell, at (row, column)."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("会员")
    for r, row in enumerate([["姓名", "手机号"], ["张三", "13812345678"], ["李四", "13912345678"]]):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    if far:
        sheet.write(*far, 1)
    if styled_far:
        sheet.write(*styled_far, None, xlwt.easyxf("pattern: pattern solid, fore_colour yellow"))
    book.save(str(path))
    return path


def ods_list(path, tail):
    """A two-member .ods with ``tail`` (raw content.xml rows) after the members."""
    from tests.spreadsheet_helpers import write_ods

    write_ods(path, [["姓名", "手机号"], ["张三", "13812345678"], ["李四", "13912345678"]], title="会员")
    with zipfile.ZipFile(path) as archive:
        parts = {item.filename: archive.read(item.filename) for item in archive.infolist()}
    parts["content.xml"] = parts["content.xml"].replace(b"</table:table>", tail.encode() + b"</table:table>")
    with zipfile.ZipFile(path, "w") as archive:
        for part, data in parts.items():
            archive.writestr(part, data, compress_type=zipfile.ZIP_STORED if part == "mimetype" else zipfile.ZIP_DEFLATED)
    return path


def refused_before_reading(path, monkeypatch, match):
    """The refusal comes from the safety pass: calamine is never asked to open the file."""
    import python_calamine

    def never(*args, **kwargs):
        raise AssertionError("the reader was given a bomb")

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", never)
    with pytest.raises(InvalidInput, match=match):
        read_file(path)


def test_an_xls_with_one_value_far_away_is_refused_before_it_is_read(tmp_path, monkeypatch):
    # 6 kB; read, 65,536 rows × 200 columns (calamine allocates about 1 GB for IV65536).
    path = xls_list(tmp_path / "bomb.xls", far=(65535, 199))
    assert path.stat().st_size < 10_000
    refused_before_reading(path, monkeypatch, r"65,536 行 × 200 列.*单元格")


def test_an_xls_with_a_value_past_the_column_cap_is_refused(tmp_path, monkeypatch):
    refused_before_reading(xls_list(tmp_path / "wide.xls", far=(3, 230)), monkeypatch, "列数超过 200 列")


def test_an_xls_with_formatted_empty_cells_far_away_is_read_as_the_list_it_is(db, tmp_path):
    path = xls_list(tmp_path / "styled.xls", styled_far=(65535, 255))
    assert safety.check_file(path) == "xls"
    assert sorted(c.name for c in plan_import(path).new) == ["张三", "李四"]


SPARSE_ODS = ('<table:table-row table:number-rows-repeated="499990"><table:table-cell/></table:table-row>'
              '<table:table-row><table:table-cell table:number-columns-repeated="190"/>'
              '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>')
REPEATED_ODS = ('<table:table-row table:number-rows-repeated="100000"><table:table-cell office:value-type="string" '
                'table:number-columns-repeated="100"><text:p>x</text:p></table:table-cell></table:table-row>')
# What LibreOffice writes after the last row: formatted empty rows and columns to the sheet's end.
STYLED_ODS = ('<table:table-row table:number-rows-repeated="1048573"><table:table-cell '
              'table:number-columns-repeated="1024" table:style-name="ce1"/></table:table-row>')


@pytest.mark.parametrize("tail, match", [(SPARSE_ODS, r"499,994 行 × 191 列"), (REPEATED_ODS, r"100,003 行 × 100 列")])
def test_an_ods_whose_repeats_reach_past_the_budget_is_refused_before_it_is_read(tmp_path, monkeypatch, tail,
                                                                                 match):
    path = ods_list(tmp_path / "bomb.ods", tail)
    assert path.stat().st_size < 2_000  # calamine would allocate 95 million cells (gigabytes) for the first
    refused_before_reading(path, monkeypatch, match)


def test_an_ods_with_formatted_empty_rows_to_the_end_is_read_as_the_list_it_is(db, tmp_path):
    path = ods_list(tmp_path / "styled.ods", STYLED_ODS)
    assert safety.check_file(path) == "ods"
    assert sorted(c.name for c in plan_import(path).new) == ["张三", "李四"]


def test_a_broken_xls_container_is_refused_in_one_sentence(tmp_path):
    path = tmp_path / "broken.xls"
    path.write_bytes(safety.OLE_MAGIC + b"\x00" * 20 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00\x06\x00" + b"\xff" * 600)
    with pytest.raises(InvalidInput, match="损坏|工作簿"):
        safety.check_file(path)
