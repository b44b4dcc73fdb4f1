"""The windows are handed plain rows, never the database's: the peewee models stay inside ``core``.

Every name a module of ``ui/`` takes from ``core`` is looked at: a function must declare
what it returns, and neither what it returns nor what it takes may be a peewee model,
directly, inside a container, or as a field of a dataclass it returns (followed to the
bottom). A model class itself is never imported by a window.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import re
import typing
from pathlib import Path

import peewee
from pharmacy_desk.core import bookkeeping_models, models

UI = Path(__file__).resolve().parent.parent / "pharmacy_desk" / "ui"
MODEL_NAMES = frozenset(
    name for module in (models, bookkeeping_models) for name, value in vars(module).items()
    if isinstance(value, type) and issubclass(value, peewee.Model) and value is not peewee.Model)
MODEL_MODULES = ("pharmacy_desk.core.models", "pharmacy_desk.core.bookkeeping_models")


def core_names_used_by_ui() -> dict[tuple[str, str], set[str]]:
    """(core module, name) → the ui files that use it: ``module.name`` and ``from module import name``."""
    used: dict[tuple[str, str], set[str]] = {}
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules: dict[str, str] = {}  # local name → core module
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("pharmacy_desk.core"):
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    if _is_module(full):
                        modules[alias.asname or alias.name] = full
                    else:
                        used.setdefault((node.module or "", alias.name), set()).add(path.name)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("pharmacy_desk.core") and alias.asname:
                        modules[alias.asname] = alias.name
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules:
                used.setdefault((modules[node.value.id], node.attr), set()).add(path.name)
    return used


def _is_module(name: str) -> bool:
    try:
        importlib.import_module(name)
    except ImportError:
        return False
    return True


def models_named(annotation: object, seen: set[type] | None = None) -> set[str]:
    """The peewee models an annotation names, through containers, unions and dataclass fields."""
    seen = set() if seen is None else seen
    found: set[str] = set()
    if isinstance(annotation, str):  # an annotation that could not be resolved: read its words
        return set(re.findall(r"\w+", annotation)) & MODEL_NAMES
    if isinstance(annotation, type):
        if issubclass(annotation, peewee.Model):
            return {annotation.__name__}
        if dataclasses.is_dataclass(annotation) and annotation not in seen:
            seen.add(annotation)
            for hint in _hints(annotation).values():
                found |= models_named(hint, seen)
    for argument in typing.get_args(annotation):
        found |= models_named(argument, seen)
    return found


def _hints(thing: object) -> dict[str, object]:
    try:
        return dict(typing.get_type_hints(thing))
    except NameError:  # a name imported only for the type checker: fall back on the written text
        return {name: str(value) for name, value in getattr(thing, "__annotations__", {}).items()}


def crossing_rows() -> list[str]:
    """Each core name used by a window that hands over, or asks for, a database row."""
    problems = []
    for (module_name, name), files in sorted(core_names_used_by_ui().items()):
        value = getattr(importlib.import_module(module_name), name, None)
        where = f"{module_name}.{name} (used by {', '.join(sorted(files))})"
        if isinstance(value, type) and issubclass(value, peewee.Model):
            problems.append(f"{where} is a database model")
            continue
        if inspect.isfunction(value):
            hints = _hints(value)
            if "return" not in hints:
                problems.append(f"{where} does not say what it returns")
            for argument, hint in hints.items():
                rows = models_named(hint)
                if rows:
                    problems.append(f"{where}: {argument} is {', '.join(sorted(rows))}")
        elif isinstance(value, type) and dataclasses.is_dataclass(value):
            rows = models_named(value)
            if rows:
                problems.append(f"{where} holds {', '.join(sorted(rows))}")
    return problems


def test_the_scan_sees_what_the_windows_use():
    used = core_names_used_by_ui()
    assert ("pharmacy_desk.core.profiles", "update_profile") in used
    assert ("pharmacy_desk.core.sales", "preview") in used
    assert ("pharmacy_desk.core.redemption", "redeem") in used
    assert {"Member", "Staff", "CouponTemplate", "Category", "LedgerEntry"} <= MODEL_NAMES


@dataclasses.dataclass(frozen=True)
class _Inner:
    entry: models.LedgerEntry


@dataclasses.dataclass(frozen=True)
class _Outer:
    rows: tuple[_Inner, ...]
    count: int


def test_the_scan_finds_a_row_where_there_is_one():
    assert models_named(_Outer) == {"LedgerEntry"}
    assert models_named(list[models.Category] | None) == {"Category"}
    assert models_named("dict[str, Coupon]") == {"Coupon"}
    assert models_named(dict[str, int]) == set()


def test_no_window_is_handed_a_database_row():
    assert crossing_rows() == []


def test_no_window_imports_a_model():
    named = {}
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in MODEL_MODULES:
                rows = {alias.name for alias in node.names}
            elif isinstance(node, ast.Import):
                rows = {alias.name for alias in node.names if alias.name in MODEL_MODULES}
            else:
                continue
            if rows:
                named.setdefault(path.relative_to(UI).as_posix(), set()).update(rows)
    assert named == {}
