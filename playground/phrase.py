"""Sentences the core makes, kept translatable: an English template and its values, apart.

The core is Qt-free and speaks English (the CLI prints ``str(phrase)``); the window translates
the template with Qt's translator and puts the values back (``gui.i18n.say``). Templates are
marked with ``QT_TRANSLATE_NOOP`` so ``pyside6-lupdate`` collects them; a value may itself be a
``Phrase`` (a clause chosen by the core), translated the same way.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate reads
    """Marks ``text`` for the window's translator in ``context``; returns it unchanged."""
    return text


@dataclass(frozen=True)
class Phrase:
    context: str
    template: str  # str.format syntax with named fields: "layer {layer}'s units"
    values: tuple[tuple[str, object], ...] = ()

    def __str__(self) -> str:
        return self.render(lambda context, text: text)

    def render(self, translate: Callable[[str, str], str]) -> str:
        """The sentence with ``translate(context, template)`` for every template in it."""
        values = {k: v.render(translate) if isinstance(v, Phrase) else v for k, v in self.values}
        return translate(self.context, self.template).format(**values)

    def __bool__(self) -> bool:
        return bool(self.template)


def phrase(context: str, template: str, **values: object) -> Phrase:
    """A Phrase of ``template`` (marked by the caller with QT_TRANSLATE_NOOP) and its values."""
    return Phrase(context, template, tuple(values.items()))


def sayer(context: str) -> Callable[..., Phrase]:
    """``phrase`` for one module's context: ``_say = sayer("Health")``."""
    return functools.partial(phrase, context)
