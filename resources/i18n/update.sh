#!/usr/bin/env bash
# Refresh the translation sources from the code, then compile them for the app.
# Edit the .ts files with Qt Linguist (pyside6-linguist) — or fill them with fill.py from a
# two-column text file — between the two steps. The engine's texts (class names, titles,
# error messages) are marked with QT_TRANSLATE_NOOP and found here too.
set -euo pipefail
cd "$(dirname "$0")/../.."
pyside6-lupdate -no-obsolete $(git ls-files "lenet_desktop/*.py") \
    -ts resources/i18n/lenet_desktop_zh_CN.ts
pyside6-lrelease resources/i18n/lenet_desktop_zh_CN.ts -qm resources/i18n/lenet_desktop_zh_CN.qm
