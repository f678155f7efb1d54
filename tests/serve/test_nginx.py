"""The nginx configuration rendered from dashboard/serve/nginx.conf.j2, read back with nginx's own
parser library (crossplane)."""

from __future__ import annotations

from pathlib import Path

import crossplane
import pytest

from dashboard.serve import nginx

REPLICAS = ("127.0.0.1:9001", "127.0.0.1:9002", "127.0.0.1:9003")


def parsed(site: nginx.Site) -> list[dict]:
    nginx.write(site)
    result = crossplane.parse(str(site.config_file), single=True, comments=False)
    assert result["status"] == "ok", result["errors"]
    return result["config"][0]["parsed"]


def block(directives: list[dict], name: str, *args: str) -> list[dict]:
    """The children of the one block `name args`."""
    found = [d for d in directives if d["directive"] == name and tuple(d["args"]) == args]
    assert len(found) == 1, (name, args, found)
    return found[0]["block"]


def values(directives: list[dict], name: str) -> list[list[str]]:
    return [d["args"] for d in directives if d["directive"] == name]


@pytest.fixture
def config(tmp_path: Path) -> list[dict]:
    return parsed(nginx.Site("0.0.0.0", 8600, REPLICAS, tmp_path))


def test_upstream_lists_every_replica_with_a_cookie_keyed_consistent_hash(config):
    http = block(config, "http")
    upstream = block(http, "upstream", "replicas")
    servers = [args[0] for args in values(upstream, "server")]
    assert servers == list(REPLICAS)
    assert values(upstream, "hash") == [["$affinity", "consistent"]]
    # $affinity is the viewer's cookie, or a fresh random key that is then set as the cookie
    cookie = f"$cookie_{nginx.AFFINITY_COOKIE}"
    affinity = block(http, "map", cookie, "$affinity")
    assert {d["directive"]: d["args"] for d in affinity} == {
        "": ["$request_id"],
        "default": [cookie],
    }
    setter = block(http, "map", cookie, "$affinity_cookie")
    first_visit = next(d for d in setter if d["directive"] == "")
    assert first_visit["args"][0].startswith(f"{nginx.AFFINITY_COOKIE}=$request_id;")
    server = block(http, "server")
    assert values(server, "listen") == [["0.0.0.0:8600"]]
    assert ["Set-Cookie", "$affinity_cookie", "always"] in values(server, "add_header")


def test_every_location_goes_to_the_upstream(config):
    server = block(block(config, "http"), "server")
    locations = [d for d in server if d["directive"] == "location"]
    assert {tuple(d["args"]) for d in locations} == {
        ("/",),
        ("=", "/_stcore/stream"),
        ("=", "/_stcore/health"),
    }
    for location in locations:
        assert values(location["block"], "proxy_pass") == [["http://replicas"]]
        # headers set in the server block are inherited only where a location sets none
        assert values(location["block"], "proxy_set_header") == []


def test_websocket_upgrade_headers_and_long_timeouts(config):
    http = block(config, "http")
    upgrade = block(http, "map", "$http_upgrade", "$connection_upgrade")
    assert {d["directive"]: d["args"] for d in upgrade} == {"default": ["upgrade"], "": ["close"]}
    server = block(http, "server")
    headers = {args[0]: args[1] for args in values(server, "proxy_set_header")}
    assert headers["Upgrade"] == "$http_upgrade"
    assert headers["Connection"] == "$connection_upgrade"
    assert headers["Host"] == "$http_host"  # Streamlit compares the websocket's Origin with it
    assert values(server, "proxy_http_version") == [["1.1"]]
    stream = block(server, "location", "=", "/_stcore/stream")
    assert values(stream, "proxy_read_timeout") == [["1h"]]
    assert values(stream, "proxy_send_timeout") == [["1h"]]
    assert values(stream, "proxy_buffering") == [["off"]]


def test_everything_nginx_writes_stays_in_its_folder(tmp_path: Path):
    folder = tmp_path / "room"
    config = parsed(nginx.Site("127.0.0.1", 8600, REPLICAS, folder))
    paths = values(config, "pid") + values(config, "error_log")
    http = block(config, "http")
    for name in (
        "client_body_temp_path",
        "proxy_temp_path",
        "fastcgi_temp_path",
        "uwsgi_temp_path",
        "scgi_temp_path",
        "access_log",
    ):
        paths += values(http, name)
    assert len(paths) == 8
    assert all(Path(args[0]).parent == folder for args in paths), paths
    assert values(config, "daemon") == [["off"]]  # serve runs it in the foreground
    command = nginx.command("nginx", nginx.Site("127.0.0.1", 8600, REPLICAS, folder))
    assert command[1:] == [
        "-p",
        str(folder),
        "-c",
        str(folder / "nginx.conf"),
        "-e",
        str(folder / "error.log"),
    ]


@pytest.mark.parametrize(
    ("host", "listen"), [("127.0.0.1", "127.0.0.1:80"), ("::1", "[::1]:80"), ("::", "[::]:80")]
)
def test_listen_address(tmp_path: Path, host: str, listen: str):
    server = block(block(parsed(nginx.Site(host, 80, REPLICAS, tmp_path)), "http"), "server")
    assert values(server, "listen") == [[listen]]


def test_a_worker_user_only_when_started_as_root(tmp_path: Path):
    as_user = parsed(nginx.Site("127.0.0.1", 8600, REPLICAS, tmp_path / "a"))
    as_root = parsed(nginx.Site("127.0.0.1", 8600, REPLICAS, tmp_path / "b", user="nobody nogroup"))
    assert values(as_user, "user") == []
    assert values(as_root, "user") == [["nobody", "nogroup"]]


def test_missing_nginx_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(nginx, "SEARCHED", ())
    with pytest.raises(nginx.NginxError, match="apt-get install nginx"):
        nginx.find_nginx()
    with pytest.raises(nginx.NginxError, match=r"nope: not an executable nginx.*apt-get install"):
        nginx.find_nginx(str(tmp_path / "nope"))


def test_nginx_found_on_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    binary = tmp_path / "nginx"
    binary.write_text("#!/bin/sh\n")
    binary.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert nginx.find_nginx() == str(binary)
