"""Fill the unfinished messages of a Qt .ts file, without Qt Linguist.

    python resources/i18n/fill.py resources/i18n/lenet_desktop_zh_CN.ts [PAIRS.txt ...]

An unfinished message takes the translation of the same source text from another context of
the file (a text moved between classes keeps its translation), else from a pairs file: one
``source<TAB>translation`` per line, ``\\n`` for a line break, ``#`` starting a comment. Prints
the sources still unfinished. Run resources/i18n/update.sh before (to find new texts) and after
(to compile).
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def read_pairs(path: Path) -> dict[str, str]:
    pairs = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        source, translation = line.split("\t", 1)
        pairs[source.replace("\\n", "\n")] = translation.replace("\\n", "\n")
    return pairs


def fill(ts: Path, pairs: dict[str, str]) -> list[str]:
    tree = ET.parse(ts)
    messages = tree.getroot().iter("message")
    known: dict[str, str] = {}
    todo = []
    for message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            continue
        if (
            translation.get("type") in ("unfinished", "vanished", "obsolete")
            or not translation.text
        ):
            todo.append((source, translation))
        else:
            known.setdefault(source, translation.text)
    missing = []
    for source, translation in todo:
        text = known.get(source) or pairs.get(source)
        if text:
            translation.text = text
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    ET.indent(tree)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    pairs: dict[str, str] = {}
    for path in argv[1:]:
        pairs.update(read_pairs(Path(path)))
    missing = fill(Path(argv[0]), pairs)
    for source in missing:
        print("unfinished:", source.replace("\n", "\\n"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
