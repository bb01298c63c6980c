"""`python -m mocks serve` as a real process on 127.0.0.1: persistence across a SIGTERM restart,
seeding from files in the original project's format, reset. Uses no model (own fixtures)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from adapters.incident_manager import HttpIncidentManager
from adapters.supervisor import free_ports
from adapters.target_system import HttpTargetSystem
from mocks.process import PORTS, MockServices, serve_mocks
from tests.mock_support import FIXTURES, REPO_ROOT

TOKEN = "integration-mocks-token"
START_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 10.0


def run_cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mocks", *args],
        cwd=tmp_path,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _env() -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(REPO_ROOT),
        "MOCKS_TOKEN": TOKEN,
        "LOG_FORMAT": "json",
    }


class Served:
    def __init__(self, services: MockServices, base: int, log: Path) -> None:
        self.services = services
        self.base = base
        self.log = log
        self.incidents = HttpIncidentManager(services.incident_manager_url, TOKEN, timeout_s=10)
        self.target = HttpTargetSystem(services.target_system_url, TOKEN, timeout_s=10)

    def stop(self) -> tuple[int | None, float]:
        """SIGTERM; returns (exit code, seconds it took)."""
        self.incidents.close()
        self.target.close()
        started = time.monotonic()
        code = self.services.stop(grace_s=STOP_TIMEOUT_S)
        return code, time.monotonic() - started


@contextmanager
def serve(tmp_path: Path, data_dir: Path, *extra: str) -> Iterator[Served]:
    """``python -m mocks serve`` under the product's supervisor (started, ready, stopped)."""
    base = free_ports(PORTS)
    with serve_mocks(
        base,
        data_dir,
        today=None,
        start_timeout_s=START_TIMEOUT_S,
        extra_args=extra,
        env=_env(),
        cwd=tmp_path,
    ) as services:
        yield Served(services, base, data_dir.parent / f"mocks-{base}.log")


def test_resolution_survives_a_sigterm_restart(tmp_path: Path) -> None:
    data_dir = tmp_path / "state"
    with serve(tmp_path, data_dir, "--today", "20/11/2026") as first:
        before = [i.codIncidencia for i in first.incidents.list_open("SOPORTE_N1")]
        assert "INC000101" in before and len(before) == 13
        resolved = first.incidents.update(
            "INC000101", "resolver", notas_resolucion="[RESOLVIA] abonado", idempotency_key="it-1"
        )
        assert resolved.estado == "Resuelta"
        answer = first.target.comprobacion(
            "32178830", "fxprovision", {"num_reembolso": "R-2609508"}
        )
        assert answer.resolucion_automatica == "reasignacion"  # 56 days on 20/11/2026
        attachment = first.incidents.fetch_attachment("INC000115_captura.png")
        assert attachment.content_type == "image/png"
        code, took = first.stop()
    assert code == 0, first.log.read_text(errors="replace")
    assert took < 5.0

    with serve(tmp_path, data_dir, "--today", "20/11/2026") as second:
        assert "INC000101" not in [
            i.codIncidencia for i in second.incidents.list_open("SOPORTE_N1")
        ]
        kept = second.incidents.get("INC000101")
        assert [h.estado for h in kept.historial] == ["Abierta", "Resuelta"]
        assert kept.historial[-1].NotasResolucion == "[RESOLVIA] abonado"
        assert [i.codIncidencia for i in second.incidents.list_closed()] == ["INC000101"]
        again = second.incidents.update(
            "INC000101", "resolver", notas_resolucion="[RESOLVIA] abonado", idempotency_key="it-1"
        )
        assert len(again.historial) == 2  # the key survived the restart too
        log_rows = httpx.get(
            f"http://127.0.0.1:{second.base}/api/_requests",
            headers={"Authorization": f"Bearer {TOKEN}"},
        ).json()
        assert any(r["idempotency_key"] == "it-1" and r["method"] == "PATCH" for r in log_rows)
        assert second.stop()[0] == 0


def test_original_format_files_and_reset(tmp_path: Path) -> None:
    data_dir = tmp_path / "state"
    original = (
        "--incidents",
        str(FIXTURES / "original_incidencias.json"),
        "--policies",
        str(FIXTURES / "original_polizas.json"),
    )
    with serve(tmp_path, data_dir, *original) as served:
        opened = served.incidents.list_open("MESA_AYUDA")
        assert [i.codIncidencia for i in opened] == ["ORG000001", "ORG000002"]
        assert [i.codIncidencia for i in served.incidents.list_closed()] == ["ORG000003"]
        # the fixture's attachment URL points at port 3000: only our own origin is accepted
        url = opened[0].historial[0].adjuntos[0]
        if not url.startswith(f"http://127.0.0.1:{served.base}/"):
            with pytest.raises(Exception, match="origin"):
                served.incidents.fetch_attachment(url)
        assert served.target.get_poliza("40000017").titular == "Cliente de Prueba"
        assert served.stop()[0] == 0

    reset = run_cli(tmp_path, "reset", "--data-dir", str(data_dir))
    assert reset.returncode == 0, reset.stderr
    with serve(tmp_path, data_dir) as fresh:  # default seed files again
        assert fresh.incidents.list_open("MESA_AYUDA") == []
        assert len(fresh.incidents.list_open("SOPORTE_N1")) == 13
        assert fresh.stop()[0] == 0


def test_bad_seed_file_and_busy_port_fail_with_a_message(tmp_path: Path) -> None:
    broken = tmp_path / "roto.json"
    broken.write_text("{", encoding="utf-8")
    result = run_cli(
        tmp_path, "serve", "--data-dir", str(tmp_path / "a"), "--incidents", str(broken)
    )
    assert result.returncode == 1 and "not a readable JSON" in result.stderr

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_cli(
            tmp_path, "serve", "--data-dir", str(tmp_path / "b"), "--port-base", str(port)
        )
    assert result.returncode == 1 and "cannot listen" in result.stderr

    result = run_cli(tmp_path, "serve", "--data-dir", str(tmp_path / "c"), "--today", "31/02/2026")
    assert result.returncode == 2 and "--today" in result.stderr
