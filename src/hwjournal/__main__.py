from hwjournal.cli import main

raise SystemExit(main())
