"""The console's users, roles and audit trail (SQLite under DATA_DIR: ``console.sqlite``).

Roles are cumulative: ``lector`` reads, ``revisor`` also reviews escalations and reveals
personal data field by field, ``aprobador`` also approves or rejects waiting actions.
Passwords are hashed with Argon2id (``pwdlib``); a hash made with older parameters is
re-hashed at the next successful sign-in.

The audit table records who did what, when, to which object: sign-ins (and refused ones),
reviews, reveals of personal data, approvals. It is append-only: nothing here updates or
deletes an audit row.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from pwdlib import PasswordHash

from adapters.sqlite_migrations import Migration, open_store

MIGRATIONS = [
    Migration(
        "001_users_and_audit",
        """
    CREATE TABLE users (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ts TEXT NOT NULL,
        user TEXT,
        action TEXT NOT NULL,
        object TEXT,
        detail TEXT
    );
    CREATE INDEX audit_ts ON audit (ts);
    """,
    ),
]


class Role(StrEnum):
    """Console roles, each with the rights of the ones before it."""

    READER = "lector"
    REVIEWER = "revisor"
    APPROVER = "aprobador"

    @property
    def level(self) -> int:
        return list(Role).index(self)

    def allows(self, needed: Role) -> bool:
        return self.level >= needed.level


_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")
#: a password shorter than this is refused
MIN_PASSWORD_LENGTH = 10
_HASHER = PasswordHash.recommended()  # Argon2id with pwdlib's current parameters
# Verifying against this when the user does not exist keeps sign-in time the same either way.
_DUMMY_HASH = _HASHER.hash("resolvia-no-such-user")


class UserError(ValueError):
    """A user that cannot be created as asked (bad name, short password, duplicate)."""


@dataclass(frozen=True)
class User:
    name: str
    role: Role
    created_at: str
    disabled: bool = False


@dataclass(frozen=True)
class AuditEntry:
    id: int
    ts: str
    user: str | None
    action: str
    object: str | None
    detail: str | None

    def as_dict(self) -> dict[str, Any]:
        return self.__dict__.copy()


class UserStore:
    """Users and the audit trail (thread-safe)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._db = open_store(path, MIGRATIONS)

    # --- users -------------------------------------------------------------------------------
    def add(self, name: str, role: Role | str, password: str, *, replace: bool = False) -> User:
        """Create a user (``replace``: or set a new role and password for an existing one)."""
        name = name.strip().lower()
        if not _NAME.match(name):
            raise UserError(
                f"invalid user name {name!r}: 2-40 characters, lower-case letters, digits, . _ -"
            )
        role = Role(role)
        if len(password) < MIN_PASSWORD_LENGTH:
            raise UserError(f"the password needs at least {MIN_PASSWORD_LENGTH} characters")
        row = (name, role.value, _HASHER.hash(password), _now())
        with self._lock, self._db:
            exists = self._db.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone()
            if exists and not replace:
                raise UserError(f"user {name!r} already exists")
            self._db.execute(
                "INSERT OR REPLACE INTO users (name, role, password_hash, created_at, disabled)"
                " VALUES (?,?,?,?,0)",
                row,
            )
        return User(name, role, row[3])

    def get(self, name: str) -> User | None:
        with self._lock:
            row = self._db.execute(
                "SELECT name, role, created_at, disabled FROM users WHERE name = ?",
                (name.strip().lower(),),
            ).fetchone()
        return None if row is None else User(row[0], Role(row[1]), row[2], bool(row[3]))

    def all(self) -> list[User]:
        with self._lock:
            rows = self._db.execute(
                "SELECT name, role, created_at, disabled FROM users ORDER BY name"
            ).fetchall()
        return [User(r[0], Role(r[1]), r[2], bool(r[3])) for r in rows]

    def count(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM users").fetchone()[0])

    def authenticate(self, name: str, password: str) -> User | None:
        """The user when the password is right and the account enabled; else None."""
        key = name.strip().lower()
        with self._lock:
            row = self._db.execute(
                "SELECT password_hash, disabled FROM users WHERE name = ?", (key,)
            ).fetchone()
        if row is None:
            _HASHER.verify(password, _DUMMY_HASH)
            return None
        valid, new_hash = _HASHER.verify_and_update(password, row[0])
        if not valid or row[1]:
            return None
        if new_hash is not None:
            with self._lock, self._db:
                self._db.execute(
                    "UPDATE users SET password_hash = ? WHERE name = ?", (new_hash, key)
                )
        return self.get(key)

    # --- audit -------------------------------------------------------------------------------
    def audit(
        self, user: str | None, action: str, obj: str | None = None, detail: str | None = None
    ) -> None:
        """Append one audit entry (who, what, on which object; now)."""
        with self._lock, self._db:
            self._db.execute(
                "INSERT INTO audit (ts, user, action, object, detail) VALUES (?,?,?,?,?)",
                (_now(), user, action, obj, detail),
            )

    def audit_entries(self, limit: int = 200) -> list[AuditEntry]:
        """The latest entries, newest first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT id, ts, user, action, object, detail FROM audit ORDER BY id DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [AuditEntry(*row) for row in rows]

    def close(self) -> None:
        with self._lock:
            self._db.close()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
