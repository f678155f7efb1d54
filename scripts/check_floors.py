"""Prove the lower bounds of pyproject.toml: run the tests with every dependency at its floor.

Creates a scratch virtual environment in a temporary folder, installs each direct dependency of
the project (its `dependencies` and every extra, `test` included) pinned exactly to the lower
bound pyproject.toml gives it (`streamlit>=1.50` installs `streamlit==1.50`; what those need
resolves as pip resolves it), installs the project itself with `--no-deps`, prints the versions
installed, runs `ruff check .` and `ruff format --check .` with that environment's ruff, then
the non-browser test suite from the repository:

    python -m pytest -m "not e2e" -q -p no:cacheprovider [PYTEST_ARGS]

It exits with the test run's code (1 if the tests pass but ruff does not) and removes the
temporary folder, unless `--keep`. `--pin NAME==VERSION` tries another version of one
dependency, to look for a floor. Needs network access to the package index, and `packaging`.

Usage: python scripts/check_floors.py [--keep] [--no-lint] [--pin NAME==VERSION]... [-- PYTEST_ARGS]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Iterable
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
# operators whose version is the lowest one a requirement allows
FLOOR_OPERATORS = {">=", "~=", "=="}
TESTS = ["-m", "pytest", "-m", "not e2e", "-q", "-p", "no:cacheprovider"]
SHOW_VERSIONS = (
    "import sys\nfrom importlib.metadata import version\n"
    "for name in sys.argv[1:]:\n    print(f'  {name:<20} {version(name)}')"
)


def project_requirements(pyproject: Path) -> list[str]:
    """The requirement strings of pyproject's `dependencies` and of every optional extra."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    extras = project.get("optional-dependencies", {})
    return list(project.get("dependencies", [])) + [r for group in extras.values() for r in group]


def exact_pins(requirements: Iterable[str]) -> list[str]:
    """Each requirement pinned to exactly its lower bound: `pandas>=2.2,<4` gives `pandas==2.2`."""
    pins = []
    for text in requirements:
        requirement = Requirement(text)
        floors = [s.version for s in requirement.specifier if s.operator in FLOOR_OPERATORS]
        if requirement.url or len(floors) != 1:
            raise ValueError(f"{text!r} has no single lower bound (>=, ~= or ==) to pin")
        floor = floors[0]
        # an exact pin the other bounds exclude would test a version no user can get
        if not requirement.specifier.contains(floor, prereleases=True):
            raise ValueError(f"{text!r}: its lower bound {floor} is excluded by its other bounds")
        extras = f"[{','.join(sorted(requirement.extras))}]" if requirement.extras else ""
        marker = f"; {requirement.marker}" if requirement.marker else ""
        pins.append(f"{requirement.name}{extras}=={floor}{marker}")
    return pins


def with_overrides(pins: list[str], overrides: Iterable[str]) -> list[str]:
    """The pins with each override (`NAME==VERSION`) in place of the pin of the same name."""
    chosen = {canonicalize_name(Requirement(o).name): o for o in overrides}
    unknown = set(chosen) - {canonicalize_name(Requirement(p).name) for p in pins}
    if unknown:
        raise ValueError(f"not a dependency of the project: {', '.join(sorted(unknown))}")
    return [chosen.get(canonicalize_name(Requirement(p).name), p) for p in pins]


def _run(command: list[str], env: dict[str, str]) -> int:
    print("$", " ".join(command), flush=True)
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode


def check(folder: Path, pins: list[str], lint: bool, pytest_args: list[str]) -> int:
    """Install the pins into a new environment under `folder`, then lint and test; the exit code."""
    venv = folder / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    # the environment's own scripts (lint-imports, streamlit, ruff) come first on PATH
    env = {**os.environ, "VIRTUAL_ENV": str(venv)}
    env["PATH"] = os.pathsep.join([str(venv / "bin"), env.get("PATH", "")])
    env.pop("PYTHONPATH", None)
    pip = [python, "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    started = time.monotonic()
    if _run([*pip, *pins], env) or _run([*pip, "--no-deps", "-e", str(ROOT)], env):
        print("The floors could not be installed.", file=sys.stderr)
        return 2
    print(f"Installed in {time.monotonic() - started:.0f} s:")
    names = [Requirement(p).name for p in pins]
    subprocess.run([python, "-c", SHOW_VERSIONS, *names], env=env, check=True)
    linted = 0
    if lint:
        ruff = str(venv / "bin" / "ruff")
        linted = _run([ruff, "check", "."], env) or _run([ruff, "format", "--check", "."], env)
    tested = _run([python, *TESTS, *pytest_args], env)
    return tested or (1 if linted else 0)


def main(argv: list[str] | None = None) -> int:
    """Parse the command line, check the floors in a temporary folder, return the exit code."""
    parser = argparse.ArgumentParser(
        description="Install every dependency at the lower bound pyproject.toml gives it, in a "
        "scratch environment, and run ruff and the non-browser tests with it.",
        epilog='Example: python scripts/check_floors.py -- tests/views -k "overview"',
    )
    parser.add_argument(
        "--pin",
        action="append",
        default=[],
        metavar="NAME==VERSION",
        help="install this version of a dependency instead of its floor (repeatable)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary folder and say where it is"
    )
    parser.add_argument("--no-lint", action="store_true", help="skip ruff check and ruff format")
    parser.add_argument(
        "pytest_args", nargs="*", metavar="PYTEST_ARGS", help="given to pytest, after --"
    )
    args = parser.parse_args(argv)
    try:
        pins = with_overrides(exact_pins(project_requirements(ROOT / "pyproject.toml")), args.pin)
    except ValueError as error:
        parser.error(str(error))
    print("Pins:", " ".join(pins))
    started = time.monotonic()
    folder = Path(tempfile.mkdtemp(prefix="check-floors-"))
    try:
        code = check(folder, pins, not args.no_lint, args.pytest_args)
    finally:
        if args.keep:
            print(f"Kept {folder} (its environment: {folder / 'venv'})")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"Floor check finished in {time.monotonic() - started:.0f} s with exit code {code}.")
    return code


if __name__ == "__main__":
    sys.exit(main())
