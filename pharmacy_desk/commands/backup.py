"""``backup``, ``restore``: a checked copy of the database now; a backup put in its place."""

from __future__ import annotations

from pharmacy_desk.commands.common import chosen_path, open_from_args, signed_in


def cmd_backup(args) -> int:
    from pharmacy_desk.core import backup

    open_from_args(args)
    info = backup.make_backup(args.to)
    if info.warning:
        print(f"注意：{info.warning}")
    print(f"已备份到 {info.path}（{info.size / 1_000_000:.1f} MB，完整性检查通过）。")
    return 0


def cmd_backups(args) -> int:
    from pharmacy_desk.core import backup, backup_files
    from pharmacy_desk.core.database_file import DatabaseUnusable

    try:
        open_from_args(args)
        found = backup.good_backups()
    except DatabaseUnusable:
        # Missing, empty or damaged: its backups are what is needed now, found without opening it.
        found = backup_files.backups_in(backup_files.backup_folders(), chosen_path(args))
    if not found:
        print("尚无备份。")
    for info in found:
        print(f"{info.created_at:%Y-%m-%d %H:%M:%S}  {info.reason.label:<4}  {info.size / 1_000_000:8.1f} MB  {info.path}")
    return 0


def cmd_restore(args) -> int:
    from pharmacy_desk.core import db, restore
    from pharmacy_desk.core.database_file import DatabaseUnusable
    from pharmacy_desk.core.permissions import Permission

    path = chosen_path(args)
    try:
        open_from_args(args, allow_damaged=True)
        usable = not db.read_only
    except DatabaseUnusable:
        usable = False
    if usable:
        result = restore.restore(args.file, signed_in(args, Permission.RESTORE))
    else:
        # Missing, empty or damaged: nobody can sign in to it (a sign-in is recorded in it),
        # and what is there is moved aside, not lost.
        result = restore.restore_unopenable(path, args.file)
    print(f"已从 {result.restored_from} 恢复到 {result.database}。{restore.kept_sentence(result.kept)}。")
    return 0


def register(commands) -> None:
    parser = commands.add_parser("backup", help="立即备份数据库（经完整性检查）")
    parser.add_argument("--to", metavar="DIR", help="备份到这个文件夹（默认：设置中的备份文件夹，或程序数据目录）")
    parser.set_defaults(func=cmd_backup)
    commands.add_parser("backups", help="列出数据库的完好备份，最新的在前").set_defaults(func=cmd_backups)
    parser = commands.add_parser("restore", help="用备份替换数据库（原数据库先备份保留；店长 --as）")
    parser.add_argument("file", metavar="FILE", help="备份文件")
    parser.set_defaults(func=cmd_restore)
