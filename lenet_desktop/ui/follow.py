"""How a Qt view follows the session: subscribe to one of its events for as long as the widget
lives.

The session is plain Python (psygnal events); a widget's C++ half can be deleted while Python
still holds it, and an event delivered then would raise. Each subscription is therefore ended
when the widget is destroyed. A view whose handler fails does not stop the others: the error
is logged and told to the learner (the session's ``reported`` event, the status bar's line).
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject

LOG = logging.getLogger(__name__)


def _end(signal, slot: Callable) -> None:
    signal.disconnect(slot, missing_ok=True)


def _arity(slot: Callable) -> int | None:
    """How many positional arguments ``slot`` takes (None: any number)."""
    try:
        parameters = inspect.signature(slot).parameters.values()
    except (TypeError, ValueError):
        return None
    if any(p.kind is p.VAR_POSITIONAL for p in parameters):
        return None
    return sum(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in parameters)


def follow(widget: QObject, signal, slot: Callable) -> None:
    """Call ``slot`` on every emission of the psygnal ``signal`` while ``widget`` exists."""
    arity = _arity(slot)
    owner = getattr(signal, "instance", None)  # the session that emits

    def guarded(*args: object) -> None:
        try:
            slot(*(args if arity is None else args[:arity]))
        except Exception as exc:  # one view's failure must not stop the others
            LOG.exception("%s failed on %s", getattr(slot, "__qualname__", slot), signal.name)
            report = getattr(owner, "report", None)
            if report is not None and signal.name != "reported":
                report(exc)

    signal.connect(guarded)
    widget.destroyed.connect(partial(_end, signal, guarded))
