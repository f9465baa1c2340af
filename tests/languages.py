"""The languages the tests build in: the fixture corpora's project, and this repository's
seed dossier, are both English with an Indonesian edition (their mkdocs.yml)."""

from generator.settings import Settings

FIXTURE_SETTINGS = Settings(language="en", translations=("id",),
                            names={"id": "Bahasa Indonesia"})
EDITIONS = FIXTURE_SETTINGS.editions
TRANSLATION_LANGUAGES = FIXTURE_SETTINGS.translations
SOURCE_LANGUAGE = FIXTURE_SETTINGS.language
prefix = FIXTURE_SETTINGS.prefix
