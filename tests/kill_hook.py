"""Run a script with LangGraph's SQLite checkpointing tampered with, to put a kill -9 exactly
where random kill points land only now and then.

    python -m tests.kill_hook [--kill-after-writes-to CHANNEL] [--kill-after-update] \
        [--slow-put SECONDS] <script.py> [args...]

* ``--kill-after-writes-to CHANNEL``: SIGKILL the process as soon as LangGraph has saved a
  node's writes to ``CHANNEL`` (``decision``: apply or escalate, after they changed the
  incident), before the step's checkpoint. LangGraph saves both in the background while the
  graph goes on, so the ``record`` node is held back meanwhile: the kill lands before it, every
  time;
* ``--kill-after-update``: SIGKILL the process as soon as the incident manager has answered
  the first change (apply or escalate has not returned yet): the change is made, the engine
  has not recorded it anywhere;
* ``--slow-put SECONDS``: every checkpoint takes that much longer to write, as on a slow or
  busy disk.
"""

from __future__ import annotations

import argparse
import os
import runpy
import signal
import sys
import time
from collections.abc import Sequence
from typing import Any


def install(kill_channel: str | None, slow_s: float, kill_after_update: bool = False) -> None:
    from langgraph.checkpoint.sqlite import SqliteSaver

    if kill_after_update:
        from adapters.incident_manager import HttpIncidentManager

        update = HttpIncidentManager.update

        def update_then_die(self: HttpIncidentManager, *args: Any, **kwargs: Any) -> Any:
            update(self, *args, **kwargs)
            os.kill(os.getpid(), signal.SIGKILL)

        HttpIncidentManager.update = update_then_die  # type: ignore[method-assign]

    put, put_writes = SqliteSaver.put, SqliteSaver.put_writes

    def slow_put(self: SqliteSaver, config: Any, checkpoint: Any, metadata: Any, new: Any) -> Any:
        time.sleep(slow_s)
        return put(self, config, checkpoint, metadata, new)

    def put_writes_then_die(
        self: SqliteSaver, config: Any, writes: Sequence[tuple[str, Any]], *args: Any
    ) -> None:
        put_writes(self, config, writes, *args)
        if any(channel == kill_channel for channel, _ in writes):
            os.kill(os.getpid(), signal.SIGKILL)

    if slow_s:
        SqliteSaver.put = slow_put  # type: ignore[method-assign, assignment]
    if kill_channel is not None:
        SqliteSaver.put_writes = put_writes_then_die  # type: ignore[method-assign, assignment]
        import nodes.record  # before graph.builder takes the node function

        record = nodes.record.record

        def held_record(*args: Any, **kwargs: Any) -> Any:
            time.sleep(10)  # the kill comes first
            return record(*args, **kwargs)

        nodes.record.record = held_record


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kill-after-writes-to", dest="channel")
    parser.add_argument("--kill-after-update", action="store_true")
    parser.add_argument("--slow-put", type=float, default=0.0)
    parser.add_argument("script")
    parser.add_argument("args", nargs=argparse.REMAINDER)
    options = parser.parse_args()
    install(options.channel, options.slow_put, options.kill_after_update)
    sys.argv = [options.script, *options.args]
    runpy.run_path(options.script, run_name="__main__")


if __name__ == "__main__":
    main()
