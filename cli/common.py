"""What every command shares: settings, logging, exit codes, ``--json`` output, progress bars.

A command starts with :func:`setup` (settings validated, logging configured, run id bound),
turns expected failures into one line and an exit code with :func:`expected_failures` or
:func:`fail`, and writes ``--json`` output with :func:`emit_json`. Logs, progress and messages
for people go to stderr, so that stdout holds only what a machine reads.
"""

from __future__ import annotations

import errno
import json
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import IntEnum
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)

from config import Settings, get_settings
from errors import DatabaseUnavailableError, ResolviaError
from observability.logging import bind_run, configure_logging
from observability.loki import loki_config

out = Console()
err = Console(stderr=True)


class ExitCode(IntEnum):
    """Exit codes of every command (scripts and tests rely on them)."""

    OK = 0
    #: an expected failure (bad setting, service down, bad model file, bad rows with --strict)
    #: or work that finished with errors (an incident in error, a model that does not verify)
    FAILURE = 1
    #: the command line itself is wrong; Click uses the same code for its own usage errors.
    #: Also: the database of DATABASE_URL does not answer at start (fix the setting or start it)
    USAGE = 2


JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable output on stdout.")]


def print_error(error: ResolviaError | str) -> None:
    """``error: <message>`` on stderr (the message is text, never markup)."""
    # soft_wrap: a long message stays one line per line, for logs and grep
    err.print(f"[bold red]error:[/] {escape(str(error))}", highlight=False, soft_wrap=True)


def fail(error: ResolviaError | str, code: ExitCode = ExitCode.FAILURE) -> NoReturn:
    """Print ``error: <message>`` on stderr and leave with ``code``."""
    print_error(error)
    raise typer.Exit(code)


def usage_error(message: str) -> NoReturn:
    """A combination of arguments Typer cannot check by itself: message, exit code 2."""
    err.print(message, highlight=False)
    raise typer.Exit(ExitCode.USAGE)


#: Errors of the file system the machine's operator fixes (permissions, a full or read-only
#: disk), not bugs: one line naming the file, not a traceback.
STORAGE_ERRNOS = frozenset({errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT})
#: SQLite's words for the same failures
STORAGE_SQLITE_ERRORS = (
    "attempt to write a readonly database",
    "database or disk is full",
    "unable to open database file",
    "disk i/o error",
)
STORAGE_HINT = "check that DATA_DIR and OUTPUT_DIR are writable and have free space"


def storage_failure(exc: BaseException) -> str | None:
    """The one-line message for a file-system failure (see :data:`STORAGE_ERRNOS`), else None."""
    if isinstance(exc, OSError) and exc.errno in STORAGE_ERRNOS:
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror or exc} ({STORAGE_HINT})"
    if isinstance(exc, sqlite3.OperationalError) and str(exc).lower() in STORAGE_SQLITE_ERRORS:
        return f"a database under DATA_DIR cannot be written: {exc} ({STORAGE_HINT})"
    return None


@contextmanager
def expected_failures() -> Iterator[None]:
    """Within the block, a :class:`ResolviaError` or a file-system failure (no permission, a
    full or read-only disk) becomes a message and exit code 1; anything else is a bug and keeps
    its traceback."""
    try:
        yield
    except DatabaseUnavailableError as exc:  # nothing was done: the setting or server is wrong
        fail(exc, ExitCode.USAGE)
    except ResolviaError as exc:
        fail(exc)
    except (OSError, sqlite3.OperationalError) as exc:
        message = storage_failure(exc)
        if message is None:
            raise
        fail(message)


def load_settings() -> Settings:
    """The process-wide settings; a bad value is one clear message and exit code 1."""
    try:
        return get_settings()
    except ResolviaError as exc:  # ConfigError: lists every offending variable
        fail(exc)


def setup(*, job: str | None = None, run_id: str | None = None) -> Settings:
    """Start of every command: settings, logging (configured once per process), run id."""
    settings = load_settings()
    configure_logging(settings.LOG_LEVEL, settings.LOG_FORMAT, loki=loki_config(settings))
    bind_run(run_id, **({"job": job} if job else {}))
    return settings


def emit_json(data: Any) -> None:
    """``--json`` output: one JSON document on one line of stdout."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")


def progress_bar(
    *, quiet: bool = False, label: str = "{task.description}", transfer: bool = False
) -> Progress:
    """A progress bar on stderr: counts (n/N, elapsed) or, with ``transfer``, bytes.

    Counting bars are hidden with ``quiet`` (``--json``) and when stderr is not a terminal,
    where they would only add noise to the logs; a transfer keeps its final line (size, speed)
    in install logs.
    """
    columns: list[ProgressColumn] = [TextColumn(label), BarColumn()]
    if transfer:
        columns += [DownloadColumn(), TransferSpeedColumn(), TimeRemainingColumn()]
    else:
        columns += [MofNCompleteColumn(), TimeElapsedColumn()]
    return Progress(*columns, console=err, disable=quiet or not (transfer or err.is_terminal))


def item_progress(
    progress: Progress, task: TaskID, prefix: str = ""
) -> Callable[[str, dict[str, Any] | None, int], None]:
    """The ``on_progress(item_id, entry, total)`` callback of the engine's loops: shows the
    item being worked on and advances when it is done (``entry`` is not None)."""

    def on_progress(item_id: str, entry: dict[str, Any] | None, total: int) -> None:
        progress.update(task, total=total, description=f"{prefix}{item_id}")
        if entry is not None:
            progress.advance(task)

    return on_progress
