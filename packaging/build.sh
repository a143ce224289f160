#!/usr/bin/env bash
# Build the one-folder bundle dist/lenet-desktop/ from a checkout where README's install ran,
# and pack it next to the folder as lenet-desktop-<version>-<flavour>-linux-<arch>.tar.gz
# (and .tar.zst when zstd is installed: smaller, and faster to unpack).
# The flavour follows the torch that is installed: `cpu` for PyTorch's CPU-only wheel, `cuda` for
# PyPI's Linux torch. See README, "Bundles".
# Usage: packaging/build.sh [--distpath DIR] [--workpath DIR] [--no-archive]
set -euo pipefail
cd "$(dirname "$0")/.."
dist=dist archive=1 args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --distpath) dist=$2; args+=("$1" "$2"); shift 2 ;;
        --no-archive) archive=0; shift ;;
        *) args+=("$1"); shift ;;
    esac
done
python -m pip install --quiet "pyinstaller>=6.10"
flavour=$(python -c 'import torch; print("cuda" if torch.version.cuda else "cpu")')
version=$(python -c 'import lenet_desktop; print(lenet_desktop.__version__)')
echo "flavour: $flavour (torch $(python -c 'import torch; print(torch.__version__)'))"
started=$SECONDS
python -m PyInstaller --noconfirm --clean --log-level WARN packaging/lenet-desktop.spec "${args[@]}"
install -m 644 packaging/lenet-desktop.desktop "$dist/lenet-desktop/"
echo "$flavour" >"$dist/lenet-desktop/FLAVOUR"
echo "built: $dist/lenet-desktop/lenet-desktop  flavour $flavour  $(du -sh "$dist/lenet-desktop" | cut -f1)  in $((SECONDS - started)) s"
if [ "$archive" = 1 ]; then
    base="$dist/lenet-desktop-$version-$flavour-linux-$(uname -m)"
    started=$SECONDS
    tar -C "$dist" -cf - lenet-desktop | gzip -6 >"$base.tar.gz"
    echo "archive: $base.tar.gz  $(du -sh "$base.tar.gz" | cut -f1)  in $((SECONDS - started)) s"
    if command -v zstd >/dev/null; then
        started=$SECONDS
        tar -C "$dist" -cf - lenet-desktop | zstd -q -10 -T0 --long=27 -o "$base.tar.zst" -f
        echo "archive: $base.tar.zst  $(du -sh "$base.tar.zst" | cut -f1)  in $((SECONDS - started)) s"
    fi
fi
