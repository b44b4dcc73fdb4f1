"""The pharmacy this database belongs to, and who can sign in at its till: what the first window asks.

These are read with plain SQL through ``db.read``, so the sign-in (or, on a new database,
开店设置) can paint before peewee and the models are loaded (``db.open_database(lazily=True)``),
and the two settings that window shows before the settings' declarations are loaded.
"""

from __future__ import annotations

from dataclasses import dataclass

from pharmacy_desk.core import db
from pharmacy_desk.core.vocabulary import Role

__all__ = ["SHOWN_FIRST", "PharmacyInfo", "needs_setup", "pharmacy_info", "shown_first", "sign_in_names"]


@dataclass(frozen=True)
class PharmacyInfo:
    """What receipts, member cards and SMS texts say about the pharmacy."""

    name: str
    address: str = ""
    phone: str = ""


SETTINGS = (("name", "pharmacy_name"), ("address", "pharmacy_address"), ("phone", "pharmacy_phone"))

# Someone who can sign in: an active account with a PIN or password.
_CAN_SIGN_IN = "active AND password_hash IS NOT NULL AND password_hash != ''"


# The settings the first window shows (its language, the pharmacy's name above the sign-in), with their
# declared defaults. Each is a text stored as it is shown (``setting_types.StoredAsIs``), so it is read
# as stored: the declarations (every setting's type, range and words) cost the first paint some
# milliseconds. A test holds these to the declarations.
SHOWN_FIRST = {"ui_language": "zh_CN", "pharmacy_name": ""}


def shown_first(key: str) -> str:
    """What ``settings.get(key)`` gives for a key of ``SHOWN_FIRST``, read without the settings' declarations.

    A stored text no program of ours wrote (out of the declared range) is given as stored: the
    windows' language falls back by itself (``ui.i18n.install``), a name is only shown.
    """
    stored = db.read("SELECT value FROM setting WHERE key = ?", (key,))
    return stored[0][0] if stored else SHOWN_FIRST[key]


def pharmacy_info() -> PharmacyInfo:
    from pharmacy_desk.core import settings

    return PharmacyInfo(**{field: settings.get(key) for field, key in SETTINGS})


def needs_setup() -> bool:
    """True while no active owner can sign in: the app opens the setup, not the counter."""
    return not db.read(f"SELECT 1 FROM staff WHERE role = ? AND {_CAN_SIGN_IN} LIMIT 1", (Role.OWNER.value,))


def sign_in_names() -> list[str]:
    """The names a person can sign in as, for the picker: active people with a PIN or password, oldest first.

    Never the ``system`` account that runs scheduled jobs.
    """
    return [name for (name,) in db.read(f"SELECT name FROM staff WHERE role != ? AND {_CAN_SIGN_IN} ORDER BY id",
                                        (Role.SYSTEM.value,))]
