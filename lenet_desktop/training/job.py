"""One training job, whoever asks for it: the dataset (read, or downloaded first), the estimate,
the training (which ends by fitting the temperature on the held-out images), and the keeping of
the run with every epoch's weights. The command line's ``train`` and the window's worker thread
both call :func:`run_training`; it is the only caller of the training loop outside the tests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lenet_desktop.data.download import DownloadCancelled
from lenet_desktop.messages import QT_TRANSLATE_NOOP
from lenet_desktop.training.config import TrainConfig
from lenet_desktop.training.estimate import estimate_seconds, measure_rates
from lenet_desktop.training.loop import Progress, TrainingCancelled, TrainResult, train
from lenet_desktop.training.run_record import Run
from lenet_desktop.training.runs import PendingRun, RunError, RunStore

if TYPE_CHECKING:
    from lenet_desktop.data.datasets import Split
    from lenet_desktop.nn.bundle import ModelBundle

__all__ = ["Outcome", "Reports", "run_training"]


@dataclass
class Reports:
    """Where a job says how it goes; every one optional. ``log(template, values)``: a line in
    English with ``{names}`` (the window translates the template in the context
    ``"TrainingJob"``); ``estimated(seconds, training images, test images)`` before the first
    step; ``progress(Progress)``; ``epoch(bundle, epoch)``: a copy of the network as
    initialised (epoch 0) and after each epoch; ``should_stop()``: checked before every step
    (True: TrainingCancelled)."""

    log: Callable[[str, dict], None] | None = None
    estimated: Callable[[float, int, int], None] | None = None
    progress: Callable[[Progress], None] | None = None
    epoch: Callable[[ModelBundle, int], None] | None = None
    should_stop: Callable[[], bool] | None = None

    def say(self, template: str, **values) -> None:
        if self.log is not None:
            self.log(template, values)


@dataclass
class Outcome:
    """A finished job: the trained model and its figures, the test split it was evaluated on,
    and the kept run (None when it was not kept: ``keep_error`` says why, or keeping was not
    asked for)."""

    result: TrainResult
    test_split: Split
    run: Run | None = None
    keep_error: RunError | None = None
    epochs_error: str | None = None  # why the epochs could not be kept, if they could not


def _splits(config: TrainConfig, data: str | None, download: bool, reports: Reports):
    # late-bound: a test replaces it
    from lenet_desktop.data.datasets import DatasetError, dataset_info, find_folder, load_dataset
    from lenet_desktop.data.download import download as fetch  # late-bound: a test replaces it

    info = dataset_info(config.dataset)
    folder = data
    if download:
        reports.say(QT_TRANSLATE_NOOP("TrainingJob", "Downloading {title}…"), title=info.title)
        stop = reports.should_stop or (lambda: False)
        try:
            folder = str(fetch(info, folder or None, stop))
        except DownloadCancelled:
            raise TrainingCancelled("the download was cancelled") from None
        if stop():
            raise TrainingCancelled("the download was cancelled")
    if not folder:
        found = find_folder(info)
        if found is None:
            raise DatasetError(
                QT_TRANSLATE_NOOP(
                    "errors", "no {title} files found: choose their folder, or download them"
                ),
                title=info.title,
            )
        folder = str(found)
    reports.say(
        QT_TRANSLATE_NOOP("TrainingJob", "Reading {title} from {folder}"),
        title=info.title,
        folder=folder,
    )
    train_split, test_split = load_dataset(folder, info)
    reports.say(
        QT_TRANSLATE_NOOP("TrainingJob", "{train} training and {test} test images"),
        train=len(train_split),
        test=len(test_split),
    )
    return train_split, test_split


def run_training(
    config: TrainConfig,
    data: str | None = None,
    *,
    download: bool = False,
    splits: tuple[Split, Split] | None = None,
    reports: Reports | None = None,
    keep: bool = True,
    store: RunStore | None = None,
    translate: Callable[[str, str], str] | None = None,
) -> Outcome:
    """Train one model as ``config`` says.

    The data: ``splits`` (training, test) when given, else the dataset's four files in the
    folder ``data`` (downloaded there first with ``download``). With ``keep`` the run is kept
    in ``store`` (the per-user runs folder by default) with every epoch's weights, named in the
    language of ``translate``; a run that cannot be kept is still returned (``keep_error``).

    Raises DatasetError (the data cannot be read), TrainingCancelled (``should_stop``),
    TrainingFailed (it diverged) or ValueError (impossible options); nothing of such a run is
    left on disk.
    """
    reports = reports or Reports()
    train_split, test_split = (
        splits if splits is not None else _splits(config, data, download, reports)
    )
    if reports.estimated is not None:
        seconds = estimate_seconds(config, len(train_split), len(test_split), measure_rates(config))
        reports.estimated(seconds, len(train_split), len(test_split))
    pending: PendingRun | None = None
    keep_error: RunError | None = None
    if keep:
        try:
            pending = (store or RunStore()).begin()
        except RunError as exc:  # the model is still trained; only the run is not kept
            keep_error = exc

    def epoch(bundle: ModelBundle) -> None:
        number = int(bundle.training.get("epochs", 0))
        if pending is not None:
            pending.add_epoch(bundle, number)
        if reports.epoch is not None:
            reports.epoch(bundle, number)

    def progress(step: Progress) -> None:
        if pending is not None:
            pending.touch()
        if reports.progress is not None:
            reports.progress(step)

    try:
        result = train(
            config,
            train_split,
            test_split,
            progress,
            reports.should_stop,
            epoch if (pending is not None or reports.epoch is not None) else None,
        )
    except BaseException:
        if pending is not None:
            pending.discard()
        raise
    outcome = Outcome(result, test_split, keep_error=keep_error)
    if pending is not None:
        outcome.epochs_error = pending.epochs_error
        try:
            outcome.run = pending.keep(result, translate=translate)
        except RunError as exc:
            outcome.keep_error = exc
    return outcome
