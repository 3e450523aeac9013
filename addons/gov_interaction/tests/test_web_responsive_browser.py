# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""OCA web_responsive's own QUnit suite, in Chromium: Odoo 11 drives it
with PhantomJS (its test_ui), which no registry here provides, so
make upstream-test skips it; here it runs in the browser the staff use."""
from gov_http import sign_in


def test_web_responsive_qunit_suite_passes(page, odoo_server):
    sign_in(page, 'admin', 'admin')
    page.goto('/web/tests?module=web_responsive')
    page.wait_for_selector('#qunit-testresult .total', timeout=120000)
    result = page.inner_text('#qunit-testresult')
    failed = int(page.inner_text('#qunit-testresult .failed'))
    total = int(page.inner_text('#qunit-testresult .total'))
    assert total > 0 and failed == 0, result
