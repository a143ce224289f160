#!/usr/bin/env bash
# Build the one-folder bundle dist/lenet-desktop/ from a checkout where README's install ran.
# Usage: packaging/build.sh [--distpath DIR] [--workpath DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install --quiet "pyinstaller>=6.10"
python -m PyInstaller --noconfirm --clean packaging/lenet-desktop.spec "$@"
install -m 644 packaging/lenet-desktop.desktop dist/lenet-desktop/ 2>/dev/null || true
echo "built: dist/lenet-desktop/lenet-desktop ($(du -sh dist/lenet-desktop | cut -f1))"
