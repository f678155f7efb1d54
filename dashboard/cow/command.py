"""`python -m dashboard import-cow`: check the target folder, import, write all at once, then
a summary; every failure is one line naming the file, never a traceback, and leaves nothing
written."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dashboard.cow.files import MAX_MIB, MIB, CowError
from dashboard.cow.importer import MAPPING_FILE, import_cow, summary_lines
from dashboard.cow.output import check_target, write_package


@dataclass(frozen=True)
class Options:
    """The command's arguments."""

    igo_file: Path
    states_file: Path
    out_dir: Path
    mapping: Path | None = None
    replace: bool = False
    max_mib: int = MAX_MIB
    encoding: str = "utf-8"


def import_command(
    options: Options,
    progress: Callable[[str], None],
    say: Callable[[str], None],
    error: Callable[[str], None],
) -> int:
    """Run the import, telling its steps to `progress`, the summary to `say` and a failure to
    `error`; 0 when the package is written, 2 (130 when interrupted) otherwise."""
    started = time.perf_counter()
    try:
        check_target(options.out_dir, options.replace)  # before the work, not after it
        package = import_cow(
            options.igo_file,
            options.states_file,
            options.mapping or MAPPING_FILE,
            progress,
            options.max_mib * MIB,
            options.encoding,
        )
        progress(f"writing {options.out_dir}")
        write_package(package, options.out_dir, options.replace)
    except CowError as exc:
        error(str(exc))
        return 2
    except MemoryError:
        error(f"{options.igo_file}: not enough memory to import it; nothing was written")
        return 2
    except KeyboardInterrupt:
        error("interrupted; nothing was written")
        return 130
    except Exception as exc:  # noqa: BLE001 - a message, never a traceback
        reason = f"{type(exc).__name__}: {exc}"
        error(f"{options.igo_file}: cannot be imported ({reason}); nothing was written")
        return 2
    say(f"Wrote {options.out_dir} in {time.perf_counter() - started:.1f} s")
    for line in summary_lines(package):
        say(f"  {line}")
    return 0
