"""The window's translations, read without Qt: the command line prints the Chinese of a note
beside its English (``predict --json``). Read from the translation source shipped with the
package (``resources/i18n/lenet_desktop_zh_CN.ts``, Qt Linguist's XML)."""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ElementTree

from lenet_desktop.messages import TRANSLATED
from lenet_desktop.paths.places import resources_folder


@functools.cache
def catalog(language: str = TRANSLATED[0]) -> dict[tuple[str, str], str]:
    """(context, English) → translation, for the finished translations of ``language`` (empty
    when its file is missing or unreadable)."""
    if language not in TRANSLATED:
        return {}
    path = resources_folder() / "i18n" / f"lenet_desktop_{language}.ts"
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError):
        return {}
    found = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            element = message.find("translation")
            if (
                source is None
                or element is None
                or element.get("type") in ("unfinished", "obsolete", "vanished")
            ):
                continue
            if element.text:
                found[(name, source)] = element.text
    return found


def translate(context: str, text: str, language: str = TRANSLATED[0]) -> str | None:
    """``text`` of ``context`` in ``language``, or None when it has no finished translation."""
    return catalog(language).get((context, text))
