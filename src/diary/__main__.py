"""``python -m diary``: see ``diary.cli``."""

from diary.cli import main

raise SystemExit(main())
