"""The till's hot statements as prepared SQL: each text built once, executed with parameters.

Building an INSERT with peewee costs more than SQLite takes to run it, and a sale runs
several, so their text is made once per shape (table, columns, number of rows) and sent
through the one database seam with the values. ``create`` is ``Model.create``: the same
defaults, the same conversions by the models' fields, the same instance back, and a row
of a table chained by hash is sealed as the model seals it (``chain.seal``).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from peewee import Model

from pharmacy_desk.core import chain
from pharmacy_desk.core.db import database

M = TypeVar("M", bound=Model)


@functools.cache
def insert_sql(table: str, columns: tuple[str, ...], rows: int = 1, computed: tuple[tuple[str, str], ...] = ()) -> str:
    """``INSERT INTO table (columns…) VALUES (?, …), …`` for ``rows`` rows.

    ``computed`` (one row only): (column, SQL expression) pairs whose values the database
    works out in the same statement; the row's id and those columns come back (RETURNING).
    """
    names = ", ".join(f'"{name}"' for name in (*columns, *(column for column, _ in computed)))
    one = "(" + ", ".join(["?"] * len(columns) + [expression for _, expression in computed]) + ")"
    sql = f'INSERT INTO "{table}" ({names}) VALUES {", ".join([one] * rows)}'
    if computed:
        sql += " RETURNING " + ", ".join(['"id"', *(f'"{column}"' for column, _ in computed)])
    return sql


def create(model: type[M], *, computed: Mapping[str, tuple[str, Sequence[object]]] | None = None,
           **fields: Any) -> M:
    """``model.create(**fields)``, with the statement's text built once for its columns.

    ``computed`` maps a field to an SQL expression and its parameters: the database works
    the value out in the INSERT itself and it is read back into the row (the next receipt
    number, say, where a read beforehand would be a statement of its own). Not for a table
    chained by hash, whose hash covers every value before the row is written.
    """
    if model._meta.table_name in chain.CHAINED and not database.in_transaction():
        from pharmacy_desk.core.db import write_transaction

        with write_transaction():  # the newest row's hash is read and the new row written under one lock
            return create(model, computed=computed, **fields)
    row = model(**fields)
    meta = row._meta
    data = row.__data__
    table = meta.table_name
    chained = table in chain.CHAINED
    if chained and computed:
        raise ValueError(f"{table} is chained by hash: its values are given, not computed")
    given = [field for name, field in meta.fields.items()
             if name in data and name != "id" and not (chained and name == "hash") and name not in (computed or ())]
    values = [field.db_value(data[field.name]) for field in given]
    columns = tuple(field.column_name for field in given)
    if chained:
        sealed = {field.column_name: data.get(name) for name, field in meta.fields.items()}
        row_id, digest = chain.seal(table, sealed)
        database.execute_sql(insert_sql(table, ("id", *columns, "hash")), [row_id, *values, digest])
        chain.inserted(table, row_id, digest)
        data["hash"] = digest
    elif computed:
        names = tuple(computed)
        expressions = tuple((meta.fields[name].column_name, computed[name][0]) for name in names)
        params = [*values, *(value for name in names for value in computed[name][1])]
        # Read to the end, so the statement is finished before anything else runs.
        ((row_id, *worked_out),) = database.execute_sql(insert_sql(table, columns, 1, expressions), params).fetchall()
        for name, value in zip(names, worked_out):
            data[name] = meta.fields[name].python_value(value)
    else:
        row_id = database.execute_sql(insert_sql(table, columns), values).lastrowid
    data["id"] = row_id
    row._dirty.clear()  # type: ignore[attr-defined]  # saved: nothing left to write
    return row


def insert_many(model: type[Model], columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Insert ``rows`` of ``model`` (values in the order of ``columns``, field names) in one statement."""
    if not rows:
        return
    fields = [model._meta.fields[name] for name in columns]
    params = [field.db_value(value) for row in rows for field, value in zip(fields, row)]
    names = tuple(field.column_name for field in fields)
    database.execute_sql(insert_sql(model._meta.table_name, names, len(rows)), params)


def columns_sql(model: type[Model], alias: str) -> str:
    """``alias."col", …`` for every column of ``model``, in the order ``instance`` takes them."""
    return ", ".join(f'{alias}."{name}"' for name in model._meta.columns)


def instance(model: type[M], values: Sequence[object]) -> M:
    """A ``model`` row read with ``columns_sql``, its values converted as the fields convert them."""
    fields = model._meta.columns.values()
    row = model(**{field.name: field.python_value(value) for field, value in zip(fields, values)})
    row._dirty.clear()  # type: ignore[attr-defined]  # read from the database: nothing to write
    return row
