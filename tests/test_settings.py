"""A dossier's languages, branding and content model, read from its mkdocs.yml."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import settings
from generator.build.configuration import load_settings
from generator.build.editions import ConfigError
from generator.text import i18n


def _config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mkdocs.yml"
    path.write_text("site_name: A dossier\n" + text, encoding="utf-8")
    return path


def test_a_dossier_without_editions_is_published_in_its_own_language_alone(tmp_path):
    read = load_settings(_config(tmp_path, "theme:\n  name: material\n  language: fr\n"))
    assert read.editions == ("fr",) and read.translations == ()


def test_the_own_language_defaults_to_english(tmp_path):
    assert load_settings(_config(tmp_path, "theme:\n  name: material\n")).language == "en"


def test_each_key_of_extra_editions_is_an_edition_under_its_tag(tmp_path):
    read = load_settings(_config(tmp_path, "theme:\n  language: id\nextra:\n  editions:\n"
                                           "    en: {}\n    pt-BR:\n      site_name: Um dossiê\n"))
    assert read.editions == ("id", "en", "pt-BR")
    assert read.prefix("id") == "" and read.prefix("pt-BR") == "pt-BR/"


def test_an_editions_name_comes_from_babel_unless_the_dossier_gives_one(tmp_path):
    read = load_settings(_config(tmp_path, "extra:\n  editions:\n    fr: {}\n"
                                           "    id:\n      language_name: Bahasa Indonesia\n"))
    assert read.name("fr") == "Français" and read.name("id") == "Bahasa Indonesia"


@pytest.mark.parametrize("text, line, says", [
    ("extra:\n  editions:\n    xx-nope: {}\n", 4, "unknown language tag 'xx-nope'"),
    ("theme:\n  language: en\nextra:\n  editions:\n    en: {}\n", 6, "the dossier's own language"),
    ("extra:\n  editions:\n    fr:\n      sitename: X\n", 5, "unknown setting 'sitename'"),
    ("extra:\n  branding:\n    primary: blue\n", 4, "is not a colour written #rrggbb"),
    ("extra:\n  branding:\n    primary: '#ffff00'\n", 4, "too light for the header's white text"),
    ("extra:\n  content_model: 99\n", 3, "written for content model 99"),
], ids=["unknown tag", "own language as edition", "unknown edition setting", "not a colour",
        "low contrast", "newer content model"])
def test_a_bad_setting_is_refused_at_its_line_in_mkdocs_yml(tmp_path, text, line, says):
    path = _config(tmp_path, text)
    with pytest.raises(ConfigError) as refused:
        load_settings(path)
    assert f"{path}:{line}: " in str(refused.value) and says in str(refused.value)


def test_a_newer_content_model_asks_for_a_newer_generator(tmp_path):
    with pytest.raises(ConfigError, match="upgrade the generator"):
        load_settings(_config(tmp_path, f"extra:\n  content_model: {settings.CONTENT_MODEL + 1}\n"))


def test_the_default_palette_is_the_themes_own_and_writes_no_stylesheet():
    assert not settings.Branding().custom
    assert settings.Branding().rgb("primary") == (38, 50, 56)


def test_a_custom_accent_gets_a_light_tint_for_dark_grounds():
    assert settings.Branding(accent="#000000").accent_light == "#7f7f7f"


def test_the_contrast_ratio_of_black_on_white_is_21():
    assert round(settings.contrast("#000000", "#ffffff"), 1) == 21.0


def test_a_navigation_label_in_indonesian_is_relabelled_in_english_for_the_english_edition():
    with settings.use(settings.Settings(language="id", translations=("en",))):
        with i18n.edition("en"):
            assert i18n.relabel("Beranda") == "Home"
        with i18n.edition("id"):
            assert i18n.relabel("Beranda") == "Beranda"


def test_a_label_no_catalogue_knows_stays_as_written():
    with settings.use(settings.Settings(language="id", translations=("en",))):
        with i18n.edition("en"):
            assert i18n.relabel("Sesuatu yang lain") == "Sesuatu yang lain"


def test_a_language_without_a_catalogue_shows_the_interface_in_english():
    assert not i18n.has_catalogue("fr") and i18n.has_catalogue("id-ID")
    assert i18n.interface_coverage("fr") == "fr: no catalogue, shown in English"
    assert i18n.interface_coverage("id") == "id 100 %"
