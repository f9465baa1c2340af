"""One complete configuration per edition: the project's ``mkdocs.yml`` with the
edition's settings merged in, as MkDocs merges an ``INHERIT``ed file (mappings merged
key by key, everything else replaced).

Each file is complete rather than an ``INHERIT`` of ``mkdocs.yml`` because Zensical,
which reads the same files, merges an inherited file differently: it appends lists,
which would give the Indonesian edition the English navigation and palette followed by
its own. ``!ENV`` tags are resolved as MkDocs resolves them, from the environment of
the build.

The English edition is built from ``docs/`` into the site root, as before; every other
edition from a docs tree of its own into ``site/<language>/``, with the theme's
interface in its language (``theme.language``), its navigation labels translated by the
same catalogue as the pages, and its title from ``extra.editions.<language>`` in
``mkdocs.yml``. All editions share the theme additions in ``theme/`` (language switch,
``hreflang`` links).
"""

from __future__ import annotations

import json
from pathlib import Path

import mergedeep
import yaml
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import yaml_load
from yaml_env_tag import construct_env_tag

from generator.text import english
from generator.text.i18n import N_, edition, gettext, relabel
from generator.settings import PALETTE_STYLESHEET, active, editions, own_language, prefix

THEME = Path(__file__).resolve().parent.parent / "theme"
INTERFACE = (N_("Home"), N_("Articles"), N_("Actors"), N_("Network"), N_("Claims"),
             N_("Timeline"),
             N_("Events"), N_("Places"), N_("Tags"), N_("About"),
             N_("Switch to dark mode"), N_("Switch to light mode"))
"""Labels that ``mkdocs.yml`` writes (navigation, palette toggles), translated where the
catalogue has them; a label it does not have stays as written."""
SCRIPT_WORDS = {"results": N_("Search results"),
                "unavailable": N_("Search is unavailable: its index is missing."),
                # The search's facets (generator/views/facets.py); kind_<kind> for each kind.
                "facets": N_("Narrow the results"),
                "facet_kind": N_("Kind of page"), "facet_year": N_("Year"),
                "facet_outlet": N_("Outlet"), "facet_language": N_("Language of the report"),
                "any": N_("All"),
                "kind_article": N_("Article"), "kind_actor": N_("Actor"),
                "kind_event": N_("Event"), "kind_claim": N_("Claim"),
                "kind_place": N_("Place"), "kind_other": N_("Other page"),
                # The embed control (javascripts/embed.js).
                "copied": N_("Copied.")}
"""What the site's own scripts write (javascripts/search.js), translated per edition; the
theme writes them into each page (``#dossier-words``), where the scripts read them."""
TITLES = ("site_name", "site_description", "copyright")
"""Settings an edition may give in its own language under ``extra.editions.<language>``,
besides ``og_locale`` (the language and territory link previews announce)."""


class ConfigError(Exception):
    """``mkdocs.yml`` cannot be read into an edition's configuration; the message says where."""


class _Loader(yaml.SafeLoader):
    """Plain YAML and MkDocs' ``!ENV``. A Python object (``!!python/name:``) or MkDocs'
    ``!relative`` cannot be written into a configuration file, so they are refused."""


_Loader.add_constructor("!ENV", construct_env_tag)


def read_config(path: Path) -> dict:
    """The settings of ``path`` (and of any file it ``INHERIT``s), ``!ENV`` resolved."""
    try:
        with path.open("rb") as source:
            return yaml_load(source, _Loader) or {}
    except (OSError, ConfigurationError) as exc:
        # MkDocs' message names the line (and the tag it could not take).
        raise ConfigError(f"{path}: {exc}") from None


def _translated_nav(nav):
    if isinstance(nav, list):
        return [_translated_nav(item) for item in nav]
    if isinstance(nav, dict):
        return {relabel(title): _translated_nav(target) for title, target in nav.items()}
    return nav


def _translated_palette(palette):
    if not isinstance(palette, list):
        return palette
    result = []
    for scheme in palette:
        scheme = dict(scheme)
        toggle = scheme.get("toggle")
        if isinstance(toggle, dict) and "name" in toggle:
            label = toggle["name"]
            scheme["toggle"] = {**toggle, "name": relabel(label)}
        result.append(scheme)
    return result


FEED_TITLE = N_("%(site)s: newest articles and events")
"""The title of each edition's feed (``outputs/feed.py``), which its pages link."""


def edition_data(language: str, site_url: str, site_name: str = "") -> dict:
    """What the theme additions need: this edition, its feed's title, the way to every
    other edition, and the words of the scripts in this edition's language."""
    with edition(language):
        words = {key: gettext(message) for key, message in SCRIPT_WORDS.items()}
        feed_title = gettext(FEED_TITLE) % {"site": site_name}
    return {
        "words": words,
        "language": language,
        "prefix": prefix(language),
        "feed_title": feed_title,
        "root": "" if language == own_language() else "../" * prefix(language).count("/"),
        "site_url": site_url,
        "card": prefix(language) + "cards/site.png",
        "editions": [{"language": other, "name": active().name(other), "prefix": prefix(other)}
                     for other in editions()],
    }


def config(base: dict, language: str, site_url: str | None) -> dict:
    """The complete configuration of ``language``'s edition: ``base`` (``mkdocs.yml``'s
    settings) with the edition's own. ``site_url`` is the whole site's address with a
    trailing slash, when known."""
    # mergedeep is how MkDocs merges an INHERITed file; it copies, leaving ``base`` as it was.
    return mergedeep.merge({}, base, _overrides(base, language, site_url))


def _overrides(base: dict, language: str, site_url: str | None) -> dict:
    """What ``language``'s edition sets differently from ``base``."""
    if site_url is None and isinstance(base.get("site_url"), str):
        site_url = base["site_url"].rstrip("/") + "/"
    site_url = site_url or ""
    theme = {"custom_dir": str(THEME), "language": language}
    result: dict = {
        # The theme's own styles and scripts (theme/), before any the dossier adds.
        "extra_css": _with_theme(STYLES + ((PALETTE,) if active().branding.custom else ()),
                                 base.get("extra_css")),
        "extra_javascript": _with_theme(SCRIPTS, base.get("extra_javascript")),
    }
    own = ((base.get("extra") or {}).get("editions") or {}).get(language) or {}
    if language != own_language():
        result.update({key: own[key] for key in TITLES if own.get(key)})
        with edition(language):
            base_theme = base.get("theme") or {}
            if "palette" in base_theme:
                theme["palette"] = _translated_palette(base_theme["palette"])
            if "nav" in base:
                result["nav"] = _translated_nav(base["nav"])
    if site_url:
        result["site_url"] = site_url + prefix(language)
    result["theme"] = theme
    # A truthy, non-list `alternate` makes Material show its language selector, which
    # theme/partials/alternate.html fills with this page's counterparts.
    name = (own.get("site_name") if language != own_language() else None) \
        or base.get("site_name") or ""
    result["extra"] = {"edition": edition_data(language, site_url, name)}
    if len(editions()) > 1:
        result["extra"]["alternate"] = True
    if language != own_language() and own.get("og_locale"):
        result["extra"]["og_locale"] = own["og_locale"]
    return result


STYLES = ("stylesheets/extra.css", "stylesheets/print.css")
PALETTE = PALETTE_STYLESHEET
SCRIPTS = ("javascripts/accessibility.js", "javascripts/search.js", "javascripts/timeline.js",
           "javascripts/network.js", "javascripts/embed.js")
"""The theme's own styles and scripts (``theme/stylesheets``, ``theme/javascripts``),
which every page loads; MkDocs copies them from the theme into the site."""


def _with_theme(ours: tuple[str, ...], theirs) -> list:
    return [*ours, *[item for item in (theirs or []) if item not in ours]]


def dumps(settings: dict) -> str:
    # JSON is YAML; MkDocs and Zensical read it as such. Its labels (navigation, the
    # scripts' words) are printed where no markup can say their language: plain.
    return english.unmark(json.dumps(settings, indent=2, ensure_ascii=False,
                                          sort_keys=True)) + "\n"
