"""The 互动交流 channel in Chromium, on a phone and on a desktop screen (4.1.1,
4.1.2, 4.1.4), and one citizen account for the site (4.1.3)."""
import uuid

import pytest
from gov_http import sign_in

COLUMNS = ['意见征集', '网上调查', '在线访谈', '咨询投诉', '回应关切']
PHONE = {'width': 375, 'height': 812}
DESKTOP = {'width': 1280, 'height': 900}


def _card_boxes(page):
    return page.eval_on_selector_all(
        '.o_gov_column_card', 'cards => cards.map(c => { const r = c.getBoundingClientRect();'
        ' return {x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.width)} })')


def _no_horizontal_scroll(page):
    return page.evaluate('() => document.documentElement.scrollWidth <= window.innerWidth')


@pytest.mark.parametrize('viewport', [PHONE, DESKTOP], ids=['phone', 'desktop'])
def test_4_1_1_channel_shows_the_five_columns(page, odoo_server, viewport):
    offset = odoo_server.log_size()
    page.set_viewport_size(viewport)
    page.goto('/')
    page.click('a[href="/interaction"]') if viewport is DESKTOP else page.goto('/interaction')
    page.wait_for_selector('.o_gov_channel')
    assert page.inner_text('h1.o_gov_channel_title') == '互动交流'
    titles = page.eval_on_selector_all('.o_gov_column_card h2', 'hs => hs.map(h => h.innerText.trim())')
    assert titles == COLUMNS
    boxes = _card_boxes(page)
    if viewport is PHONE:  # one card per row, the full width of the screen
        assert len({b['x'] for b in boxes}) == 1 and all(b['w'] > 300 for b in boxes)
    else:  # three cards per row
        assert len({b['y'] for b in boxes[:3]}) == 1 and len({b['x'] for b in boxes}) == 3
    assert _no_horizontal_scroll(page)
    assert page.locator('.o_gov_special a').count() == 2
    assert odoo_server.errors_since(offset) == []


def test_4_1_2_column_page_states_purpose_aim_usage_on_a_phone(page, odoo_server):
    page.set_viewport_size(PHONE)
    page.goto('/interaction')
    page.click('.o_gov_column_card[data-column="letter"]')
    page.wait_for_selector('.o_gov_usage')
    assert page.url.endswith('/interaction/letters')
    assert page.inner_text('h1.o_gov_channel_title').strip() == '咨询投诉'
    sections = page.eval_on_selector_all('.o_gov_section h3', 'hs => hs.map(h => h.innerText.trim())')
    assert sections[:3] == ['开设宗旨', '目的', '使用方式']
    assert '五个工作日' in page.inner_text('.o_gov_aim')
    assert _no_horizontal_scroll(page)
    assert page.goto('/interaction/no-such-column').status == 404


def test_4_1_3_citizen_signs_up_once_and_finds_every_column_in_my(page, odoo_server):
    login = 'citizen-%s@example.com' % uuid.uuid4().hex[:8]
    page.set_viewport_size(PHONE)
    page.goto('/web/signup')
    page.fill('input[name=login]', login)
    page.fill('input[name=name]', '赵小兰')
    page.fill('input[name=password]', 'Secret-2026')
    page.fill('input[name=confirm_password]', 'Secret-2026')
    page.click('form.oe_signup_form button[type=submit]')
    page.wait_for_url(lambda url: '/web/signup' not in url)
    assert '赵小兰' in page.text_content('header')  # signed in
    page.goto('/my')
    page.click('a[href="/my/interaction"]')
    sections = page.eval_on_selector_all('.o_gov_portal_section', 'ss => ss.map(s => s.dataset.column)')
    assert sections == ['solicitation', 'survey', 'interview', 'letter', 'concern']
    # The same account signs in again after logging out.
    sign_in(page, login, 'Secret-2026')
    assert '赵小兰' in page.text_content('header')


def test_4_1_3_anonymous_visitor_is_sent_to_sign_in_for_my(page, odoo_server):
    page.goto('/my/interaction')
    assert '/web/login' in page.url
