"""An import's rows are made in a second thread ahead of the chunks that write them: in the list's order,
exactly as many as each chunk asks for, with what the making raised raised in the writing thread."""

import sys
import threading

import pytest

from pharmacy_desk.core.spreadsheet import made_ahead
from pharmacy_desk.core.spreadsheet.commit import CardNumbers
from pharmacy_desk.core.members import ean13_check_digit


def test_each_chunk_takes_exactly_its_rows_in_the_lists_order():
    made_in = set()

    def make(items):
        made_in.add(threading.current_thread().name)
        return [item * 10 for item in items]

    with made_ahead.RowsAhead(range(23), make, piece=4) as ahead:
        taken = [ahead.take(n) for n in (1, 5, 2, 9, 7, 3)]
    assert [len(rows) for rows in taken] == [1, 5, 2, 9, 6, 0]
    assert sum(taken, []) == [n * 10 for n in range(23)]
    assert made_in and threading.current_thread().name not in made_in


def test_the_next_chunks_rows_are_being_made_while_this_one_is_written():
    asked = []
    with made_ahead.RowsAhead(range(100), lambda items: asked.append(len(items)) or list(items), piece=10) as ahead:
        ahead.take(20)
        assert ahead.asked >= 40  # this chunk's twenty and as many again behind them


def test_what_the_making_raised_is_raised_where_the_rows_are_taken_and_the_interval_comes_back():
    usual = sys.getswitchinterval()

    def make(items):
        if 7 in items:
            raise ValueError("bad row")
        return list(items)

    with pytest.raises(ValueError, match="bad row"):
        with made_ahead.RowsAhead(range(20), make, piece=5) as ahead:
            assert sys.getswitchinterval() == pytest.approx(made_ahead.SWITCH_S)
            assert ahead.take(5) == [0, 1, 2, 3, 4]
            ahead.take(5)
    assert sys.getswitchinterval() == usual


def test_card_numbers_are_drawn_in_order_past_those_taken(db, make_member):
    from pharmacy_desk.core import settings

    prefix = settings.get("card_prefix")
    body = f"{prefix}{2:0{12 - len(prefix)}d}"
    taken = body + ean13_check_digit(body)  # the list brings the number the second draw would give
    cards = CardNumbers([taken])
    drawn = cards.draw(3) + cards.draw(1)
    assert taken not in drawn and len(set(drawn)) == 4
    assert [int(card[len(prefix):12]) for card in drawn] == [1, 3, 4, 5]
    assert all(card[-1] == ean13_check_digit(card[:12]) for card in drawn)
