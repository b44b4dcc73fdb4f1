"""``staff add|list|edit|deactivate|reset|unlock``: the owner's staff accounts from the command line."""

from __future__ import annotations

import datetime as dt

from pharmacy_desk.commands.common import NEW_PASSWORD_ENV, open_from_args, read_secret, signed_in

ROLES = ("cashier", "pharmacist", "owner")


def _new_secret(name: str, role: str) -> str:
    kind = "密码（至少 8 个字符）" if role == "owner" else "PIN（4 到 6 位数字）或密码"
    return read_secret(f"{name} 的新{kind}：", NEW_PASSWORD_ENV, confirm=True)


def _show(rows, at: dt.datetime) -> None:
    for row in rows:
        state = "在职" if row.active else "已停用"
        if row.locked_at(at):
            state += f"，锁定至 {row.locked_until:%H:%M}"
        secret = "" if row.has_secret else "，未设置密码"
        print(f"  {row.name}（{row.role_label}）：{state}{secret}")


def cmd_staff(args) -> int:
    from pharmacy_desk.core import accounts, operations

    open_from_args(args)
    operator = signed_in(args)
    action = args.action
    if action == "list":
        _show(accounts.list_staff(operator), operations.now())
        return 0
    if action == "add":
        secret = _new_secret(args.name, args.role)
        row = accounts.add_staff(args.name, args.role, secret, operator)
        print(f"已添加店员 {row.name}（{row.role_label}）。")
        return 0
    person = accounts.find_by_name(args.name, operator)
    if action == "edit":
        promoted = args.role == "owner" and person.role != "owner"
        secret = _new_secret(args.new_name or person.name, "owner") if promoted else None
        row = accounts.update_staff(person.id, operator, name=args.new_name, role=args.role, secret=secret)
        print(f"已修改：{row.name}（{row.role_label}）。")
    elif action == "deactivate":
        accounts.deactivate(person.id, operator)
        print(f"已停用 {person.name}；他的消费和操作记录保留。")
    elif action == "reset":
        accounts.reset_secret(person.id, _new_secret(person.name, person.role), operator)
        print(f"已为 {person.name} 重设密码。")
    elif action == "unlock":
        accounts.unlock(person.id, operator)
        print(f"已为 {person.name} 解除锁定。")
    return 0


def register(commands) -> None:
    parser = commands.add_parser("staff", help="店员账户（店长）：添加、列出、修改、停用、重设密码、解锁")
    parser.set_defaults(func=cmd_staff)
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help=f"添加店员；PIN 或密码在提示时输入，或放在环境变量 {NEW_PASSWORD_ENV} 中")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, choices=ROLES, help="cashier 收银员 / pharmacist 药师 / owner 店长")
    actions.add_parser("list", help="列出全部店员")
    edit = actions.add_parser("edit", help="修改店员的姓名或角色")
    edit.add_argument("name", metavar="NAME")
    edit.add_argument("--name", dest="new_name", metavar="NEW", help="新姓名")
    edit.add_argument("--role", choices=ROLES)
    for name, text in (("deactivate", "停用店员（记录保留）"), ("reset", "重设店员的 PIN 或密码"),
                       ("unlock", "解除连续输错密码造成的锁定")):
        actions.add_parser(name, help=text).add_argument("name", metavar="NAME")
