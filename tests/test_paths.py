"""Where the data lives: the environment's folder, a portable install's own folder, or the user's."""

from __future__ import annotations

import sys

import pytest

from pharmacy_desk.core import paths


@pytest.fixture
def installed(tmp_path, monkeypatch):
    """A frozen program in ``tmp_path/program``, the user's data folder in ``tmp_path/user``."""
    program = tmp_path / "program"
    program.mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program / "pharmacy_desk"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "user"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "user"))
    monkeypatch.delenv(paths.HOME_ENV)
    return program


def test_an_installed_program_keeps_its_data_in_the_users_folder(installed, tmp_path):
    assert paths.portable_data_dir() is None
    assert paths.base_dir().parent == tmp_path / "user"
    assert paths.database_path().parent == paths.base_dir()


def test_a_marker_beside_the_program_keeps_the_data_beside_it(installed):
    (installed / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert paths.base_dir() == installed / "data"
    assert paths.database_path() == installed / "data" / paths.DATABASE_NAME
    assert paths.log_dir() == installed / "data" / "logs" and paths.log_dir().is_dir()


def test_the_environment_still_wins_over_the_marker(installed, tmp_path, monkeypatch):
    (installed / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "elsewhere"))
    assert paths.base_dir() == tmp_path / "elsewhere"


def test_a_folder_named_like_the_marker_is_not_a_marker(installed):
    (installed / paths.PORTABLE_MARKER).mkdir()
    assert paths.portable_data_dir() is None


def test_resources_come_from_the_bundle_when_frozen(tmp_path, monkeypatch):
    assert (paths.resource("icons", "pharmacy_desk.svg")).is_file()  # the source tree's
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == tmp_path / "resources"
