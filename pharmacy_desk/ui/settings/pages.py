"""The settings window's pages, in the order it lists them: the one place a page is registered."""

from __future__ import annotations

from pharmacy_desk.ui.settings.declared_pages import (
    BackupPage, CouponsPage, MarketingPage, MembersPage, PharmacyPage, StaffCreditPage, SystemPage, TillPage,
)
from pharmacy_desk.ui.settings.page import SettingsPage
from pharmacy_desk.ui.settings.points_page import PointsPage
from pharmacy_desk.ui.settings.tiers_page import TiersPage

PAGES: tuple[type[SettingsPage], ...] = (
    PharmacyPage, PointsPage, TiersPage, CouponsPage, StaffCreditPage, MarketingPage, MembersPage, TillPage,
    BackupPage, SystemPage,
)
