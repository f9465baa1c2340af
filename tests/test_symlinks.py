"""A source is a regular file inside sources/: a link to anything elsewhere is refused,
and the message shows nothing of where it points or what is there."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, run_generator

SECRET = "root-password: hunter2-do-not-print"
PERSON = "name: Jane Doe\nkind: person\nsummary: An engineer at the water utility.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The valid fixture corpus, and a folder outside it that links can point to."""
    shutil.copytree(FIXTURES / "valid", tmp_path / "project" / "sources")
    (tmp_path / "elsewhere").mkdir()
    return tmp_path / "project"


def check(project: Path):
    return run_generator("check", "--strict", "--root", str(project), cwd=project)


def test_a_link_to_a_secret_file_names_the_link_and_shows_nothing_of_the_target(project):
    target = project.parent / "elsewhere" / "credentials.txt"
    target.write_text(SECRET + "\nmore: lines\n")
    (project / "sources" / "actors" / "leak.yml").symlink_to(target)
    result = check(project)
    assert result.code == 1
    assert "sources/actors/leak.yml: is a symbolic link: sources must be regular files " \
           "inside sources/, so it was not read" in result.err
    assert "hunter2" not in result.err + result.out
    assert "elsewhere" not in result.err + result.out
    assert "credentials" not in result.err + result.out


def test_a_link_to_a_valid_actor_elsewhere_is_refused_not_published(project):
    target = project.parent / "elsewhere" / "jane-doe.yml"
    target.write_text(PERSON)
    (project / "sources" / "actors" / "jane-doe.yml").symlink_to(target)
    result = check(project)
    assert result.code == 1
    assert "sources/actors/jane-doe.yml: is a symbolic link" in result.err


def test_a_linked_folder_under_sources_is_refused_without_listing_its_files(project):
    actors = project / "sources" / "actors"
    outside = project.parent / "elsewhere" / "actors"
    shutil.move(actors, outside)
    (outside / "private-name.yml").write_text(PERSON)
    actors.symlink_to(outside, target_is_directory=True)
    result = check(project)
    assert result.code == 1
    assert "sources/actors: is a symbolic link" in result.err
    assert "private-name" not in result.err


def test_a_linked_sub_folder_inside_a_type_folder_is_refused(project):
    outside = project.parent / "elsewhere" / "more"
    outside.mkdir()
    (outside / "private-name.yml").write_text(PERSON)
    (project / "sources" / "actors" / "more").symlink_to(outside, target_is_directory=True)
    result = check(project)
    assert result.code == 1
    assert "sources/actors/more: is a symbolic link" in result.err
    assert "private-name" not in result.err


def test_a_named_pipe_is_refused_without_blocking(project):
    os.mkfifo(project / "sources" / "actors" / "pipe.yml")
    result = check(project)
    assert result.code == 1
    assert "sources/actors/pipe.yml: is not a regular file (a pipe, socket or device)" \
        in result.err
