"""The files of ``examples/guide/``: the usage scenarios (one per Python example of the user's guide) and the
guide's CLI table (``cli.sh``)."""

from __future__ import annotations

import shlex
from pathlib import Path

from paths import REPO

SCENARIOS = REPO / "examples" / "guide"
CLI_SCENARIO = SCENARIOS / "cli.sh"


def scenario_files() -> list[Path]:
    """examples/guide/NN_*.py in order."""
    return sorted(SCENARIOS.glob("[0-9][0-9]_*.py"))


def guide_commands() -> list[list[str]]:
    """The commands of examples/guide/cli.sh (the guide's CLI table), as argument lists."""
    lines = CLI_SCENARIO.read_text(encoding="utf-8").splitlines()
    return [shlex.split(line) for line in lines if line.startswith("python -m easymaker ")]
