"""The one vocabulary: every code has one Chinese label, and the CHECKs come from the same members."""

import datetime as dt
import re
from importlib import resources
from pathlib import Path

import pytest

import pharmacy_desk
from pharmacy_desk.core import members, models, schema
from pharmacy_desk.core.db import close_database, open_database
from pharmacy_desk.core.models import Member, Staff
from pharmacy_desk.core.spreadsheet.commit import commit_import
from pharmacy_desk.core.spreadsheet.plan import read_plan
from pharmacy_desk.core.spreadsheet.tables import export_members
from pharmacy_desk.core.vocabulary import (
    CREDIT_KINDS, DEBIT_KINDS, FORBIDDEN_DRUG_CLASSES, GIFTABLE_DRUG_CLASSES, VOCABULARIES, CatalogKind, ContactReason,
    CouponKind, DrugClass, Gender, LedgerKind, MeasurementKind, PaymentMethod, Role, check_in,
)
from tests.spreadsheet_helpers import write_xlsx

V1_SQL = resources.files("pharmacy_desk.core").joinpath("schema_sql/v1.sql").read_text(encoding="utf-8")


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.__name__)
def test_every_code_has_a_unique_chinese_label(vocabulary):
    labels = [member.label for member in vocabulary]
    assert all(label.strip() for label in labels)
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in label) for label in labels), labels
    assert len(set(labels)) == len(labels), labels


def test_a_code_compares_and_formats_as_its_stored_text():
    assert Role.OWNER == "owner" and f"{LedgerKind.EARN}" == "earn" and str(Gender.UNKNOWN) == ""
    assert LedgerKind.label_of("earn") == "消费积分"
    assert LedgerKind.of("earn") is LedgerKind.EARN and Gender.of("") is Gender.UNKNOWN
    assert Gender.choices() == [("未填", ""), ("男", "M"), ("女", "F")]
    with pytest.raises(ValueError):
        Role.label_of("manager")
    with pytest.raises(ValueError):
        Role.of("manager")
    assert Role.has("owner") and Role.has(Role.OWNER) and not Role.has("manager") and not Role.has(None)


def test_ledger_directions_cover_every_kind_and_only_adjust_goes_both_ways():
    assert CREDIT_KINDS | DEBIT_KINDS == set(LedgerKind)
    assert CREDIT_KINDS & DEBIT_KINDS == {LedgerKind.ADJUST}


def test_drug_classes_are_either_giftable_or_forbidden():
    assert set(GIFTABLE_DRUG_CLASSES) | set(FORBIDDEN_DRUG_CLASSES) == set(DrugClass)
    assert not set(GIFTABLE_DRUG_CLASSES) & set(FORBIDDEN_DRUG_CLASSES)


# The CHECK texts of the frozen v1 schema, which the generated ones must reproduce byte for byte.
V1_CHECKS = [
    (check_in("role", Role), "role IN ('cashier','pharmacist','owner','system')"),
    (check_in("gender", Gender, ", "), "gender IN ('', 'M', 'F')"),
    (check_in("kind", CouponKind), "kind IN ('fixed','percent','threshold','service')"),
    (check_in("method", PaymentMethod), "method IN ('cash','wechat','alipay','card','insurance')"),
    (check_in("kind", CatalogKind), "kind IN ('gift','service')"),
    (check_in("drug_class", GIFTABLE_DRUG_CLASSES), "drug_class IN ('none','otc_b')"),
    (check_in("kind", LedgerKind),
     "kind IN ('earn','import','adjust','refund','redeem','gift','expire','clawback')"),
]


@pytest.mark.parametrize(("generated", "frozen"), V1_CHECKS, ids=[f for _, f in V1_CHECKS])
def test_generated_check_is_byte_identical_to_the_v1_schema(generated, frozen):
    assert generated == frozen
    assert f"CHECK ({generated})" in V1_SQL


def test_every_generated_check_is_in_the_current_versions_snapshot():
    """Adding a code changes a CHECK: that needs a migration and a new snapshot, not just a new member."""
    current = (resources.files("pharmacy_desk.core").joinpath(f"schema_sql/v{schema.CURRENT_VERSION}.sql")
               .read_text(encoding="utf-8"))
    measurement = check_in("kind", MeasurementKind)  # the measurement table came with v2
    assert measurement == "kind IN ('bp','glucose')"
    for generated in [measurement, *(text for text, _ in V1_CHECKS)]:
        assert f"CHECK ({generated})" in current


@pytest.mark.parametrize(("field", "vocabulary"), [
    (models.Staff.role, Role), (models.Member.gender, Gender), (models.Coupon.kind, CouponKind),
    (models.Payment.method, PaymentMethod), (models.CatalogItem.kind, CatalogKind),
    (models.CatalogItem.drug_class, DrugClass), (models.LedgerEntry.kind, LedgerKind),
    (models.Measurement.kind, MeasurementKind),
], ids=lambda v: getattr(v, "name", None) or getattr(v, "__name__", ""))
def test_model_check_is_the_one_generated_from_the_vocabulary(db, field, vocabulary):
    table = field.model._meta.table_name
    sql = db.execute_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()[0]
    allowed = GIFTABLE_DRUG_CLASSES if vocabulary is DrugClass else vocabulary
    texts = [check_in(field.column_name, allowed, separator) for separator in (",", ", ")]
    assert any(f'"{field.column_name}" VARCHAR(255) NOT NULL CHECK ({text})' in sql for text in texts), sql


def test_gender_from_the_sign_up_form_and_from_an_import_is_the_same_stored_code(db, clerk, owner, tmp_path):
    at = dt.datetime(2026, 6, 10, 9, 30)
    words = {Gender.UNKNOWN: ("", "未填"), Gender.MALE: ("男", "male", "M"), Gender.FEMALE: ("女", "Female", "f")}
    signed_up = {}
    for n, (_label, code) in enumerate(Gender.choices()):  # what the form's combo box hands over
        signed_up[code] = members.register(phone=f"1380000{n:04d}", name="张三", operator=clerk, gender=code,
                                           at=at).member.gender
    rows, expected = [["姓名", "手机号", "性别"]], {}
    for n, (gender, spellings) in enumerate((g, s) for g, ss in words.items() for s in ss):
        phone = f"1390000{n:04d}"
        rows.append(["李四", phone, spellings])
        expected[phone] = gender.value
    commit_import(read_plan(write_xlsx(tmp_path / "m.xlsx", {"Sheet1": rows}), today=at.date()), owner, at=at)
    imported = {m.phone: m.gender for m in Member.select().where(Member.phone.startswith("139"))}
    assert imported == expected
    assert signed_up == {g.value: g.value for g in Gender}
    assert set(imported.values()) == set(signed_up.values())


def test_an_exported_member_list_imports_back_with_the_same_genders(db, clerk, owner, tmp_path):
    at = dt.datetime(2026, 6, 10, 9, 30)
    for n, gender in enumerate(Gender):
        members.register(phone=f"1380000{n:04d}", name="张三", operator=clerk, gender=gender, at=at)
    export_members(tmp_path / "members.xlsx", owner)
    before = {m.phone: m.gender for m in Member.select()}
    close_database()
    open_database(tmp_path / "fresh.sqlite3", create=True)
    commit_import(read_plan(tmp_path / "members.xlsx", today=at.date()), Staff.create(name="王芳", role=Role.OWNER),
                  at=at)
    assert {m.phone: m.gender for m in Member.select()} == before


def test_every_contact_reason_keeps_a_called_member_off_its_list_for_a_while():
    from pharmacy_desk.core.call_lists import CONTACT_WINDOW_DAYS

    # Refill calls are about one purchase, so they have no window of days.
    assert set(CONTACT_WINDOW_DAYS) | {ContactReason.REFILL} == set(ContactReason)


def test_no_module_keeps_its_own_table_of_a_vocabulary_label():
    """A code written beside its label (``"earn": "消费积分"``, ``("男", "M")``) outside the vocabulary is a copy."""
    package = Path(pharmacy_desk.__file__).parent
    pairs = []
    for vocabulary in VOCABULARIES:
        for member in vocabulary:
            code, label = re.escape(member.value), re.escape(member.label)
            pairs.append(re.compile(rf"""["']{code}["']\s*[:,]\s*["']{label}["']|["']{label}["']\s*,\s*["']{code}["']"""))
    copies = {f"{path.relative_to(package).as_posix()}: {match.group(0)}"
              for path in package.rglob("*.py") if path.name != "vocabulary.py"
              for pattern in pairs for match in pattern.finditer(path.read_text(encoding="utf-8"))}
    # Same words, other things: the seeded 处方药 product category (a row the owner renames)
    # and the title of the refill call list.
    assert copies <= {'core/defaults.py: "rx", "处方药"', 'core/call_lists.py: "refill", "续药提醒"'}
