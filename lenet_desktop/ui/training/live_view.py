"""Live view's rule: during a run the session shows the newest weights after every epoch,
marked as such in the answer area; when the run ends — finished, cancelled or failed — the
model that was in use comes back, unless the learner chose another model meanwhile, which then
stays (and live view stops for that run). No silent swap: a finished run's model is put in use
only by *Use this model*, calibrated as the run calibrated it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lenet_desktop.nn.inference import Predictor

from lenet_desktop.session import Session


class LiveView:
    """What one run put in use, and what to bring back."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.previous: Predictor | None = None  # the predictor in use when the run started
        self.snapshots: list = []  # the models this run put in use
        self.paused = False

    def begin(self) -> None:
        self.previous, self.snapshots, self.paused = self.session.predictor, [], False

    def show(self, bundle) -> bool:
        """Put an epoch's snapshot in use, unless live view is paused; whether it was."""
        if self.paused:
            return False
        self.snapshots.append(bundle)
        self.session.use_bundle(bundle)
        return True

    def model_changed(self, predictor, running: bool) -> bool:
        """A model in use changed; True when that pauses live view now (the learner chose it:
        it stays, and a cancel will not bring back the one from before the run)."""
        ours = any(predictor.bundle is s for s in self.snapshots)
        if running and not ours and not self.paused and self.previous is not None:
            self.paused, self.previous = True, None
            return True
        return False

    def restore(self) -> None:
        """After a cancel or a failure: the model in use before the run comes back, if what is
        in use now is one of this run's snapshots."""
        previous, self.previous = self.previous, None
        if previous is not None and any(self.session.model is s for s in self.snapshots):
            self.session.use(previous)
        self.snapshots = []

    def finish(self) -> None:
        """The run succeeded: as after a cancel, the model from before the run comes back (an
        epoch's snapshot is neither kept nor calibrated); *Use this model* puts the trained,
        calibrated one in use."""
        self.restore()
