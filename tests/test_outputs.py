"""The outputs package: files made from the dossier beside the pages."""

import pytest

from generator.text.i18n import edition, language
from generator.outputs import Output, OutputCollision, Publication, edition_files, files
from generator.build.pipeline import generate

from .test_render import minimal


def test_two_outputs_writing_one_path_are_refused():
    one = Output(lambda d, p: {"data/x.json": b"1"})
    two = Output(lambda d, p: {"data/x.json": b"2"})
    with pytest.raises(OutputCollision, match="docs/data/x.json"):
        files(minimal(), Publication(), (one, two))


def test_output_files_come_back_sorted_by_path():
    out = Output(lambda d, p: {"b.txt": b"b", "a.txt": b"a"})
    assert list(files(minimal(), Publication(), (out,))) == ["a.txt", "b.txt"]


def test_a_site_output_is_made_once_and_an_edition_output_in_each_edition():
    site = Output(lambda d, p: {"data/x.json": b"site"})
    own = Output(lambda d, p, made: {"page.txt": sorted(made)[0].encode()}, per_edition=True)
    assert files(minimal(), Publication(), (site, own)) == {"data/x.json": b"site"}
    made = files(minimal(), Publication(), (site, own))
    assert edition_files(minimal(), Publication(), made, (site, own)) \
        == {"page.txt": b"data/x.json"}


def test_an_edition_output_is_made_in_the_language_of_its_edition():
    own = Output(lambda d, p, made: {"lang.txt": p.name_in(language()).encode()},
                 per_edition=True)
    publication = Publication(site_name="Water", edition_names=(("id", "Air"),))
    assert edition_files(minimal(), publication, {}, (own,)) == {"lang.txt": b"Water"}
    with edition("id"):
        assert edition_files(minimal(), publication, {}, (own,)) == {"lang.txt": b"Air"}


def test_the_downloads_are_made_once_for_every_edition():
    made = generate(minimal(), Publication(), workers=1)
    assert "data/dossier.json" in made and "id/data/index.md" in made
    # A page's citation names the page in its edition's language: each edition has its own.
    assert not [path for path in made if path.startswith("id/") and path.endswith(".json")
                and not path.endswith("filters.json") and not path.startswith("id/cite/")]


def test_a_news_reports_citation_is_made_once_for_every_edition():
    made = generate(minimal(), Publication(), workers=1)
    assert any(path.startswith("cite/reports/") for path in made)
    assert not any(path.startswith("id/cite/reports/") for path in made)


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


def test_each_edition_takes_its_name_from_mkdocs_yml_and_falls_back_to_the_english(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text('site_name: "Water"\nextra:\n  editions:\n    id:\n      site_name: "Air"\n'
                      '    pt:\n      og_locale: pt_PT\n', encoding="utf-8")
    publication = Publication.from_environment({}, config=config)
    assert (publication.name_in("id"), publication.name_in("en")) == ("Air", "Water")
    assert publication.name_in("pt") == "Water"
