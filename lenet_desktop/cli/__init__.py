"""The ``lenet-desktop`` command: the app with no subcommand, headless tools with one.

Exit status: 0 success, 1 a file or an image could not be used, 2 a usage error (a broken
architecture spec included: one line naming the layer and its numbers).
Heavy imports (torch, Qt) happen inside the commands so ``--help`` answers at once.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from lenet_desktop.cli.commands_tools import cmd_app
from lenet_desktop.cli.common import CommandError
from lenet_desktop.cli.parser import build_parser
from lenet_desktop.messages import printable

__all__ = ["CommandError", "build_parser", "main", "parse_arguments"]


def _images(args) -> int | None:
    """The training images a train command will see, when it can be told before reading the
    data: ``--train-images``, else what the ``--data`` folder's headers say."""
    from lenet_desktop.data.datasets import dataset_info  # deferred: off the command line's start

    # deferred: off the command line's start
    from lenet_desktop.training.estimate import dataset_sizes

    sizes = None
    if getattr(args, "data", None) and getattr(args, "dataset", None):
        try:
            sizes = dataset_sizes(args.data, dataset_info(args.dataset))
        except ValueError:
            sizes = None
    given = getattr(args, "train_images", None)
    if given and sizes:
        return min(given, sizes[0])
    return given or (sizes[0] if sizes else None)


def parse_arguments(argv: Sequence[str] | None = None):
    """The parser and the parsed arguments; a recipe's settings are train's defaults."""
    parser = build_parser()
    args = parser.parse_args(argv)
    recipe = "book" if getattr(args, "book", False) else getattr(args, "recipe", "custom")
    if getattr(args, "func", None) is not None and recipe != "custom":
        # A recipe is a set of defaults: parse again with them, so that every option given
        # beside it still applies. The network given (if any) chooses the Quick recipe's
        # family, so it is read first with no default.
        from lenet_desktop.training.recipes import recipe_settings

        given = build_parser({"architecture": None, "train_images": None}).parse_args(argv)
        parser = build_parser(recipe_settings(recipe, given.architecture, _images(given)))
        args = parser.parse_args(argv)
    return parser, args


def _replace_unprintable() -> None:
    """What a file held that is not valid Unicode is printed as U+FFFD, never a traceback:
    the net under :func:`~lenet_desktop.messages.printable` for any text not passed through it."""
    import codecs  # deferred: off the command line's start

    def replace(error: UnicodeError) -> tuple[str, int]:
        if isinstance(error, UnicodeEncodeError | UnicodeDecodeError | UnicodeTranslateError):
            return "\ufffd", error.end
        raise error

    codecs.register_error("lenet-desktop", replace)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            utf8 = (stream.encoding or "").lower().replace("-", "") == "utf8"
            reconfigure(errors="lenet-desktop" if utf8 else "replace")


def main(argv: Sequence[str] | None = None) -> int:
    from lenet_desktop.specs import SpecError  # deferred: off the command line's start

    _replace_unprintable()
    parser, args = parse_arguments(argv)
    func = getattr(args, "func", cmd_app)
    try:
        return func(args, parser)
    except SpecError as exc:
        print(printable(f"lenet-desktop: error: {exc}"), file=sys.stderr)
        return 2
    except CommandError as exc:
        print(printable(f"lenet-desktop: error: {exc}"), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    raise SystemExit(main())
