"""Sentences the core says to people, declared once and translated by the windows.

The core imports no Qt, yet what it says (a refusal, a warning, a coupon's terms) is shown in
the windows' language. So a sentence is written as a Chinese *template* marked with
``QT_TRANSLATE_NOOP("core", "…")`` — a plain function that returns its text, which
``pyside6-lupdate`` finds by name when ``build_spec/update_translations.py`` reads the core —
and its parameters are kept apart from it: ``Sentence(template, name=…)``. The English
catalogue then holds each sentence once, with its placeholders; ``ui.i18n.sentence``
translates the template and fills it in. ``str(sentence)`` is the Chinese, which is what the
command line prints and what an error's ``str`` is. The command line stays Chinese: it starts
without Qt (``tests/test_import_guard.py``), so without the catalogue, and it is the tool of
whoever installs and looks after the program, whose commands and messages the README gives in
Chinese; scripts that read its output read one language.

A parameter that is itself a ``Sentence`` (a reason inside a refusal, a code's label through
``term``) is translated in turn; anything else (a name, a number, an amount already
formatted) is data and shown as it is.

A sentence whose wording depends on a number ("1 minute", "5 minutes") writes that number as
Qt's ``%n`` and gives it as the parameter ``n``: the catalogue holds the English number forms
of the template, and Qt picks the one for ``n`` (``Sentence("请 %n 分钟后再试。", n=minutes)``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for the catalogue under ``context``; the text itself, unchanged."""
    return text


COUNT = "n"  # the parameter that holds the number written %n in a template


class Translate(Protocol):
    """A core template in a language: ``count`` is the number that picks a counted template's form."""

    def __call__(self, template: str, count: int = -1, /) -> str: ...


class Sentence:
    """A template in Chinese and the values of its placeholders."""

    __slots__ = ("params", "template")

    def __init__(self, template: str, /, **params: object):
        self.template = template
        self.params = params

    def render(self, translate: Translate) -> str:
        """The sentence with ``translate`` applied to its template and to every sentence among
        its parameters. A template without parameters is shown as it is (braces and all)."""
        count = self.params.get(COUNT)
        if isinstance(count, int) and "%n" in self.template:
            text = translate(self.template, count)
        else:
            text = translate(self.template)
            if COUNT in self.params:  # no number to count by (a kind of problem shows “…” for it)
                text = text.replace("%n", str(count))
        if not self.params:
            return text
        return text.format(**{name: value.render(translate) if isinstance(value, Sentence) else value
                              for name, value in self.params.items()})

    def __str__(self) -> str:
        return self.render(chinese)

    def __repr__(self) -> str:
        return f"Sentence({self.template!r}, **{self.params!r})"

    def __eq__(self, other: object) -> bool:
        """Equal to another sentence saying the same, and to its own Chinese text."""
        if isinstance(other, str):
            return str(self) == other
        return isinstance(other, Sentence) and str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))


def chinese(template: str, count: int = -1, /) -> str:
    """The source text, a counted one with its number: what the command line prints."""
    return template.replace("%n", str(count)) if count >= 0 else template


def term(label: str) -> Sentence:
    """A label the catalogue already holds in the core's context (a code's label, a setting's
    name), as a parameter that is translated with the sentence around it."""
    return Sentence(label)


class Clause(Sentence):
    """A sentence used as part of a longer one: its full stop (。 or .) left off."""

    __slots__ = ("whole",)

    def __init__(self, whole: Sentence):
        super().__init__(whole.template, **whole.params)
        self.whole = whole

    def render(self, translate: Translate) -> str:
        return self.whole.render(translate).rstrip("。.")


LIST_SEPARATOR = QT_TRANSLATE_NOOP("core", "、")  # between items in a sentence; ", " in English


class Joined(Sentence):
    """Several items in one placeholder (the unknown codes, the problems of an imported row):
    each translated, then joined with the language's separator."""

    __slots__ = ("parts", "separator")

    def __init__(self, parts: Iterable[Sentence | str], separator: str = LIST_SEPARATOR):
        super().__init__(separator)
        self.parts, self.separator = list(parts), separator

    def render(self, translate: Translate) -> str:
        return translate(self.separator).join(part.render(translate) if isinstance(part, Sentence) else str(part)
                                              for part in self.parts)

    def __repr__(self) -> str:
        return f"Joined({self.parts!r}, {self.separator!r})"
