"""The dossier's test suite, from the generator it installs (generator/testing/suite.py):
strict validation, the site built by each installed engine in every edition, every
internal link resolving, no third-party request, axe on a page of each type, and quotes
verbatim in the articles' texts when the dossier keeps them in texts/.

Add tests about this dossier's own content below, or in files beside this one.
"""

from generator.testing.suite import *  # noqa: F401,F403
