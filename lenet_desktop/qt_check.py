"""Can Qt open a window here? Checked before the QApplication exists, so that a desktop missing
the libraries of Qt's xcb platform plugin gets one plain line naming the packages to install,
not Qt's "Could not load the Qt platform plugin" abort and a core dump.

No Qt import: the check loads the plugin file itself with the system's dynamic loader (what Qt
would do a moment later) and, when that fails, tries each library the plugin needs by name.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

# Libraries Qt's xcb plugin (libqxcb.so and libQt6XcbQpa) needs at load time, with the package
# that ships each on Debian/Ubuntu and on Fedora. Listed in the order a newcomer meets them:
# libxcb-cursor0 first (a bare Ubuntu desktop lacks it), then the xcb-util family.
XCB_LIBRARIES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
}


def _load(path: str) -> None:
    """dlopen ``path`` (a file or a bare library name); raises OSError when it cannot."""
    ctypes.CDLL(path, mode=getattr(os, "RTLD_LAZY", 1) | ctypes.RTLD_LOCAL)


def xcb_plugin() -> Path | None:
    """PySide6's xcb platform plugin, found without importing Qt (installed or frozen)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        plugin = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


def wants_xcb(environ: Mapping[str, str]) -> bool:
    """Whether Qt will pick its xcb plugin: asked for by name, or the default on a Linux desktop
    that is not a Wayland session."""
    platform = environ.get("QT_QPA_PLATFORM", "").strip()
    if platform:
        return platform.split(";")[0].split(":")[0] == "xcb"
    wayland = environ.get("XDG_SESSION_TYPE") == "wayland" and environ.get("WAYLAND_DISPLAY")
    return not wayland


def missing_libraries(
    plugin: Path | None = None, load: Callable[[str], None] | None = None
) -> list[str] | None:
    """None when the xcb plugin loads; otherwise the libraries it needs that cannot be found
    (an empty list when each loads alone and the plugin still does not)."""
    load = load or _load
    plugin = plugin or xcb_plugin()
    if plugin is None:
        return None  # not a PySide6 with an xcb plugin: nothing to say beforehand
    try:
        load(str(plugin))
        return None
    except OSError:
        pass
    missing = []
    for name in XCB_LIBRARIES:
        try:
            load(name)
        except OSError:
            missing.append(name)
    return missing


def hint(missing: list[str]) -> str:
    """The one line naming what to install."""
    if not missing:
        return (
            "LeNet Desktop cannot open a window: Qt's xcb platform plugin does not load. "
            "Debian/Ubuntu: sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 "
            "libxcb-image0 libxcb-render-util0 libxkbcommon-x11-0; Fedora: sudo dnf install "
            "xcb-util-cursor xcb-util-wm xcb-util-keysyms xcb-util-image xcb-util-renderutil "
            "libxkbcommon-x11 (or run with QT_QPA_PLATFORM=offscreen for the command line)"
        )
    debian = list(dict.fromkeys(XCB_LIBRARIES[name][0] for name in missing))
    fedora = list(dict.fromkeys(XCB_LIBRARIES[name][1] for name in missing))
    return (
        f"LeNet Desktop cannot open a window: Qt's xcb platform plugin needs {', '.join(missing)}, "
        f"which {'is' if len(missing) == 1 else 'are'} not installed. Debian/Ubuntu: sudo apt "
        f"install {' '.join(debian)}; Fedora: sudo dnf install {' '.join(fedora)}"
    )


def check_platform_plugin(
    environ: Mapping[str, str] | None = None, load: Callable[[str], None] | None = None
) -> str | None:
    """The hint to print, or None when a window can open (or the check does not apply)."""
    environ = os.environ if environ is None else environ
    if not sys.platform.startswith("linux") or not wants_xcb(environ):
        return None
    missing = missing_libraries(load=load)
    return None if missing is None else hint(missing)
