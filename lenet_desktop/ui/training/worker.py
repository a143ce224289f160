"""The worker object that runs one training in its own QThread (Qt's worker-object pattern).

It talks to the window only through signals, which carry engine objects (see
:mod:`lenet_desktop.ui.tasks` for the rule); the window cancels by setting ``stop``, an event the
training loop checks before every step.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal, Slot

from lenet_desktop.messages import QT_TRANSLATE_NOOP, LocalizedError


class TrainingWorker(QObject):
    """``progressed(Progress)``, ``epoch_model(ModelBundle)`` after each epoch,
    ``succeeded(TrainResult, test Split)``, ``failed(error)``, ``cancelled()``, ``log(text)``."""

    progressed = Signal(object)
    epoch_model = Signal(object)
    succeeded = Signal(object, object)
    failed = Signal(object)
    cancelled = Signal()
    log = Signal(str)

    def __init__(self, config, folder: str, download: bool) -> None:
        super().__init__()
        self.config, self.folder, self.download = config, folder, download
        self.stop = threading.Event()

    @Slot()
    def run(self) -> None:
        from lenet_desktop.data.datasets import (
            DatasetError,
            DownloadCancelled,
            dataset_info,
            download,
            load_dataset,
        )
        from lenet_desktop.training.loop import TrainingCancelled, TrainingFailed, train

        try:
            info = dataset_info(self.config.dataset)  # inside: every failure is a message
            folder = self.folder
            if self.download:
                self.log.emit(self.tr("Downloading {0}…").format(info.title))
                folder = str(download(info, folder or None, self.stop.is_set))
                if self.stop.is_set():
                    raise TrainingCancelled()
            self.log.emit(self.tr("Reading {0} from {1}").format(info.title, folder))
            train_split, test_split = load_dataset(folder, info)
            self.log.emit(
                self.tr("{0} training and {1} test images").format(
                    len(train_split), len(test_split)
                )
            )
            result = train(
                self.config,
                train_split,
                test_split,
                self.progressed.emit,
                self.stop.is_set,
                self.epoch_model.emit,
            )
        except (TrainingCancelled, DownloadCancelled):
            self.cancelled.emit()
        except (DatasetError, TrainingFailed, ValueError) as exc:
            self.failed.emit(exc)
        except Exception as exc:  # out of memory, a device error: still only a message
            self.failed.emit(
                LocalizedError(
                    QT_TRANSLATE_NOOP("errors", "{kind}: {detail}"),
                    kind=type(exc).__name__,
                    detail=exc,
                )
            )
        else:
            self.succeeded.emit(result, test_split)
