"""``pharmacy-desk cards``: the PDF's barcodes read back as the card numbers (rasterised, decoded by zbar)."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import subprocess

import pytest

from pharmacy_desk import cli
from pharmacy_desk.commands.common import PASSWORD_ENV
from tests.cli_helpers import OWNER, OWNER_PASSWORD, set_up_shop
from tests.spreadsheet_helpers import HEADER, write_xlsx

CASHIER, CASHIER_PIN = "李娜", "1234"
LONG_AGO = dt.datetime(2025, 1, 5, 9, 0)  # months without a purchase: on the 沉睡会员 list


@pytest.fixture
def shop(tmp_path, monkeypatch):
    """A set-up pharmacy with a cashier and twelve members, three of them dormant."""
    from pharmacy_desk.core import members
    from pharmacy_desk.core.db import close_database, open_database
    from pharmacy_desk.core.models import Staff

    path = tmp_path / "shop.sqlite3"
    set_up_shop(path, staff=[(CASHIER, "cashier", CASHIER_PIN)])
    open_database(path)
    try:
        owner = Staff.get(Staff.name == OWNER)
        for i in range(12):
            members.register(phone=f"1390000{i:04d}", name=f"会员{i}", operator=owner,
                             at=LONG_AGO if i < 3 else dt.datetime.now())
    finally:
        close_database()
    monkeypatch.setenv(PASSWORD_ENV, OWNER_PASSWORD)
    return path


def cards(capsys, db, *argv, who=OWNER):
    code = cli.main(["--db", str(db), "--as", who, "cards", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def card_numbers(db, where: str = "1") -> list[str]:
    with sqlite3.connect(db) as con:
        return [n for (n,) in con.execute(f"SELECT card_no FROM member WHERE {where} ORDER BY card_no")]


def printed(db) -> list[tuple[str, str, str]]:
    with sqlite3.connect(db) as con:
        return con.execute("SELECT s.name, o.subject, o.detail FROM operation o JOIN staff s ON s.id = o.staff_id "
                           "WHERE o.kind = 'print_cards' ORDER BY o.id").fetchall()


def page_count(pdf) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-z])", pdf.read_bytes()))


def decoded_page(pdf, page: int, tmp_path) -> list[tuple[str, str]]:
    """Every barcode on one page of the PDF: rendered at 300 dpi by poppler, read by zbar."""
    from PIL import Image
    from pyzbar import pyzbar

    stem = tmp_path / f"page-{page}"
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", "-f", str(page), "-l", str(page),
                    str(pdf), str(stem)], check=True, timeout=120)
    with Image.open(stem.with_suffix(".png")) as image:
        return sorted((symbol.type, symbol.data.decode()) for symbol in pyzbar.decode(image))


def test_every_members_card_on_a4_sheets_decodes_to_its_number_and_is_recorded(qapp, shop, capsys, tmp_path):
    out = tmp_path / "全部会员卡.pdf"
    code, said, err = cards(capsys, shop, "--all", "--out", out)
    assert (code, err) == (0, "") and "12 张会员卡" in said and "2 页" in said
    assert page_count(out) == 2
    numbers = card_numbers(shop)
    assert decoded_page(out, 1, tmp_path) == [("EAN13", n) for n in numbers[:10]]
    assert decoded_page(out, 2, tmp_path) == [("EAN13", n) for n in numbers[10:]]
    assert printed(shop) == [(OWNER, "12 张", f"12 张 → {out}")]


def test_the_cashier_prints_one_members_card_on_a_card_sized_page(qapp, shop, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, CASHIER_PIN)
    number = card_numbers(shop)[4]
    out = tmp_path / "card.pdf"
    code, said, _ = cards(capsys, shop, "--member", number, "--out", out, who=CASHIER)
    assert code == 0 and "1 张会员卡" in said and "会员卡大小" in said
    assert page_count(out) == 1
    assert re.search(rb"/MediaBox\s*\[\s*0 0 243[.0]* 153[.0]*\s*\]", out.read_bytes())  # 85.6 × 54 mm in points
    assert decoded_page(out, 1, tmp_path) == [("EAN13", number)]
    assert printed(shop) == [(CASHIER, number, f"1 张 → {out}")]


def test_a_cashier_may_not_print_a_batch_and_nothing_is_written_or_recorded(qapp, shop, capsys, tmp_path,
                                                                             monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, CASHIER_PIN)
    for which in (["--all"], ["--imported"], ["--list", "dormant"]):
        out = tmp_path / "cards.pdf"
        code, said, err = cards(capsys, shop, *which, "--out", out, who=CASHIER)
        assert code == 1 and said == "" and err.startswith("错误：") and len(err.strip().splitlines()) == 1
        assert not out.exists()
    assert printed(shop) == []


def test_a_call_lists_cards_are_those_of_its_members(qapp, shop, capsys, tmp_path):
    out = tmp_path / "dormant.pdf"
    code, said, _ = cards(capsys, shop, "--list", "沉睡会员", "--out", out)
    assert code == 0 and "3 张会员卡" in said and page_count(out) == 1
    dormant = card_numbers(shop, "created_at < '2025-02-01'")
    assert len(dormant) == 3 and decoded_page(out, 1, tmp_path) == [("EAN13", n) for n in dormant]
    code, _said, err = cards(capsys, shop, "--list", "nobody", "--out", out)
    assert code == 1 and "dormant（沉睡会员）" in err


def test_the_imported_members_cards_leave_out_those_signed_up_at_the_counter(qapp, shop, capsys, tmp_path):
    source = write_xlsx(tmp_path / "old.xlsx", {"Sheet1": [HEADER, ["", "张三", "13812345678", "男"],
                                                            ["", "李四", "13812345679", "女"]]})
    assert cli.main(["--db", str(shop), "--as", OWNER, "import-members", str(source)]) == 0
    capsys.readouterr()
    out = tmp_path / "imported.pdf"
    code, said, _ = cards(capsys, shop, "--imported", "--out", out)
    assert code == 0 and "2 张会员卡" in said
    imported = card_numbers(shop, "name IN ('张三', '李四')")
    assert decoded_page(out, 1, tmp_path) == sorted(
        ("EAN13" if len(n) == 13 else "CODE128", n) for n in imported)


def test_nothing_to_print_and_a_wrong_file_name_are_one_sentence(qapp, shop, capsys, tmp_path):
    code, _said, err = cards(capsys, shop, "--imported", "--out", tmp_path / "none.pdf")
    assert code == 1 and "没有要打印的会员卡" in err
    code, _said, err = cards(capsys, shop, "--member", "2999999999999", "--out", tmp_path / "none.pdf")
    assert code == 1 and "没有卡号为 2999999999999 的会员" in err
    code, _said, err = cards(capsys, shop, "--all", "--out", tmp_path / "cards.png")
    assert code == 1 and ".pdf" in err
    assert not list(tmp_path.glob("*.pdf")) and printed(shop) == []
