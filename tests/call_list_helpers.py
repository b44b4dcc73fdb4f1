"""Helpers for call-list and campaign tests: buying a chronic medicine with its days of supply."""

from pharmacy_desk.core import sales


def buy_medicine(member, at, days_supply, operator, uid, description="苯磺酸氨氯地平片", fen=5000):
    order = sales.SaleInput(lines=[sales.LineInput("rx", fen, description=description, days_supply=days_supply)],
                            member_id=member.id)
    order.payments = {"cash": sales.preview(order, at).quote.due_fen}
    return sales.record_sale(order, operator=operator, uid=uid, at=at)


class QueryCounter:
    """Counts the SQL statements a block runs (settings, their stamp and pragmas left out)."""

    def __init__(self, database, monkeypatch):
        self.statements = []
        original = database.execute_sql

        def counting(sql, params=None, *args, **kwargs):
            if not sql.lstrip().upper().startswith("PRAGMA") and "FROM setting" not in sql \
                    and "FROM rule_version" not in sql:
                self.statements.append(sql)
            return original(sql, params, *args, **kwargs)

        monkeypatch.setattr(database, "execute_sql", counting)
