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

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup, QFormLayout, QLabel, QLineEdit, QRadioButton, QVBoxLayout, QWizard, QWizardPage,
)

from pharmacy_desk.core.changes import ALL, Changes
from pharmacy_desk.core.pharmacy import PharmacyInfo
from pharmacy_desk.core.vocabulary import Role
from pharmacy_desk.ui import i18n
from pharmacy_desk.ui.i18n import core
from pharmacy_desk.ui.inline import InlineMessage

if TYPE_CHECKING:
    from pharmacy_desk.core import demo  # loaded when the demo is chosen: it brings the whole sale path
    from pharmacy_desk.core.operator import Operator
    from pharmacy_desk.core.rule_review import RuleLine
    from pharmacy_desk.ui.table_model import Column, RowsTableModel

# The first page paints before the engine is attached (``db.open_database(lazily=True)``): what
# the later pages and 完成 need (the accounts' rules, the rule review with the settings'
# declarations and its table, the setup itself) is loaded, or made, when they are reached.

START_IMPORT, START_DEMO, START_EMPTY = "import", "demo", "empty"


class PharmacyPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("药店信息"))
        self.setSubTitle(self.tr("店名、地址和电话会印在小票、会员卡和短信内容上。"))
        self.name = QLineEdit()
        self.name.setMaxLength(40)
        self.address = QLineEdit()
        self.address.setMaxLength(80)
        self.phone = QLineEdit()
        self.phone.setMaxLength(20)
        self.phone.setPlaceholderText(self.tr("如 0571-88886666"))
        form = QFormLayout(self)
        form.addRow(self.tr("药店名称(&N)*"), self.name)
        form.addRow(self.tr("地址(&A)"), self.address)
        form.addRow(self.tr("电话(&P)"), self.phone)
        self.registerField("pharmacy_name*", self.name)

    def info(self) -> PharmacyInfo:
        return PharmacyInfo(self.name.text().strip(), self.address.text().strip(), self.phone.text().strip())


class OwnerPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("店长账号"))
        self.setSubTitle(self.tr("店长管理店员、规则和数据。密码至少 8 个字符，请牢记；店员的账号开店后在“店员管理”中添加。"))
        self.name = QLineEdit()
        self.name.setMaxLength(20)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = InlineMessage()
        form = QFormLayout(self)
        form.addRow(self.tr("店长姓名(&N)*"), self.name)
        form.addRow(self.tr("密码(&P)*"), self.password)
        form.addRow(self.tr("再输一次(&A)*"), self.again)
        form.addRow(self.message)
        self.registerField("owner_name*", self.name)
        self.registerField("owner_password*", self.password)

    def validatePage(self) -> bool:
        from pharmacy_desk.core import accounts

        if self.password.text() != self.again.text():
            problem = self.tr("两次输入的密码不一致。")
        else:
            refusal = accounts.secret_problem(Role.OWNER, self.password.text())
            problem = i18n.sentence(refusal) if refusal is not None else ""
        if problem:
            self.message.refused(problem)
            self.password.clear()  # which of the two was mistyped nobody knows: both again
            self.again.clear()
            self.password.setFocus()
            return False
        self.message.clear_message()
        return True


def _shown(text) -> str:
    """A sentence of the rule review in the windows' language: a ``Phrase`` or a plain text."""
    from pharmacy_desk.core.rule_review import Phrase
    from pharmacy_desk.core.sentences import COUNT

    return core(text.template, text.args.get(COUNT, -1)).format(**text.args) if isinstance(text, Phrase) else core(text)


def _rule_label(line: RuleLine) -> str:
    """A setting's label is declared; a category's or a tier's is the name the owner gave it."""
    from pharmacy_desk.core.setting_declarations import DECLARATION_BY_KEY

    return core(line.label) if line.key in DECLARATION_BY_KEY else line.label


def _rule_value(line: RuleLine) -> str:
    from pharmacy_desk.core.setting_declarations import DECLARATION_BY_KEY
    from pharmacy_desk.ui import setting_text

    declaration = DECLARATION_BY_KEY.get(line.key)
    return setting_text.shown_value(declaration, line.setting) if declaration else _shown(line.value)


def rule_columns() -> tuple[Column, ...]:
    from pharmacy_desk.ui.table_model import Column

    return (
        Column(QT_TRANSLATE_NOOP("Columns", "类别"), lambda r: core(r.group)),
        Column(QT_TRANSLATE_NOOP("Columns", "规则"), _rule_label),
        Column(QT_TRANSLATE_NOOP("Columns", "默认值"), _rule_value, align_right=True),
        Column(QT_TRANSLATE_NOOP("Columns", "含义"), lambda r: _shown(r.meaning)),
    )


class RulesPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("默认规则"))
        self.setSubTitle(self.tr("积分、优惠券、等级和营销的默认规则如下，开店后店长可以随时修改（改动只影响以后的消费）。"))
        # The table and its rows are made when the page is reached: the program's first table (its model
        # brings the Qt namespace, ui/first_paint.py) would cost the first paint more than the page shows.
        self.model: RowsTableModel | None = None
        self.rows = QVBoxLayout(self)

    def initializePage(self) -> None:
        from PySide6.QtWidgets import QHeaderView

        from pharmacy_desk.core.rule_review import rule_lines
        from pharmacy_desk.ui.inline import table_view
        from pharmacy_desk.ui.table_model import RowsTableModel

        if self.model is None:
            self.model = RowsTableModel(rule_columns(), parent=self)
            view = table_view(self.model, stretch_column=3)
            view.setWordWrap(True)
            view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
            view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            self.rows.addWidget(view)
        self.model.set_rows(rule_lines())


class StartPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("开始使用"))
        self.setSubTitle(self.tr("点“完成”创建店长账号并以店长身份登录，然后："))
        self.choices = QButtonGroup(self)
        layout = QVBoxLayout(self)
        for code, text, detail in (
                (START_IMPORT, self.tr("导入旧会员名单(&I)"), self.tr("从 Excel 或 CSV 文件导入原有会员和积分（打开导入向导）。")),
                (START_DEMO, self.tr("载入演示数据(&D)"), self.tr("生成虚构的会员和一年的消费，用来熟悉软件；正式使用请另建数据库。")),
                (START_EMPTY, self.tr("空白开始(&E)"), self.tr("直接打开收银台，顾客来了再登记。"))):
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
        self.setWindowTitle(self.tr("开店设置"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步 >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< 上一步"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))
        self.person: Operator | None = None
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

        def done(owner: Operator) -> None:
            self.person = owner

        from pharmacy_desk.core import setup
        from pharmacy_desk.ui.operations import Job

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
            QCoreApplication.translate("SetupWizard", "已载入演示数据：会员 {members} 人，消费 {sales} 笔。").format(
                members=loaded.summary.members, sales=loaded.summary.sales), 10000)
        if then is not None:
            then(loaded.summary)

    from pharmacy_desk.core import demo
    from pharmacy_desk.ui.operations import Job

    return Job(window, lambda _progress: DemoLoaded(demo.generate(members_count=300, months=12, seed=1))) \
        .success(done).run_in_background(QCoreApplication.translate("SetupWizard", "正在载入演示数据"))
