#!/usr/bin/env bash
# Refresh the translation sources from the UI code, then compile them for the app.
# Edit the .ts files with Qt Linguist (pyside6-linguist) between the two steps.
set -euo pipefail
cd "$(dirname "$0")/../.."
pyside6-lupdate lenet_desktop/ui/*.py -ts resources/i18n/lenet_desktop_zh_CN.ts
pyside6-lrelease resources/i18n/lenet_desktop_zh_CN.ts -qm resources/i18n/lenet_desktop_zh_CN.qm
