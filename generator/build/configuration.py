"""The dossier's settings (``generator/settings.py``), read from its ``mkdocs.yml``.

Every problem names the file and the line of the setting, and all are reported at once.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.build.editions import ConfigError, read_config
from generator.settings import CONTENT_MODEL, Branding, Settings, babel_locale, contrast, is_colour

EDITION_KEYS = ("site_name", "site_description", "copyright", "og_locale", "language_name",
                "card_label")
BRANDING_KEYS = ("primary", "accent", "card_label")


class _Lines(yaml.SafeLoader):
    """Reads node positions only: any tag (``!ENV``) is fine here."""


def _node_lines(path: Path) -> dict[tuple[str, ...], int]:
    """The line of each mapping key, by its path of keys (``("extra", "editions", "id")``)."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=_Lines)
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return {}
    lines: dict[tuple[str, ...], int] = {}

    def walk(node, trail: tuple[str, ...]) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    here = (*trail, str(key.value))
                    lines[here] = key.start_mark.line + 1
                    walk(value, here)

    walk(root, ())
    return lines


def settings_of(config: dict, path: Path) -> Settings:
    """The settings ``config`` (the parsed ``path``) declares; :class:`ConfigError` with
    every problem, each at its line."""
    lines = _node_lines(path)
    problems: list[str] = []

    def problem(trail: tuple[str, ...], message: str) -> None:
        line = next((lines[trail[:i]] for i in range(len(trail), 0, -1) if trail[:i] in lines), None)
        where = f"{path}:{line}" if line else str(path)
        problems.append(f"{where}: {message}")

    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    language = theme.get("language") or "en"
    if not isinstance(language, str):
        problem(("theme", "language"), "theme.language must be a language tag, e.g. en")
        language = "en"
    else:
        try:
            babel_locale(language)
        except ValueError as exc:
            problem(("theme", "language"), f"theme.language: {exc}")
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    editions = extra.get("editions") or {}
    if not isinstance(editions, dict):
        problem(("extra", "editions"), "extra.editions must be a mapping from a language tag "
                "to that edition's settings (`id: {site_name: ...}`)")
        editions = {}
    names, labels, others = {}, {}, []
    for tag, own in editions.items():
        trail = ("extra", "editions", str(tag))
        try:
            babel_locale(str(tag))
        except ValueError as exc:
            problem(trail, f"extra.editions: {exc}")
            continue
        if str(tag) == language:
            problem(trail, f"extra.editions: {tag!r} is the dossier's own language "
                    "(theme.language); list only the other editions")
            continue
        own = own or {}
        if not isinstance(own, dict):
            problem(trail, f"extra.editions.{tag} must be a mapping of that edition's settings")
            continue
        for key in own:
            if key not in EDITION_KEYS:
                problem((*trail, str(key)), f"extra.editions.{tag}: unknown setting {key!r} "
                        f"(one of {', '.join(EDITION_KEYS)})")
        if own.get("language_name"):
            names[str(tag)] = str(own["language_name"])
        if own.get("card_label"):
            labels[str(tag)] = str(own["card_label"])
        others.append(str(tag))
    branding = extra.get("branding") or {}
    if not isinstance(branding, dict):
        problem(("extra", "branding"), "extra.branding must be a mapping (primary, accent, "
                "card_label)")
        branding = {}
    for key, value in branding.items():
        if key not in BRANDING_KEYS:
            problem(("extra", "branding", str(key)), f"extra.branding: unknown setting {key!r} "
                    f"(one of {', '.join(BRANDING_KEYS)})")
        elif key in ("primary", "accent") and not is_colour(value):
            problem(("extra", "branding", key), f"extra.branding.{key}: {value!r} is not a "
                    "colour written #rrggbb")
        elif key == "primary" and contrast(value, "#ffffff") < 4.5:
            problem(("extra", "branding", key), f"extra.branding.primary: {value} is too light "
                    f"for the header's white text (contrast {contrast(value, '#ffffff'):.1f}:1, "
                    "at least 4.5:1 is needed): choose a darker colour")
    model = extra.get("content_model", CONTENT_MODEL)
    if not isinstance(model, int) or isinstance(model, bool) or model < 1:
        problem(("extra", "content_model"), f"extra.content_model: {model!r} is not a version "
                "number of the content model")
        model = CONTENT_MODEL
    elif model > CONTENT_MODEL:
        from generator import __version__
        problem(("extra", "content_model"), f"this dossier is written for content model "
                f"{model}; generator {__version__} reads content model {CONTENT_MODEL} and "
                "older: upgrade the generator (README, \"Upgrade\")")
    if problems:
        raise ConfigError("\n".join(problems))
    own_label = branding.get("card_label")
    if own_label:
        labels[language] = str(own_label)
    defaults = Branding()
    return Settings(
        language=language, translations=tuple(others), names=names, card_labels=labels,
        branding=Branding(primary=branding.get("primary", defaults.primary),
                          accent=branding.get("accent", defaults.accent),
                          card_label=own_label or None),
        content_model=model)


def load_settings(path: Path) -> Settings:
    """The settings of the dossier whose configuration is ``path``."""
    return settings_of(read_config(path), path)
