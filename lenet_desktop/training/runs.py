"""Training runs, kept: every finished run's configuration, architecture, per-epoch history,
final evaluation, time and weights, in the per-user data folder, so runs can be listed across
restarts, compared on one chart and in one table, renamed, deleted, and their models opened.

Layout: ``<root>/<run id>/run.json`` (the record, readable by any tool) beside
``<root>/<run id>/model.safetensors`` (the weights, a model file like any other) and
``<root>/<run id>/epochs/epoch-000.safetensors`` … (the weights as initialised and after each
epoch, uncalibrated, each a model file too: about a quarter of a megabyte an epoch for LeNet).
A run is written into a hidden folder while it trains (:class:`PendingRun`: its epochs as they
end) and renamed into place once it is kept; each file is written atomically and a record is
rewritten atomically (:mod:`lenet_desktop.paths.atomic`): an interrupted or cancelled run leaves
no half-written run. The root is
``user_folder("runs")`` (:mod:`lenet_desktop.paths.places`); ``$LENET_RUNS`` moves it (tests use
it).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import re
import shutil
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from lenet_desktop.files.model_files import ModelFileError, load_model
from lenet_desktop.messages import QT_TRANSLATE_NOOP, LocalizedError, printable
from lenet_desktop.nn.layer_table import total_parameters
from lenet_desktop.paths import atomic
from lenet_desktop.paths.places import user_folder
from lenet_desktop.training import naming, run_record
from lenet_desktop.training.run_record import (
    EPOCHS,
    MODEL,
    RECORD,
    DamagedRun,
    Run,
    epoch_name,
    from_json,
)

if TYPE_CHECKING:
    from lenet_desktop.nn.bundle import ModelBundle
    from lenet_desktop.training.loop import TrainResult

EPOCH_FILE = re.compile(r"epoch-(\d{3,5})\.safetensors")
# a run in training touches its hidden folder at least this often, so that another window's
# clean-up at start-up (older than 10 minutes) never takes it for an interrupted save
HEARTBEAT_S = 60.0
# Records larger than this are not a run's (a run of 1,000 epochs is ~200 kB).
MAX_RECORD_BYTES = 5_000_000


class RunError(LocalizedError):
    """A run that cannot be read, written, renamed or deleted; the message names it."""


def runs_dir() -> Path:
    """``$LENET_RUNS``, else the per-user data folder's ``runs`` (asked of
    :func:`lenet_desktop.paths.places.user_folder`)."""
    return user_folder("runs")


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()[:40] or "run"


def _write_record(folder: Path, run: Run) -> None:
    """Write ``run.json`` in ``folder`` atomically (fsynced, then renamed over)."""
    atomic.write_text(folder / RECORD, json.dumps(run.as_json(), indent=1, ensure_ascii=False))


class RunStore:
    """The kept runs in ``root`` (default :func:`runs_dir`)."""

    def __init__(self, root: str | os.PathLike[str] | None = None) -> None:
        self.root = Path(root) if root is not None else runs_dir()

    # -- reading -------------------------------------------------------------------------------
    def scan(self) -> tuple[list[Run], list[DamagedRun]]:
        """Every run folder: the readable runs (oldest first) and the damaged ones. Hidden
        folders (a save in progress or interrupted) and loose files are not runs."""
        if not self.root.is_dir():
            return [], []
        found, damaged = [], []
        try:
            folders = sorted(self.root.iterdir())
        except OSError:
            return [], []
        for folder in folders:
            if folder.name.startswith(".") or folder.is_symlink() or not folder.is_dir():
                continue
            try:
                found.append(self.read(folder))
            except RunError as exc:
                damaged.append(DamagedRun(folder.name, folder, str(exc.values.get("detail", exc))))
        return sorted(found, key=lambda run: (run.created, run.id)), damaged

    def runs(self) -> list[Run]:
        """Every readable run, oldest first (the damaged ones: :meth:`scan`)."""
        return self.scan()[0]

    def read(self, folder: Path) -> Run:
        """The run in ``folder`` (RunError saying why when its record cannot be used)."""
        path = folder / RECORD
        try:
            size = path.stat().st_size
            if size > MAX_RECORD_BYTES:
                raise run_record.Damaged(f"too large for a run record ({size} bytes)")
            data = run_record.parse(path.read_text(encoding="utf-8"))
            return from_json(data, folder)
        except (OSError, UnicodeDecodeError, run_record.Damaged) as exc:
            detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise RunError(
                QT_TRANSLATE_NOOP("errors", "{path}: not a readable run ({detail})"),
                path=printable(str(path)),
                detail=detail,
            ) from None

    def folder(self, run_id: str) -> Path:
        """The folder of run ``run_id`` (a folder's name in the runs folder, never a path:
        RunError for anything that would lead outside it)."""
        root = self.root.resolve()
        folder = root / run_id
        if (
            not run_id
            or run_id in (".", "..")
            or "/" in run_id
            or os.sep in run_id
            or folder.is_symlink()
            or folder.resolve().parent != root
        ):
            raise RunError(
                QT_TRANSLATE_NOOP("errors", "{name}: not a run of {root}"),
                name=printable(run_id),
                root=root,
            )
        return folder

    def get(self, run_id: str) -> Run:
        return self.read(self.folder(run_id))

    def clean(self, older_than_s: float = 600.0) -> int:
        """Remove what an interrupted save left in the runs folder (hidden half-kept runs,
        ``.*.part`` files) once it is older than ``older_than_s`` (another window may be
        saving now). Returns how many were removed."""
        if not self.root.is_dir():
            return 0
        removed, now = 0, time.time()
        try:
            entries = list(self.root.iterdir())
            entries += [
                p for d in entries if d.is_dir() and not d.is_symlink() for p in d.iterdir()
            ]
        except OSError:
            return 0
        for entry in entries:
            if not entry.name.startswith(".") or entry.is_symlink():
                continue
            try:
                if now - entry.stat().st_mtime < older_than_s:
                    continue
                if entry.is_dir():
                    shutil.rmtree(entry)
                elif entry.name.endswith(atomic.PART_SUFFIX):
                    entry.unlink()
                else:
                    continue
                removed += 1
            except OSError:
                continue
        return removed

    # -- writing -------------------------------------------------------------------------------
    def begin(self) -> PendingRun:
        """A run about to train: a hidden folder its epochs are written to as they end, kept
        (:meth:`PendingRun.keep`) or discarded (:meth:`PendingRun.discard`) when it ends.
        RunError when the runs folder cannot be written."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            temp = Path(tempfile.mkdtemp(prefix=".training.", dir=self.root))
        except OSError as exc:
            raise RunError(
                QT_TRANSLATE_NOOP("errors", "{path}: the run cannot be kept here ({detail})"),
                path=self.root,
                detail=exc.strerror or exc,
            ) from None
        return PendingRun(self, temp)

    def save(self, result: TrainResult, name: str | None = None, translate=None) -> Run:
        """Keep a finished run (its record and its weights; no epochs), all or nothing."""
        return self.begin().keep(result, name, translate)

    def _keep(
        self, temp: Path, result: TrainResult, name: str | None = None, translate=None
    ) -> Run:
        """Write ``result``'s record and weights into ``temp`` and rename it into place. Its
        name is ``name``, else what it changed (:func:`~lenet_desktop.training.naming.run_name`,
        in the language of ``translate(context, text)``), made unique among the kept runs."""
        from lenet_desktop.files.model_files import save_model  # late-bound: a test replaces it

        bundle: ModelBundle = result.bundle
        config = dict(bundle.training.get("config", {}))

        # to the microsecond: two runs kept within one second still list in the order made
        created = datetime.now().isoformat(timespec="microseconds")
        stamp = time.strftime("%Y%m%d-%H%M%S")
        base = f"{stamp}-{_slug(bundle.architecture)}-{_slug(bundle.dataset.name)}"
        run_id, n = base, 1
        while (self.root / run_id).exists():
            n += 1
            run_id = f"{base}-{n}"
        history = tuple(dict(h) for h in result.history)
        rates = [h.get("samples_per_s", 0.0) for h in history]
        if not name:
            training = bundle.training
            images = int(training.get("train_size", 0)) + int(training.get("holdout_size", 0))
            said = naming.run_name(config, bundle.spec, translate or naming.identity, images)
            name = naming.unique(said, {run.name for run in self.runs()})
        run = Run(
            id=run_id,
            name=name,
            created=created,
            dataset=bundle.dataset.name,
            architecture=bundle.architecture,
            parameters=total_parameters(bundle.network),
            classes=tuple(bundle.dataset.classes),
            config=config,
            history=history,
            accuracy=float(result.evaluation.accuracy),
            confusion=tuple(tuple(int(v) for v in row) for row in result.evaluation.confusion),
            seconds=round(float(result.seconds), 2),
            samples_per_s=round(sum(rates) / len(rates), 1) if rates else 0.0,
            curve=tuple((float(x), float(y)) for x, y in result.curve),
            diagnosis=result.diagnosis.kind if result.diagnosis is not None else None,
        )

        try:
            save_model(bundle, temp / MODEL)
            _write_record(temp, run)
            os.replace(temp, self.root / run_id)
            atomic.fsync_folder(self.root)
        except (OSError, ModelFileError) as exc:
            shutil.rmtree(temp, ignore_errors=True)
            detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            raise RunError(
                QT_TRANSLATE_NOOP("errors", "{path}: the run cannot be kept here ({detail})"),
                path=self.root,
                detail=detail,
            ) from None
        except BaseException:
            shutil.rmtree(temp, ignore_errors=True)
            raise
        return self.get(run_id)

    def load_epoch(self, run_id: str, epoch: int) -> ModelBundle:
        """Epoch ``epoch``'s model of run ``run_id`` (RunError when the run kept no such epoch;
        ModelFileError when its file is damaged)."""
        run = self.get(run_id)
        kept = run.epochs_kept
        if not kept:
            raise RunError(
                QT_TRANSLATE_NOOP("errors", "{name}: this run kept no epochs"), name=run.name
            )
        if not 0 <= int(epoch) < kept:
            raise RunError(
                QT_TRANSLATE_NOOP(
                    "errors", "{name}: no epoch {epoch} (epochs 0 to {last} are kept)"
                ),
                name=run.name,
                epoch=epoch,
                last=kept - 1,
            )
        return load_model(run.epoch_path(epoch))

    def rename(self, run_id: str, name: str) -> Run:
        """Give a run the name its chart legend shows (blank names are refused)."""
        name = " ".join(name.split())
        if not name:
            raise RunError(QT_TRANSLATE_NOOP("errors", "a run needs a name"))
        run = self.get(run_id)
        renamed = dataclasses.replace(run, name=name)
        try:
            _write_record(run.folder, renamed)
        except OSError as exc:
            raise RunError(
                QT_TRANSLATE_NOOP("errors", "{path}: cannot be renamed ({detail})"),
                path=run.folder,
                detail=exc.strerror or exc,
            ) from None
        return renamed

    def delete(self, run_id: str) -> None:
        """Delete run ``run_id``'s folder (a damaged run's too) and nothing else."""
        folder = self.folder(run_id)
        if not folder.is_dir():
            raise RunError(QT_TRANSLATE_NOOP("errors", "{path}: no such run"), path=folder)
        try:
            shutil.rmtree(folder)
        except OSError as exc:
            raise RunError(
                QT_TRANSLATE_NOOP("errors", "{path}: cannot be deleted ({detail})"),
                path=printable(str(folder)),
                detail=exc.strerror or exc,
            ) from None

    def load_model(self, run_id: str) -> ModelBundle:
        """The run's model, as any model file loads (ModelFileError if it is damaged)."""
        return load_model(self.get(run_id).model_path)


class PendingRun:
    """A run being trained: its epochs are written into a hidden folder of the runs folder as
    they end; :meth:`keep` adds the record and the final model and renames the folder into
    place, :meth:`discard` removes it (a cancelled or failed run leaves nothing). Keeping the
    epochs is a bonus: if one cannot be written (a full disk), the run goes on and is kept
    without them (``epochs_error`` says why)."""

    def __init__(self, store: RunStore, folder: Path) -> None:
        self.store, self.folder = store, folder
        self.epochs = 0  # epoch files written, from epoch 0
        self.epochs_error: str | None = None
        self._touched = time.monotonic()

    def add_epoch(self, bundle: ModelBundle, epoch: int) -> bool:
        """Write epoch ``epoch``'s weights (the next one expected); whether they were kept."""
        # late-bound: a test replaces it
        from lenet_desktop.files.model_files import ModelFileError, save_model

        if self.epochs_error is not None or epoch != self.epochs:
            return False
        try:
            (self.folder / EPOCHS).mkdir(exist_ok=True)
            save_model(bundle, self.folder / EPOCHS / epoch_name(epoch))
        except (OSError, ModelFileError) as exc:
            self.epochs_error = str(exc.strerror if isinstance(exc, OSError) else exc)
            shutil.rmtree(self.folder / EPOCHS, ignore_errors=True)
            self.epochs = 0
            return False
        self.epochs += 1
        self._touched = time.monotonic()
        return True

    def touch(self) -> None:
        """Show another window's clean-up that this run is alive (at most once a minute)."""
        if time.monotonic() - self._touched >= HEARTBEAT_S:
            self._touched = time.monotonic()
            with contextlib.suppress(OSError):
                os.utime(self.folder)

    def keep(self, result: TrainResult, name: str | None = None, translate=None) -> Run:
        """The finished run, kept with its epochs (RunError: nothing was kept)."""
        return self.store._keep(self.folder, result, name, translate)

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
