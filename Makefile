# A fresh clone needs only `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
ZENSICAL_STAMP := $(VENV)/.installed-zensical
# What builds the HTML: mkdocs (mkdocs-material, the default) or zensical.
ENGINE ?= mkdocs
ENGINE_STAMP := $(if $(filter zensical,$(ENGINE)),$(ZENSICAL_STAMP))

# What WeasyPrint (the dossier's PDF) needs from the system: Pango, HarfBuzz's subsetter.
# Debian's and Ubuntu's package names; `make pdf-libraries` installs them when missing.
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
SUDO := $(shell [ "$$(id -u)" != 0 ] && command -v sudo >/dev/null && echo sudo)

.PHONY: site test check build serve browser pdf-libraries bench bench-pdf new messages links clean dist node-tools lighthouse

$(STAMP): requirements.txt
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

# The second engine goes into the same .venv, from its own pinned list.
$(ZENSICAL_STAMP): requirements-zensical.txt $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-zensical.txt
	touch $(ZENSICAL_STAMP)

## site: validate the sources, generate pages, build site/ (atomic, strict);
## ENGINE=zensical builds it with Zensical instead of MkDocs
site: $(STAMP) $(ENGINE_STAMP) pdf-libraries
	$(PY) -m generator site --strict --engine $(ENGINE)

## check: validate the sources and report every problem
check: $(STAMP)
	$(PY) -m generator check --strict

## links: check every address in the sources (dead, timed out, redirected, unarchived),
## with file and line; fails only on a dead one. LINKS_FLAGS="--summary FILE" also writes
## the report to FILE
links: $(STAMP)
	$(PY) -m generator links $(LINKS_FLAGS)

## build: validate and write the generated pages into docs/ only
build: $(STAMP) pdf-libraries
	$(PY) -m generator build --strict

## serve: live preview at http://127.0.0.1:8000, regenerating when a source changes;
## EDITION=id previews the Indonesian edition at http://127.0.0.1:8000/id/
serve: $(STAMP)
	$(PY) -m generator serve $(if $(EDITION),--edition $(EDITION))

## new: start a source file from a commented template, e.g. make new TYPE=actor ID=jane-doe
new: $(STAMP)
	@test -n "$(TYPE)" -a -n "$(ID)" || { \
		echo "usage: make new TYPE=article|actor|event|claim|place ID=the-new-id"; exit 2; }
	$(PY) -m generator new "$(TYPE)" "$(ID)"

## messages: after changing an interface string, extract them all and update each catalogue
messages: $(STAMP)
	$(VENV)/bin/pybabel extract -F generator/locales/babel.cfg -k N_ -k Nn_:1,2 -k gettext \
		-k ngettext:1,2 --no-location --sort-output --omit-header \
		-o generator/locales/messages.pot .
	$(VENV)/bin/pybabel update -i generator/locales/messages.pot -d generator/locales \
		--no-fuzzy-matching --ignore-obsolete --ignore-pot-creation-date
	@# The generator compiles each catalogue when it builds; this only counts what is done.
	for po in generator/locales/*/LC_MESSAGES/messages.po; do \
		$(VENV)/bin/pybabel compile --statistics -i $$po -o /dev/null; done

## browser: make sure a Chromium for the end-to-end tests is installed
browser:
	@$(PY) -m generator.testing.browser_path >/dev/null 2>&1 || { \
		echo "installing Chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

## pdf-libraries: make sure the system libraries WeasyPrint needs for the PDF are installed
pdf-libraries: $(STAMP)
	@$(PY) -c 'import weasyprint' >/dev/null 2>&1 || { \
		echo "installing Pango for the dossier's PDF: $(PDF_PACKAGES)"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
			$(SUDO) apt-get install -y -qq --no-install-recommends $(PDF_PACKAGES) >/dev/null; }

# The audits' own tools, pinned in tests/node/package-lock.json: Lighthouse and the Nu
# HTML Checker (vnu.jar, run with Java 17 or newer).
NODE_TOOLS := tests/node/node_modules/.installed
$(NODE_TOOLS): tests/node/package.json tests/node/package-lock.json
	@command -v npm >/dev/null && command -v java >/dev/null || { \
		echo "installing Node.js and Java for the audits"; apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm default-jre-headless >/dev/null; }
	npm ci --prefix tests/node --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $(NODE_TOOLS)

## node-tools: install the pinned Lighthouse and Nu HTML Checker into tests/node/
node-tools: $(NODE_TOOLS)

## lighthouse: build the site as published (SITE_URL, default a GitHub Pages address),
## serve it gzip-compressed and score every kind of page in every edition; fails under 95
LIGHTHOUSE_SITE_URL ?= https://example.github.io/dossier/
lighthouse: $(STAMP) $(NODE_TOOLS) browser
	SITE_URL=$(LIGHTHOUSE_SITE_URL) $(PY) -m generator site --strict --engine $(ENGINE)
	$(PY) -m tests.lighthouse site

## test: the whole test suite, browser tests included, against both engines' builds
test: $(STAMP) $(ZENSICAL_STAMP) browser pdf-libraries $(NODE_TOOLS)
	$(PY) -m pytest -q

## bench: build synthetic 100/1,000/5,000-article dossiers with both engines, print the figures
bench: $(STAMP) $(ZENSICAL_STAMP) browser pdf-libraries
	$(PY) -m tests.bench.run

## bench-pdf: the dossier's PDF of each edition at 1,000 and 5,000 articles, each document
## made and measured on its own (over an hour of processor time at 5,000)
bench-pdf: $(STAMP) pdf-libraries
	$(PY) -m tests.bench.run --pdf-only --sizes 1000,5000

clean:
	rm -rf site .build dist docs/articles docs/actors docs/events docs/claims docs/places docs/timeline docs/tags \
		docs/network docs/embed docs/data docs/feed.xml docs/.generated docs/cards docs/id/articles docs/id/actors \
		docs/id/events docs/id/claims docs/id/places docs/id/timeline docs/id/tags docs/id/network docs/id/embed \
		docs/id/.generated docs/id/data docs/id/feed.xml docs/dossier.pdf docs/dossier.html \
		docs/dossier docs/id/dossier.pdf docs/id/dossier.html docs/id/dossier docs/cite docs/id/cite \
		docs/corrections docs/corrections.xml docs/id/corrections docs/id/corrections.xml docs/id/cards \
		docs/stylesheets/palette.css

## dist: build the sdist and the wheel into dist/ and check them (the release workflow's step)
dist: $(STAMP)
	rm -rf dist
	$(PY) -m build --no-isolation --outdir dist .
	$(VENV)/bin/twine check --strict dist/*
	$(PY) -m generator.tools.release dist
