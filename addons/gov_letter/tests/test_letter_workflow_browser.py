# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A letter's whole way in Chromium (4.4, 5.3.1-5.3.4, 5.3.10): the clerk
accepts it in the back office and dispatches it to the suggested
department, the department's handler drafts the reply, the department
manager approves it, and the citizen reads it on the site; a handler of
another department cannot open it."""
import json
import uuid

from gov_http import call, new_user, odoo_env, sign_in, signed_in, write_reply_in_form

REPLY = '请于每年7月到学校所在区教育局提交材料，具体时间以公告为准。'


def _open_letter(page, letter_id):
    page.goto('/web#model=gov.letter&id=%d&view_type=form' % letter_id)
    page.wait_for_selector('.o_form_view .o_statusbar_status')


def _wait_state(page, state):
    page.wait_for_selector('.o_statusbar_status button.btn-primary[data-value="%s"]' % state)


def _rpc_search(page, domain):
    """The letters the signed-in user finds, as the web client asks."""
    return page.evaluate("""async (domain) => {
        const response = await fetch('/web/dataset/call_kw/gov.letter/search_read', {
            method: 'POST', headers: {'Content-Type': 'application/json'},
            body: JSON.stringify({jsonrpc: '2.0', method: 'call', params: {
                model: 'gov.letter', method: 'search_read', args: [domain, ['number']], kwargs: {}}})});
        return await response.json();
    }""", domain)


def test_5_3_4_letter_accepted_dispatched_replied_approved_and_read(page, odoo_server):
    offset = odoo_server.log_size()
    login, password = new_user()
    title = '学校门口家长接送秩序 %s' % uuid.uuid4().hex[:6]
    created = call(odoo_server, 'POST', '/letters', signed_in(odoo_server, login, password), json={
        'title': title, 'content': '孩子所在学校门口放学时秩序混乱，请问能否安排错峰放学？', 'category': 'd',
        'letter_type': 'suggestion'}).json()
    number, code = created['number'], created['query_code']
    with odoo_env() as env:
        letter_id = env['gov.letter'].search([('number', '=', number)]).id

    # The clerk accepts it; the department is suggested, with the reason.
    sign_in(page, 'clerk', 'clerk')
    _open_letter(page, letter_id)
    _wait_state(page, 'new')
    assert page.inner_text('.o_field_widget[name=suggested_department_id]').strip().endswith('省教育厅')
    # And why: where similar letters were handled, or the rule.
    reason = page.inner_text('.o_field_widget[name=suggestion_reason]')
    assert '省教育厅' in reason or reason.startswith('分办规则'), reason
    page.click('.o_statusbar_buttons .o_gov_letter_accept')
    _wait_state(page, 'accepted')
    assert page.inner_text('.o_field_widget[name=department_id]').strip().endswith('省教育厅')

    # The department's handler drafts the reply and submits it for review.
    sign_in(page, 'handler_edu', 'handler_edu')
    _open_letter(page, letter_id)
    _wait_state(page, 'accepted')
    write_reply_in_form(page, REPLY)
    page.click('.o_statusbar_buttons .o_gov_letter_submit_reply')
    _wait_state(page, 'review')

    # The department manager approves it: the writer gets the reply.
    sign_in(page, 'manager_edu', 'manager_edu')
    _open_letter(page, letter_id)
    _wait_state(page, 'review')
    page.click('.o_statusbar_buttons .o_gov_letter_approve_reply')
    _wait_state(page, 'replied')

    # The citizen reads it with the number and query code, signed out ...
    page.goto('/web/session/logout?redirect=/interaction/letters/query')
    page.fill('.o_gov_letter_query input[name=number]', number)
    page.fill('.o_gov_letter_query input[name=code]', code)
    page.click('.o_gov_letter_query button[type=submit]')
    page.wait_for_selector('.o_gov_letter_reply')
    assert page.inner_text('.o_gov_letter_state').strip() == '已答复'
    assert REPLY in page.inner_text('.o_gov_letter_reply')
    # ... and in the account's /my/interaction.
    sign_in(page, login, password)
    page.goto('/my/interaction')
    page.click('a[href="/interaction/letters/query?number=%s"]' % number)
    page.wait_for_selector('.o_gov_letter_reply')
    assert REPLY in page.inner_text('.o_gov_letter_reply')
    assert odoo_server.errors_since(offset) == []


def test_5_3_10_handler_of_another_department_cannot_open_the_letter(page, odoo_server):
    with odoo_env() as env:
        letter = env.ref('gov_letter.letter_demo_5')  # 省教育厅's
        letter_id, number, title = letter.id, letter.number, letter.title
    sign_in(page, 'handler_env', 'handler_env')
    assert _rpc_search(page, [['number', '=', number]])['result'] == []
    own = _rpc_search(page, [['in_my_departments', '=', True]])['result']
    assert own and number not in json.dumps(own)
    page.goto('/web#model=gov.letter&id=%d&view_type=form' % letter_id)
    page.wait_for_selector('.modal-dialog')
    assert title not in page.inner_text('body')
    # The department's own handler opens it.
    sign_in(page, 'handler_edu', 'handler_edu')
    _open_letter(page, letter_id)
    assert title in page.inner_text('.o_form_view')
