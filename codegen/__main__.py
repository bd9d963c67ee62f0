"""`python -m codegen [--check] [--spec PATH] [--output DIR] [--no-custom-templates]`."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from .constraints import SpecError
from .pipeline import (
    GENERATED_DIR,
    PACKAGE_NAME,
    SPEC_PATH,
    TEMPLATES_DIR,
    GenerationError,
    Report,
    compare,
    generate,
)


def _print_report(report: Report, seconds: float) -> None:
    for warning in report.warnings:
        print(f"generator {warning}", file=sys.stderr)
    print(f"generated {report.package_dir} in {seconds:.2f} s: {report.summary()}")
    print(f"spec sha256 {report.spec_sha256}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen", description=__doc__)
    parser.add_argument("--check", action="store_true", help="regenerate into a temporary folder and compare")
    parser.add_argument("--spec", type=Path, default=SPEC_PATH, help="OpenAPI document (default: %(default)s)")
    parser.add_argument("--output", type=Path, default=GENERATED_DIR, help="folder that holds the package")
    parser.add_argument(
        "--no-custom-templates", action="store_true", help="use only the generator's own templates (for comparison)"
    )
    args = parser.parse_args(argv)
    templates = None if args.no_custom_templates else TEMPLATES_DIR
    if not args.spec.exists():
        print(f"error: the OpenAPI document {args.spec} does not exist", file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        if not args.check:
            report = generate(args.output, spec_path=args.spec, templates=templates)
            _print_report(report, time.perf_counter() - started)
            return 0
        with tempfile.TemporaryDirectory(prefix="easymaker-codegen-check-") as scratch:
            report = generate(Path(scratch), spec_path=args.spec, templates=templates)
            _print_report(report, time.perf_counter() - started)
            problems = compare(args.output / PACKAGE_NAME, Path(scratch) / PACKAGE_NAME)
    except (GenerationError, SpecError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if problems:
        print(f"{args.output / PACKAGE_NAME} is out of date ({len(problems)} files differ); run `python -m codegen`:")
        for problem in problems:
            print(problem)
        return 1
    print(f"{args.output / PACKAGE_NAME} is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
