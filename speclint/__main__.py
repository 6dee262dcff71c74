from speclint.cli import main

raise SystemExit(main())
