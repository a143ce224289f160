"""The time a run will take, shown before *Train* for whatever the options are.

The rates of the chosen network, batch size, optimiser, augmentation and device are measured
off the window's thread (:func:`lenet_desktop.training.estimate.measure_rates`, a fraction of a
second) once and remembered; the dataset's size is read from its files' headers. Nothing is
measured while a run trains (it would slow the run and be slowed by it): the last estimate
stays.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel

from lenet_desktop.ui.tasks import Runner
from lenet_desktop.ui.translation import duration, error_text

# When the dataset's files are not found yet: the full datasets' sizes.
FULL_SIZES = (60_000, 10_000)


class TimeEstimate(QObject):
    """``label`` says "Estimated time: about 40 s (54,000 images × 5 epochs on cpu)"."""

    def __init__(self, form, busy, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.form, self.busy = form, busy
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.rates: dict[tuple, object] = {}
        self.seconds: float | None = None
        self._runner: Runner | None = None
        self._measuring: tuple | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.update)
        form.changed.connect(self.schedule)

    def schedule(self) -> None:
        self._timer.start()

    @staticmethod
    def key(config) -> tuple:
        return (config.dataset, config.architecture, config.batch_size, config.optimizer,
                config.augment, config.device)  # fmt: skip

    def update(self) -> None:
        """Estimate for the options now (measuring the rates first if they are new); nothing
        while the panel is hidden (the dock's visibility schedules it again)."""
        if not self.label.isVisible():
            return
        try:
            config = self.form.config()
        except ValueError as exc:
            self.seconds = None
            self.label.setText(error_text(exc))
            return
        key = self.key(config)
        rates = self.rates.get(key)
        if rates is None:
            if self.busy() or self._measuring == key:
                return
            self._measure(config, key)
            self.label.setText(self.tr("Estimating the time…"))
            return
        self._show(config, rates)

    def _measure(self, config, key: tuple) -> None:
        from lenet_desktop.training.estimate import measure_rates  # deferred: off the first paint

        if self._runner is None:
            self._runner = Runner(self)
        self._measuring = key

        def done(rates) -> None:
            self._measuring = None
            self.rates[key] = rates
            self.update()

        def failed(error) -> None:
            self._measuring = None
            self.label.setText(error_text(error))

        self._runner.run(lambda: measure_rates(config), done, failed)

    def _show(self, config, rates) -> None:
        # deferred: off the first paint
        from lenet_desktop.data.datasets import dataset_info
        from lenet_desktop.training.estimate import (
            dataset_sizes,
            estimate_seconds,
            images_per_epoch,
        )

        info = dataset_info(config.dataset)
        sizes = dataset_sizes(self.form.folder_edit.text().strip(), info) or FULL_SIZES
        self.seconds = estimate_seconds(config, sizes[0], sizes[1], rates)
        from lenet_desktop.nn.device import resolve_device  # deferred: NumPy, torch

        template = (
            self.tr("Estimated time: {0} ({1:,} images × 1 epoch on {3})")
            if config.epochs == 1
            else self.tr("Estimated time: {0} ({1:,} images × {2} epochs on {3})")
        )
        self.label.setText(
            template.format(
                duration(self.seconds),
                images_per_epoch(config, sizes[0]),
                config.epochs,
                resolve_device(config.device),
            )
        )

    def stop(self) -> None:
        """End the measuring thread (the window is closing)."""
        if self._runner is not None:
            self._runner.stop()
            self._runner = None
