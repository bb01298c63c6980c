"""Helpers for tests that start and kill processes."""

from __future__ import annotations

import time

import psutil


def gone(pid: int, within_s: float = 10.0) -> bool:
    """True once ``pid`` has exited (or is a zombie nobody reaped yet) within ``within_s``."""
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                return True
        except psutil.NoSuchProcess:
            return True
        time.sleep(0.05)
    return False
