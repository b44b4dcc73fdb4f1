"""The Qt-free domain of pharmacy_desk: models, ledger, rules, services, import/export, reports."""
