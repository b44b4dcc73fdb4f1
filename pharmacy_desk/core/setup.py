"""开店设置: the first run of a pharmacy's own database.

A database is ready when it has an active owner who can sign in. Until then the app
opens the setup (the wizard, or ``pharmacy-desk setup``), which stores the pharmacy's
name, address and phone and creates the owner's account — the one action that needs
no operator, since none exists yet. It is refused once the database is set up.

A database from before sign-in existed may already name an owner without a password;
setting it up under that name gives that owner their password, so their history
stays theirs.
"""

from __future__ import annotations

import datetime as dt

from pharmacy_desk.core import audit, operations, passwords, settings
from pharmacy_desk.core.accounts import secret_problem
from pharmacy_desk.core.db import write_transaction
from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.models import Staff
from pharmacy_desk.core.operator import Operator
from pharmacy_desk.core.pharmacy import SETTINGS, PharmacyInfo, needs_setup, pharmacy_info
from pharmacy_desk.core.staff import clean_name
from pharmacy_desk.core.vocabulary import OperationKind, Role
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP

__all__ = ["PharmacyInfo", "needs_setup", "pharmacy_info", "set_up"]


def _checked(info: PharmacyInfo) -> dict[str, str]:
    """The settings to store, each checked by its declaration; a pharmacy needs a name."""
    values = {key: settings.declaration(key).parse(getattr(info, field)) for field, key in SETTINGS}
    if not values["pharmacy_name"]:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "请填写药店名称。"))
    return values


def set_up(info: PharmacyInfo, owner_name: str, owner_password: str, *, at: dt.datetime | None = None) -> Operator:
    """Store the pharmacy's details and create its owner; returns the owner, signed in."""
    if not needs_setup():
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "这个数据库已经完成开店设置；店员和密码由店长在“店员管理”中修改。"))
    values = _checked(info)
    name = clean_name(owner_name)
    problem = secret_problem(Role.OWNER, owner_password)
    if problem:
        raise InvalidInput(problem)
    hashed = passwords.hash_secret(owner_password)
    at = at or operations.now()
    with write_transaction():
        if not needs_setup():  # another window finished it meanwhile
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "这个数据库已经完成开店设置。"))
        owner = Staff.get_or_none(Staff.name == name)
        if owner is None:
            owner = Staff.create(name=name, role=Role.OWNER, password_hash=hashed, created_at=at)
        elif owner.role == Role.OWNER and owner.active and not owner.password_hash:
            Staff.update(password_hash=hashed).where(Staff.id == owner.id).execute()
            owner = Staff.get_by_id(owner.id)
        else:
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "已有名为“{name}”的店员，请为店长换一个姓名。"), name=name)
        operator = Operator.of(owner)
        for key, value in values.items():
            settings.change(key, value, operator, at=at)
        audit.record(OperationKind.SETUP, operator, subject=f"staff:{owner.id}",
                     detail=f"药店：{values['pharmacy_name']}；店长：{owner.name}", at=at)
    return operator
