"""口令: PINs and passwords are kept only as Argon2id hashes (argon2-cffi).

The parameters are declared once, here. They make one hash cost about 180 ms on the
two-core machine the desk was tuned on (time_cost=3, memory 64 MiB, one lane: median
0.18 s over five runs, against 0.13 s for time_cost=2 and 0.23 s for time_cost=4), so a
guessed PIN costs an attacker as much as a cashier notices, and not more. A stored
hash made with other parameters still verifies, and is replaced by one made with
these at the next successful sign-in (``Verification.rehashed``).

What a person types is compared after full-width digits and letters become their
ASCII forms, so a PIN typed with a Chinese input method in full-width mode (１２３４)
is the same PIN.
"""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from pharmacy_desk.core.normalize import halfwidth

TIME_COST = 3
MEMORY_COST_KIB = 64 * 1024
PARALLELISM = 1


def _hasher(time_cost: int = TIME_COST, memory_cost: int = MEMORY_COST_KIB,
            parallelism: int = PARALLELISM) -> PasswordHasher:
    return PasswordHasher(time_cost=time_cost, memory_cost=memory_cost, parallelism=parallelism,
                          hash_len=32, salt_len=16, type=Type.ID)


hasher = _hasher()


@dataclass(frozen=True)
class Verification:
    """Whether a secret matched; ``rehashed`` is a new hash to store when the parameters changed."""

    ok: bool
    rehashed: str | None = None


def _typed(secret: str) -> str:
    return halfwidth(secret)


def hash_secret(secret: str) -> str:
    """The Argon2id hash to store for a PIN or password (a fresh salt each time)."""
    return hasher.hash(_typed(secret))


def verify_secret(stored: str | None, secret: str) -> Verification:
    """Check ``secret`` against a stored hash; a missing or damaged hash matches nothing.

    Costs one hash either way, so an account without a password answers no faster.
    """
    if not stored:
        hasher.hash(_typed(secret))  # the same time as a real check
        return Verification(False)
    try:
        hasher.verify(stored, _typed(secret))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return Verification(False)
    if hasher.check_needs_rehash(stored):
        return Verification(True, hash_secret(secret))
    return Verification(True)
