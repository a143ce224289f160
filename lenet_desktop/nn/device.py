"""Choosing where the network runs: CUDA, then Apple MPS, then Intel XPU, then the CPU.

The choice can be forced with ``--device`` or the ``LENET_DEVICE`` environment variable
(``auto``, ``cpu``, ``cuda``, ``cuda:1``, ``mps``, ``xpu``).
"""

from __future__ import annotations

import os

import torch

from lenet_desktop.messages import QT_TRANSLATE_NOOP, LocalizedError
from lenet_desktop.options import DEVICE_ENV_VAR as ENV_VAR


class DeviceError(LocalizedError):
    """A device asked for that is unknown or not on this machine; the message names it."""


def _mps_available() -> bool:
    backend = getattr(torch.backends, "mps", None)
    return bool(backend is not None and backend.is_available())


def _xpu_available() -> bool:
    xpu = getattr(torch, "xpu", None)
    return bool(xpu is not None and xpu.is_available())


def available_devices() -> list[str]:
    """Every device this machine can run on, best first; always ends with ``cpu``."""
    found = []
    if torch.cuda.is_available():
        found += [f"cuda:{i}" if i else "cuda" for i in range(torch.cuda.device_count())]
    if _mps_available():
        found.append("mps")
    if _xpu_available():
        found.append("xpu")
    found.append("cpu")
    return found


def resolve_device(requested: str | None = None) -> torch.device:
    """The device to use: ``requested`` if given, else ``$LENET_DEVICE``, else the best one.

    Raises DeviceError (a ValueError) naming the device when the one asked for is unknown or
    not present.
    """
    choice = (requested or os.environ.get(ENV_VAR) or "auto").strip().lower()
    if choice == "auto":
        return torch.device(available_devices()[0])
    try:
        device = torch.device(choice)
    except RuntimeError:
        raise DeviceError(
            QT_TRANSLATE_NOOP(
                "errors", "unknown device {name!r}: use auto, cpu, cuda, cuda:N, mps or xpu"
            ),
            name=choice,
        ) from None
    present = {
        "cpu": True,
        "cuda": torch.cuda.is_available() and (device.index or 0) < torch.cuda.device_count(),
        "mps": _mps_available(),
        "xpu": _xpu_available(),
    }
    if not present.get(device.type, False):
        have = ", ".join(available_devices())
        raise DeviceError(
            QT_TRANSLATE_NOOP(
                "errors", "device {name!r} is not available on this machine (available: {have})"
            ),
            name=choice,
            have=have,
        )
    return device


def use_one_thread() -> None:
    """One image at a time is too small to share among threads: waking a second thread costs
    more than it saves. Sets the calling thread's torch to one thread (the window's; a trainer
    keeps its own)."""
    torch.set_num_threads(1)
