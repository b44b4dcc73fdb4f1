"""Who may do what: declared once here, checked in core, mirrored by the windows.

Every core service that changes data or reads personal or health data calls
``require(operator, Permission.X)`` before it touches anything, so a refusal changes
nothing. A window enables an action from ``can(operator, Permission.X)``; that is a
courtesy to the person at the till, never the check itself.
"""

from __future__ import annotations

from pharmacy_desk.core.errors import InvalidInput, NotPermitted
from pharmacy_desk.core.operator import Operator
from pharmacy_desk.core.vocabulary import Permission, Role
from pharmacy_desk.core.sentences import Joined, QT_TRANSLATE_NOOP, term

__all__ = ["ROLE_PERMISSIONS", "Permission", "can", "require"]


_COUNTER = frozenset({Permission.SELL, Permission.RETURN, Permission.REDEEM, Permission.SIGN_UP,
                      Permission.EDIT_MEMBER, Permission.CONTACT_MEMBERS})
_PHARMACIST = _COUNTER | {Permission.VIEW_HEALTH, Permission.EDIT_HEALTH}
_OWNER = frozenset(Permission) - {Permission.HOUSEKEEPING}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CASHIER: _COUNTER,
    Role.PHARMACIST: _PHARMACIST,
    Role.OWNER: _OWNER | {Permission.HOUSEKEEPING},
    # The account scheduled jobs act as; nobody signs in as it (the command line signs in
    # with ``--as``), so it needs nothing but housekeeping.
    Role.SYSTEM: frozenset({Permission.HOUSEKEEPING}),
}


def can(operator: Operator | None, permission: Permission) -> bool:
    """Whether ``operator`` holds ``permission``; an inactive or missing operator holds none."""
    if operator is None or not operator.active or not Role.has(operator.role):
        return False
    return permission in ROLE_PERMISSIONS[Role.of(operator.role)]


def require(operator: Operator | None, permission: Permission) -> None:
    """Refuse, in one sentence, an operator who may not do ``permission``; call before any change."""
    if operator is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "必须指明操作员。"))
    if not can(operator, permission):
        holders = Joined([term(role.label) for role, held in ROLE_PERMISSIONS.items()
                          if permission in held and role != Role.SYSTEM])
        raise NotPermitted(QT_TRANSLATE_NOOP("core", "没有“{permission}”的权限（{holders}可以）。"),
                           permission=term(permission.label), holders=holders)
