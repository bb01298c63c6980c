"""The engine's durable stores, opened where ``DATABASE_URL`` says (:mod:`adapters.database`).

One place decides, once, for every caller (the runner, the CLI, the console, retention): with
``DATABASE_URL`` unset each store is its SQLite file under DATA_DIR, as it always was; with a
``postgresql://`` URL every store is a set of tables in that one database. The stores
themselves take either location and behave the same on both (the congruence tests in
``tests/integration/test_store_congruence.py`` hold them to it).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from adapters.database import Location, PostgresUrl
from config import Settings

if TYPE_CHECKING:
    from langgraph.checkpoint.serde.base import SerializerProtocol

    from adapters.checkpoints import RedactingSaver
    from adapters.llm_history import LLMHistory
    from adapters.reviews import ReviewStore
    from adapters.run_records import RunRecorder
    from adapters.users import UserStore

#: the SQLite file of each store under DATA_DIR (the embedded default)
FILES = {
    "outcomes": "outcomes.sqlite",
    "llm_history": "llm_history.sqlite",
    "checkpoints": "checkpoints.sqlite",
    "reviews": "reviews.sqlite",
    "approvals": "approvals.sqlite",
    "claims": "claims.sqlite",
    "users": "console.sqlite",
}


def postgres(settings: Settings) -> PostgresUrl | None:
    """The Postgres database of ``DATABASE_URL``; None for the SQLite default."""
    url = settings.DATABASE_URL
    return None if url is None else PostgresUrl(url.get_secret_value())


def location(settings: Settings, store: str) -> Location:
    """Where ``store`` (a key of :data:`FILES`) lives: the Postgres database, or its file."""
    return postgres(settings) or settings.DATA_DIR / FILES[store]


def exists(where: Location) -> bool:
    """Whether there can be anything to read: a SQLite file that exists, or Postgres."""
    return isinstance(where, PostgresUrl) or where.exists()


def open_llm_history(settings: Settings) -> LLMHistory:
    from adapters.llm_history import LLMHistory

    return LLMHistory(location(settings, "llm_history"))


def open_recorder(settings: Settings, run_id: str) -> RunRecorder:
    from adapters.run_records import RunRecorder

    where = location(settings, "outcomes")
    return RunRecorder(where, settings.reports_dir, settings.rejected_dir, run_id)


def open_reviews(settings: Settings, path: Path | None = None) -> ReviewStore:
    """The reviews store (``path``: a SQLite file of the caller's, used when DATABASE_URL is
    unset; the console's tests and screenshots keep theirs in a temporary folder)."""
    from adapters.reviews import ReviewStore

    return ReviewStore(postgres(settings) or path or location(settings, "reviews"))


def open_users(settings: Settings, path: Path | None = None) -> UserStore:
    """The console's users and audit trail (``path``: a SQLite file of the caller's, used when
    DATABASE_URL is unset, as for :func:`open_reviews`)."""
    from adapters.users import UserStore

    return UserStore(postgres(settings) or path or location(settings, "users"))


def open_checkpointer(
    settings: Settings, *, serde: SerializerProtocol | None = None
) -> RedactingSaver:
    """The engine's redacting checkpointer; close it with :func:`close_checkpointer`."""
    from adapters.checkpoints import open_checkpoints, open_postgres_checkpoints

    where = location(settings, "checkpoints")
    if isinstance(where, PostgresUrl):
        return open_postgres_checkpoints(where, serde=serde)
    where.parent.mkdir(parents=True, exist_ok=True)
    return open_checkpoints(where, serde=serde)


def close_checkpointer(saver: RedactingSaver) -> None:
    saver.conn.close()  # type: ignore[attr-defined]
