"""病史 from a legacy list waits "to be confirmed with the member": shown in the health tab to those who may see
health files, never to a cashier; confirming it (with consent) moves it into the 慢病 of the file, audited."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from pharmacy_desk.core import profiles
from pharmacy_desk.core.errors import InvalidInput, NotPermitted
from pharmacy_desk.core.models import Member, Operation, Staff
from pharmacy_desk.core.vocabulary import OperationKind
from pharmacy_desk.ui.member_detail import MemberDetailDialog
from tests.counter_helpers import ime_type


@pytest.fixture
def pharmacist(db):
    return Staff.create(name="陈静", role="pharmacist")


@pytest.fixture
def imported(make_member):
    """A member as an import leaves them: a 病史 to confirm, no consent yet."""
    member = make_member(name="张三")
    Member.update(health_to_confirm="高血压 10年").where(Member.id == member.id).execute()
    return Member.get_by_id(member.id)


def confirmations():
    return [(o.staff_id, o.subject) for o in Operation.select().where(Operation.kind == OperationKind.CONFIRM_HEALTH)]


def test_the_pharmacist_sees_the_history_to_confirm_and_the_look_is_recorded(imported, pharmacist):
    record = profiles.open_health_record(imported.id, pharmacist)
    assert (record.consented_on, record.to_confirm, record.chronic_conditions) == (None, "高血压 10年", "")
    views = Operation.select().where(Operation.kind == OperationKind.VIEW_HEALTH)
    assert [v.staff_id for v in views] == [pharmacist.id]


def test_a_cashier_can_neither_read_nor_confirm_it(imported, clerk):
    with pytest.raises(NotPermitted):
        profiles.health_record(imported.id, clerk)
    with pytest.raises(NotPermitted):
        profiles.confirm_imported_history(imported.id, clerk)
    assert Member.get_by_id(imported.id).health_to_confirm == "高血压 10年" and confirmations() == []


def test_confirming_needs_the_members_consent(imported, pharmacist):
    with pytest.raises(InvalidInput, match="尚未同意"):
        profiles.confirm_imported_history(imported.id, pharmacist)
    assert Member.get_by_id(imported.id).health_to_confirm == "高血压 10年" and confirmations() == []


def test_confirmed_it_joins_the_chronic_conditions_and_is_recorded(imported, pharmacist):
    profiles.record_health_consent(imported.id, pharmacist, True)
    profiles.update_health_file(imported.id, pharmacist, chronic_conditions="糖尿病")
    update = profiles.confirm_imported_history(imported.id, pharmacist, "高血压  10 年")
    assert (update.member.chronic_conditions, update.member.health_to_confirm) == ("糖尿病；高血压 10 年", "")
    assert update.changes.health and update.changes.touches_member(imported.id)
    assert confirmations() == [(pharmacist.id, f"member:{imported.id}:kept")]
    with pytest.raises(InvalidInput, match="没有待确认"):
        profiles.confirm_imported_history(imported.id, pharmacist)


def test_a_history_the_member_denies_is_dropped(imported, pharmacist):
    profiles.record_health_consent(imported.id, pharmacist, True)
    update = profiles.confirm_imported_history(imported.id, pharmacist, " ")
    assert (update.member.chronic_conditions, update.member.health_to_confirm) == ("", "")
    assert confirmations() == [(pharmacist.id, f"member:{imported.id}:dropped")]


def _open(qtbot, member, operator):
    dialog = MemberDetailDialog(member.id, operator)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_pharmacist_confirms_it_in_the_health_tab_after_the_consent(qtbot, imported, pharmacist):
    dialog = _open(qtbot, imported, pharmacist)
    health = dialog.health_tab
    dialog.tabs.setCurrentWidget(health)
    assert health.to_confirm_box.isVisible() and health.to_confirm_edit.toPlainText() == "高血压 10年"
    assert not health.confirm_history_button.isEnabled() and "同意" in health.to_confirm_hint.text()
    qtbot.keyClick(health.consent_box, Qt.Key.Key_Space)
    qtbot.mouseClick(health.record_consent_button, Qt.MouseButton.LeftButton)
    assert health.confirm_history_button.isEnabled() and health.to_confirm_box.isVisible()
    health.to_confirm_edit.clear()
    ime_type(health.to_confirm_edit, "高血压")  # what the member says today
    qtbot.mouseClick(health.confirm_history_button, Qt.MouseButton.LeftButton)
    saved = Member.get_by_id(imported.id)
    assert (saved.chronic_conditions, saved.health_to_confirm) == ("高血压", "")
    assert health.chronic_edit.toPlainText() == "高血压" and not health.to_confirm_box.isVisible()
    assert "已确认" in health.message.text() and confirmations() == [(pharmacist.id, f"member:{imported.id}:kept")]


def test_a_cashier_has_no_health_tab_to_see_it_in(qtbot, imported, clerk):
    dialog = _open(qtbot, imported, clerk)
    assert getattr(dialog, "health_tab", None) is None
    assert not any("高血压" in label.text() for label in dialog.findChildren(type(dialog.header)))
