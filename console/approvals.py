"""What the console needs from the supervised-mode approvals store (``adapters/approvals.py``).

The console only lists, approves and rejects; the store (checkpointed LangGraph interrupts, the
side effect applied exactly once by the next run) belongs to :mod:`adapters.approvals`. It is
looked up at start-up by :func:`open_approvals`, so the console still serves (with an empty
state on the page) where that module is absent.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

from config import Settings


class PendingApproval(Protocol):
    """One action waiting for a person (read by attribute; extra attributes are ignored)."""

    id: int
    incident_id: str
    #: the row's RESOLUCION AUTOMÁTICA (``cierre``, ``api|cambioiban``...)
    action: str
    kb_id: str | None
    #: the parameters the action will be sent with
    parameters: dict[str, str]
    #: the ones a person may change: name -> what it is (Spanish)
    editable: dict[str, str]
    explanation: str
    created_at: str
    run_id: str


@runtime_checkable
class ApprovalStore(Protocol):
    def list_pending(self) -> Sequence[PendingApproval]:
        """Actions waiting for a decision, oldest first."""
        ...

    def approve(self, approval: int | str, user: str, params: Mapping[str, Any] | None) -> Any:
        """Approve (``params``: the edited parameters only, validated by the store; None: as
        proposed). Raises a :class:`errors.ResolviaError` when refused."""
        ...

    def reject(self, approval: int | str, user: str, note: str) -> Any:
        """Reject with a note; the incident goes to a person."""
        ...


def open_approvals(settings: Settings) -> tuple[ApprovalStore | None, dict[str, str]]:
    """The approvals store and the autonomy of each action type (``auto`` / ``aprobar`` /
    ``nunca``); ``(None, {})`` where :mod:`adapters.approvals` is not installed."""
    try:
        module = importlib.import_module("adapters.approvals")
    except ModuleNotFoundError as exc:
        if exc.name != "adapters.approvals":
            raise
        return None, {}
    store = module.Approvals(settings)
    policy = getattr(module, "supervision_policy", None)
    return store, (dict(policy(settings)) if policy is not None else {})
