"""The ``lenet-desktop`` command: the app with no subcommand, headless tools with one.

Exit status: 0 success, 1 a file or an image could not be used, 2 a usage error (a broken
architecture spec included: one line naming the layer and its numbers).
Heavy imports (torch, Qt) happen inside the commands so ``--help`` answers at once.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from lenet_desktop.cli.commands_tools import cmd_app
from lenet_desktop.cli.common import CommandError
from lenet_desktop.cli.parser import build_parser

__all__ = ["CommandError", "build_parser", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    from lenet_desktop.specs import SpecError

    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "book", False):
        parser = build_parser(book=True)
        args = parser.parse_args(argv)
    func = getattr(args, "func", cmd_app)
    try:
        return func(args, parser)
    except SpecError as exc:
        print(f"lenet-desktop: error: {exc}", file=sys.stderr)
        return 2
    except CommandError as exc:
        print(f"lenet-desktop: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly, as Unix tools do
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    raise SystemExit(main())
