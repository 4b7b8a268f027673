# Two commands do all set-up on a fresh machine:  `make run`  and  `make test`.
VENV   ?= .venv
PYTHON ?= python3
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test system-deps bench lint screenshots package clean translations \
        install-desktop uninstall-desktop

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install -q --upgrade pip
	$(VENV)/bin/python -m pip install -q -e '.[test,bench,dev]'
	touch $(STAMP)

system-deps:
	@bash scripts/system-deps.sh

## Start the app on the embedded sandbox (installs what it needs first).
run: system-deps $(STAMP)
	$(VENV)/bin/cashier

## Run the whole test suite (installs what it needs first).
test: system-deps $(STAMP)
	$(VENV)/bin/python -m pytest -q

## Compile cashier_app/resources/i18n/*.ts into the .qm the app loads (commit both).
translations: $(STAMP)
	$(VENV)/bin/python scripts/build_translations.py

bench: $(STAMP)
	$(VENV)/bin/python -m benchmarks

## Static checks: ruff (lint and format), mypy (strict on the core, every body checked in ui/ and cli/) and
## the DESIGN layer contracts (import-linter, [tool.importlinter] in pyproject.toml).
lint: $(STAMP)
	$(VENV)/bin/ruff check cashier_app tests benchmarks scripts
	$(VENV)/bin/ruff format --check cashier_app tests benchmarks scripts
	$(VENV)/bin/mypy cashier_app
	$(VENV)/bin/lint-imports

screenshots: system-deps $(STAMP)
	xvfb-run -a -s "-screen 0 1400x900x24" $(VENV)/bin/python scripts/screenshots.py

## One-folder desktop build in dist/cashier/ (PyInstaller). Its own venv: the official SDK's
## test-only dependency enum34 is incompatible with PyInstaller.
package: system-deps
	$(PYTHON) -m venv build/pkg-venv
	build/pkg-venv/bin/python -m pip install -q . pyinstaller
	build/pkg-venv/bin/pyinstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/cashier.spec

## Menu entry, AppStream metadata and icons for this user (XDG, ~/.local/share), starting
## this checkout's cashier; uninstall-desktop removes exactly those files.
install-desktop: $(STAMP)
	$(VENV)/bin/python -m cashier_app.cli.desktop install --exec "$(abspath $(VENV))/bin/cashier"

uninstall-desktop:
	$(PYTHON) -m cashier_app.cli.desktop uninstall

clean:
	rm -rf $(VENV) build dist *.egg-info
