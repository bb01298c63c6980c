"""The console's own settings and secrets: the session key, the demo user, CSRF tokens.

Settings come from the environment or ``.env`` like :mod:`config`'s (a separate class because
only ``resolvia console`` needs them):

* ``CONSOLE_SECRET_KEY`` signs the session cookie. Unset in DESA, a random key is generated
  once and kept in ``DATA_DIR/console_secret_key`` (mode 0600); PROD refuses to start without it.
* ``CONSOLE_DEMO_PASSWORD``: the password of the ``demo`` user created on a fresh DATA_DIR in
  DESA (default :data:`DEMO_DEFAULT_PASSWORD`, written in the README: a demo credential only).
* ``CONSOLE_USER_PASSWORD``: the password ``resolvia console users add`` takes instead of
  prompting (for scripts; never a command-line argument).
"""

from __future__ import annotations

import hmac
import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from adapters.users import Role, UserStore
from config import Settings
from errors import ConfigError

SECRET_FILE = "console_secret_key"  # noqa: S105 - a file name, not a secret
DEMO_USER = "demo"
#: documented in the README; only ever used in DESA on a DATA_DIR without users
DEMO_DEFAULT_PASSWORD = "resolvia-demo"  # noqa: S105 - a published demo credential
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


class ConsoleSettings(BaseSettings):
    """Settings of ``resolvia console``."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", case_sensitive=False
    )

    CONSOLE_HOST: str = Field("127.0.0.1", description="Address the console binds to.")
    CONSOLE_PORT: int = Field(8080, ge=1, le=65535)
    CONSOLE_SECRET_KEY: SecretStr | None = Field(
        None, description="Signs session cookies; DESA generates one under DATA_DIR if unset."
    )
    CONSOLE_DEMO_PASSWORD: SecretStr | None = Field(
        None, description="Password of the demo user created on a fresh DATA_DIR (DESA only)."
    )
    CONSOLE_USER_PASSWORD: SecretStr | None = Field(
        None, description="Password for `resolvia console users add` instead of a prompt."
    )
    CONSOLE_SESSION_HOURS: float = Field(8.0, gt=0, le=24 * 30)


@dataclass(frozen=True)
class SecretKey:
    value: str
    #: where it came from: "env", "created <path>" or "file <path>"
    origin: str


def session_secret(settings: Settings, console: ConsoleSettings) -> SecretKey:
    """The key that signs session cookies (see the module docstring)."""
    if console.CONSOLE_SECRET_KEY is not None:
        value = console.CONSOLE_SECRET_KEY.get_secret_value()
        if len(value) < 32:
            raise ConfigError("CONSOLE_SECRET_KEY: use at least 32 characters")
        return SecretKey(value, "env")
    if settings.ENTORNO == "PROD":
        raise ConfigError("CONSOLE_SECRET_KEY: PROD needs a session key from the environment")
    path = settings.DATA_DIR / SECRET_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_secret(path)
    value = secrets.token_urlsafe(48)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(value + "\n")
    return SecretKey(value, f"created {path}")


def _read_secret(path: Path) -> SecretKey:
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise ConfigError(
            f"{path} is readable by others (mode {mode:o}): chmod 600 it or delete it"
        )
    value = path.read_text(encoding="ascii").strip()
    if len(value) < 32:
        raise ConfigError(f"{path}: the key is too short; delete the file to make a new one")
    return SecretKey(value, f"file {path}")


def ensure_demo_user(
    settings: Settings, console: ConsoleSettings, users: UserStore
) -> tuple[str, str] | None:
    """On a DESA store without users, create ``demo`` (role aprobador: sees every page) and
    return its credentials to print once; None otherwise."""
    if settings.ENTORNO == "PROD" or users.count():
        return None
    secret = console.CONSOLE_DEMO_PASSWORD
    password = secret.get_secret_value() if secret else DEMO_DEFAULT_PASSWORD
    users.add(DEMO_USER, Role.APPROVER, password)
    users.audit(None, "user.demo_created", DEMO_USER, Role.APPROVER.value)
    return DEMO_USER, password


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def csrf_ok(expected: str | None, given: object) -> bool:
    """Constant-time comparison; a missing token on either side is a refusal."""
    if not expected or not isinstance(given, str) or not given:
        return False
    return hmac.compare_digest(expected.encode(), given.encode())


def is_loopback(host: str) -> bool:
    return host in LOOPBACK_HOSTS or host.startswith("127.")


def default_paths(settings: Settings) -> tuple[Path, Path]:
    """The user store and the review store."""
    return settings.DATA_DIR / "console.sqlite", settings.DATA_DIR / "reviews.sqlite"
