"""Sign-in throttling: five failed sign-ins in fifteen minutes, for one user name or from one
client address, and the next attempts get 429 with a Spanish message until the window moves
on; the lock-out is audited once. A clock the test moves; clients at chosen addresses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from console.throttle import SignInThrottle
from tests.console_support import PASSWORD, Seeded, csrf_of, seeded_console


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def seeded(tmp_path: Path, clock: Clock) -> Seeded:
    return seeded_console(tmp_path, throttle=SignInThrottle(clock=clock))


def attempt(seeded: Seeded, user: str, password: str, address: str) -> Any:
    client = TestClient(seeded.app, client=(address, 50000))
    token = csrf_of(client.get("/entrar").text)
    return client.post(
        "/entrar",
        data={"usuario": user, "clave": password, "csrf_token": token, "next": "/"},
        follow_redirects=False,
    )


def audit(seeded: Seeded, action: str) -> list[tuple[str | None, str | None, str | None]]:
    return [
        (a.user, a.object, a.detail) for a in seeded.users.audit_entries() if a.action == action
    ]


def test_five_failures_lock_the_user_name_with_429_and_one_audit_entry(
    seeded: Seeded, clock: Clock
) -> None:
    for _ in range(5):
        assert attempt(seeded, "lector", "no-es-la-clave", "10.0.0.1").status_code == 401
    locked = attempt(seeded, "lector", PASSWORD, "10.0.0.1")  # the right password, too late
    assert locked.status_code == 429
    assert "Demasiados intentos fallidos. Espera 15 minutos" in locked.text
    assert locked.headers["Retry-After"] == "900"
    # from another address the user name is still locked; other users are not
    assert attempt(seeded, "lector", PASSWORD, "10.0.0.2").status_code == 429
    assert attempt(seeded, "revisor", PASSWORD, "10.0.0.2").status_code == 303
    assert audit(seeded, "signin.throttled") == [("lector", "user:lector", "10.0.0.1")]
    assert len(audit(seeded, "signin.refused")) == 5  # throttled attempts are not failures

    clock.now += 14 * 60
    minute = attempt(seeded, "lector", PASSWORD, "10.0.0.3")
    assert minute.status_code == 429 and "Espera 1 minuto antes" in minute.text
    clock.now += 61
    assert attempt(seeded, "lector", PASSWORD, "10.0.0.1").status_code == 303


def test_five_failures_from_one_address_lock_it_for_every_user(
    seeded: Seeded, clock: Clock
) -> None:
    for name in ("ana", "luis", "marta", "pedro", "sara"):  # guessing accounts, one try each
        assert attempt(seeded, name, "clave-adivinada", "192.0.2.7").status_code == 401
    assert attempt(seeded, "aprobador", PASSWORD, "192.0.2.7").status_code == 429
    assert attempt(seeded, "aprobador", PASSWORD, "192.0.2.8").status_code == 303
    assert audit(seeded, "signin.throttled") == [("aprobador", "ip:192.0.2.7", "192.0.2.7")]


def test_a_sign_in_forgets_the_users_failures_but_not_the_addresses(seeded: Seeded) -> None:
    for _ in range(4):
        assert attempt(seeded, "lector", "mal", "10.1.1.1").status_code == 401
    assert attempt(seeded, "lector", PASSWORD, "10.1.1.1").status_code == 303
    for _ in range(4):  # counted afresh for the user name
        assert attempt(seeded, "lector", "mal", "10.1.1.2").status_code == 401
    assert attempt(seeded, "lector", PASSWORD, "10.1.1.2").status_code == 303
    # the first address keeps its four failures: one more locks it
    assert attempt(seeded, "otro", "mal", "10.1.1.1").status_code == 401
    assert attempt(seeded, "lector", PASSWORD, "10.1.1.1").status_code == 429


def test_the_window_slides() -> None:
    clock = Clock()
    throttle = SignInThrottle(max_failures=3, window_s=60, clock=clock)
    for step in (0, 20, 40):
        clock.now = 1000 + step
        throttle.failed("ana", "a")
    lock = throttle.check("ana", "b")
    assert lock is not None and lock.key == "user:ana" and lock.retry_after_s == 20 and lock.first
    assert throttle.check("ana", "b") == lock.__class__("user:ana", 20, first=False)
    clock.now = 1061  # the first failure left the window: two remain
    assert throttle.check("ana", "b") is None
    throttle.failed("ana", "b")
    assert throttle.check("ana", "c") is not None  # three within the last minute again
    with pytest.raises(ValueError):
        SignInThrottle(max_failures=0)
