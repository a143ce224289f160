from lenet_desktop.cli import main

raise SystemExit(main())
