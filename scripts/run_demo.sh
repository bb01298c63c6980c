#!/usr/bin/env bash
# `make run`: the main job on the embedded defaults, end to end on this machine.
# Starts the mock incident manager and target system on loopback (fresh demo state, demo date),
# brings the knowledge-base index up to date, runs the engine over the demo mailbox and always
# stops the mocks, also on Ctrl-C or failure.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PY:-.venv/bin/python}
RESOLVIA=("$PY" -m cli)   # the `resolvia` command, also before the console script is installed
PORT_BASE=${MOCKS_PORT_BASE:-3000}
DEMO_DATE=${MOCK_TODAY:-20/11/2026}   # the sample data's answers are written for this date
export INCIDENT_MANAGER_URL="http://127.0.0.1:${PORT_BASE}"
export TARGET_SYSTEM_URL="http://127.0.0.1:$((PORT_BASE + 1))"

say() { printf '\033[1m[run]\033[0m %s\n' "$*" >&2; }

say "resetting the demo state of the mock services"
"${RESOLVIA[@]}" mocks reset >/dev/null
say "starting the mock services on ports ${PORT_BASE} and $((PORT_BASE + 1)) (today = ${DEMO_DATE})"
"${RESOLVIA[@]}" mocks serve --port-base "$PORT_BASE" --today "$DEMO_DATE" 2>data/mocks.log &
MOCKS_PID=$!
cleanup() {
  kill -TERM "$MOCKS_PID" 2>/dev/null || true
  wait "$MOCKS_PID" 2>/dev/null || true
}
trap cleanup EXIT INT TERM

"$PY" - "$INCIDENT_MANAGER_URL" "$TARGET_SYSTEM_URL" "$MOCKS_PID" <<'PYWAIT'
import os, sys, time
import httpx
urls, pid = sys.argv[1:3], int(sys.argv[3])
deadline = time.monotonic() + 30
while time.monotonic() < deadline:
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit("the mock services exited during start-up: see data/mocks.log")
    try:
        if all(httpx.get(u + "/health", timeout=1).status_code == 200 for u in urls):
            sys.exit(0)
    except httpx.HTTPError:
        pass
    time.sleep(0.2)
sys.exit("the mock services did not become healthy in 30 s: see data/mocks.log")
PYWAIT

say "updating the knowledge-base index"
"${RESOLVIA[@]}" index
say "running the engine"
"${RESOLVIA[@]}" run "$@"
say "scorecard: the run's decisions against the demo's expected outcomes"
"${RESOLVIA[@]}" scorecard
