"""The outputs package: files made from the dossier beside the pages."""

import pytest

from generator.outputs import OutputCollision, Publication, files
from generator.pipeline import generate

from .test_render import minimal


def test_two_outputs_writing_one_path_are_refused():
    one = lambda d, p: {"data/x.json": b"1"}
    two = lambda d, p: {"data/x.json": b"2"}
    with pytest.raises(OutputCollision, match="docs/data/x.json"):
        files(minimal(), Publication(), (one, two))


def test_output_files_come_back_sorted_by_path():
    out = lambda d, p: {"b.txt": b"b", "a.txt": b"a"}
    assert list(files(minimal(), Publication(), (out,))) == ["a.txt", "b.txt"]


def test_generate_holds_the_pages_of_the_renderer():
    made = generate(minimal(), Publication())
    assert "claims/fare-rise-is-needed.md" in made


def test_site_url_gets_one_trailing_slash():
    assert Publication.from_environment({"SITE_URL": "https://o.github.io/repo"}).site_url \
        == "https://o.github.io/repo/"


def test_no_site_url_means_a_local_build():
    assert Publication.from_environment({}).site_url is None


def test_a_site_url_that_is_not_http_is_refused():
    with pytest.raises(ValueError, match="SITE_URL"):
        Publication.from_environment({"SITE_URL": "file:///etc/"})


def test_the_site_name_comes_from_mkdocs_yml_with_its_env_tags(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text('site_name: "Water: who pays"\nsite_url: !ENV [SITE_URL, null]\n',
                      encoding="utf-8")
    assert Publication.from_environment({}, config=config).site_name == "Water: who pays"


def test_without_a_readable_config_the_site_keeps_a_generic_name(tmp_path):
    assert Publication.from_environment({}, config=tmp_path / "missing.yml").site_name \
        == Publication().site_name
