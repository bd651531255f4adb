"""``python -m selfcheck``: see ``selfcheck.cli``."""

from selfcheck.cli import main

raise SystemExit(main())
