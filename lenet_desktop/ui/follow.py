"""How a Qt view follows the session: subscribe to one of its events for as long as the widget
lives.

The session is plain Python (psygnal events); a widget's C++ half can be deleted while Python
still holds it, and an event delivered then would raise. Each subscription is therefore ended
when the widget is destroyed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject


def _end(signal, slot: Callable) -> None:
    signal.disconnect(slot, missing_ok=True)


def follow(widget: QObject, signal, slot: Callable) -> None:
    """Call ``slot`` on every emission of the psygnal ``signal`` while ``widget`` exists."""
    signal.connect(slot)
    widget.destroyed.connect(partial(_end, signal, slot))
