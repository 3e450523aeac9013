# gov_interaction — see README.md.  Every target installs what it lacks.
SHELL := /bin/bash
.DEFAULT_GOAL := help

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

setup:  ## install Python/npm packages, start PostgreSQL, create the database role
	@scripts/setup.sh

run:  ## set up, create the zh_CN demo database gov_demo if missing, serve it on :8069
	@scripts/run.sh

stop:  ## stop the server started by make run
	@scripts/stop.sh

test:  ## the whole test suite (pytest-odoo + Chromium) on a throwaway database
	@scripts/test.sh $(ARGS)

fuzz:  ## hostile input: schemathesis over the API (>= 10,000 requests), hostile API and form posts
	@scripts/fuzz.sh $(ARGS)

soak:  ## 10,000 letters from 16 clients while a worker is killed and PostgreSQL restarts
	@scripts/soak.sh $(ARGS)

scale-test:  ## two Odoo servers on one database behind one nginx: sessions, letters, crons, live room
	@scripts/scale_test.sh $(ARGS)

upstream-test:  ## Odoo's own tests of every Odoo module we depend on, fresh database
	@scripts/upstream_test.sh

lint:  ## ruff and pylint-odoo
	@scripts/lint.sh

bench:  ## benchmarks (ratios against a baseline measured in the same run)
	@scripts/bench.sh

backup:  ## database DB (default gov_demo) + filestore -> var/backups/<db>-<date>.tar.gz
	@scripts/backup.sh $(DB)

restore:  ## FILE=<archive> into a NEW database (DB=name, default the archive's)
	@scripts/restore.sh "$(FILE)" $(DB)

demo-reset:  ## drop the demo database; the next make run recreates it
	@scripts/stop.sh; source scripts/lib.sh && dropdb --if-exists gov_demo && rm -rf var/filestore/filestore/gov_demo

.PHONY: help setup run stop test fuzz soak scale-test upstream-test lint bench backup restore demo-reset
