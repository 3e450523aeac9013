"""Letters, second part, over real HTTP and in Chromium: supervision on the
SLA board (5.3.7), published letters without personal data (5.3.8), the
statistics export (4.2 b, 5.1.5), the writer's rating and the public API."""
import datetime
import os
import tempfile

import requests
import xlrd
from test_api_http import call, error_of, new_user, odoo_env, signed_in

PHONE = {'width': 375, 'height': 812}
SECRETS = ('韩冬梅', '13698765432', '0451-87654321', '230103199002023456', 'hdm@example.com',
           '南岗区花园街21号')


def _letter(env, publish=False, **values):
    """A replied (or only accepted) letter of the education department,
    with personal data in its text."""
    vals = {
        'title': '韩冬梅咨询花园街小学学区划分',
        'content': '我是韩冬梅，住南岗区花园街21号，手机13698765432，座机0451-87654321，'
                   '身份证230103199002023456，邮箱hdm@example.com。请问花园街小学的学区范围？',
        'category_id': env.ref('gov_letter.category_b').id,
        'department_id': env.ref('gov_interaction.dept_edu').id,
        'writer_name': '韩冬梅', 'writer_phone': '13698765432', 'writer_email': 'hdm@example.com',
        'writer_id_number': '230103199002023456', 'writer_address': '南岗区花园街21号',
        'publish_wish': publish,
    }
    vals.update(values)
    letter, code = env['gov.letter'].sudo()._intake(vals)
    letter.action_accept()
    return letter, code


def _replied(env, publish=False):
    letter, code = _letter(env, publish)
    letter.write({'reply': '<p>韩冬梅您好：花园街小学学区范围以区教育局公布的划片方案为准。</p>'})
    letter.action_submit_reply()
    letter.action_approve_reply()
    return letter, code


def _login(page, login):
    page.goto('/web/login')
    page.fill('input[name=login]', login)
    page.fill('input[name=password]', login)
    page.click('form.oe_login_form button[type=submit]')
    page.wait_for_selector('.o_web_client')


def test_5_3_7_supervisor_supervises_an_overdue_letter_on_the_board(page, odoo_server):
    offset = odoo_server.log_size()
    with odoo_env() as env:
        letter, _code = _letter(env, title='校外培训机构拒不退费')
        # Time passed: the deadline is behind us, and the SLA job ran
        # without the automatic supervision (the supervisor acts first).
        env.cr.execute("UPDATE gov_letter SET deadline_reply = %s WHERE id = %s",
                       (datetime.datetime.utcnow() - datetime.timedelta(days=2), letter.id))
        letter.invalidate_cache()
        env['gov.letter'].with_context(gov_sla_no_follow_up=True)._sla_update(ids=letter.ids)
        number = letter.number
        action = env.ref('gov_letter_supervision.action_gov_letter_sla').id
    _login(page, 'supervisor')
    page.goto('/web#action=%d&view_type=kanban' % action)
    column = page.locator('.o_kanban_group', has=page.locator('.o_column_title', has_text='已逾期'))
    card = column.locator('.o_kanban_record', has_text=number)
    card.wait_for()
    card.locator('.o_gov_sla_supervise').click()
    page.wait_for_selector('.o_form_view .o_statusbar_status')
    assert number in page.inner_text('.o_form_view .oe_title')
    assert '待回复' in page.inner_text('.o_form_view .o_statusbar_status .btn-primary')
    with odoo_env() as env:
        supervision = env['gov.supervision'].search([('res_model', '=', 'gov.letter'),
                                                     ('res_id', '=', letter.id)])
        assert supervision.supervisor_id == env.ref('gov_interaction.user_supervisor')
        assert supervision.manager_id == env.ref('gov_interaction.user_manager_edu')
        assert supervision.state == 'open'
    assert odoo_server.errors_since(offset) == []


def test_5_3_8_published_letter_page_shows_no_personal_data(page, odoo_server):
    offset = odoo_server.log_size()
    with odoo_env() as env:
        letter, _code = _replied(env, publish=True)
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
    for secret in SECRETS:
        assert secret not in html, secret
    # The list finds it by keyword, and never by the writer's name.
    page.goto('/interaction/letters?q=划片方案')
    page.wait_for_selector('.o_gov_letter_item')
    assert page.locator('.o_gov_letter_item a[href="/interaction/letters/%s"]' % number).count() == 1
    page.goto('/interaction/letters?q=韩冬梅')
    assert page.locator('.o_gov_letter_item').count() == 0
    assert odoo_server.errors_since(offset) == []


def test_4_2_b_statistics_export_downloads_and_opens(page, odoo_server):
    offset = odoo_server.log_size()
    with odoo_env() as env:
        action = env.ref('gov_letter_supervision.action_gov_letter_statistics_export').id
        letter, _code = _replied(env)
        number = letter.number
    _login(page, 'supervisor')
    page.goto('/web#action=%d' % action)
    page.wait_for_selector('.o_gov_statistics_export')
    with page.expect_download() as download_info:
        page.click('.o_gov_statistics_export')
    download = download_info.value
    assert download.suggested_filename.endswith('.xlsx')
    handle, path = tempfile.mkstemp(suffix='.xlsx')
    os.close(handle)
    try:
        download.save_as(path)
        book = xlrd.open_workbook(path)
    finally:
        os.unlink(path)
    summary, letters = book.sheet_by_index(0), book.sheet_by_index(1)
    # (short words like 'Month' take any module's translation of the term)
    assert summary.row_values(0)[2] == '收信数'
    assert number in letters.col_values(0)
    assert '省教育厅' in ' '.join(str(v) for v in summary.col_values(0))
    for sheet in (summary, letters):
        for index in range(sheet.nrows):
            row = ' '.join(str(v) for v in sheet.row_values(index))
            assert not any(secret in row for secret in SECRETS)
    assert odoo_server.errors_since(offset) == []


def test_5_3_7_writer_rates_the_reply_through_the_api(odoo_server):
    offset = odoo_server.log_size()
    login, password = new_user()
    with odoo_env() as env:
        user = env['res.users'].search([('login', '=', login)])
        letter, code = _replied(env)
        letter.write({'partner_id': user.partner_id.id})
        number = letter.number
        other, other_code = _replied(env)
        other_number = other.number
    anonymous = requests.Session()
    invalid = call(odoo_server, 'POST', '/letters/%s/rating' % number, anonymous,
                   json={'code': code, 'rating': 'great', 'extra': 1})
    assert set(error_of(invalid, 422, 'validation_error')['details']['fields']) == {'rating', 'extra'}
    error_of(call(odoo_server, 'POST', '/letters/%s/rating' % number, anonymous,
                  json={'rating': 'satisfied'}), 401, 'unauthorized')
    error_of(call(odoo_server, 'POST', '/letters/%s/rating' % number, anonymous,
                  json={'code': 'AAAAAAAA', 'rating': 'satisfied'}), 404, 'not_found')
    # Signed in as the writer: no code needed; not for someone else's letter.
    session = signed_in(odoo_server, login, password)
    error_of(call(odoo_server, 'POST', '/letters/%s/rating' % other_number, session,
                  json={'rating': 'satisfied'}), 404, 'not_found')
    rated = call(odoo_server, 'POST', '/letters/%s/rating' % number, session,
                 json={'rating': 'unsatisfied', 'comment': '没有说明具体范围', 'reopen': True})
    assert rated.status_code == 200, rated.text
    assert rated.json()['state'] == 'accepted'
    again = call(odoo_server, 'POST', '/letters/%s/rating' % number, session, json={'rating': 'satisfied'})
    error_of(again, 409, 'conflict')
    # With the query code, without an account.
    by_code = call(odoo_server, 'POST', '/letters/%s/rating' % other_number, anonymous,
                   json={'code': other_code, 'rating': 'basic'})
    assert by_code.status_code == 200 and by_code.json()['rating'] == 'basic', by_code.text
    assert odoo_server.errors_since(offset) == []


def test_5_3_8_published_letters_in_the_api(odoo_server):
    with odoo_env() as env:
        letter, _code = _replied(env, publish=True)
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
    for secret in SECRETS:
        assert secret not in detail.text
    error_of(call(odoo_server, 'GET', '/letters/published/XJ1999-000000'), 404, 'not_found')
    error_of(call(odoo_server, 'GET', '/letters/published', params={'limit': 1000}), 422,
             'validation_error')
