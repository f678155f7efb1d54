"""The layered-package helper: without COW's files a test is skipped, or fails when CI is set."""

from __future__ import annotations

import pytest

from tests import layered


def test_missing_files_skip_with_a_reason(tmp_path, monkeypatch):
    monkeypatch.setattr(layered, "COW_DIR", tmp_path)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="are not in"):
        layered.cow_files()


def test_missing_files_fail_under_ci(tmp_path, monkeypatch):
    monkeypatch.setattr(layered, "COW_DIR", tmp_path)
    monkeypatch.setenv("CI", "1")
    with pytest.raises(pytest.fail.Exception, match="CI is set"):
        layered.cow_files()
