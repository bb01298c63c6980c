"""Test doubles (tests only): a chat model with queued replies that records what it received,
a deterministic embedder, and knowledge-base rows."""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import ConfigDict, Field

from adapters.knowledge_base import KBRow


class FakeChatModel(BaseChatModel):
    """Replies from a queue: a ``str`` is answered, an ``AIMessage`` is returned as it is (to
    carry ``response_metadata`` such as log-probabilities), an ``Exception`` is raised.

    ``history`` keeps (messages, call kwargs) of every call, so tests can assert what the
    model was shown (e.g. the repair prompt, the response_format binding). ``respond``, when
    given, computes each reply from (messages, call kwargs) instead of taking it from the queue.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    replies: deque[Any] = Field(default_factory=deque)
    history: list[tuple[list[BaseMessage], dict[str, Any]]] = Field(default_factory=list)
    respond: Callable[[list[BaseMessage], dict[str, Any]], Any] | None = None

    def __init__(
        self,
        replies: list[Any] | None = None,
        respond: Callable[[list[BaseMessage], dict[str, Any]], Any] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.replies = deque(replies or [])
        self.respond = respond

    @property
    def _llm_type(self) -> str:
        return "fake-chat"

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        self.history.append((list(messages), dict(kwargs)))
        if self.respond is not None:
            reply = self.respond(list(messages), dict(kwargs))
        elif not self.replies:
            raise AssertionError("FakeChatModel: no reply queued for this call")
        else:
            reply = self.replies.popleft()
        if isinstance(reply, BaseException):
            raise reply
        if isinstance(reply, AIMessage):
            return ChatResult(generations=[ChatGeneration(message=reply)])
        msg = AIMessage(
            content=reply,
            usage_metadata={
                "input_tokens": sum(len(str(m.content)) // 4 for m in messages),
                "output_tokens": max(1, len(reply) // 4),
                "total_tokens": 0,
            },
        )
        return ChatResult(generations=[ChatGeneration(message=msg)])


class CountingEmbedder:
    """Bag-of-words hashed into 256 dims; counts how many texts it embedded."""

    name = "fake-bow"
    dimension = 256

    def __init__(self) -> None:
        self.embedded = 0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.embedded += len(texts)
        out = []
        for text in texts:
            vec = [0.0] * self.dimension
            for word in text.lower().split():
                vec[int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dimension] += 1.0
            out.append(vec if any(vec) else [1.0] + [0.0] * (self.dimension - 1))
        return out

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


def kb_row(
    kb_id: str,
    desc: str,
    comp: str = "Correo",
    sol: str = "Solución.",
    action: str = "cierre",
    mailbox: str = "",
) -> KBRow:
    """A valid knowledge-base row."""
    return KBRow(
        id=kb_id,
        componente=comp,
        descripcion=desc,
        tipo_incidencia="Consulta",
        solucion=sol,
        fecha_resolucion="01/01/2025",
        resolucion_automatica=action,
        buzon_reasignacion=mailbox,
        line=2,
    )
