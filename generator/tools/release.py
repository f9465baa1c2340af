"""``python -m generator.tools.release DIST``: check the built distributions before a
release: one sdist and one wheel of this version, the tag (``RELEASE_TAG``) naming the
same version, and the package data the generator reads at run time inside the wheel."""

from __future__ import annotations

import os
import sys
import zipfile
from pathlib import Path

from generator import __version__

PACKAGE_DATA = ("generator/templates/article.md.j2", "generator/theme/main.html",
                "generator/theme/javascripts/search.js", "generator/theme/stylesheets/extra.css",
                "generator/schemas/article.schema.json", "generator/locales/id/LC_MESSAGES/messages.po",
                "generator/fonts/DejaVuSans.ttf", "generator/basemap/world-110m.json",
                "generator/tools/starter/mkdocs.yml.j2", "generator/testing/suite.py")
"""A file of each kind of package data: templates, theme, schemas, catalogues, fonts,
basemap, the starter of ``dossier init`` and the dossiers' test suite."""


def problems(dist: Path, tag: str | None) -> list[str]:
    found = []
    wheels = sorted(dist.glob("*.whl"))
    sdists = sorted(dist.glob("*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        return [f"{dist}: expected one wheel and one sdist, found {len(wheels)} and {len(sdists)}"]
    for path in (*wheels, *sdists):
        if f"-{__version__}" not in path.name:
            found.append(f"{path.name}: not version {__version__}")
    if tag is not None and tag != f"v{__version__}":
        found.append(f"tag {tag!r} does not name version {__version__} (expected v{__version__})")
    with zipfile.ZipFile(wheels[0]) as wheel:
        names = set(wheel.namelist())
    found += [f"{wheels[0].name}: missing {name}" for name in PACKAGE_DATA if name not in names]
    found += [f"{wheels[0].name}: carries {name}" for name in sorted(names)
              if "__pycache__" in name or name.endswith(".pyc")]
    return found


def main(argv: list[str]) -> int:
    found = problems(Path(argv[0] if argv else "dist"), os.environ.get("RELEASE_TAG") or None)
    for line in found:
        print(line, file=sys.stderr)
    if not found:
        print(f"distributions of {__version__} are complete")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
