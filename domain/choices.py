"""Closed sets of values shared by the engine, the evaluation and the CLI.

Kept in a module without heavy imports so the command line can offer them as choices without
loading the vector store or the evaluation."""

from __future__ import annotations

from typing import Literal

#: how the knowledge base is searched: both channels fused, or one of them alone
SearchMode = Literal["hybrid", "dense", "sparse"]
#: which gold split an evaluation runs on
Split = Literal["dev", "test", "all"]
