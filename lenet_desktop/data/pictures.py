"""Reading a picture file: only a regular file, never more pixels than MAX_PIXELS, the first
frame with its EXIF orientation applied. Pillow only (no NumPy, no SciPy), so a command can
refuse a path it cannot use before anything heavy is imported.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from lenet_desktop.messages import QT_TRANSLATE_NOOP, LocalizedError

# Pictures larger than this are refused before they are decoded (a decompression bomb is only a
# few kilobytes on disk).
MAX_PIXELS = 50_000_000


class ImageReadError(LocalizedError):
    """An image file that cannot be used; the message names the file and says why."""


def _not_regular(path: Path) -> ImageReadError:
    return ImageReadError(
        QT_TRANSLATE_NOOP(
            "errors", "{path}: not a regular file (a pipe, a device or a socket), not an image"
        ),
        path=path,
    )


def check_picture(path: str | os.PathLike[str]) -> None:
    """Raise ImageReadError unless ``path`` is a regular file (it may still not be an image):
    no such file, a folder, a pipe, a device or a socket are told at once, nothing read."""
    path = Path(path)
    try:
        mode = os.stat(path).st_mode  # stat never blocks, not even on a FIFO
    except FileNotFoundError:
        raise _no_file(path) from None
    except OSError as exc:
        raise _damaged(path, exc) from None
    if stat.S_ISDIR(mode):
        raise _a_folder(path)
    if not stat.S_ISREG(mode):
        raise _not_regular(path)


def _open_regular(path: Path):
    """``path`` opened for reading if it is a regular file; a pipe, a device or a socket is
    refused at once (ImageReadError), never read: a FIFO is opened without waiting for a
    writer and checked on the open handle, so nothing can block on it."""
    check_picture(path)
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    if not stat.S_ISREG(os.fstat(handle).st_mode):  # replaced since the stat
        os.close(handle)
        raise _not_regular(path)
    return os.fdopen(handle, "rb")


def load_image(path: str | os.PathLike[str]) -> Image.Image:
    """Read an image file (first frame, EXIF orientation applied) or raise ImageReadError;
    only a regular file is read (:func:`_open_regular`)."""
    path = Path(path)
    try:
        with _open_regular(path) as file, Image.open(file) as im:
            width, height = im.size
            if width * height > MAX_PIXELS:
                raise ImageReadError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "{path}: image is too large ({width}×{height} pixels; the limit is "
                        "{limit} megapixels)",
                    ),
                    path=path,
                    width=width,
                    height=height,
                    limit=MAX_PIXELS // 1_000_000,
                )
            im.seek(0)
            im.load()
            return ImageOps.exif_transpose(im) or im.copy()
    except ImageReadError:
        raise
    except FileNotFoundError:
        raise _no_file(path) from None
    except IsADirectoryError:
        raise _a_folder(path) from None
    except Image.DecompressionBombError:
        raise ImageReadError(
            QT_TRANSLATE_NOOP("errors", "{path}: image is too large to open safely"), path=path
        ) from None
    except UnidentifiedImageError:
        raise ImageReadError(
            QT_TRANSLATE_NOOP("errors", "{path}: not an image file LeNet Desktop can read"),
            path=path,
        ) from None
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise _damaged(path, exc) from None


def _no_file(path: Path) -> ImageReadError:
    return ImageReadError(QT_TRANSLATE_NOOP("errors", "{path}: no such file"), path=path)


def _a_folder(path: Path) -> ImageReadError:
    return ImageReadError(
        QT_TRANSLATE_NOOP("errors", "{path}: is a folder, not an image"), path=path
    )


def _damaged(path: Path, exc: object) -> ImageReadError:
    return ImageReadError(
        QT_TRANSLATE_NOOP("errors", "{path}: the image is damaged or truncated ({detail})"),
        path=path,
        detail=exc,
    )
