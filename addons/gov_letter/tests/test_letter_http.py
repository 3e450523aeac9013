# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Letters (咨询投诉, 4.4, 5.3.1) over real HTTP: the JSON API (4.1.4) and the
website form in Chromium."""
import re

import requests
from gov_http import call, error_of, new_user, odoo_env, signed_in, submit_login_form

NUMBER = re.compile(r'^XJ\d{4}-\d{6}$')
PHONE = {'width': 375, 'height': 812}


def test_4_1_4_api_letter_create_query_and_mine(odoo_server):
    offset = odoo_server.log_size()
    login, password = new_user()
    session = signed_in(odoo_server, login, password)
    error_of(call(odoo_server, 'POST', '/letters', json={'title': 'x'}), 401, 'unauthorized')
    invalid = call(odoo_server, 'POST', '/letters', session, json={'title': '', 'category': 'z', 'extra': 1})
    fields = error_of(invalid, 422, 'validation_error')['details']['fields']
    assert set(fields) == {'title', 'content', 'category', 'extra'}

    created = call(odoo_server, 'POST', '/letters', session, json={
        'title': '小区噪音扰民', 'content': '夜间施工噪音严重。', 'category': 'd',
        'letter_type': 'complaint', 'writer_phone': '13512345678'})
    assert created.status_code == 201, created.text
    letter = created.json()
    assert NUMBER.match(letter['number']) and letter['state'] == 'new'
    assert len(letter['query_code']) == 8
    assert '13512345678' not in created.text

    anonymous = requests.Session()
    found = call(odoo_server, 'POST', '/letters/query', anonymous, params={'lang': 'en_US'},
                 json={'number': letter['number'].lower(), 'code': letter['query_code']})
    assert found.status_code == 200, found.text
    assert found.json()['state_name'] == 'To Accept' and 'query_code' not in found.json()
    wrong = call(odoo_server, 'POST', '/letters/query', anonymous,
                 json={'number': letter['number'], 'code': 'AAAAAAAA'})
    error_of(wrong, 404, 'not_found')
    # Guessing codes is stopped after a few attempts: 10 wrong codes per
    # number, counted in PostgreSQL whichever of the 2 workers answers.
    statuses = []
    while 429 not in statuses and len(statuses) < 2 * 10:
        guess = call(odoo_server, 'POST', '/letters/query', anonymous,
                     json={'number': letter['number'], 'code': 'BBBBBBBB'})
        statuses.append(guess.status_code)
    assert statuses == [404] * 9 + [429], statuses  # the 1 wrong code above, then 9
    assert error_of(guess, 429, 'rate_limited')['details']['retry_after'] > 0

    mine = call(odoo_server, 'GET', '/letters/mine', session)
    assert [item['number'] for item in mine.json()['items']] == [letter['number']]
    other_login, other_password = new_user()
    others = call(odoo_server, 'GET', '/letters/mine', signed_in(odoo_server, other_login, other_password))
    assert others.json()['items'] == []
    assert odoo_server.errors_since(offset) == []


def test_5_3_1_citizen_writes_a_letter_on_a_phone(page, odoo_server):
    offset = odoo_server.log_size()
    login, password = new_user()
    page.set_viewport_size(PHONE)
    page.goto('/interaction/letters/new')
    assert '/web/login' in page.url  # one account for the site (4.1.3)
    submit_login_form(page, login, password)
    page.wait_for_selector('.o_gov_letter_form form')
    page.select_option('select[name=category]', 'b')
    page.fill('input[name=title]', '孩子入学需要哪些材料')
    # The server checks too: without the browser's check, nothing typed is lost.
    page.evaluate("() => document.querySelector('textarea[name=content]').removeAttribute('required')")
    page.click('.o_gov_letter_form button[type=submit]')
    page.wait_for_selector('.o_gov_letter_errors')
    assert page.input_value('input[name=title]') == '孩子入学需要哪些材料'
    assert page.locator('.has-error textarea[name=content]').count() == 1
    page.fill('textarea[name=content]', '户口在南岗区，住在道里区，小学报名需要哪些材料？')
    page.click('.o_gov_letter_form button[type=submit]')
    page.wait_for_selector('.o_gov_letter_received')
    number = page.inner_text('.o_gov_letter_number').strip()
    code = page.inner_text('.o_gov_letter_code').strip()
    assert NUMBER.match(number) and len(code) == 8
    # The receipt is a page of its own (Post/Redirect/Get): reloading it
    # sends nothing again, and the code is not shown twice.
    assert page.url.endswith('/interaction/letters/received/%s' % number)
    page.reload()
    page.wait_for_selector('.o_gov_letter_code_shown')
    assert page.locator('.o_gov_letter_code').count() == 0
    with odoo_env() as env:
        writer = env['res.users'].search([('login', '=', login)]).partner_id
        assert env['gov.letter'].search_count([('partner_id', '=', writer.id)]) == 1
    # Anyone with the number and the code follows it.
    page.goto('/web/session/logout?redirect=/interaction/letters/query')
    page.fill('.o_gov_letter_query input[name=number]', number)
    page.fill('.o_gov_letter_query input[name=code]', code)
    page.click('.o_gov_letter_query button[type=submit]')
    page.wait_for_selector('.o_gov_letter_state, .o_gov_letter_query .alert')
    assert page.locator('.o_gov_letter_query .alert').count() == 0, page.inner_text('.alert')
    assert page.inner_text('.o_gov_letter_state').strip() == '待受理'
    assert odoo_server.errors_since(offset) == []

