"""A replica's restart backoff and when it counts as unresponsive."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.serve.replicas import (
    MAX_BACKOFF,
    QUICK_EXIT,
    START_SECONDS,
    UNHEALTHY_AFTER,
    Replica,
)


def replica(tmp_path: Path, started: float = 0.0) -> Replica:
    one = Replica(1, 9001, tmp_path / "replica-1.log", {})
    one.started = started
    return one


def test_quick_exits_back_off_and_a_long_run_resets(tmp_path: Path):
    one = replica(tmp_path)
    delays = []
    for _ in range(7):
        delays.append(one.schedule_restart(one.started + 1.0))
    assert delays == [1.0, 2.0, 4.0, 8.0, 16.0, MAX_BACKOFF, MAX_BACKOFF]
    one.started = 100.0
    assert one.schedule_restart(100.0 + QUICK_EXIT + 1) == 0.0
    assert one.restart_at == 100.0 + QUICK_EXIT + 1


class Running:
    """Stands for a live Popen."""

    pid = 1

    def poll(self) -> None:
        return None


@pytest.mark.parametrize(
    ("ready", "last_healthy", "now", "unresponsive"),
    [
        (False, 0.0, START_SECONDS - 1, False),  # still starting
        (False, 0.0, START_SECONDS + 1, True),  # never answered
        (True, 50.0, 50.0 + UNHEALTHY_AFTER - 1, False),
        (True, 50.0, 50.0 + UNHEALTHY_AFTER + 1, True),  # stopped answering
    ],
)
def test_unresponsive(tmp_path: Path, ready: bool, last_healthy: float, now: float, unresponsive):
    one = replica(tmp_path)
    one.process = Running()
    one.ready, one.last_healthy = ready, last_healthy
    assert one.unresponsive(now) is unresponsive
