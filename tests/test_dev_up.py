"""`./dev up` stops its embedded PostgreSQL however it is stopped: SIGTERM to its process (as a process
manager or `docker stop` sends it) and Ctrl-C (SIGINT to the whole group) alike."""

import os
import signal
import socket
import subprocess
import time
from http.client import HTTPConnection
from pathlib import Path

import pytest

from tests.conftest import PROJECT_DIR


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def postmaster_pid(pgdata: Path) -> int | None:
    pid_file = pgdata / "postmaster.pid"
    return int(pid_file.read_text().split()[0]) if pid_file.exists() else None


def running(pid: int | None) -> bool:
    if pid is None:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture(scope="module")
def pgdata(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("dev-up") / "pgdata"


@pytest.mark.parametrize("stop", ["SIGTERM to the server", "Ctrl-C to the group"])
def test_dev_up_stops_the_embedded_server_when_it_is_stopped(pgdata, stop):
    port = free_port()
    environment = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    environment |= {"ARCHIVE_PGDATA": str(pgdata), "PORT": str(port), "DJANGO_SUPERUSER_PASSWORD": "a-long-password-1"}
    up = subprocess.Popen(["./dev", "up"], cwd=PROJECT_DIR, env=environment, start_new_session=True,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        deadline = time.monotonic() + 300
        while True:
            assert up.poll() is None and time.monotonic() < deadline, "./dev up did not start serving"
            try:
                probe = HTTPConnection("127.0.0.1", port, timeout=2)
                probe.request("GET", "/healthz")
                if probe.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.5)
        server = postmaster_pid(pgdata)
        assert running(server)

        if stop == "SIGTERM to the server":
            up.send_signal(signal.SIGTERM)
        else:
            os.killpg(up.pid, signal.SIGINT)
        up.wait(timeout=60)

        deadline = time.monotonic() + 30
        while running(server) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not running(server), "the embedded PostgreSQL is still running"
    finally:
        if up.poll() is None:
            os.killpg(up.pid, signal.SIGKILL)
