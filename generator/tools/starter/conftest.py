"""The dossier is the folder above tests/, wherever pytest is started from."""

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def dossier_root() -> Path:
    return Path(__file__).resolve().parent.parent
