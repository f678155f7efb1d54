"""The room of `serve`, before it starts: its replicas' environment, ports and addresses."""

from __future__ import annotations

from pathlib import Path

from dashboard.serve import processes, room


def options(**changes) -> room.Options:
    given = {"replicas": 2, "port": processes.free_port(), "host": "127.0.0.1"}
    return room.Options(**(given | changes))


def test_every_replica_gets_the_data_and_one_shared_cookie_secret(tmp_path: Path):
    first, second = tmp_path / "a", tmp_path / "b"
    env = room.environment(options(data=(first, second)))
    assert env["DASHBOARD_DATA"] == f"{first}:{second}"
    assert len(env["STREAMLIT_SERVER_COOKIE_SECRET"]) == 64
    served = room.Room(options(data=(first,)), "nginx", tmp_path, print)
    assert len({r.port for r in served.replicas}) == 2
    assert len({r.env["STREAMLIT_SERVER_COOKIE_SECRET"] for r in served.replicas}) == 1
    assert served.site.replicas == tuple(r.address for r in served.replicas)


def test_urls_for_every_interface_and_one_address(tmp_path: Path):
    everywhere = room.Room(options(host="0.0.0.0", port=8501), "nginx", tmp_path, print)
    assert everywhere.urls()[-1] == "http://127.0.0.1:8501/"
    assert len(everywhere.urls()) == 2
    local = room.Room(options(host="::1", port=8501), "nginx", tmp_path, print)
    assert local.urls() == ["http://[::1]:8501/"]
    every_v6 = room.Room(options(host="::", port=8501), "nginx", tmp_path, print)
    assert every_v6.urls()[-1] == "http://[::1]:8501/"
