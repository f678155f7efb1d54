"""Command line: `python -m dashboard validate [DATA_DIR]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.package import DATA_DIR_VARIABLE, data_dir, load_package
from dashboard.problems import summary


def build_parser() -> argparse.ArgumentParser:
    """The CLI's commands and their help."""
    parser = argparse.ArgumentParser(
        prog="python -m dashboard",
        description="Tools for the dashboard's data package (a folder of CSV files).",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    validate = commands.add_parser(
        "validate",
        help="check every file of a data package and list each problem",
        description=(
            "Check every table of a data package against the schema and the cross-table rules. "
            "Prints one line per problem as FILE:LINE: COLUMN: message, then a summary. "
            "Exits 1 when there is any error, 0 otherwise."
        ),
    )
    validate.add_argument(
        "data_dir",
        nargs="?",
        type=Path,
        help=f"package folder (default: ${DATA_DIR_VARIABLE} or the bundled data/)",
    )
    return parser


def validate(folder: Path) -> int:
    """Print every problem of the package and a summary; return the exit code."""
    if not folder.is_dir():
        print(f"{folder}: not a folder", file=sys.stderr)
        return 1
    package = load_package(folder)
    for problem in package.problems:
        print(problem.as_line())
    print(summary(list(package.problems), package.skipped))
    return 1 if package.errors else 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of `python -m dashboard`."""
    args = build_parser().parse_args(argv)
    return validate(args.data_dir or data_dir())


if __name__ == "__main__":
    sys.exit(main())
