"""Business-rule settings: the stored values, read with ``get`` and written only by ``change``.

Values live in the database (``Setting`` rows) so every till of the pharmacy and
every report agree; a setting never changed is its declared default. The
declarations (type, range, unit, group, label, help) are in
``core.setting_declarations``, in the order a settings window shows them.

Per-person UI preferences are not here: they live in QSettings on the UI side.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

from pharmacy_desk.core import db
from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core.setting_declarations import CROSS_RULES, DECLARATION_BY_KEY, DECLARATIONS, Declaration
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP, Sentence, term
from pharmacy_desk.core.operator import Operator

if TYPE_CHECKING:
    from pharmacy_desk.core.models import Operation
    from pharmacy_desk.core.rule_cache import Cached

__all__ = ["DECLARATIONS", "DECLARATION_BY_KEY", "Declaration", "all_values", "change", "change_many", "declaration", "get",
           "invalidate", "mark_demo"]

log = logging.getLogger(__name__)

def declaration(key: str) -> Declaration:
    """The declaration of ``key``; an unknown key is refused in Chinese (it may have been typed)."""
    found = DECLARATION_BY_KEY.get(key)
    if found is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "没有名为“{key}”的设置。"), key=key)
    return found


def _read() -> dict[str, Any]:
    """Every declared setting's current value, read from the database now.

    A stored value that is no longer allowed (written before its range was declared)
    reads as the default, so a bad row cannot stop sign-ups or sales; it is logged.
    """
    values = {d.key: d.default_value for d in DECLARATIONS}
    for key, stored in db.read("SELECT key, value FROM setting"):
        if key in DECLARATION_BY_KEY:
            try:
                values[key] = DECLARATION_BY_KEY[key].load(stored)
            except InvalidInput as refusal:
                log.warning("stored setting %s=%r is not allowed, using the default: %s", key, stored, refusal)
    return values


_values: Cached[dict[str, Any]] | None = None


def _stored() -> dict[str, Any]:
    """All settings, read again only when a rule changed (``core/rule_cache.py``).

    The first window reads a setting or two before the engine is attached (``db.read``):
    those reads are not cached, so the cache and its stamp load with the engine.
    """
    global _values
    if not db.attached():
        return _read()
    if _values is None:
        from pharmacy_desk.core import rule_cache

        _values = rule_cache.Cached(_read)
    return _values.get()


def get(key: str) -> Any:
    return _stored()[DECLARATION_BY_KEY[key].key]


def assumed(key: str) -> Any:
    """The value last read, without checking that it is still current: for a guess checked afterwards."""
    held = _values.held() if _values is not None else None
    return get(key) if held is None else held[DECLARATION_BY_KEY[key].key]


def all_values() -> dict[str, Any]:
    return dict(_stored())


def invalidate() -> None:
    from pharmacy_desk.core import rule_cache

    rule_cache.invalidate()


def _problem_with(values: dict[str, Any], key: str) -> Sentence | None:
    return next((problem for rule in CROSS_RULES if key in rule.keys if (problem := rule.problem(values))), None)


def _store(key: str, value: Any, operator: Operator | None, at: dt.datetime) -> None:
    from pharmacy_desk.core.models import Setting

    Setting.replace(key=key, value=DECLARATION_BY_KEY[key].dump(value), updated_at=at,
                    updated_by=None if operator is None else operator.id).execute()
    invalidate()


def change(key: str, value: Any, operator: Operator, *, at: dt.datetime | None = None) -> Operation | None:
    """The one way an operator changes a setting; returns the recorded operation.

    ``value`` is typed text (``"6"``, ``"3.50 元"``, ``"是"``) or a value of the setting's
    type (int, fen, ``Decimal``, bool, blocks). It is checked against the declared range
    and against the other settings (A类 ≤ A+B类 …); a refusal is one Chinese sentence and
    stores nothing. The change is recorded as a ``setting_change`` operation whose detail
    reads ``积分有效期：3 个月 → 6 个月``. Setting the value it already has records nothing.
    """
    import uuid

    from pharmacy_desk.core import operations
    from pharmacy_desk.core.db import write_transaction

    require(operator, Permission.CHANGE_RULES)
    found = declaration(key)
    if found.internal:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "{label}由程序维护，不能手动修改。"), label=term(found.label))
    new = found.parse(value) if isinstance(value, str) else found.check(value)
    at = at or operations.now()
    try:
        with write_transaction():
            current = _read()  # inside the write lock: another till may just have changed a setting
            old = current[key]
            if new == old:
                return None
            problem = _problem_with({**current, key: new}, key)
            if problem:
                raise InvalidInput(problem)
            _store(key, new, operator, at)
            return operations.start(f"setting:{key}:{uuid.uuid4()}", "setting_change", operator, at,
                                    subject=f"setting:{key}",
                                    detail=f"{found.label}：{found.format(old)} → {found.format(new)}")
    finally:
        invalidate()


def change_many(values: dict[str, Any], operator: Operator, *, at: dt.datetime | None = None) -> list[Operation]:
    """Several settings saved together (a settings window's 保存): one audited change per changed value.

    Each value is checked like ``change``; the rules joining settings are checked on the new
    values together, so raising A类 and A+B类 at once is not refused half-way. Either every
    value is stored or none is.
    """
    import uuid

    from pharmacy_desk.core import operations
    from pharmacy_desk.core.db import write_transaction

    require(operator, Permission.CHANGE_RULES)
    new: dict[str, Any] = {}
    for key, value in values.items():
        found = declaration(key)
        if found.internal:
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "{label}由程序维护，不能手动修改。"), label=term(found.label))
        new[key] = found.parse(value) if isinstance(value, str) else found.check(value)
    at = at or operations.now()
    recorded: list[Operation] = []
    try:
        with write_transaction():
            current = _read()
            changed = {key: value for key, value in new.items() if value != current[key]}
            combined = {**current, **changed}
            for key in changed:
                problem = _problem_with(combined, key)
                if problem:
                    raise InvalidInput(problem)
            for key, value in changed.items():
                found = DECLARATION_BY_KEY[key]
                _store(key, value, operator, at)
                recorded.append(operations.start(
                    f"setting:{key}:{uuid.uuid4()}", "setting_change", operator, at, subject=f"setting:{key}",
                    detail=f"{found.label}：{found.format(current[key])} → {found.format(value)}"))
    finally:
        invalidate()
    return recorded


def mark_demo() -> None:
    """Mark the open database as a demo (``is_demo``): kept by the program, not an operator's change."""
    from pharmacy_desk.core import operations
    from pharmacy_desk.core.db import write_transaction

    with write_transaction():
        _store("is_demo", True, None, operations.now())
    invalidate()
