"""The resolution graph (ARCHITECTURE §3)."""

from __future__ import annotations

from typing import Any

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.graph import END, START, StateGraph

from graph import routing
from graph.context import EngineContext
from graph.state import IncidentState
from nodes.analyze_attachments import analyze_attachments
from nodes.apply import apply
from nodes.await_approval import await_approval
from nodes.critique import critique
from nodes.escalate import escalate
from nodes.load_incident import load_incident
from nodes.propose import propose
from nodes.record import record
from nodes.reformulate import reformulate
from nodes.retrieve import retrieve
from nodes.supervise import supervise


def build_graph(checkpointer: BaseCheckpointSaver[Any] | None = None) -> Any:
    g = StateGraph(IncidentState, context_schema=EngineContext)
    g.add_node("load_incident", load_incident)
    g.add_node("analyze_attachments", analyze_attachments)
    g.add_node("reformulate", reformulate)
    g.add_node("retrieve", retrieve)
    g.add_node("propose", propose)
    g.add_node("critique", critique)
    g.add_node("supervise", supervise)
    g.add_node("await_approval", await_approval)
    g.add_node("apply", apply)
    g.add_node("escalate", escalate)
    g.add_node("record", record)
    g.add_edge(START, "load_incident")
    g.add_conditional_edges("load_incident", routing.after_load)
    g.add_conditional_edges("analyze_attachments", routing.after_attachments)
    g.add_conditional_edges("reformulate", routing.after_reformulate)
    g.add_edge("retrieve", "propose")
    g.add_conditional_edges("propose", routing.after_propose)
    g.add_edge("critique", "propose")
    g.add_conditional_edges("supervise", routing.after_supervise)
    g.add_conditional_edges("await_approval", routing.after_approval)
    g.add_conditional_edges("apply", routing.after_apply)
    g.add_edge("escalate", "record")
    g.add_edge("record", END)
    return g.compile(checkpointer=checkpointer)
