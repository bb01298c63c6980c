"""Run the mock services as a child process (evaluation, benchmarks, integration tests)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from adapters import supervisor
from adapters.supervisor import Child, http_ready
from errors import ResolviaError

_REPO_ROOT = Path(__file__).resolve().parents[1]
#: The mock services bind ``port_base`` and the next one: pick it with ``free_ports(PORTS)``.
PORTS = 2


@dataclass(frozen=True)
class MockServices:
    incident_manager_url: str
    target_system_url: str
    pid: int
    child: Child | None = field(default=None, compare=False, repr=False)

    def stop(self, grace_s: float = 15.0) -> int | None:
        """Stop the services now (SIGTERM, then SIGKILL after ``grace_s``); their exit code."""
        return None if self.child is None else self.child.stop(grace_s=grace_s)


@contextmanager
def serve_mocks(
    port_base: int,
    data_dir: Path,
    *,
    incidents: Path | None = None,
    today: str | None = "20/11/2026",
    start_timeout_s: float = 30.0,
    extra_args: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Iterator[MockServices]:
    """Start both mock services on 127.0.0.1 with their own state dir; always stop them.

    ``port_base`` and ``port_base + 1`` must be free (:func:`adapters.supervisor.free_ports`
    with ``PORTS``). ``today=None`` leaves the date to the services' settings; ``extra_args``
    go to ``python -m mocks serve``; ``env`` and ``cwd`` default to this process's
    environment and the repository.
    """
    args = ["serve", "--port-base", str(port_base), "--data-dir", str(data_dir)]
    if today is not None:
        args += ["--today", today]
    if incidents is not None:
        args += ["--incidents", str(incidents)]
    child = supervisor.start(
        "the mock services",
        supervisor.module_command("mocks", *args, *extra_args),
        log_path=data_dir.parent / f"mocks-{port_base}.log",
        cwd=cwd or _REPO_ROOT,
        env=env,
        error=ResolviaError,
    )
    services = MockServices(
        f"http://127.0.0.1:{port_base}", f"http://127.0.0.1:{port_base + 1}", child.pid, child
    )
    try:
        urls = (services.incident_manager_url, services.target_system_url)
        child.wait_ready(http_ready(*(u + "/health" for u in urls), timeout_s=1.0), start_timeout_s)
        yield services
    finally:
        child.stop(grace_s=15.0)
