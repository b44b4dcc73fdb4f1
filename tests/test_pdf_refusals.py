"""PDFs (member cards, receipts) into a folder that refuses them: one sentence, nothing claimed.

Qt's PDF writer opens the file itself and, when it cannot, only warns on the console and
paints nothing: the program said "已把 1 张会员卡写入 …" for a file that was never written.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from pharmacy_desk.core.cards import MemberCard
from pharmacy_desk.core.errors import FileProblem
from tests.counter_window import scan, type_amount
from tests.test_cards_cli import cards, shop  # noqa: F401 - the fixture

CARD = MemberCard("康宁大药房", "张三", "2000000000015")


def test_cards_into_a_missing_folder_are_refused_in_one_sentence(qapp, tmp_path):
    from pharmacy_desk.ui.card_painter import save_pdf

    target = tmp_path / "pulled-stick" / "cards.pdf"
    try:
        save_pdf([CARD], target)
    except FileProblem as problem:
        assert str(problem) == f"无法写入 {target}：所在的文件夹不存在。刚才的文件没有保存。"
    else:
        raise AssertionError("no refusal for a PDF that could not be written")
    assert not target.parent.exists()


def test_a_pdf_written_whole_leaves_no_temporary_file_beside_it(qapp, tmp_path):
    from pharmacy_desk.ui.card_painter import save_pdf

    assert save_pdf([CARD] * 3, tmp_path / "cards.pdf", sheet=False) == 3
    assert [p.name for p in tmp_path.iterdir()] == ["cards.pdf"]
    assert (tmp_path / "cards.pdf").read_bytes().startswith(b"%PDF")


def test_the_cards_command_says_the_file_was_not_saved(capsys, shop, tmp_path):  # noqa: F811
    target = tmp_path / "no-such-folder" / "cards.pdf"
    code, out, err = cards(capsys, shop, "--all", "--out", target)
    assert code == 1 and out == ""
    assert err == f"错误：无法写入 {target}：所在的文件夹不存在。刚才的文件没有保存。\n"


def test_the_receipt_saved_into_a_missing_folder_says_so(qtbot, window, make_member, tmp_path, monkeypatch):
    from pharmacy_desk.ui import operations

    said: list[tuple[str, bool]] = []
    monkeypatch.setattr(operations, "show_message", lambda parent, message, expected: said.append((message, expected)))
    scan(qtbot, window, make_member(name="张三").card_no)
    type_amount(qtbot, window, "household", "88")
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Return)
    target = tmp_path / "gone" / "receipt.pdf"
    assert window.counter.receipt.save_pdf(str(target)) is None
    assert said == [(f"无法写入 {target}：所在的文件夹不存在。刚才的文件没有保存。", True)]


def test_a_members_card_saved_into_a_missing_folder_says_so(qtbot, window, make_member, clerk, tmp_path, monkeypatch):
    from pharmacy_desk.ui import card_actions, operations

    said: list[tuple[str, bool]] = []
    monkeypatch.setattr(operations, "show_message", lambda parent, message, expected: said.append((message, expected)))
    member = make_member(name="王五")
    target = tmp_path / "gone" / "card.pdf"
    assert card_actions.save_pdf(window, clerk, [member.id], str(target)) is None
    assert said == [(f"无法写入 {target}：所在的文件夹不存在。刚才的文件没有保存。", True)]

