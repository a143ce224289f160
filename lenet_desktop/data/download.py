"""Downloading a dataset with torchvision, on a user's machine that is online: the one use of
torchvision, and the app runs fully without it (the datasets' files in a folder do as well)."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from pathlib import Path

from lenet_desktop.data.datasets import DatasetError, DatasetInfo
from lenet_desktop.messages import QT_TRANSLATE_NOOP
from lenet_desktop.paths.places import user_folder


class DownloadCancelled(DatasetError):
    """A download the learner cancelled."""


DOWNLOAD_TIMEOUT_S = 30.0  # a connection that sends nothing for this long has failed


def download(
    info: DatasetInfo,
    root: str | os.PathLike[str] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Path:
    """Download ``info`` with torchvision into ``root`` (default: the per-user data folder).

    Returns the root, which :func:`load_dataset` then reads. Raises DatasetError with a plain
    message when torchvision is not installed or the network is not there; a connection that
    stalls for :data:`DOWNLOAD_TIMEOUT_S` fails (torchvision's own download has no timeout).
    ``should_stop`` is asked between the files: DownloadCancelled when it says yes.
    torchvision is used for nothing else: the app runs fully without it.
    """
    if info.torchvision is None:
        raise DatasetError(
            QT_TRANSLATE_NOOP(
                "errors", "{title} cannot be downloaded: choose a folder of its files"
            ),
            title=info.title,
        )
    root = Path(root) if root is not None else user_folder("datasets")
    try:
        from torchvision import datasets as tv  # deferred: Pillow, NumPy, torch, torchvision
    except Exception:  # not installed, or built for another torch ("operator … does not exist")
        raise DatasetError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{title} cannot be downloaded here: torchvision is not installed (or does not "
                "match this PyTorch). Install it with “pip install torchvision”, or download the "
                "four files (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, "
                "t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz) and choose their folder.",
            ),
            title=info.title,
        ) from None
    cls = getattr(tv, info.torchvision)
    previous = socket.getdefaulttimeout()
    try:
        root.mkdir(parents=True, exist_ok=True)
        socket.setdefaulttimeout(DOWNLOAD_TIMEOUT_S)  # the app opens no other connections
        for train in (True, False):
            if should_stop is not None and should_stop():
                raise DownloadCancelled(
                    QT_TRANSLATE_NOOP("errors", "the download of {title} was cancelled"),
                    title=info.title,
                )
            cls(str(root), train=train, download=True)
    except DownloadCancelled:
        raise
    except Exception as exc:  # urllib, socket and torchvision's RuntimeError alike
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DatasetError(
            QT_TRANSLATE_NOOP(
                "errors",
                "could not download {title} into {root}: {detail}. Check the network "
                "connection, or choose a folder holding the four IDX files.",
            ),
            title=info.title,
            root=root,
            detail=first,
        ) from None
    finally:
        socket.setdefaulttimeout(previous)
    return root
