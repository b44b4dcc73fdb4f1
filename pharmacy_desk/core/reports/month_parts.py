"""A month's report without its trend: computed from the records, or written down and read back.

``live_parts`` computes it (set-based SQL over the sales, ledger and members);
``encode``/``decode`` turn it into the JSON document a closed month stores
(``closing``) and back, exactly: a decoded month compares equal to a computed one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from fractions import Fraction
from typing import Any

from pharmacy_desk.core.reports.definitions import FIGURES
from pharmacy_desk.core.reports.dormancy import dormancy_series
from pharmacy_desk.core.reports.mix import AgeGender, TierCount, age_gender, tier_mix
from pharmacy_desk.core.reports.monthly import CategoryFigure, MonthlyFigures, monthly_series, top_categories
from pharmacy_desk.core.reports.period import Month
from pharmacy_desk.core.reports.rfm import RfmResult, RfmThresholds, rfm_segments
from pharmacy_desk.core.reports.staff import StaffFigures, staff_report

# Bumped when the document's shape changes: a month stored in another shape is computed again.
FORMAT = 1
PART_NAMES = ("categories", "tiers", "ages", "rfm", "staff")


@dataclass(frozen=True)
class MonthParts:
    figures: MonthlyFigures
    categories: list[CategoryFigure]
    tiers: list[TierCount]
    ages: AgeGender
    rfm: RfmResult
    staff: list[StaffFigures]

    def differences(self, other: MonthParts) -> list[str]:
        """The names of the figures and parts that differ from ``other``'s (Chinese, for the audit log)."""
        changed = [FIGURES[key].name for (key, mine), (_, theirs) in zip(self.figures.items(), other.figures.items())
                   if mine != theirs]
        return changed + [name for name in PART_NAMES if getattr(self, name) != getattr(other, name)]


def consecutive_runs(months: list[Month]) -> list[list[Month]]:
    """``months`` (ascending) cut where one does not follow the other."""
    runs: list[list[Month]] = []
    for month in months:
        if runs and runs[-1][-1].shifted(1) == month:
            runs[-1].append(month)
        else:
            runs.append([month])
    return runs


def live_parts(months: list[Month], thresholds: RfmThresholds = RfmThresholds()) -> dict[Month, MonthParts]:
    """Each of ``months`` (consecutive) computed from the records: one dormancy scan for them all."""
    dormant = dormancy_series(months, owners_every_month=True)
    figures = monthly_series(months, dormant=dormant)
    return {month: MonthParts(f, top_categories(month), tier_mix(month), age_gender(month),
                              rfm_segments(month, thresholds), staff_report(month, dormant=d))
            for month, f, d in zip(months, figures, dormant)}


def _number(value: object) -> object:
    return [value.numerator, value.denominator] if isinstance(value, Fraction) else value


def encode(parts: MonthParts) -> str:
    rfm = parts.rfm
    document = {
        "format": FORMAT,
        "figures": {key: _number(value) for key, value in parts.figures.items()},
        "categories": [[c.code, c.name, c.paid_fen, c.refund_fen] for c in parts.categories],
        "tiers": [[t.code, t.name, t.members] for t in parts.tiers],
        "ages": [[band, gender, n] for (band, gender), n in parts.ages.cells.items()],
        "rfm": {"thresholds": [rfm.thresholds.window_months, list(rfm.thresholds.recency_days),
                               list(rfm.thresholds.frequency), list(rfm.thresholds.money_fen)],
                "scored": rfm.scored, "average": list(rfm.average), "segments": rfm.segments},
        "staff": [[getattr(s, f.name) for f in fields(StaffFigures)] for s in parts.staff],
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def decode(month: Month, text: str) -> MonthParts | None:
    """The stored month, or None when it was stored in another shape."""
    document = json.loads(text)
    if document.get("format") != FORMAT:
        return None
    values: dict[str, Any] = {key: Fraction(*value) if FIGURES[key].unit in ("ratio", "decimal") else value
                              for key, value in document["figures"].items()}
    window, recency, frequency, money = document["rfm"]["thresholds"]
    rfm = document["rfm"]
    return MonthParts(
        figures=MonthlyFigures(month=month, **values),
        categories=[CategoryFigure(*row) for row in document["categories"]],
        tiers=[TierCount(*row) for row in document["tiers"]],
        ages=AgeGender({(band, gender): n for band, gender, n in document["ages"]}),
        rfm=RfmResult(RfmThresholds(window, tuple(recency), tuple(frequency), tuple(money)), rfm["scored"],
                      tuple(rfm["average"]), rfm["segments"]),
        staff=[StaffFigures(*row) for row in document["staff"]],
    )
