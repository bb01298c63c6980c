"""One run per data directory: the second is refused with a message naming the holder."""

from __future__ import annotations

from pathlib import Path

import pytest

from adapters.run_lock import RunLockedError, run_lock


def test_a_second_run_on_the_same_data_dir_is_refused_naming_the_holder(tmp_path: Path) -> None:
    with run_lock(tmp_path, "first"):
        with (
            pytest.raises(RunLockedError, match=r"another run is using .*run first"),
            run_lock(tmp_path, "second"),
        ):
            pass
        with run_lock(tmp_path / "elsewhere", "third"):  # another data dir is independent
            pass
    with run_lock(tmp_path, "after"):  # released when the holder ends
        assert "after" in (tmp_path / "run.lock").read_text(encoding="utf-8")
