"""Writing a file so that it is either the old one or the whole new one.

The bytes go to a temporary file beside the target (same folder, so the same file system),
which is flushed and fsynced, then renamed over the target with :func:`os.replace`; the folder
is fsynced too where the platform allows, so the rename survives a power cut. On any error,
KeyboardInterrupt included, the temporary file is removed and the target is untouched. A
process killed mid-write leaves at most a hidden ``.<name>.<pid>.*.part`` file beside it, which
:func:`clear_stale` removes once that process is gone.
"""

from __future__ import annotations

import glob
import os
import tempfile
import time
from pathlib import Path

PART_SUFFIX = ".part"
STALE_S = 600.0  # a part file that names no process is stale after this long


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)  # signal 0: is it there? (POSIX only; never called on Windows)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # there, and not ours
    return True


def clear_stale(path: str | os.PathLike[str]) -> int:
    """Remove what an interrupted write of ``path`` left beside it: its ``.<name>.<pid>.*.part``
    files whose process is gone (on Windows, or a part file naming no process: once older
    than STALE_S). Symbolic links are left alone. Returns how many were removed."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    prefix = f".{path.name}."
    removed, now = 0, time.time()
    for entry in folder.glob(f"{glob.escape(prefix)}*{PART_SUFFIX}"):
        pid = entry.name[len(prefix) :].split(".", 1)[0]
        try:
            if entry.is_symlink() or not entry.is_file():
                continue
            if pid.isdigit() and os.name != "nt":
                if _alive(int(pid)):
                    continue
            elif now - entry.stat().st_mtime < STALE_S:
                continue
            entry.unlink()
            removed += 1
        except OSError:
            continue
    return removed


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX); a no-op where folders cannot be opened."""
    if os.name == "nt":
        return
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def write_bytes(path: str | os.PathLike[str], data: bytes, mode: int | None = 0o644) -> Path:
    """Write ``data`` to ``path`` atomically (temporary file, flush, fsync, rename, fsync the
    folder). ``mode``: the new file's permissions (None: the temporary file's, 0o600).
    Raises OSError (the target untouched) if it cannot be written."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    handle, temp = tempfile.mkstemp(
        prefix=f".{path.name}.{os.getpid()}.", suffix=PART_SUFFIX, dir=folder
    )
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    fsync_folder(folder)
    return path


def write_text(
    path: str | os.PathLike[str], text: str, encoding: str = "utf-8", mode: int | None = 0o644
) -> Path:
    """Write ``text`` to ``path`` atomically, as :func:`write_bytes` does."""
    return write_bytes(path, text.encode(encoding), mode)
