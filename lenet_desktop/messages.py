"""Words a person reads that the engine produces: marked for translation, never translated here.

The engine does not import Qt, yet its class names, titles and error messages reach the window,
which speaks English and Simplified Chinese. Each such text is written once, in English, inside
``QT_TRANSLATE_NOOP("context", "text")``: at run time that returns the text unchanged, and Qt's
``lupdate`` (``resources/i18n/update.sh``) finds it and puts it in the translation file. The
window translates it with ``QCoreApplication.translate(context, text)``. (lupdate reads the
source, so both arguments must be string literals.)

Errors that reach a person carry their English template and the values to fill in
(:class:`LocalizedError`), so the window can translate the sentence and keep the values (a file
name, a number) as they are; ``str(error)`` is the English sentence the command line prints.
"""

from __future__ import annotations

import re

# A str read with errors="surrogateescape" carries each byte that was not UTF-8 as U+DC80–DCFF;
# any other surrogate in a str is unpaired (JSON's "\ud800", a damaged record).
# The languages the app speaks, the one table of them: English, which every text is written in,
# and its translations (each resources/i18n/lenet_desktop_<code>.ts and .qm), by their code, with
# the name the Language menu gives each in its own words.
SOURCE_LANGUAGE = "en"
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
TRANSLATED = tuple(code for code in LANGUAGES if code != SOURCE_LANGUAGE)


_LONE_SURROGATE = re.compile("[\ud800-\udc7f\udd00-\udfff]")


def printable(text: str) -> str:
    """``text`` as valid Unicode, the same way wherever a text from a file is shown, printed or
    written as JSON or CSV: bytes carried as surrogate escapes are decoded as UTF-8 where they
    are, and anything that still is not valid (an unpaired surrogate, a byte that was not UTF-8)
    becomes U+FFFD (�)."""
    text = _LONE_SURROGATE.sub("\ufffd", text)
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for translation in ``context``; returns it unchanged."""
    return text


ERRORS = "errors"  # the translation context of every engine error message


class LocalizedError(ValueError):
    """An error whose message is ``template.format(**values)``.

    ``template`` is English and marked with ``QT_TRANSLATE_NOOP("errors", …)``; the window
    translates it and fills in the same values.
    """

    def __init__(self, template: str, **values: object) -> None:
        self.template = template
        self.values = values
        super().__init__(template.format(**values))


def fill(
    context: str,
    template: str,
    values: dict,
    translate=None,
    translated_values: dict[str, str] | None = None,
) -> str | None:
    """``template`` filled with ``values``; with ``translate(context, text)`` (Qt's, or the
    command line's catalogue; it gives a translation or None), the translated sentence, or None
    when there is none. ``translated_values`` maps a value's key to the context its value is
    translated in (a class name: ``"classes"``)."""
    if translate is None:
        return template.format(**values)
    text = translate(context, template)
    if text is None:
        return None
    contexts = translated_values or {}
    values = {
        key: (translate(contexts[key], value) or value) if key in contexts else value
        for key, value in values.items()
    }
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
        return None
