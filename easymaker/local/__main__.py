"""``python -m easymaker.local``: the EasyMaker Local command line (see ``easymaker.local.cli``)."""

from easymaker.local.cli import main

raise SystemExit(main())
