"""开店设置: what a database without an owner opens instead of the counter.

Four pages: the pharmacy (name, address, phone: printed on receipts, cards and SMS
texts), the owner's account (name and password, twice), the default rules with what
each means (every one can be changed later), and how to begin: bring over a legacy
member list, load demo data to try things out, or start empty. 完成 sets the database
up (``setup.set_up``); ``person`` is then the owner, signed in, and ``start`` says how
to begin.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup, QFormLayout, QHeaderView, QLabel, QLineEdit, QRadioButton, QVBoxLayout, QWizard, QWizardPage,
)

from pharmacy_desk.core import accounts, setup
from pharmacy_desk.core.changes import ALL, Changes
from pharmacy_desk.core.models import Staff
from pharmacy_desk.core.rule_review import rule_lines
from pharmacy_desk.core.vocabulary import Role
from pharmacy_desk.ui.inline import InlineMessage, table_view
from pharmacy_desk.ui.operations import Job
from pharmacy_desk.ui.table_model import Column, RowsTableModel

if TYPE_CHECKING:
    from pharmacy_desk.core import demo  # loaded when the demo is chosen: it brings the whole sale path

START_IMPORT, START_DEMO, START_EMPTY = "import", "demo", "empty"


class PharmacyPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle("药店信息")
        self.setSubTitle("店名、地址和电话会印在小票、会员卡和短信内容上。")
        self.name = QLineEdit()
        self.name.setMaxLength(40)
        self.address = QLineEdit()
        self.address.setMaxLength(80)
        self.phone = QLineEdit()
        self.phone.setMaxLength(20)
        self.phone.setPlaceholderText("如 0571-88886666")
        form = QFormLayout(self)
        form.addRow("药店名称(&N)*", self.name)
        form.addRow("地址(&A)", self.address)
        form.addRow("电话(&P)", self.phone)
        self.registerField("pharmacy_name*", self.name)

    def info(self) -> setup.PharmacyInfo:
        return setup.PharmacyInfo(self.name.text().strip(), self.address.text().strip(), self.phone.text().strip())


class OwnerPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle("店长账号")
        self.setSubTitle("店长管理店员、规则和数据。密码至少 8 个字符，请牢记；店员的账号开店后在“店员管理”中添加。")
        self.name = QLineEdit()
        self.name.setMaxLength(20)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = InlineMessage()
        form = QFormLayout(self)
        form.addRow("店长姓名(&N)*", self.name)
        form.addRow("密码(&P)*", self.password)
        form.addRow("再输一次(&A)*", self.again)
        form.addRow(self.message)
        self.registerField("owner_name*", self.name)
        self.registerField("owner_password*", self.password)

    def validatePage(self) -> bool:
        if self.password.text() != self.again.text():
            problem = "两次输入的密码不一致。"
        else:
            problem = accounts.secret_problem(Role.OWNER, self.password.text())
        if problem:
            self.message.refused(problem)
            self.password.clear()  # which of the two was mistyped nobody knows: both again
            self.again.clear()
            self.password.setFocus()
            return False
        self.message.clear_message()
        return True


RULE_COLUMNS = (
    Column("类别", lambda r: r.group),
    Column("规则", lambda r: r.label),
    Column("默认值", lambda r: r.value, align_right=True),
    Column("含义", lambda r: r.meaning),
)


class RulesPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle("默认规则")
        self.setSubTitle("积分、优惠券、等级和营销的默认规则如下，开店后店长可以随时修改（改动只影响以后的消费）。")
        self.model = RowsTableModel(RULE_COLUMNS, rule_lines, parent=self)
        self.view = table_view(self.model, stretch_column=3)
        self.view.setWordWrap(True)
        self.view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)


class StartPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle("开始使用")
        self.setSubTitle("点“完成”创建店长账号并以店长身份登录，然后：")
        self.choices = QButtonGroup(self)
        layout = QVBoxLayout(self)
        for code, text, detail in (
                (START_IMPORT, "导入旧会员名单(&I)", "从 Excel 或 CSV 文件导入原有会员和积分（打开导入向导）。"),
                (START_DEMO, "载入演示数据(&D)", "生成虚构的会员和一年的消费，用来熟悉软件；正式使用请另建数据库。"),
                (START_EMPTY, "空白开始(&E)", "直接打开收银台，顾客来了再登记。")):
            button = QRadioButton(text)
            button.setProperty("start", code)
            self.choices.addButton(button)
            note = QLabel(detail)
            note.setWordWrap(True)
            note.setIndent(24)
            layout.addWidget(button)
            layout.addWidget(note)
        self.choices.buttons()[-1].setChecked(True)
        layout.addStretch(1)
        self.message = InlineMessage()
        layout.addWidget(self.message)

    def start(self) -> str:
        return self.choices.checkedButton().property("start")

    def validatePage(self) -> bool:
        """完成: the database is set up here, so a refusal keeps the wizard open with the reason."""
        return self.wizard().set_up(self.message)


class SetupWizard(QWizard):
    """开店设置; accepted once the owner exists (``person``), with ``start`` one of the START_ codes."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("开店设置")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setButtonText(QWizard.WizardButton.NextButton, "下一步 >")
        self.setButtonText(QWizard.WizardButton.BackButton, "< 上一步")
        self.setButtonText(QWizard.WizardButton.FinishButton, "完成")
        self.setButtonText(QWizard.WizardButton.CancelButton, "取消")
        self.person: Staff | None = None
        self.pharmacy, self.owner, self.rules, self.start_page = PharmacyPage(), OwnerPage(), RulesPage(), StartPage()
        for page in (self.pharmacy, self.owner, self.rules, self.start_page):
            self.addPage(page)
        self.resize(960, 640)

    @property
    def start(self) -> str:
        return self.start_page.start()

    def set_up(self, message: InlineMessage) -> bool:
        if self.person is not None:
            return True
        info, name, password = self.pharmacy.info(), self.owner.name.text(), self.owner.password.text()

        def done(owner: Staff) -> None:
            self.person = owner

        # Nobody can sign in before this call: it creates the first person who can.
        return Job(self, lambda: setup.set_up(info, name, password)).success(done).failure(message.refused).run()


@dataclass(frozen=True)
class DemoLoaded:
    """What 载入演示数据 made, and what it changed (everything a screen shows)."""

    summary: demo.DemoSummary
    changes: Changes = Changes(members=ALL, sales=True, ledger=True, coupons=True, catalog=True, staff=True)


def load_demo(window, then=None):
    """载入演示数据 into the new database, in the background; ``then(summary)`` when it is there."""

    def done(loaded: DemoLoaded) -> None:
        window.statusBar().showMessage(
            f"已载入演示数据：会员 {loaded.summary.members} 人，消费 {loaded.summary.sales} 笔。", 10000)
        if then is not None:
            then(loaded.summary)

    from pharmacy_desk.core import demo

    return Job(window, lambda _progress: DemoLoaded(demo.generate(members_count=300, months=12, seed=1))) \
        .success(done).run_in_background("正在载入演示数据")
