"""Closed sets of values shared by the engine, the evaluation and the CLI.

Kept in a module without heavy imports so the command line can offer them as choices without
loading the vector store or the evaluation."""

from __future__ import annotations

from typing import Literal

#: how the knowledge base is searched: both channels fused, or one of them alone
SearchMode = Literal["hybrid", "dense", "sparse"]
#: which gold split an evaluation runs on: dev (calibration), test (reporting; already used to
#: choose the critic threshold), test2 (frozen, written before any tuning), demo (the demo
#: incidents), all = dev + test + test2 (the measured set; the demo is never part of it)
Split = Literal["dev", "test", "test2", "demo", "all"]
#: what a fine-tuning dataset teaches: the critic's «sí»/«no» verdict, or the reformulation
FinetuneTask = Literal["critique", "reformulate"]
