"""A full or read-only disk is the operator's to fix, not a bug: every command says so in one
line and exits 1, without a traceback. Simulated here by raising what the file system and
SQLite raise (the fault-injection suite does it for real with a read-only directory and a full
tmpfs, where the machine allows)."""

from __future__ import annotations

import errno
import os
import sqlite3

import pytest
import typer

from cli.common import ExitCode, expected_failures, storage_failure


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)), "error: No space left on device"),
        (
            PermissionError(errno.EACCES, os.strerror(errno.EACCES), "/datos/run.lock"),
            "error: /datos/run.lock: Permission denied",
        ),
        (OSError(errno.EROFS, os.strerror(errno.EROFS), "/datos"), "Read-only file system"),
        (sqlite3.OperationalError("database or disk is full"), "database or disk is full"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "readonly"),
    ],
)
def test_storage_failures_are_one_line_and_exit_1(
    exc: Exception, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(typer.Exit) as leaving, expected_failures():
        raise exc
    assert leaving.value.exit_code == ExitCode.FAILURE
    printed = capsys.readouterr().err
    assert printed.startswith("error: ") and expected in printed
    assert "DATA_DIR and OUTPUT_DIR" in printed
    assert "Traceback" not in printed


@pytest.mark.parametrize(
    "exc",
    [
        FileNotFoundError(errno.ENOENT, "No such file or directory", "x"),
        OSError(errno.EBADF, "Bad file descriptor"),
        sqlite3.OperationalError("no such table: outcomes"),
    ],
)
def test_other_errors_keep_their_traceback(exc: Exception) -> None:
    """Anything else is a bug: it is not turned into a message."""
    assert storage_failure(exc) is None
    with pytest.raises(type(exc)), expected_failures():
        raise exc
