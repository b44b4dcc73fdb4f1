"""``gui`` (also what runs without a subcommand): the counter window. Qt is imported only here, on demand."""

from __future__ import annotations

from pharmacy_desk.commands.common import is_default_path, open_from_args


def _ensure_demo_database() -> None:
    from pharmacy_desk.core import demo
    from pharmacy_desk.core.models import Member

    if not Member.select().exists():
        print("正在生成演示数据……")
        demo.generate(members_count=300, months=12, seed=1)
    else:
        demo.ensure_demo_staff()  # a demo made before sign-in existed


def cmd_gui(args) -> int:
    from pharmacy_desk.core import gc_pause

    # Until the first window is on screen and the engine attached: what the start makes lives on.
    resume_collection = gc_pause.pause()
    try:
        return _open_the_windows(args, resume_collection)
    finally:
        resume_collection()


def _open_the_windows(args, resume_collection) -> int:
    from pharmacy_desk.core.database_file import DatabaseUnusable

    # The file is opened, and what the first window asks of it loaded, before Qt: once PySide is
    # loaded it reads the source of every module imported after it (to look for its
    # ``__feature__`` switches), a cost a hello-world window never pays.
    try:
        # The first run creates the pharmacy's default database; a file someone named must exist.
        path = open_from_args(args, create=is_default_path(args), lazily=True)
    except DatabaseUnusable as refusal:
        from pharmacy_desk.ui.app import make_application
        from pharmacy_desk.ui.restore_window import offer_restore_at_start

        if getattr(args, "smoke_test", False) or getattr(args, "smoke_walk", False):
            raise  # nobody is there to answer: one sentence on the console
        resume_collection()
        make_application()
        if not offer_restore_at_start(refusal):
            return 1
        path = refusal.path
    if args.demo:
        _ensure_demo_database()
    from pharmacy_desk.core import pharmacy  # noqa: F401 - the first window's questions (and the settings it shows)
    from pharmacy_desk.ui.app import run

    return run(path, smoke_test=getattr(args, "smoke_test", False), smoke_walk=getattr(args, "smoke_walk", False),
               started=getattr(args, "started", None), settled=resume_collection)


def register(commands) -> None:
    parser = commands.add_parser("gui", help="打开收银窗口（默认）")
    parser.add_argument("--smoke-test", action="store_true",
                        help="启动检查：窗口显示后自动退出，并打印启动用时（安装包的自动测试用）")
    parser.add_argument("--smoke-walk", action="store_true",
                        help="启动检查：在新数据库上自动走一遍开店设置、演示数据、收银和图表，然后退出（安装包的自动测试用）")
    parser.set_defaults(func=cmd_gui)
