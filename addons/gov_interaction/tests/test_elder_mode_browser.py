# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""长者模式 (适老化, GB/T 37668-2019) in Chromium: the header's switch turns
on larger type, black text and bigger targets, the choice follows the
visitor from page to page (a cookie), and the switch turns it off again."""
import requests

PHONE = {'width': 375, 'height': 812}


def _style(page, selector, prop):
    return page.eval_on_selector(selector, '(el, prop) => getComputedStyle(el)[prop]', prop)


def _switch(page, label):
    if page.locator('.navbar-toggle').first.is_visible():
        page.click('.navbar-toggle')
    page.click('.o_gov_elder_toggle a >> text="%s"' % label)
    page.wait_for_load_state('networkidle')


def test_elder_mode_is_switched_in_the_header_and_remembered(page, odoo_server):
    offset = odoo_server.log_size()
    page.set_viewport_size(PHONE)
    page.goto('/interaction/letters')
    assert float(_style(page, 'body', 'fontSize')[:-2]) < 16
    _switch(page, '长者模式')
    assert page.url.endswith('/interaction/letters')  # back where the visitor was
    assert 'o_gov_elder' in page.get_attribute('body', 'class')
    assert float(_style(page, 'body', 'fontSize')[:-2]) >= 20
    assert _style(page, 'body', 'color') == 'rgb(0, 0, 0)'
    page.goto('/interaction/letters/query')  # remembered on the next page
    assert 'o_gov_elder' in page.get_attribute('body', 'class')
    assert page.eval_on_selector('.o_gov_letter_query button[type=submit]',
                                 'el => el.getBoundingClientRect().height') >= 48
    _switch(page, '标准模式')
    assert 'o_gov_elder' not in (page.get_attribute('body', 'class') or '')
    assert odoo_server.errors_since(offset) == []


def test_elder_mode_returns_only_to_a_page_of_this_site(odoo_server):
    session = requests.Session()
    page_here = '/interaction/concerns?page=2'
    for referrer, back in (('https://evil.example.com/phish', '/'), (odoo_server.url + page_here, page_here)):
        response = session.get(odoo_server.url + '/interaction/elder-mode?on=1', allow_redirects=False,
                               headers={'Referer': referrer}, timeout=30)
        assert response.status_code in (302, 303)
        assert response.headers['Location'] in (back, odoo_server.url + back)
    assert session.cookies.get('gov_elder') == '1'
