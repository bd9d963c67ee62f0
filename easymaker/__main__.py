"""``python -m easymaker``: the command line of the guide (see `easymaker.cli`)."""

import sys

from easymaker.cli import main

sys.exit(main())
