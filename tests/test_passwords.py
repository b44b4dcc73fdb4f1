"""PINs and passwords are kept as Argon2id hashes with the parameters declared once."""

from argon2 import PasswordHasher, Type

from pharmacy_desk.core import passwords


def test_a_hash_is_argon2id_salted_and_never_the_secret():
    first, second = passwords.hash_secret("1234"), passwords.hash_secret("1234")
    assert first.startswith("$argon2id$") and first != second
    assert "1234" not in first.split("$")[-1]
    assert passwords.verify_secret(first, "1234").ok and passwords.verify_secret(second, "1234").ok


def test_a_wrong_missing_or_damaged_hash_matches_nothing():
    stored = passwords.hash_secret("1234")
    assert not passwords.verify_secret(stored, "1235").ok
    assert not passwords.verify_secret(None, "1234").ok
    assert not passwords.verify_secret("", "1234").ok
    assert not passwords.verify_secret("not a hash", "1234").ok


def test_a_full_width_pin_is_the_same_pin():
    stored = passwords.hash_secret("1234")
    assert passwords.verify_secret(stored, "１２３４").ok


def test_a_hash_made_with_other_parameters_verifies_and_is_replaced():
    old = PasswordHasher(time_cost=1, memory_cost=16, parallelism=1, type=Type.ID).hash("demo1234")
    verdict = passwords.verify_secret(old, "demo1234")
    assert verdict.ok and verdict.rehashed is not None and verdict.rehashed != old
    assert passwords.verify_secret(verdict.rehashed, "demo1234") == passwords.Verification(True, None)
    assert passwords.verify_secret(old, "wrong").rehashed is None


def test_the_declared_parameters_are_what_a_hash_is_made_with(monkeypatch):
    monkeypatch.setattr(passwords, "hasher", passwords._hasher())
    stored = passwords.hash_secret("demo1234")
    assert f"$m={passwords.MEMORY_COST_KIB},t={passwords.TIME_COST},p={passwords.PARALLELISM}$" in stored
    assert passwords.verify_secret(stored, "demo1234") == passwords.Verification(True, None)
