"""A real, throw-away PostgreSQL cluster for the tests: started once per session, one database
per test, stopped at the end.

It uses the distribution's server binaries (``/usr/lib/postgresql/<version>/bin``, installed by
``scripts/install.sh``). PostgreSQL refuses to run as root, so under root every server command
runs as the ``postgres`` user, on a folder of its own outside pytest's root-only temporary
tree. The cluster listens on 127.0.0.1 on a free port and keeps its socket in that folder; it
trusts every local connection (a test cluster, never reachable from elsewhere) and skips
fsync: it is created and thrown away within the session.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg
import pytest

#: where Debian and Ubuntu put each installed server version
SERVER_ROOT = Path("/usr/lib/postgresql")
RUN_AS = "postgres"
#: the role the engine's test URLs use, with a password that trust auth accepts and ignores
#: (so the tests can check it never shows up anywhere)
ROLE = "resolvia"
PASSWORD = "s3cr3t-pg-pass"


def server_bindir() -> Path:
    """The newest installed server's ``bin`` folder; fails the test session when none is."""
    found = sorted(SERVER_ROOT.glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    if not found:
        pytest.fail(
            f"PostgreSQL server binaries not found under {SERVER_ROOT}/<version>/bin: run "
            "scripts/install.sh (it installs the distribution's postgresql package), or "
            "`apt-get install -y postgresql` as root"
        )
    return found[-1].parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresCluster:
    """One running cluster: :meth:`create_database` gives each test its own database."""

    def __init__(self) -> None:
        self.bindir = server_bindir()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            try:
                self._user = pwd.getpwnam(RUN_AS)
            except KeyError:
                pytest.fail(f"no '{RUN_AS}' user to run PostgreSQL as: install postgresql")
        # not under pytest's temporary folders: those are readable by root only
        self.root = Path(tempfile.mkdtemp(prefix="resolvia-pg-"))
        self.data = self.root / "data"
        self.socket_dir = self.root
        self.log = self.root / "server.log"
        self.port = _free_port()
        self._databases = 0
        if self.as_root:
            os.chown(self.root, self._user.pw_uid, self._user.pw_gid)
        self.root.chmod(0o700)

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", RUN_AS, "--", *command]
        return subprocess.run(
            command, capture_output=True, text=True, timeout=120, check=False, cwd=self.root
        )

    def start(self) -> None:
        init = self._run(
            "initdb",
            "-D",
            str(self.data),
            "-A",
            "trust",
            "-U",
            RUN_AS,
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )
        if init.returncode:
            pytest.fail(f"initdb failed: {init.stderr.strip() or init.stdout.strip()}")
        options = (
            f"-p {self.port} -k {self.socket_dir} -c listen_addresses=127.0.0.1"
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        started = self._run(
            "pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.log), "-w", "start"
        )
        if started.returncode:
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            pytest.fail(f"PostgreSQL did not start: {started.stderr.strip()}\n{log[-2000:]}")
        with self.admin() as conn:
            conn.execute(f"CREATE ROLE {ROLE} LOGIN SUPERUSER PASSWORD '{PASSWORD}'")

    def admin(self) -> psycopg.Connection[tuple[object, ...]]:
        """An autocommit connection to the maintenance database, as the superuser."""
        return psycopg.connect(
            host="127.0.0.1", port=self.port, user=RUN_AS, dbname="postgres", autocommit=True
        )

    def url(self, database: str) -> str:
        """The ``DATABASE_URL`` of ``database``, with a user and a password, as in production."""
        return f"postgresql://{ROLE}:{PASSWORD}@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        """A new empty database; returns its URL."""
        self._databases += 1
        name = f"test_{self._databases}"
        with self.admin() as conn:
            conn.execute(f"CREATE DATABASE {name} OWNER {ROLE}")
        return self.url(name)

    def drop_connections(self, url: str) -> int:
        """End every session on ``url``'s database, as a Postgres restart would: returns how
        many there were."""
        database = url.rsplit("/", 1)[1]
        with self.admin() as conn:
            rows = conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                (database,),
            ).fetchall()
        return len(rows)

    def stop(self) -> None:
        if self.data.exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)
