"""Where things live on this machine, asked here and nowhere else.

The per-user folders (``user_folder("datasets")``, ``"runs"``, ``"specs"``) are under the
platform's per-user data folder (platformdirs), unless an environment variable moves them:
``$LENET_RUNS`` moves the kept runs, and the learner's specs with them (they are kept beside the
runs, so tests that move the runs keep both out of the developer's folder). ``$LENET_DATA`` is no
per-user folder but a folder of dataset folders searched first (:func:`data_override`).

The package's own files (shipped models, translations, icons) are inside the package when it is
installed or frozen, else in the source checkout's top-level folders (:func:`shipped_folder`).

Nothing here imports more than the standard library (platformdirs only when asked), so the
command line and the window's first paint can ask.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from lenet_desktop.messages import QT_TRANSLATE_NOOP, LocalizedError

APP_NAME = "lenet-desktop"
RUNS_ENV_VAR = "LENET_RUNS"
DATA_ENV_VAR = "LENET_DATA"

# Each per-user folder: the environment variable that moves it, or the folder it is kept beside.
USER_FOLDERS: dict[str, str | None] = {
    "datasets": None,
    "runs": RUNS_ENV_VAR,
    "specs": None,
    "models": None,  # notebook models imported in the window
}
BESIDE = {"specs": "runs", "models": "runs"}


def user_data_folder() -> Path:
    """The platform's per-user data folder for the app (``~/.local/share/lenet-desktop``, …)."""
    from platformdirs import user_data_dir  # deferred: platformdirs

    return Path(user_data_dir(APP_NAME, appauthor=False))


def user_folder(kind: str) -> Path:
    """The per-user folder for ``kind`` (``datasets``, ``runs``, ``specs``): its environment
    variable if set, else beside the folder it is kept beside, else in the per-user data folder.
    Not created; a kind not listed in :data:`USER_FOLDERS` is a programming error (KeyError)."""
    variable = USER_FOLDERS[kind]
    configured = os.environ.get(variable) if variable else None
    if configured:
        return Path(configured).expanduser()
    if kind in BESIDE:
        return user_folder(BESIDE[kind]).parent / kind
    return user_data_folder() / kind


def data_override() -> Path | None:
    """``$LENET_DATA`` (a folder of dataset folders, or one dataset's folder), if set."""
    configured = os.environ.get(DATA_ENV_VAR)
    return Path(configured).expanduser() if configured else None


def package_folder() -> Path:
    """The ``lenet_desktop`` package's folder."""
    return Path(__file__).resolve().parents[1]


def shipped_folder(name: str) -> Path:
    """The package's ``name`` folder (``models``, ``resources``) when installed or frozen, else
    the source checkout's top-level one."""
    inside = package_folder() / name
    return inside if inside.is_dir() else package_folder().parent / name


def models_folder() -> Path:
    """The shipped weights."""
    return shipped_folder("models")


def resources_folder() -> Path:
    """Translations and icons."""
    return shipped_folder("resources")


def shared_datasets_folders() -> list[Path]:
    """``shared/datasets`` folders that may hold datasets already on this machine: beside the
    source checkout, in the current folder, and beside the current folder."""
    cwd = Path.cwd()
    found: list[Path] = []
    for shared in (package_folder().parents[1], cwd, cwd.parent):
        folder = shared / "shared" / "datasets"
        if folder not in found:
            found.append(folder)
    return found


# -- names from data, confined ---------------------------------------------------------------
# A name read from a file (a spec's name, a run's folder) that becomes part of a path: letters,
# digits, '-', '_' and '.', not starting with '.', at most 80 characters.
SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}")


def is_slug(name: object) -> bool:
    return isinstance(name, str) and SLUG.fullmatch(name) is not None and ".." not in name


def slug(text: str, fallback: str = "custom") -> str:
    """``text`` made a slug of at most 60 characters (other characters become '-'; room is
    left for a suffix), or ``fallback`` if nothing is left."""
    made = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.")[:60].strip("-.")
    made = re.sub(r"\.{2,}", ".", made)
    return made if is_slug(made) else fallback


class PathError(LocalizedError):
    """A path made from data that would lie outside its folder."""


def inside(folder: Path, name: str) -> Path:
    """``folder / name``, resolved and checked to lie directly in ``folder`` (PathError if
    ``name`` is not a slug or would lead elsewhere: ``..``, a separator, a link out)."""
    if not is_slug(name):
        raise PathError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{name!r} cannot be a file name here (use letters, digits, '-', '_' and '.')",
            ),
            name=name,
        )
    root = folder.resolve()
    path = (root / name).resolve()
    if path.parent != root:
        raise PathError(
            QT_TRANSLATE_NOOP("errors", "{path}: not inside {folder}"), path=path, folder=root
        )
    return path
