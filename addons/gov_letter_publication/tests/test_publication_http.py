# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Published letters over real HTTP and in Chromium (5.3.8, 5.3.9): the
public page and the API show the checked public copy without personal data;
the letter column lists published replies only."""
import requests
from gov_http import LETTER_SECRETS, call, error_of, new_user, odoo_env, replied_letter, signed_in

PHONE = {'width': 375, 'height': 812}


def test_5_3_8_published_letter_page_shows_no_personal_data(page, odoo_server):
    offset = odoo_server.log_size()
    with odoo_env() as env:
        letter, _code = replied_letter(env, publish=True)
        letter.write({'publish_reply': True})
        copy = letter.publication_ids
        number = letter.number
    # Not checked yet: not on the site.
    assert requests.get(odoo_server.url + '/interaction/letters/' + number, timeout=30).status_code == 404
    with odoo_env() as env:
        env['gov.letter.publication'].browse(copy.id).sudo(
            env.ref('gov_interaction.user_clerk')).action_check()
    page.set_viewport_size(PHONE)
    page.goto('/interaction/letters/' + number)
    page.wait_for_selector('.o_gov_letter_reply')
    text = page.inner_text('#wrap')
    assert '花园街小学学区范围以区教育局公布的划片方案为准' in text
    assert page.inner_text('.o_gov_letter_unit').strip() == '省教育厅'
    assert page.inner_text('.o_gov_letter_written').strip()
    assert page.inner_text('.o_gov_letter_replied').strip()
    html = page.content()
    for secret in LETTER_SECRETS:
        assert secret not in html, secret
    # The list finds it by keyword, and never by the writer's name.
    page.goto('/interaction/letters?q=划片方案')
    page.wait_for_selector('.o_gov_letter_item')
    assert page.locator('.o_gov_letter_item a[href="/interaction/letters/%s"]' % number).count() == 1
    page.goto('/interaction/letters?q=韩冬梅')
    assert page.locator('.o_gov_letter_item').count() == 0
    assert odoo_server.errors_since(offset) == []


def test_5_3_8_published_letters_in_the_api(odoo_server):
    with odoo_env() as env:
        letter, _code = replied_letter(env, publish=True)
        letter.write({'publish_reply': True})
        letter.publication_ids.action_check()
        number = letter.number
    page = call(odoo_server, 'GET', '/letters/published', params={'q': '划片方案', 'limit': 5})
    assert page.status_code == 200, page.text
    items = page.json()['items']
    assert number in [item['number'] for item in items]
    detail = call(odoo_server, 'GET', '/letters/published/' + number)
    assert detail.status_code == 200
    data = detail.json()
    assert {'title', 'date_written', 'date_replied', 'department', 'reply'} <= set(data)
    for secret in LETTER_SECRETS:
        assert secret not in detail.text
    error_of(call(odoo_server, 'GET', '/letters/published/XJ1999-000000'), 404, 'not_found')
    error_of(call(odoo_server, 'GET', '/letters/published', params={'limit': 1000}), 422,
             'validation_error')


def test_5_3_9_published_replies_only(odoo_server):
    items = call(odoo_server, 'GET', '/columns/letter').json()['latest_items']
    assert items, 'the demo publishes some replies'
    for item in items:
        page = requests.get(odoo_server.url + item['url'], timeout=30)
        assert page.status_code == 200 and 'o_gov_letter_reply' in page.text
    with_code = call(odoo_server, 'POST', '/letters', signed_in(odoo_server, *new_user()), json={
        'title': '未答复的来信', 'content': '内容', 'category': 'f', 'publish_wish': True}).json()
    unpublished = requests.get(odoo_server.url + '/interaction/letters/' + with_code['number'], timeout=30)
    assert unpublished.status_code == 404
