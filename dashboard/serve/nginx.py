"""nginx in front of the replicas: find the binary, render its configuration, start it.

The configuration comes from the template `nginx.conf.j2` beside this module, rendered into a
folder the caller owns; every file nginx writes (pid, logs, temporary bodies) goes there.
"""

from __future__ import annotations

import grp
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from dashboard.serve.processes import host_port

TEMPLATE = Path(__file__).with_name("nginx.conf.j2")
AFFINITY_COOKIE = "dashboard_replica"
INSTALL_HINT = (
    "nginx was not found. Install it (Debian or Ubuntu: sudo apt-get install nginx; "
    "as root: apt-get install nginx), or give its path with --nginx PATH."
)
# Debian puts nginx in /usr/sbin, which is not on an ordinary user's PATH.
SEARCHED = ("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx")


class NginxError(Exception):
    """nginx cannot be used: missing, or it refuses the configuration. The message says why."""


@dataclass(frozen=True)
class Site:
    """What the configuration needs: where nginx listens, the replicas, its own folder."""

    listen_host: str
    listen_port: int
    replicas: tuple[str, ...]  # "127.0.0.1:PORT" of each app process
    folder: Path
    user: str | None = None  # worker user when the master runs as root
    workers: int | str = "auto"
    connections: int = 4096  # per worker; a viewer's websocket takes two
    max_upload_mb: int = 200  # Streamlit's default server.maxUploadSize
    websocket_timeout: str = "1h"
    cookie: str = AFFINITY_COOKIE

    @property
    def listen(self) -> str:
        return host_port(self.listen_host, self.listen_port)

    @property
    def config_file(self) -> Path:
        return self.folder / "nginx.conf"

    @property
    def access_log(self) -> Path:
        return self.folder / "access.log"

    @property
    def error_log(self) -> Path:
        return self.folder / "error.log"


def render(site: Site) -> str:
    """The nginx configuration for `site`, from the template."""
    environment = Environment(
        loader=FileSystemLoader(TEMPLATE.parent),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    template = environment.get_template(TEMPLATE.name)
    return template.render(
        folder=site.folder,
        user=site.user,
        workers=site.workers,
        connections=site.connections,
        cookie=site.cookie,
        replicas=site.replicas,
        listen=site.listen,
        max_upload_mb=site.max_upload_mb,
        websocket_timeout=site.websocket_timeout,
    )


def worker_user() -> str | None:
    """The `user` directive's value when nginx starts as root (its workers then drop to an
    unprivileged user; nginx's own default group `nobody` is missing on Debian), else None."""
    if os.geteuid() != 0:
        return None
    groups = {entry.gr_name for entry in grp.getgrall()}
    group = next((name for name in ("nogroup", "nobody") if name in groups), "root")
    return f"nobody {group}"


def find_nginx(given: str | None = None) -> str:
    """The nginx binary: `given`, else on PATH, else Debian's and the usual places."""
    if given:
        if Path(given).is_file() and os.access(given, os.X_OK):
            return given
        raise NginxError(f"{given}: not an executable nginx. {INSTALL_HINT}")
    for candidate in (shutil.which("nginx"), *SEARCHED):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise NginxError(INSTALL_HINT)


def write(site: Site) -> Path:
    """Render the configuration into the site's folder; return the file."""
    site.folder.mkdir(parents=True, exist_ok=True)
    site.config_file.write_text(render(site), encoding="utf-8")
    return site.config_file


def command(binary: str, site: Site, *extra: str) -> list[str]:
    """The nginx command line that reads only the site's folder (`-e` keeps even the log nginx
    opens before reading its configuration in there)."""
    return [
        binary,
        "-p",
        str(site.folder),
        "-c",
        str(site.config_file),
        "-e",
        str(site.error_log),
        *extra,
    ]


def check(binary: str, site: Site) -> None:
    """`nginx -t` on the written configuration; NginxError with nginx's own words on failure."""
    result = subprocess.run(
        command(binary, site, "-t", "-q"), capture_output=True, text=True, timeout=30
    )
    if result.returncode != 0:
        said = (result.stderr or result.stdout).strip() or f"exit code {result.returncode}"
        raise NginxError(f"nginx refused its configuration {site.config_file}: {said}")
