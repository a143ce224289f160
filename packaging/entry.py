"""The frozen app's entry point: the same command line as the installed `lenet-desktop`."""

from lenet_desktop.cli import main

raise SystemExit(main())
