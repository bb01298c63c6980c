"""Entry point of a managed llama.cpp server process.

Runs ``llama_cpp.server`` with the given arguments, plus a watchdog thread that ends the
process as soon as the engine that started it is gone — even when the engine was killed with
SIGKILL and had no chance to clean up. This is what guarantees there are never orphan servers.

Usage (by :mod:`adapters.llm.server` only)::

    python -m adapters.llm.llama_child <parent_pid> <llama_cpp.server args...>
"""

from __future__ import annotations

import os
import sys
import threading
import time

POLL_S = 0.25


def _watch_parent(parent_pid: int) -> None:
    while True:
        if os.getppid() != parent_pid:
            # Reparented: our engine died. Leave at once, without waiting for uvicorn.
            os._exit(0)
        time.sleep(POLL_S)


def main() -> None:
    parent_pid = int(sys.argv[1])
    if os.getppid() != parent_pid:  # the engine died before we even started
        os._exit(0)
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()
    from llama_cpp.server.__main__ import main as server_main

    sys.argv = ["llama_cpp.server", *sys.argv[2:]]
    server_main()


if __name__ == "__main__":
    main()
