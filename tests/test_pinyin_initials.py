"""Initials read from the table are pypinyin's own, and the table is the installed pypinyin's."""

from __future__ import annotations

import random
import subprocess
import sys

from hypothesis import given, settings, strategies as st

from pharmacy_desk.core.normalize import SURNAME_INITIALS, initials_of_names, name_initials
from pharmacy_desk.core.pinyin_initials import build_table, pypinyin_initials, read_table, table_initials

_, INITIALS, WORDS = read_table()


def reference(name: str) -> str:
    """What the till gave before the table: pypinyin's whole conversion, then the surname rule."""
    initials = pypinyin_initials(name)
    first = SURNAME_INITIALS.get(name[:1])
    return first + initials[1:] if first and initials else initials


def test_the_table_is_the_installed_pypinyins():
    initials, words = build_table()
    assert initials == INITIALS
    assert words == WORDS


COMMON = "王李张刘陈杨黄赵吴周单曾解仇朴区查乐长欧阳建国红军伟芳娜秀英长江重庆行银朝"


def tricky_names() -> list[str]:
    rng = random.Random(5)
    names = ["".join(rng.choice(COMMON) for _ in range(rng.choice((2, 3, 4)))) for _ in range(3000)]
    names += ["".join(chr(rng.randrange(0x4E00, 0xA000)) for _ in range(3)) for _ in range(3000)]
    # Words read otherwise than their characters, alone and inside names.
    names += rng.sample(WORDS, 300) + [rng.choice("王李张") + rng.choice(WORDS) + rng.choice("红军") for _ in range(300)]
    names += ["Li Na", "王Amy", "张三", "ÀÉ", "Ⅱ世", "a-b_c 1", "欧阳娜娜", "曾小明", "长孙无忌", "𠀋三"]
    return names


def test_names_read_as_pypinyin_reads_them():
    names = tricky_names()
    assert [name_initials(n) for n in names] == [reference(n) for n in names]


def test_a_list_of_names_is_read_in_one_pass_as_each_alone():
    names = tricky_names() * 2  # an import's names repeat
    read = initials_of_names(iter(names))
    assert set(read) == set(names)
    assert all(read[n] == reference(n) for n in names)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(COMMON + "".join(WORDS[:200]) + "AbZ 09·-"), min_size=1, max_size=8))
def test_any_mix_of_tricky_characters(name):
    assert name_initials(name) == reference(name)


def test_a_word_read_otherwise_is_left_to_pypinyin():
    assert "一朝" in WORDS and table_initials("李一朝") is None
    assert table_initials("张三") == "zs" and table_initials("Li Na") == "lina"


def test_plain_names_do_not_load_pypinyin():
    code = ("import sys; from pharmacy_desk.core.normalize import name_initials; "
            "assert name_initials('张伟') == 'zw' and name_initials('Amy') == 'amy'; "
            "print(sorted(m for m in sys.modules if m.startswith('pypinyin')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
