"""Shared fixtures of the whole suite, for tests/ (flows across addons, the
runtime, the scripts) and each addon's tests/ (its HTTP and Chromium
tests): the test database's Odoo server and headless Chromium.

`make test` (scripts/test.sh) creates the throwaway database and exports its
name as GOV_TEST_DB.  Browser tests talk to a real prefork Odoo server on
free ports, driven by Playwright through Debian's Chromium (no browser
download); a failing browser test leaves a screenshot in test-artifacts/.
Their helpers (API calls, new accounts, signing in) are tests/support/gov_http.py.
"""
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

ROOT = os.path.dirname(os.path.abspath(__file__))
ARTIFACTS = os.path.join(ROOT, 'test-artifacts')
CHROMIUM = os.environ.get('CHROMIUM', '/usr/bin/chromium')
sys.path.insert(0, os.path.join(ROOT, 'scripts'))  # addon_deps
sys.path.insert(0, os.path.join(ROOT, 'tests', 'support'))  # gov_http

ERROR_LINE = re.compile(r'^\S+ \S+ \d+ (ERROR|CRITICAL) ')
# Odoo 11: two overlapping long polls of one user both insert its
# bus_presence row; the loser logs a unique violation, harmlessly.
KNOWN_RACE = 'bus_presence'


def _free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


class OdooServer:
    """A prefork Odoo server on the test database behind its nginx front,
    as `make run` serves the demo, with its log."""

    def __init__(self, db):
        self.db = db
        self.http_port, self.longpolling_port, self.port = _free_port(), _free_port(), _free_port()
        self.url = 'http://127.0.0.1:%d' % self.port
        # One log per test database: concurrent runs never read each other's errors.
        self.log_path = os.path.join(ROOT, 'var', 'test-server-%s.log' % db)
        self.gateway = os.path.join(ROOT, 'var', 'test-nginx-%d' % os.getpid())
        self.process = None

    def start(self, timeout=90):
        os.makedirs(os.path.dirname(self.log_path), exist_ok=True)
        open(self.log_path, 'w').close()
        node_bin = os.path.join(ROOT, 'node_modules', '.bin')  # lessc
        env = dict(os.environ, PATH=node_bin + os.pathsep + os.environ['PATH'])
        self.process = subprocess.Popen(
            [sys.executable, os.path.join(ROOT, 'bin', 'odoo'), '-c', os.path.join(ROOT, 'odoo.conf'),
             '-d', self.db, '--db-filter=^%s$' % self.db, '--http-port=%d' % self.http_port,
             '--longpolling-port=%d' % self.longpolling_port, '--workers=2', '--max-cron-threads=0',
             '--logfile=%s' % self.log_path],
            cwd=ROOT, env=env)
        self._gateway('start', self.port, self.http_port, self.longpolling_port)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError('Odoo exited with %s, see %s' % (self.process.returncode, self.log_path))
            try:
                with urllib.request.urlopen(self.url + '/web/login', timeout=30) as response:
                    if response.status == 200:
                        self._warm_up()
                        return self
            except OSError:
                time.sleep(0.5)
        raise RuntimeError('Odoo did not answer within %ss' % timeout)

    def _warm_up(self):
        """Build the website's and the back office's asset bundles once (lessc
        is slow on a loaded machine), so no browser test pays for it."""
        import requests
        session = requests.Session()
        session.post(self.url + '/web/session/authenticate', timeout=60, json={
            'jsonrpc': '2.0', 'params': {'db': self.db, 'login': 'admin', 'password': 'admin'}})
        for page in ('/web/login', '/web'):
            html = session.get(self.url + page, timeout=180).text
            for asset in set(re.findall(r'(?:src|href)="(/web/content/[^"]+\.(?:js|css))"', html)):
                session.get(self.url + asset, timeout=180)

    def _gateway(self, *args):
        subprocess.run([sys.executable, os.path.join(ROOT, 'scripts', 'gateway.py'), args[0], self.gateway]
                       + [str(a) for a in args[1:]], check=True)

    def stop(self):
        self._gateway('stop')
        shutil.rmtree(self.gateway, ignore_errors=True)
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def log_size(self):
        return os.path.getsize(self.log_path)

    def errors_since(self, offset):
        """ERROR/CRITICAL lines the server logged after byte ``offset``."""
        with open(self.log_path, encoding='utf-8', errors='replace') as f:
            f.seek(offset)
            return [line.rstrip() for line in f if ERROR_LINE.match(line) and KNOWN_RACE not in line]


@pytest.fixture(scope='session')
def odoo_server():
    db = os.environ.get('GOV_TEST_DB')
    if not db:
        pytest.fail('GOV_TEST_DB is not set: run the suite with `make test`')
    server = OdooServer(db).start()
    yield server
    server.stop()


@pytest.fixture(scope='session')
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                  '--disable-background-networking', '--disable-component-update',
                  '--disable-sync'])
        yield browser
        browser.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, 'rep_' + report.when, report)


@pytest.fixture
def page(request, browser, odoo_server):
    """A fresh browser context; on failure a full-page screenshot is kept."""
    context = browser.new_context(base_url=odoo_server.url, locale='zh-CN',
                                  viewport={'width': 1280, 'height': 900})
    context.set_default_timeout(60000)
    page = context.new_page()
    yield page
    failed = getattr(request.node, 'rep_call', None)
    if failed is not None and failed.failed:
        os.makedirs(ARTIFACTS, exist_ok=True)
        name = re.sub(r'[^\w.-]+', '_', request.node.nodeid)
        page.screenshot(path=os.path.join(ARTIFACTS, name + '.png'), full_page=True)
        _print_failure_context(page, odoo_server)
    context.close()


def _print_failure_context(page, server, lines=40):
    """What the page showed and the server's last log lines: CI keeps the
    output of a failed test, not the screenshot."""
    text = page.evaluate("() => document.body ? document.body.innerText : ''")
    print('page %s shows:\n%s' % (page.url, text[:2000]), file=sys.stderr)
    with open(server.log_path, encoding='utf-8', errors='replace') as f:
        tail = f.readlines()[-lines:]
    print('server log, last %d lines:\n%s' % (len(tail), ''.join(tail)), file=sys.stderr)
