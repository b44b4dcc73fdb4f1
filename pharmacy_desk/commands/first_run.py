"""``setup``: the first run of a pharmacy's own database — its details and the owner's account."""

from __future__ import annotations

from pharmacy_desk.commands.common import PASSWORD_ENV, open_from_args, read_secret


def cmd_setup(args) -> int:
    from pharmacy_desk.core import setup
    from pharmacy_desk.core.errors import InvalidInput

    path = open_from_args(args, create=True)
    if not setup.needs_setup():
        raise InvalidInput("这个数据库已经完成开店设置；店员和密码用 staff 命令修改。")
    password = read_secret(f"店长 {args.owner} 的密码（至少 8 个字符）：", PASSWORD_ENV, confirm=True)
    owner = setup.set_up(setup.PharmacyInfo(args.pharmacy, args.address, args.phone), args.owner, password)
    print(f"开店设置完成：{path}。店长 {owner.name} 可以登录了；用 --as {owner.name} 运行需要店长的命令，"
          f"例如 staff add 姓名 --role cashier。")
    return 0


def register(commands) -> None:
    parser = commands.add_parser("setup", help="开店设置：药店名称、地址、电话和店长账户（新数据库第一次使用时）")
    parser.add_argument("--pharmacy", required=True, metavar="NAME", help="药店名称（打印在小票和会员卡上）")
    parser.add_argument("--owner", required=True, metavar="NAME", help="店长姓名，登录时使用")
    parser.add_argument("--address", default="", help="药店地址")
    parser.add_argument("--phone", default="", help="药店电话")
    parser.set_defaults(func=cmd_setup)
