"""``lenet-desktop watch``: listen for a notebook's network as the window does, and print one
line per network that arrives (its step, its name, its probabilities on an image)."""

from __future__ import annotations

import argparse
import queue
import sys
import time

from lenet_desktop.cli.common import CommandError, print_json

START_LINE = (
    "listening for a notebook's network (in the notebook: from lenet_desktop import live; "
    "live.watch(net)); Ctrl+C ends"
)


def add_commands(commands) -> None:
    watch = commands.add_parser(
        "watch",
        help="listen for a notebook's network (live.watch(net)) and print each update",
        description="Listen for a notebook's network exactly as the window does (this "
        "machine, this user, signed messages) and print one line per network that arrives: "
        "its step, its name and, with --image, its probabilities on that image. Exit status "
        "0 once --count networks arrived (or on Ctrl+C), 1 when --timeout passed first.",
    )
    watch.add_argument("--image", metavar="IMG", help="an image to classify with each network")
    watch.add_argument("--json", action="store_true", help="one JSON object per update")
    watch.add_argument(
        "--count", type=int, metavar="N", help="stop after N networks (default: until Ctrl+C)"
    )
    watch.add_argument(
        "--timeout",
        type=float,
        metavar="S",
        help="stop when nothing has arrived for S seconds (exit status 1)",
    )
    watch.set_defaults(func=cmd_watch)


def cmd_watch(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from lenet_desktop.data.datasets import MNIST  # deferred: off the command line's start
    from lenet_desktop.live.network import bundle_of  # deferred: NumPy, torch
    from lenet_desktop.live.receiver import LiveError, Receiver, Update  # deferred: NumPy, torch

    if args.count is not None and args.count < 1:
        raise CommandError("--count: give a number of networks, 1 or more")
    if args.timeout is not None and args.timeout <= 0:
        raise CommandError("--timeout: give a number of seconds above 0")
    image = None
    if args.image:
        from lenet_desktop.data.pictures import ImageReadError, load_image  # deferred: Pillow

        try:
            image = load_image(args.image)
        except ImageReadError as exc:
            raise CommandError(str(exc)) from None
    from lenet_desktop.live.channel import ChannelError  # deferred: NumPy, torch

    arrived: queue.Queue = queue.Queue()
    count, built, metrics = 0, None, {}
    receiver = Receiver(arrived.put, arrived.put)
    try:
        receiver.start()
    except (OSError, ChannelError) as exc:
        raise CommandError(f"cannot listen for notebooks: {exc}") from None
    with receiver:
        print(START_LINE, file=sys.stderr, flush=True)
        try:
            while args.count is None or count < args.count:
                try:
                    item = arrived.get(timeout=args.timeout)
                except queue.Empty:
                    print(
                        f"watch: no network for {args.timeout:g} s "
                        f"({count} of {args.count or 'any'} arrived)",
                        file=sys.stderr,
                    )
                    return 1
                if isinstance(item, LiveError):
                    _say({"dropped": str(item)}, f"dropped: {item}", args.json, sys.stderr)
                    continue
                assert isinstance(item, Update)
                for _step, values in item.metrics:
                    metrics.update(values)
                if item.state is None:
                    continue
                count += 1
                line = {"step": item.step, "name": item.name, "mode": item.mode}
                line["latency_ms"] = round(1000 * (time.time() - item.taken_at), 1)
                if metrics:
                    line["metrics"] = dict(metrics)
                try:
                    bundle, network = bundle_of(item, MNIST, built)
                    built = network
                except LiveError as exc:
                    built = None
                    line["error"] = str(exc)
                    _say(line, f"step {item.step} · {item.name}: {exc}", args.json, sys.stdout)
                    continue
                line |= {"architecture": bundle.architecture, "dataset": bundle.dataset.name}
                text = f"step {item.step} · {item.name} · {bundle.architecture}"
                if image is not None:
                    # deferred: torch and Pillow, off the command line's start
                    from lenet_desktop.analysis.reading import read
                    from lenet_desktop.nn.inference import Predictor

                    prediction = read(Predictor(bundle, "cpu"), image).prediction
                    if prediction is not None:
                        line |= prediction.as_json()
                        text += f": {prediction.label} ({100 * prediction.confidence:.1f} %)"
                _say(line, text, args.json, sys.stdout)
        except KeyboardInterrupt:
            return 0
    return 0


def _say(line: dict, text: str, as_json: bool, stream) -> None:
    """An update on standard output (JSON with --json), a note on standard error (text)."""
    if as_json and stream is sys.stdout:
        print_json(line)
    else:
        print(text, file=stream, flush=True)
