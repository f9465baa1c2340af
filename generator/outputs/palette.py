"""The dossier's palette (``extra.branding`` in mkdocs.yml) as a stylesheet, written
only when it differs from the theme's own colours (``theme/stylesheets/extra.css``),
which the pages load before it. The share cards take the same colours."""

from __future__ import annotations

from generator import settings
from generator.dossier.link import Dossier

PATH = settings.PALETTE_STYLESHEET


def stylesheet(branding: settings.Branding) -> str:
    p, a, light = branding.primary, branding.accent, branding.accent_light
    return (
        "/* The dossier's palette, from extra.branding in mkdocs.yml. */\n"
        ":root,\n[data-md-color-scheme=\"default\"] {\n"
        f"  --md-primary-fg-color: {p};\n  --md-primary-fg-color--light: {p};\n"
        f"  --md-primary-fg-color--dark: {p};\n  --md-accent-fg-color: {a};\n"
        f"  --dossier-map-marker: {a};\n}}\n"
        "[data-md-color-scheme=\"slate\"] {\n"
        f"  --md-primary-fg-color: {p};\n  --md-primary-fg-color--light: {p};\n"
        f"  --md-primary-fg-color--dark: {p};\n  --md-accent-fg-color: {light};\n"
        f"  --dossier-map-marker: {light};\n}}\n")


def files(d: Dossier, publication) -> dict[str, bytes]:
    branding = settings.active().branding
    return {PATH: stylesheet(branding).encode()} if branding.custom else {}
