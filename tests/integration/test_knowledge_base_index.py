"""batch.py, search and backup.py as a user runs them: real embedder, on-disk local Qdrant."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from config import REPO_ROOT

KB = REPO_ROOT / "resources" / "PROBLEMAS_GLOBALES.csv"


def _run(*args: str, data: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env={**os.environ, "DATA_DIR": str(data), "LOG_FORMAT": "json"},
        timeout=600,
        check=False,
    )
    if check:
        assert proc.returncode == 0, proc.stderr[-2000:]
    return proc


def _batch(data: Path, *extra: str) -> dict:
    return json.loads(_run("batch.py", "--json", *extra, data=data).stdout)


def _rows() -> list[dict[str, str]]:
    with KB.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def _search(data: Path, text: str) -> list[dict]:
    return json.loads(_run("main.py", "search", text, "--k", "3", "--json", data=data).stdout)


def test_second_run_reports_everything_unchanged(tmp_path: Path) -> None:
    first = _batch(tmp_path)
    assert first["valid"] == len(_rows()) and first["added"] == first["valid"]
    second = _batch(tmp_path)
    assert second["unchanged"] == second["valid"] == first["valid"]
    assert second["added"] == second["updated"] == second["deleted"] == 0


def test_incremental_rebuild_and_bad_rows(tmp_path: Path) -> None:
    rows = _rows()
    _batch(tmp_path, "--csv", str(_write(tmp_path / "kb.csv", rows)))
    edited = [dict(r) for r in rows]
    edited[0]["SOLUCIÓN"] += " Revisado."  # updated
    removed = edited.pop(5)  # deleted
    edited.append({**rows[1], "ID": "KB-NEW", "DESCRIPCION": "La centralita no desvía llamadas."})
    edited[10]["RESOLUCION AUTOMÁTICA"] = "cerrar"  # bad row: keeps its indexed version
    stats = _batch(tmp_path, "--csv", str(_write(tmp_path / "kb2.csv", edited)))
    assert (stats["added"], stats["updated"], stats["deleted"]) == (1, 1, 1)
    assert stats["invalid"] == 1 and stats["kept_previous"] == 1
    assert stats["unchanged"] == len(rows) - 3
    hits = _search(tmp_path, "la centralita no desvía las llamadas")
    assert hits[0]["id"] == "KB-NEW"
    assert removed["ID"] not in {h["id"] for h in _search(tmp_path, removed["DESCRIPCION"])}
    strict = _run(
        "batch.py", "--csv", str(tmp_path / "kb2.csv"), "--strict", data=tmp_path, check=False
    )
    assert strict.returncode == 1 and "line 12" in strict.stderr


def test_killed_rebuild_leaves_the_old_index_answering(tmp_path: Path) -> None:
    _batch(tmp_path)
    before = _search(tmp_path, "Outlook pide la contraseña una y otra vez")
    big = [
        {**r, "ID": f"BIG-{i}", "DESCRIPCION": f"{r['DESCRIPCION']} (variante {i})"}
        for i, r in enumerate(_rows() * 12)
    ]
    proc = subprocess.Popen(
        [sys.executable, "batch.py", "--csv", str(_write(tmp_path / "big.csv", big))],
        cwd=REPO_ROOT,
        env={**os.environ, "DATA_DIR": str(tmp_path), "LOG_FORMAT": "json"},
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    deadline = time.monotonic() + 120
    for line in proc.stderr:
        if '"index.building"' in line or time.monotonic() > deadline:
            break
    time.sleep(1.0)  # well inside the embedding of ~1,200 rows
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    after = _search(tmp_path, "Outlook pide la contraseña una y otra vez")
    assert [h["id"] for h in after] == [h["id"] for h in before]
    assert not any(h["id"].startswith("BIG-") for h in after)
    again = _batch(tmp_path)  # the next run cleans up and finds nothing to change
    assert again["unchanged"] == again["valid"]


def test_backup_verify_restore_round_trip(tmp_path: Path) -> None:
    _batch(tmp_path)
    created = json.loads(_run("backup.py", "create", "--keep", "2", "--json", data=tmp_path).stdout)
    assert created["points"] == len(_rows())
    verified = json.loads(
        _run("backup.py", "verify", created["id"], "--json", data=tmp_path).stdout
    )
    assert verified["ok"] is True
    rows = _rows()[:10]
    _batch(tmp_path, "--csv", str(_write(tmp_path / "small.csv", rows)))  # the index shrinks
    restored = json.loads(
        _run("backup.py", "restore", created["id"], "--json", data=tmp_path).stdout
    )
    assert restored["points"] == len(_rows())
    assert _batch(tmp_path)["unchanged"] == len(_rows())  # identical ids, payloads, hashes


@pytest.mark.parametrize("split", ["test"])
def test_retrieval_quality_on_the_gold_set(split: str) -> None:
    proc = subprocess.run(
        [sys.executable, "bench/eval_retrieval.py", "--split", split, "--json"],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=600,
        check=True,
    )
    modes = json.loads(proc.stdout)["modes"]
    # The knowledge-base target: hybrid R@3 >= 0.90 on the test split (measured 0.909 when the
    # lexical vectors started to include the solution; dense-only 0.545).
    assert modes["hybrid"]["recall_at_3"] >= 0.90
    assert modes["hybrid"]["mrr"] > modes["dense"]["mrr"]
    assert modes["hybrid"]["recall_at_3"] >= modes["dense"]["recall_at_3"]
