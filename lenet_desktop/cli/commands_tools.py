"""The commands without a model file: ``corr2d`` (the notes' cross-correlation by hand) and
the app itself (no command)."""

from __future__ import annotations

import argparse

from lenet_desktop.cli.common import print_json


def cmd_corr2d(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """The notes' cross-correlation by hand (no model, no torch): the output of ``--input``
    with ``--kernel`` at ``--padding`` and ``--stride``, and the sizes by the formula."""
    # deferred: NumPy
    from lenet_desktop.analysis.sandbox import (
        SandboxError,
        corr2d,
        matrix_text,
        parse_channels,
        parse_kernels,
    )

    try:
        result = corr2d(
            parse_channels(args.input), parse_kernels(args.kernel), args.padding, args.stride
        )
    except SandboxError as exc:
        parser.error(str(exc))
    if args.json:
        print_json(result.as_json())
        return 0
    shape = "×".join(str(d) for d in result.input.shape)
    kernel = "×".join(str(d) for d in result.kernels.shape)
    print(f"input {shape}, kernels {kernel}, padding {result.padding}, stride {result.stride}")
    rows, cols = result.size_text()
    print(f"output height {rows}, width {cols}")
    channels = result.output.shape[0]
    for index, channel in enumerate(result.output):
        print(f"channel {index}: {matrix_text(channel)}" if channels > 1 else matrix_text(channel))
    return 0


def cmd_app(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.smoke_test:
        from lenet_desktop.ui.app import smoke_test  # deferred: Qt, NumPy, psygnal

        return smoke_test(model=args.model, device=args.device)
    from lenet_desktop.ui.app import run_app  # deferred: Qt, NumPy, psygnal

    return run_app(model=args.model, device=args.device)
