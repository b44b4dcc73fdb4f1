"""The pages that are only declared settings: each names its groups."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from pharmacy_desk.ui.settings.page import SettingsPage


class PharmacyPage(SettingsPage):
    NAME, TITLE, GROUPS = "pharmacy", QT_TRANSLATE_NOOP("SettingsPage", "药店"), ("药店",)
    INTRO = QT_TRANSLATE_NOOP("SettingsPage", "店名、地址和电话打印在小票、会员卡和短信上；保存后下一张小票起使用。")


class CouponsPage(SettingsPage):
    NAME, TITLE, GROUPS = "coupons", QT_TRANSLATE_NOOP("SettingsPage", "优惠券与活动"), ("优惠券",)
    INTRO = QT_TRANSLATE_NOOP("SettingsPage", "券的金额和有效期用于此后发放的券；已经发出的券保持发放时的金额和有效期。")


class MarketingPage(SettingsPage):
    NAME, TITLE, GROUPS = "marketing", QT_TRANSLATE_NOOP("SettingsPage", "沉睡与RFM"), ("营销",)
    INTRO = QT_TRANSLATE_NOOP("SettingsPage", "回访名单、A/B类会员和唤醒名单下次计算时按新标准；不改变已有的回访记录。")


class StaffCreditPage(SettingsPage):
    NAME, TITLE, GROUPS = "staff_credit", QT_TRANSLATE_NOOP("SettingsPage", "店员业绩"), ("店员业绩",)
    INTRO = QT_TRANSLATE_NOOP("SettingsPage", "此后的销售按新比例计入专属店员和接待店员的业绩；已记的业绩不重算。")


class MembersPage(SettingsPage):
    NAME, TITLE, GROUPS = "members", QT_TRANSLATE_NOOP("SettingsPage", "会员"), ("会员",)
    INTRO = QT_TRANSLATE_NOOP("SettingsPage", "卡号前缀用于此后登记的会员；已有的卡号不变。")


class TillPage(SettingsPage):
    NAME, TITLE, GROUPS = "till", QT_TRANSLATE_NOOP("SettingsPage", "收银"), ("收银",)


class BackupPage(SettingsPage):
    NAME, TITLE, GROUPS = "backups", QT_TRANSLATE_NOOP("SettingsPage", "备份"), ("备份",)
    INTRO = QT_TRANSLATE_NOOP("SettingsPage", "下一次自动备份起按新设置保存和保留。")


class SystemPage(SettingsPage):
    NAME, TITLE, GROUPS = "program", QT_TRANSLATE_NOOP("SettingsPage", "系统"), ("系统",)
    INTRO = QT_TRANSLATE_NOOP("SettingsPage", "空闲锁屏下次计时起生效；界面语言在重新打开程序后生效。")
