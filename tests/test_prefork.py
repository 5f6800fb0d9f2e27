"""Production mode: Odoo in prefork (``--workers``) with its gevent process.

This is how Odoo runs in production: HTTP workers forked by a supervisor, and
one gevent process that serves ``/websocket`` (the bus: notifications, chatter
and presence updates in every open browser tab). The test starts such a server
on the test database for a few seconds, on free ports of its own, logs in,
makes a JSON-RPC call, opens a websocket to the gevent process and receives a
bus notification through it, then stops the server. It fails if the gevent
process dies or is respawned meanwhile, or if the log or the server's
stderr (where a process that dies while importing writes its traceback,
before any logging is set up) holds a traceback.

It needs no Odoo environment of its own: only pytest-odoo's options
(``--odoo-database``, ``--odoo-config``) to start the server like
``make serve-prefork`` does.
"""

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psutil
import pytest
import requests
import websocket

import odoo
from odoo.addons.bus.websocket import WebsocketConnectionHandler

STARTUP_TIMEOUT = 180  # seconds: loading the registry on a busy 2-core machine
HOLD = 4  # seconds the gevent process must stay up after it first answered


def free_ports(count):
    """``count`` distinct TCP ports free on the loopback interface now."""
    sockets = []
    try:
        for _i in range(count):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.bind(("127.0.0.1", 0))
            sockets.append(sock)
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def tail(path, lines=40):
    if not path.exists():
        return "<no file>"
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


class PreforkServer:
    """``odoo-bin --workers=2`` on ``database``, stopped by :meth:`stop`."""

    def __init__(self, config_path, database, directory):
        self.http_port, self.gevent_port = free_ports(2)
        self.database = database
        self.logfile = directory / "odoo.log"
        self.stderr = directory / "stderr.txt"
        odoo_bin = Path(odoo.__file__).resolve().parents[1] / "odoo-bin"
        self.command = [
            sys.executable,
            str(odoo_bin),
            "-c",
            config_path,
            "-d",
            database,
            f"--db-filter=^{re.escape(database)}$",
            "--workers=2",
            "--max-cron-threads=0",
            "--http-interface=127.0.0.1",
            f"--http-port={self.http_port}",
            f"--gevent-port={self.gevent_port}",
            f"--logfile={self.logfile}",
            "--log-level=info",
        ]
        self.process = None
        self.children = set()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.http_port}"

    def start(self):
        with open(self.stderr, "wb") as err:
            self.process = subprocess.Popen(
                self.command, stdout=err, stderr=subprocess.STDOUT
            )

    def gevent_processes(self):
        """The supervisor's children running ``odoo-bin gevent``."""
        found = []
        try:
            children = psutil.Process(self.process.pid).children()
        except psutil.NoSuchProcess:
            return found
        for child in children:
            self.children.add(child)
            try:
                if child.cmdline()[2:3] == ["gevent"]:
                    found.append(child)
            except (psutil.NoSuchProcess, psutil.ZombieProcess):
                continue
        return found

    def describe(self):
        return (
            f"\n--- {self.stderr} (last lines) ---\n{tail(self.stderr)}"
            f"\n--- {self.logfile} (last lines) ---\n{tail(self.logfile)}"
        )

    def assert_running(self):
        assert self.process.poll() is None, (
            f"odoo-bin --workers=2 exited with {self.process.returncode}"
            + self.describe()
        )

    def wait_for(self, what, probe, timeout=STARTUP_TIMEOUT):
        """Poll ``probe()`` until it returns a true value; fail after ``timeout``."""
        deadline = time.monotonic() + timeout
        error = None
        while time.monotonic() < deadline:
            self.assert_running()
            tracebacks = self.tracebacks()
            assert not tracebacks, (
                f"{what}: the server logged {len(tracebacks)} traceback(s) meanwhile"
                + self.describe()
            )
            try:
                result = probe()
            except (requests.RequestException, OSError) as exc:
                result, error = None, exc
            if result:
                return result
            time.sleep(0.5)
        raise AssertionError(
            f"{what}: not within {timeout} s (last error: {error!r})" + self.describe()
        )

    def stop(self):
        """SIGTERM to the supervisor (a clean stop), then to what it left."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.gevent_processes()  # remember its current children
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        for child in self.children:
            try:
                child.kill()
            except psutil.NoSuchProcess:
                pass

    def tracebacks(self):
        """One line per traceback in the log and stderr: its exception."""
        found = []
        for path in (self.logfile, self.stderr):
            if not path.exists():
                continue
            lines = path.read_text(errors="replace").splitlines()
            for index, line in enumerate(lines):
                if "Traceback (most recent call last)" not in line:
                    continue
                # the exception is the first line after it that is not indented
                exception = next(
                    (text for text in lines[index + 1 :] if not text[:1].isspace()),
                    line,
                )
                found.append(f"{path.name}: {exception}")
        return found


def jsonrpc(session, url, params):
    response = session.post(
        url,
        json={"jsonrpc": "2.0", "method": "call", "id": 1, "params": params},
        timeout=60,
    )
    response.raise_for_status()
    answer = response.json()
    assert "error" not in answer, f"{url}: {answer['error']}"
    return answer["result"]


def call_kw(session, base, model, method, args, kwargs=None):
    return jsonrpc(
        session,
        f"{base}/web/dataset/call_kw/{model}/{method}",
        {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
    )


def receive_notification(ws, notification_type, marker, timeout=30):
    """The payload of the first bus notification of ``notification_type``
    that carries ``marker``; fails after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    seen = []
    while time.monotonic() < deadline:
        ws.settimeout(max(0.1, deadline - time.monotonic()))
        try:
            frame = ws.recv()
        except websocket.WebSocketTimeoutException:
            break
        for notification in json.loads(frame):
            message = notification.get("message", {})
            seen.append(message.get("type"))
            if message.get("type") == notification_type and marker in json.dumps(
                message.get("payload")
            ):
                return message["payload"]
    raise AssertionError(
        f"no {notification_type!r} notification carrying {marker!r} came through "
        f"the websocket within {timeout} s (received: {seen})"
    )


@pytest.fixture
def prefork_server(pytestconfig, tmp_path):
    database = pytestconfig.getoption("--odoo-database")
    config_path = pytestconfig.getoption("--odoo-config")
    assert database and config_path, "run with --odoo-database and --odoo-config"
    server = PreforkServer(os.path.abspath(config_path), database, tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def test_prefork_server_serves_http_and_websocket_without_traceback(prefork_server):
    server = prefork_server
    http = requests.Session()

    # the HTTP workers answer (the supervisor preloads the registry first)
    login_page = server.wait_for(
        "the login page served by an HTTP worker",
        lambda: (r := http.get(f"{server.url}/web/login", timeout=30)).ok and r,
    )
    assert 'name="login"' in login_page.text

    # the gevent process answers on its own port
    gevent_url = f"http://127.0.0.1:{server.gevent_port}"
    server.wait_for(
        "the gevent process answering /websocket/health",
        lambda: requests.get(f"{gevent_url}/websocket/health", timeout=5).ok,
    )
    gevent = server.gevent_processes()
    assert len(gevent) == 1, f"gevent processes: {gevent}" + server.describe()
    gevent = gevent[0]
    gevent_started = gevent.create_time()

    # a logged-in JSON-RPC call through the HTTP workers
    session_info = jsonrpc(
        http,
        f"{server.url}/web/session/authenticate",
        {"db": server.database, "login": "admin", "password": "admin"},
    )
    uid = session_info["uid"]
    assert uid, session_info
    [user] = call_kw(http, server.url, "res.users", "read", [[uid], ["login"]])
    assert user["login"] == "admin"

    # a websocket to the gevent process, in that session, receives a bus
    # notification sent by a worker's transaction
    ws = websocket.create_connection(
        f"ws://127.0.0.1:{server.gevent_port}/websocket"
        f"?version={WebsocketConnectionHandler._VERSION}",
        cookie=f"session_id={http.cookies['session_id']}",
        timeout=30,
    )
    try:
        ws.send(
            json.dumps({"event_name": "subscribe", "data": {"channels": [], "last": 0}})
        )
        settings = call_kw(
            http,
            server.url,
            "res.users.settings",
            "search_read",
            [[("user_id", "=", uid)], ["push_to_talk_key"]],
        )
        if settings:
            settings_id, previous_key = (
                settings[0]["id"],
                settings[0]["push_to_talk_key"],
            )
        else:
            settings_id = call_kw(
                http, server.url, "res.users.settings", "create", [{"user_id": uid}]
            )
            previous_key = False
        marker = f"prefork.{uuid.uuid4().hex[:8]}"
        try:
            # (the subscription is processed asynchronously: resend until seen)
            payload = None
            for _attempt in range(3):
                call_kw(
                    http,
                    server.url,
                    "res.users.settings",
                    "set_res_users_settings",
                    [[settings_id], {"push_to_talk_key": marker}],
                )
                try:
                    payload = receive_notification(
                        ws, "res.users.settings", marker, timeout=10
                    )
                    break
                except AssertionError:
                    if _attempt == 2:
                        raise
            assert payload["push_to_talk_key"] == marker
        finally:
            call_kw(
                http,
                server.url,
                "res.users.settings",
                "set_res_users_settings",
                [[settings_id], {"push_to_talk_key": previous_key}],
            )
    finally:
        ws.close()

    # the gevent process stays up: the same process, no other one spawned
    time.sleep(HOLD)
    server.assert_running()
    now = server.gevent_processes()
    assert [(p.pid, p.create_time()) for p in now] == [(gevent.pid, gevent_started)], (
        f"the gevent process {gevent.pid} was replaced by {[p.pid for p in now]}"
        + server.describe()
    )
    assert requests.get(f"{gevent_url}/websocket/health", timeout=5).ok

    server.stop()
    assert server.process.returncode == 0, (
        f"odoo-bin exited with {server.process.returncode}" + server.describe()
    )
    tracebacks = server.tracebacks()
    assert not tracebacks, (
        f"{len(tracebacks)} traceback(s) in the prefork server's output:\n"
        + "\n".join(tracebacks[:5])
        + server.describe()
    )
