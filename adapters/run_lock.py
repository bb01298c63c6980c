"""One run at a time per data directory: an exclusive, non-blocking ``flock`` on
``DATA_DIR/run.lock``. The kernel releases it when the holder dies (kill -9 included), so a
crash never leaves a stale lock; the file says who holds it, for the message."""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from errors import ResolviaError


class RunLockedError(ResolviaError):
    """Another run holds the data directory."""


@contextmanager
def run_lock(data_dir: Path, run_id: str) -> Iterator[None]:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "run.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(path)
            raise RunLockedError(
                f"another run is using {data_dir} ({holder}); wait for it to finish, or point "
                "DATA_DIR elsewhere"
            ) from None
        os.ftruncate(fd, 0)
        info = {
            "pid": os.getpid(),
            "run_id": run_id,
            "since": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        os.write(fd, json.dumps(info).encode())
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _holder(path: Path) -> str:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return f"pid {data['pid']}, run {data['run_id']}, since {data['since']}"
    except (OSError, ValueError, KeyError):
        return "holder unknown"
