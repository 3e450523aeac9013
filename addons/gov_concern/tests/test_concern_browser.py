# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""回应关切 in Chromium: the public concern page shows the authoritative
statement and its timeline newest first, on a phone and on a desktop (5.4.1,
4.1.4)."""
import pytest

PHONE = {'width': 375, 'height': 812}
DESKTOP = {'width': 1280, 'height': 900}


def _no_horizontal_scroll(page):
    return page.evaluate('() => document.documentElement.scrollWidth <= window.innerWidth')


@pytest.mark.parametrize('viewport', [PHONE, DESKTOP], ids=['phone', 'desktop'])
def test_5_4_1_concern_page_shows_statement_and_timeline_newest_first(page, odoo_server, viewport):
    offset = odoo_server.log_size()
    page.set_viewport_size(viewport)
    page.goto('/interaction')
    page.click('.o_gov_column_card[data-column="concern"]')
    page.wait_for_selector('.o_gov_concern_list')
    assert page.url.endswith('/interaction/concerns')
    assert page.inner_text('h1.o_gov_channel_title').strip() == '回应关切'
    assert _no_horizontal_scroll(page)
    # Filter: hot topics only.
    page.click('.o_gov_concern_filters a[data-kind="hot_topic"]')
    page.wait_for_selector('.o_gov_concern_filters a.active[data-kind="hot_topic"]')
    kinds = page.eval_on_selector_all('.o_gov_concern_card', 'cards => cards.map(c => c.dataset.kind)')
    assert kinds and set(kinds) == {'hot_topic'}
    page.click('.o_gov_concern_filters a:not([data-kind])')
    page.locator('.o_gov_concern_card', has_text='宾县强降雨').locator('h4 a').click()
    page.wait_for_selector('.o_gov_concern_timeline')

    assert page.inner_text('.o_gov_concern_title').strip() == '关于宾县强降雨引发洪涝灾害情况的通报'
    assert page.inner_text('.o_gov_concern_kind').strip() == '重大突发事件'
    assert '宾县人民政府' in page.inner_text('.o_gov_concern_meta')
    statement = page.locator('.o_gov_concern_statement')
    assert '紧急转移安置受威胁群众1260人' in statement.inner_text()
    items = page.eval_on_selector_all(
        '.o_gov_concern_timeline > li',
        'items => items.map(i => ({date: i.dataset.date,'
        ' title: i.querySelector(".o_gov_concern_update_title").innerText.trim()}))')
    titles = [item['title'] for item in items]
    assert titles == ['灾后防疫消杀与救助资金下拨', '主要道路恢复通行，电力通信基本恢复',
                      '受灾群众转移安置情况', '防汛应急响应提升至Ⅱ级', '发布权威声明']
    dates = [item['date'] for item in items]
    assert dates == sorted(dates, reverse=True)
    # The statement comes before the timeline, both readable on a phone.
    box = statement.bounding_box()
    timeline = page.locator('.o_gov_concern_timeline').bounding_box()
    assert box['y'] < timeline['y']
    if viewport is PHONE:
        assert box['width'] > 300
    assert _no_horizontal_scroll(page)
    assert page.locator('a[href="/interaction/concerns/feed.atom"]').count() >= 1
    assert odoo_server.errors_since(offset) == []
