"""Who may do what: checked in core, so a window or the command line only mirrors it.

Sign-in (with passwords) comes later; until then the operator is whoever the till names,
and these checks already refuse a cashier's attempt to change the owner's rules.
"""

from __future__ import annotations

from pharmacy_desk.core.errors import InvalidInput, NotPermitted
from pharmacy_desk.core.models import Staff
from pharmacy_desk.core.vocabulary import RULE_ROLES


def require_rule_changer(operator: Staff | None) -> None:
    """The business rules (settings, tiers, categories) are the owner's to change."""
    if operator is None:
        raise InvalidInput("必须指明操作员。")
    if operator.role not in RULE_ROLES:
        raise NotPermitted("只有店长可以修改规则和设置。")
