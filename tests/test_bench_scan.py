"""The scan benchmark drives the real window: on a tiny database it must find every member it scans."""

from __future__ import annotations

import datetime as dt
import os
import tempfile

import pytest

from bench import bench_scan, generate_large
from pharmacy_desk.core import paths


@pytest.fixture
def tiny(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "home"))  # bench_scan points it elsewhere
    path = tmp_path / "large.sqlite3"
    generate_large.generate(path, members=60, sales=200, seed=5, until=dt.date(2026, 6, 30), years=1, quiet=True)
    return path


def test_every_scan_shows_its_member_or_list(qapp, tiny, tmp_path, monkeypatch):
    scratch = tmp_path / "scratch"  # where the run's own temporary folders go
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    info = bench_scan.run(tiny, iterations=12, warmup=2, seed=1)
    assert list(scratch.iterdir()) == []  # its scratch home is removed after the run
    assert os.environ[paths.HOME_ENV] == str(tmp_path / "home")  # and the caller's home is put back
    assert [row["name"] for row in info["rows"]] == ["card", "phone", "pinyin"]
    for row in info["rows"]:
        assert row["n"] == 12 and 0 < row["p50_ms"] <= row["p99_ms"] <= row["max_ms"]
        assert 0 < row["hello_p50_ms"] <= row["hello_p99_ms"]
    assert info["members"] == 60 and info["platform"] == "offscreen"
