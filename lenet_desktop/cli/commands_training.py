"""The commands about training: ``train`` (a model from a dataset), ``evaluate`` (a model on
a split) and ``runs`` (the kept training runs)."""

from __future__ import annotations

import argparse
import contextlib
import sys

from lenet_desktop.cli.common import CommandError, config_options, predictor, print_json
from lenet_desktop.cli.tables import print_table
from lenet_desktop.paths import atomic


def _check_writable(path):
    import os  # deferred: off the command line's start
    import tempfile  # deferred: off the command line's start
    from pathlib import Path  # deferred: off the command line's start

    folder = Path(path).expanduser().resolve().parent
    if not folder.is_dir():
        raise CommandError(f"{folder}: no such folder for the output file")
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise CommandError(f"{folder}: cannot write the model here ({exc.strerror})") from None
    if Path(path).is_dir() or (Path(path).exists() and not os.access(path, os.W_OK)):
        raise CommandError(f"{path}: cannot be replaced")


@contextlib.contextmanager
def _terminate_as_interrupt():
    """SIGTERM (``kill``, a closing terminal's session) raised as KeyboardInterrupt while this
    holds, so an atomic write cleans up after itself as it does for Ctrl+C."""
    import signal  # deferred: off the command line's start
    import threading  # deferred: off the command line's start

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def cmd_train(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    # deferred: off the command line's start
    from lenet_desktop.data.datasets import DatasetError, dataset_info

    # deferred: off the command line's start
    from lenet_desktop.files.model_files import ModelFileError, save_model

    # deferred: Pillow, NumPy, SciPy, torch
    from lenet_desktop.training.job import Reports, run_training

    # deferred: Pillow, NumPy, SciPy, torch
    from lenet_desktop.training.loop import TrainConfig, TrainingFailed

    if args.data is None and not args.download:
        parser.error("give --data DIR (a folder of the four IDX files) or --download")
    from lenet_desktop.specs import SpecError  # deferred: off the command line's start

    try:
        config = TrainConfig(
            **{name: getattr(args, name) for name in config_options()}, device=args.device
        )
        from lenet_desktop.nn.device import resolve_device  # deferred: torch

        device = resolve_device(args.device)
    except SpecError:
        raise  # one line, exit 2 (main)
    except ValueError as exc:
        parser.error(str(exc))
    info = dataset_info(args.dataset)
    _check_writable(args.out)
    atomic.clear_stale(args.out)  # what a killed `train --out` into the same place left
    bar = None

    def estimated(seconds: float, train_count: int, test_count: int) -> None:
        nonlocal bar
        # deferred: off the command line's start
        from lenet_desktop.training.estimate import duration_text, images_per_epoch

        template, values = duration_text(seconds)
        recipe = f"{config.recipe} recipe, " if config.recipe != "custom" else ""
        print(
            f"training {config.architecture} on {info.title} ({recipe}"
            f"{images_per_epoch(config, train_count)} of {train_count} training "
            f"images, {test_count} test): {config.epochs} epochs, batch "
            f"{config.batch_size}, {config.optimizer} lr {config.learning_rate:g}, device "
            f"{device}; estimated time {template.format(**values)}",
            flush=True,
        )
        from tqdm import tqdm  # deferred: off the command line's start

        bar = tqdm(total=None, unit="step", dynamic_ncols=True, leave=False)

    def report(progress) -> None:
        if progress.phase == "step":
            if bar is not None:
                if bar.total is None:
                    bar.reset(total=progress.steps * progress.epochs)
                # reports are throttled (not every step is one): move to the step reported
                bar.update((progress.epoch - 1) * progress.steps + progress.step - bar.n)
                bar.set_postfix_str(
                    f"epoch {progress.epoch}/{progress.epochs} loss {progress.loss:.3f} "
                    f"acc {100 * progress.accuracy:.1f}% {progress.samples_per_s:,.0f} samples/s",
                    refresh=False,
                )
            return
        record = {
            "epoch": progress.epoch,
            "epochs": progress.epochs,
            "loss": progress.loss,
            "train_accuracy": progress.accuracy,
            "test_accuracy": progress.test_accuracy,
            "samples_per_s": progress.samples_per_s,
            "elapsed_s": progress.elapsed_s,
        }
        if args.json:
            print_json(record)
        else:
            (bar.write if bar is not None else print)(
                f"epoch {progress.epoch}/{progress.epochs}: loss {progress.loss:.4f}, train "
                f"{100 * progress.accuracy:.2f} %, test {100 * progress.test_accuracy:.2f} %, "
                f"{progress.samples_per_s:,.0f} samples/s, {progress.elapsed_s:.0f} s"
            )

    data = None if args.download and args.data is None else args.data
    reports = Reports(estimated=None if args.json else estimated, progress=report)
    try:
        outcome = run_training(config, data, download=args.download, reports=reports)
    except DatasetError as exc:
        raise CommandError(str(exc)) from None
    except TrainingFailed as exc:
        raise CommandError(f"training failed: {exc} ({args.out} was not written)") from None
    finally:
        if bar is not None:
            bar.close()
    result = outcome.result
    try:
        with _terminate_as_interrupt():  # a SIGTERM mid-save removes the half-written file
            path = save_model(result.bundle, args.out)
    except ModelFileError as exc:
        raise CommandError(str(exc)) from None
    # kept for `lenet-desktop runs`, `predict --epoch` and the app's Runs tab; the model file
    # is what matters
    kept = outcome.run.id if outcome.run is not None else None
    if outcome.keep_error is not None:
        print(f"warning: the run was not kept: {outcome.keep_error}", file=sys.stderr)
    elif outcome.epochs_error is not None:
        print(f"warning: the run's epochs were not kept: {outcome.epochs_error}", file=sys.stderr)
    if args.json:
        print_json(
            {
                "saved": str(path),
                "test_accuracy": result.evaluation.accuracy,
                "seconds": round(result.seconds, 1),
                "temperature": result.bundle.temperature,
                "run": kept,
                "epochs_kept": outcome.run.epochs_kept if outcome.run is not None else 0,
                "diagnosis": result.diagnosis.as_json() if result.diagnosis else None,
            }
        )
    else:
        print(
            f"saved {path}: test accuracy {100 * result.evaluation.accuracy:.2f} % "
            f"after {result.seconds:.0f} s; temperature {result.bundle.temperature:.3g}"
            + (f"; kept as run {kept}" if kept else "")
        )
        if result.diagnosis is not None:
            print(f"hint: {result.diagnosis.text}")
    return 0


def cmd_evaluate(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    # deferred: NumPy, torch
    from lenet_desktop.analysis.calibration import calibration, draw_reliability, logits_of

    # deferred: off the command line's start
    from lenet_desktop.data.datasets import DatasetError, dataset_info, find_folder, load_split
    from lenet_desktop.training.evaluation import evaluate  # deferred: NumPy, torch

    model = predictor(args, parser)
    bundle = model.bundle
    try:
        info = dataset_info(args.dataset) if args.dataset else bundle.dataset
    except ValueError as exc:
        raise CommandError(f"{bundle.title}: {exc}; pass --dataset") from None
    folder = args.data or find_folder(info)
    if folder is None:
        raise CommandError(
            f"no {info.title} files found in the usual places; pass --data DIR (a folder of "
            "the four IDX files)"
        )
    try:
        split = load_split(folder, info, args.split)
    except DatasetError as exc:
        raise CommandError(str(exc)) from None
    classes = bundle.dataset.classes
    mean, std = bundle.dataset.mean, bundle.dataset.std
    result = evaluate(bundle.network, split, mean, std, model.device)
    logits = logits_of(bundle.network, split, mean, std, model.device)
    calibrated = calibration(logits, split.labels, bundle.temperature)
    if args.plot:
        uncalibrated = calibration(logits, split.labels)
        reports = {"T = 1": uncalibrated}
        if bundle.temperature != 1.0:
            reports[f"T = {bundle.temperature:.3g} (the model's)"] = calibrated
        try:
            draw_reliability(reports, args.plot)
        except OSError as exc:
            raise CommandError(f"{args.plot}: cannot be written ({exc.strerror or exc})") from None
    if args.json:
        print_json(
            result.as_json(classes)
            | {
                "ece": calibrated.ece,
                "nll": calibrated.nll,
                "mean_confidence": calibrated.mean_confidence,
                "temperature": bundle.temperature,
            }
        )
        return 0
    print(
        f"{bundle.title} on the {info.title} {args.split} split ({result.count} images), "
        f"device {model.device}"
    )
    print(
        f"accuracy: {100 * result.accuracy:.2f} % "
        f"({result.count - len(result.misclassified)}/{result.count})"
    )
    print(
        f"calibration: ECE {100 * calibrated.ece:.2f} % (15 bins), NLL {calibrated.nll:.4f}, "
        f"mean confidence {100 * calibrated.mean_confidence:.2f} %, "
        f"temperature {bundle.temperature:.4g}"
    )
    if args.plot:
        print(f"reliability diagram: {args.plot}")
    width = max(len("true class"), *(len(c) for c in classes))
    print(
        f"  {'true class':>{width}}  accuracy  confusion (columns: predicted class 0–"
        f"{len(classes) - 1})"
    )
    for name, acc, row in zip(classes, result.per_class, result.confusion):
        cells = " ".join(f"{v:5d}" for v in row)
        print(f"  {name:>{width}}  {100 * acc:6.2f} %  {cells}")
    return 0


def cmd_runs(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from lenet_desktop.messages import printable  # deferred: off the command line's start

    # deferred: off the command line's start
    from lenet_desktop.training.run_record import comparison_csv, comparison_rows
    from lenet_desktop.training.runs import RunStore  # deferred: off the command line's start

    store = RunStore()
    kept, damaged = store.scan()
    if args.csv:
        print(comparison_csv(kept), end="")
        return 0
    if args.json:
        for run in kept:
            print_json(
                {"id": printable(run.id), "folder": printable(str(run.folder)), "damaged": None}
                | comparison_rows([run])[0]
                | {"epochs_kept": run.epochs_kept}
            )
        for bad in damaged:
            print_json(
                {"id": bad.shown_id, "folder": printable(str(bad.folder)), "damaged": bad.reason}
            )
        return 0
    if not kept and not damaged:
        print(printable(f"no runs kept yet in {store.root}"))
        return 0
    print(printable(f"{len(kept)} run(s) in {store.root}"))
    if kept:
        header = ("name", "dataset", "architecture", "parameters", "epochs", "test accuracy",
                  "time")  # fmt: skip
        table = [header] + [
            (r.name, r.dataset, r.architecture, f"{r.parameters:,}", str(r.epochs),
             f"{100 * r.accuracy:.2f} %", f"{r.seconds:.0f} s")
            for r in kept
        ]  # fmt: skip
        print_table(table)
    for bad in damaged:
        print(printable(f"damaged: {bad.shown_id}: {bad.reason}"))
    return 0
