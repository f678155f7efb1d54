"""Command line: `python -m dashboard validate [DATA_DIR]`, `… import-cow …`, `… serve …`.

Each command imports what it needs when it runs, so `--help` answers at once.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from dashboard.config import DATA_DIR_VARIABLE, MAX_REPLICAS
from dashboard.cow.files import MAX_MIB
from dashboard.terminal import printable


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
        help=(
            f"package folder, or folders layered as A:B (later ones override earlier ones; "
            f"default: ${DATA_DIR_VARIABLE} or the bundled data/)"
        ),
    )
    add_import_cow(commands)
    add_serve(commands)
    return parser


def add_import_cow(commands: argparse._SubParsersAction) -> None:
    """The `import-cow` command and its help."""
    command = commands.add_parser(
        "import-cow",
        help="build a data package from the Correlates of War IGO data (v3)",
        description=(
            "Read COW's IGO-year file and state list and write a data package (organizations, "
            "countries, year-precise membership spans, the COW source, empty other tables) to "
            "OUT_DIR, all at once or not at all. Shows progress, then a summary. Exits 2 when "
            "an input cannot be used or OUT_DIR is not empty (see --replace)."
        ),
    )
    command.add_argument(
        "igo_file",
        metavar="IGO_FILE",
        type=Path,
        help="igo_year_formatv3.csv, or the IGO_csv.zip that holds it",
    )
    command.add_argument(
        "states_file", metavar="STATES_FILE", type=Path, help="COW's state list, states2016.csv"
    )
    command.add_argument(
        "out_dir",
        metavar="OUT_DIR",
        type=Path,
        help="folder to write the package to: a new or empty one (created)",
    )
    command.add_argument(
        "--replace",
        action="store_true",
        help="replace the package in OUT_DIR if it holds one (only a folder of CSV files is "
        "replaced; the old package stays until the new one is complete)",
    )
    command.add_argument(
        "--max-size",
        type=_megabytes,
        default=MAX_MIB,
        metavar="MIB",
        help="largest size, in MiB, an input file may have or the zip may unpack to "
        "(default %(default)s; COW's IGO file unpacks to about 13 MB)",
    )
    command.add_argument(
        "--encoding",
        default="utf-8",
        help="text encoding of the CSV files (default %(default)s; an older COW release may "
        "need latin-1)",
    )
    command.add_argument(
        "--mapping",
        type=Path,
        help="CSV of COW ioname → our organization id (default: the bundled "
        "dashboard/cow/mapping.csv)",
    )


def _megabytes(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of MiB, 1 or more")
    return int(text)


def add_serve(commands: argparse._SubParsersAction) -> None:
    """The `serve` command and its help."""
    command = commands.add_parser(
        "serve",
        help="serve a room: several app processes behind nginx, with session affinity",
        description=(
            "Start N dashboard processes on free loopback ports and nginx in front of them on "
            "port P. Each viewer stays on one process (a cookie-keyed hash). Runs in the "
            "foreground; Ctrl-C or SIGTERM stops every process it started. A process that dies "
            "or stops answering /_stcore/health is reported and restarted. Needs nginx "
            "(apt-get install nginx); writes only to a temporary folder, removed at the end."
        ),
    )
    command.add_argument(
        "--replicas",
        type=int,
        default=os.cpu_count() or 2,
        metavar="N",
        help=f"app processes, 1 to {MAX_REPLICAS} (default: one per CPU core, here %(default)s)",
    )
    command.add_argument(
        "--port", type=int, default=8501, metavar="P", help="port viewers open (default 8501)"
    )
    command.add_argument(
        "--host",
        default="0.0.0.0",
        help="address nginx listens on (default 0.0.0.0: every interface; 127.0.0.1: this "
        "machine only)",
    )
    command.add_argument(
        "--data",
        metavar="DIR",
        help=f"package folder, or folders layered as A:B, given to every process as "
        f"${DATA_DIR_VARIABLE} (default: ${DATA_DIR_VARIABLE} or the bundled data/)",
    )
    command.add_argument(
        "--nginx", metavar="PATH", help="the nginx binary (default: found on PATH or /usr/sbin)"
    )
    command.add_argument(
        "--no-warmup",
        dest="warm",
        action="store_false",
        help="serve at once, without first opening a page of each process (then the first "
        "viewer of each process waits while it loads the data package)",
    )


def serve_command(args: argparse.Namespace) -> int:
    """Serve until stopped; a clear message and exit code 2 when it cannot start."""
    from dashboard.datapackage.layers import layers_of
    from dashboard.serve.command import Options, ServeError, serve

    options = Options(
        replicas=args.replicas,
        port=args.port,
        host=args.host,
        data=layers_of(args.data) if args.data else None,
        nginx_binary=args.nginx,
        warm=args.warm,
    )
    try:
        return serve(options)
    except ServeError as exc:
        error(str(exc))
        return 2
    except OSError as exc:  # every process it started is already stopped (serve's finally)
        error(str(exc))
        return 1


def validate(folders: tuple[Path, ...]) -> int:
    """Print every problem of the package and a summary; return the exit code. Text from the
    data is printed with its control characters escaped."""
    from dashboard.datapackage.load import load_package
    from dashboard.datapackage.problems import summary

    for folder in folders:
        if not folder.is_dir():
            print(printable(f"{folder}: not a folder"), file=sys.stderr)
            return 1
    package = load_package(folders)
    for problem in package.problems:
        print(printable(problem.as_line()))
    print(summary(list(package.problems), package.skipped))
    return 1 if package.errors else 0


def progress(message: str) -> None:
    """Show a step of a long command on stderr, as it happens."""
    print(printable(message), file=sys.stderr, flush=True)


def import_cow_command(args: argparse.Namespace) -> int:
    """Import COW into a package folder, with progress and a summary; exit code 2 on bad input
    or a folder it may not write to. Nothing is written unless the whole package is."""
    from dashboard.cow.command import Options, import_command

    options = Options(
        args.igo_file,
        args.states_file,
        args.out_dir,
        mapping=args.mapping,
        replace=args.replace,
        max_mib=args.max_size,
        encoding=args.encoding,
    )
    return import_command(options, progress, say=lambda line: print(printable(line)), error=error)


def error(message: str) -> None:
    """A command's failure, one line on stderr."""
    print(printable(f"error: {message}"), file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Entry point of `python -m dashboard`."""
    args = build_parser().parse_args(argv)
    if args.command == "import-cow":
        return import_cow_command(args)
    if args.command == "serve":
        return serve_command(args)
    from dashboard.datapackage.folders import data_dir
    from dashboard.datapackage.layers import layers_of

    return validate(layers_of(args.data_dir) if args.data_dir else data_dir())


def run() -> int:
    """`main`, quiet when the reader of its output goes away (`validate … | head`)."""
    try:
        return main()
    except BrokenPipeError:
        # Python would report the pipe again when it flushes stdout at exit: point it nowhere
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(run())
