"""Find the Chromium or Chrome that the browser tests drive.

``CHROMIUM`` wins when set; otherwise Debian's ``chromium`` or the Chrome that
GitHub's runners preinstall. Run as a module it prints the path, or exits 1.
"""

from __future__ import annotations

import os
import shutil
import sys

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def browser_path() -> str | None:
    configured = os.environ.get("CHROMIUM")
    if configured:
        return configured if os.path.exists(configured) else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


if __name__ == "__main__":
    path = browser_path()
    if not path:
        sys.exit(1)
    print(path)
