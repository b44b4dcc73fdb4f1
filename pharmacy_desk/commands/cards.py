"""``pharmacy-desk cards``: member cards to a PDF, painted as the member and list windows paint them.

One member's card (``--member CARD``) goes on a page of the card's own size, for a card
printer; the cards of a call list (``--list NAME``), of the members an import created
(``--imported``) or of everyone (``--all``) go on A4 sheets of ten, to cut. The cards are
read, checked and recorded through ``core.cards.cards_for``, as in the windows: one card is
the counter's to print, a batch is the owner's (it carries many members' names).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from pharmacy_desk.commands.common import open_from_args, signed_in
from pharmacy_desk.core.errors import InvalidInput, NotFound


def _list_by_name(name: str):
    """A call list by its key (``dormant``) or its title as the lists window shows it (沉睡会员)."""
    from pharmacy_desk.core.call_lists import LISTS

    for item in LISTS:
        if name.strip() in (item.key, item.title):
            return item
    known = "、".join(f"{item.key}（{item.title}）" for item in LISTS)
    raise InvalidInput(f"没有叫“{name}”的回访名单；可选：{known}。")


def _chosen_members(args, operator) -> list[int] | None:
    """The members whose cards are asked for (None: everyone)."""
    from pharmacy_desk.core import cards

    if args.member is not None:
        return [cards.member_by_card(args.member)]
    if args.list is not None:
        rows = _list_by_name(args.list).rows(dt.date.today(), operator)
        return list(dict.fromkeys(row.member_id for row in rows))
    if args.imported:
        return list(cards.imported_members())
    return None


def _painting_application():
    """Qt paints text only inside an application; without a window to show, on the offscreen platform."""
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication([sys.argv[0] or "pharmacy-desk", "-platform", "offscreen"])


def cmd_cards(args) -> int:
    from pharmacy_desk.core import cards
    from pharmacy_desk.core.models import Member
    from pharmacy_desk.core.vocabulary import Permission

    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise InvalidInput("会员卡文件名应以 .pdf 结尾。")
    open_from_args(args)
    operator = signed_in(args, Permission.SIGN_UP if args.member is not None else Permission.EXPORT_PERSONAL)
    member_ids = _chosen_members(args, operator)
    if member_ids == [] or member_ids is None and not Member.select().exists():
        raise NotFound("没有要打印的会员卡：所选的会员一位也没有。")
    _qt = _painting_application()  # kept until the PDF is written; made before the cards are recorded
    from pharmacy_desk.ui.card_painter import save_pdf

    printed = cards.cards_for(member_ids, operator, destination=out)
    pages = save_pdf(printed, out, sheet=len(printed) > 1)
    shape = "A4 纸" if len(printed) > 1 else "会员卡大小"
    print(f"已把 {len(printed)} 张会员卡写入 {out}（{pages} 页，{shape}）")
    return 0


def register(commands) -> None:
    parser = commands.add_parser("cards", help="把会员卡（条码）存为 PDF：一位会员、一份回访名单、导入的会员或全部会员")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--member", metavar="CARD", help="这张卡号的会员（一张，会员卡大小的一页）")
    which.add_argument("--list", metavar="NAME", help="一份回访名单上的会员，如 dormant 或 沉睡会员（A4，每页十张）")
    which.add_argument("--imported", action="store_true", help="从 Excel/CSV 导入的会员（A4，每页十张）")
    which.add_argument("--all", action="store_true", help="全部会员（A4，每页十张）")
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="写入的 PDF 文件")
    parser.set_defaults(func=cmd_cards)
