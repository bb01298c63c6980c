"""Closed sets of values shared by the engine, the evaluation and the CLI.

Kept in a module without heavy imports so the command line can offer them as choices without
loading the vector store or the evaluation."""

from __future__ import annotations

from typing import Literal

#: how the knowledge base is searched: both channels fused, or one of them alone
SearchMode = Literal["hybrid", "dense", "sparse"]
#: which gold split an evaluation runs on: dev (calibration), test (already used to choose the
#: critic threshold), test2 (frozen, kept for comparison: its threshold-90 figure was known when
#: 90 was chosen), test3 to test8 (frozen, written before any tuning, each reported on once:
#: test3 in session 6, test4 in session 7, test5 in session 8, test6 and test7 in session 9,
#: test8 in session 10), test9 (frozen, written before any tuning on 01/12/2026: kept clean for
#: the next report), demo (the demo incidents), all = dev + test + test2 + ... + test9 (the
#: measured set; never the demo)
Split = Literal[
    "dev",
    "test",
    "test2",
    "test3",
    "test4",
    "test5",
    "test6",
    "test7",
    "test8",
    "test9",
    "demo",
    "all",
]
#: what a fine-tuning dataset teaches: the critic's «sí»/«no» verdict, or the reformulation
FinetuneTask = Literal["critique", "reformulate"]
