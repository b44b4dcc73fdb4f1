"""What every table has in common: the database it is bound to, exact decimals, hash sealing.

The tables themselves are in ``core.models`` (the business) and ``core.bookkeeping_models``
(what the program keeps for itself).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from peewee import Model, TextField

from pharmacy_desk.core.db import database


class DecimalTextField(TextField):
    """An exact decimal kept as text, so SQLite never turns it into a float."""

    def db_value(self, value):
        return None if value is None else str(Decimal(value))

    def python_value(self, value):
        return None if value is None else Decimal(value)


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class BaseModel(Model):
    if TYPE_CHECKING:  # the auto primary key peewee adds to every model without one of its own
        id: Any

    class Meta:
        database = database
        legacy_table_names = False


class ChainedModel(BaseModel):
    """A table whose rows are chained by hash: each new row is sealed as it is inserted."""

    if TYPE_CHECKING:
        hash: Any

    def save(self, force_insert=False, only=None):
        if self._pk is not None and not force_insert:
            raise TypeError(f"{self._meta.table_name} rows are never updated")
        from pharmacy_desk.core.db import write_transaction

        # The newest row's hash is read and the new row written under one write lock.
        if database.in_transaction():
            return self._insert_sealed(only)
        with write_transaction():
            return self._insert_sealed(only)

    def _insert_sealed(self, only):
        from pharmacy_desk.core import chain

        row = {field.column_name: self.__data__.get(name) for name, field in self._meta.fields.items()}
        self.id, self.hash = chain.seal(self._meta.table_name, row)
        saved = super().save(force_insert=True, only=only)
        chain.inserted(self._meta.table_name, self.id, self.hash)
        return saved
