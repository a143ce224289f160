"""Following a notebook's network in the app (Qt-free, like the
:class:`~lenet_desktop.session.Session`).

The newest network a notebook sent is put in use in the session — the maps, probabilities,
kernels and explanations of the learner's drawing are then that network's — and is labelled as
the notebook's wherever the model is named. *Stop following* brings back the model the learner
had; so does choosing another model, which then stays. Nothing the notebook sends is kept on
disk unless the learner asks (:meth:`NotebookFollower.keep_copy`).

Events (psygnal): ``followed(state or None)`` (a network arrived and is shown, or following
ended), ``failed(error or None)`` (the newest network could not be shown: the layer named),
``noted(error)`` (a message was dropped), ``metrics_changed()``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from psygnal import Signal

from lenet_desktop.data.datasets import MNIST
from lenet_desktop.live.network import LiveNetwork, bundle_of
from lenet_desktop.live.receiver import LiveError, Update
from lenet_desktop.messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from pathlib import Path

    from lenet_desktop.nn.bundle import ModelBundle
    from lenet_desktop.nn.inference import Predictor
    from lenet_desktop.session import Session

MAX_POINTS = 5000  # metric points kept per name (the oldest go first)


@dataclass(frozen=True)
class Followed:
    """The notebook's network shown now."""

    update: Update
    bundle: ModelBundle
    network: LiveNetwork

    @property
    def name(self) -> str:
        return self.update.name

    @property
    def step(self) -> int:
        return self.update.step


class NotebookFollower:
    """Puts each network a notebook sends in use in ``session`` while following."""

    followed = Signal(object)
    failed = Signal(object)
    noted = Signal(object)
    metrics_changed = Signal()

    def __init__(self, session: Session) -> None:
        self.session = session
        self.following = True  # a network that arrives is shown
        self.shown: Followed | None = None
        self.latest: Update | None = None  # the newest network, shown or not
        self.error: LiveError | None = None
        self.metrics: dict[str, list[tuple[int, float]]] = {}
        self.watch: str | None = None  # the notebook's watch whose metrics are kept
        self.received = 0
        self.last_note: LiveError | None = None  # the last message dropped, and why
        self._before: Predictor | None = None  # the learner's model, back on Stop following
        self._built: tuple[str, LiveNetwork] | None = None
        session.model_changed.connect(self._model_changed)

    # -- what arrives --------------------------------------------------------------------------
    def receive(self, update: Update) -> None:
        """One message from a notebook (in the session's thread)."""
        self.received += 1
        if update.watch and update.watch != self.watch:
            self.watch, self.metrics = update.watch, {}
        changed = False
        for step, values in update.metrics:
            for name, value in values.items():
                points = self.metrics.setdefault(name, [])
                points.append((step, value))
                del points[:-MAX_POINTS]
                changed = True
        if changed:
            self.metrics_changed.emit()
        if update.state is None:
            return
        self.latest = update
        if self.following:
            self._show(update)

    def note(self, error: LiveError) -> None:
        """A message was dropped (the receiver says why)."""
        self.last_note = error
        self.noted.emit(error)

    def _show(self, update: Update) -> None:
        key = json.dumps(
            [update.header.get("layers"), update.header.get("classes")], sort_keys=True
        )
        built = self._built[1] if self._built and self._built[0] == key else None
        fallback = self.session.model.dataset if self.session.model is not None else None
        if fallback is None:
            fallback = MNIST
        shown = self.shown
        try:
            bundle, network = bundle_of(update, fallback, built)
            if self.shown is None and self._before is None:
                self._before = self.session.predictor
            self.shown = Followed(update, bundle, network)
            self.session.use_bundle(bundle)
        except (LiveError, ValueError, RuntimeError) as exc:
            self.shown = shown
            if not isinstance(exc, LiveError):
                exc = LiveError(
                    QT_TRANSLATE_NOOP("errors", "The notebook's network cannot run here: {why}"),
                    why=str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__,
                )
            self.error = exc
            self.failed.emit(exc)
            return
        self._built = (key, network)
        if self.error is not None:
            self.error = None
            self.failed.emit(None)
        self.followed.emit(self.shown)

    def _model_changed(self, predictor) -> None:
        shown = self.shown
        if shown is not None and predictor is not None and predictor.bundle is not shown.bundle:
            # the learner chose another model: it stays, and following pauses
            self.shown, self._before, self.following = None, None, False
            self.followed.emit(None)

    # -- what the learner does ---------------------------------------------------------------
    def stop(self) -> None:
        """Stop following: the model the learner had comes back."""
        before, self._before = self._before, None
        shown, self.shown = self.shown, None
        self.following = False
        if before is not None and shown is not None and self.session.model is shown.bundle:
            self.session.use(before)
        self.followed.emit(None)

    def resume(self) -> None:
        """Follow again: the newest network the notebook sent is shown (and the next ones)."""
        self.following = True
        if self.latest is not None and self.shown is None:
            self._show(self.latest)

    def keep_copy(self, path: str | os.PathLike[str]) -> Path:
        """Save the network shown as a model file (ModelFileError when it cannot be written)."""
        from lenet_desktop.files.model_files import save_model  # late-bound: a test replaces it

        if self.shown is None:
            raise LiveError(QT_TRANSLATE_NOOP("errors", "No network from a notebook is shown"))
        return save_model(self.shown.bundle, path)
