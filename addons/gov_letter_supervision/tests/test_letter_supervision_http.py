# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Letters under supervision over real HTTP and in Chromium: supervision on
the SLA board (5.3.7), the statistics export without personal data (5.3.7),
and the writer's rating of the reply through the API (5.3.4)."""
import datetime
import os
import tempfile

import requests
import xlrd
from gov_http import (
    LETTER_SECRETS,
    call,
    error_of,
    letter_with_personal_data,
    new_user,
    odoo_env,
    replied_letter,
    sign_in,
    signed_in,
)


def test_5_3_7_supervisor_supervises_an_overdue_letter_on_the_board(page, odoo_server):
    offset = odoo_server.log_size()
    with odoo_env() as env:
        letter, _code = letter_with_personal_data(env, title='校外培训机构拒不退费')
        # Time passed: the deadline is behind us, and the SLA job ran
        # without the automatic supervision (the supervisor acts first).
        env.cr.execute("UPDATE gov_letter SET deadline_reply = %s WHERE id = %s",
                       (datetime.datetime.utcnow() - datetime.timedelta(days=2), letter.id))
        letter.invalidate_cache()
        env['gov.letter'].with_context(gov_sla_no_follow_up=True)._sla_update(ids=letter.ids)
        number = letter.number
        action = env.ref('gov_letter_supervision.action_gov_letter_sla').id
    sign_in(page, 'supervisor', 'supervisor')
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


def test_5_3_7_statistics_export_downloads_and_opens(page, odoo_server):
    offset = odoo_server.log_size()
    with odoo_env() as env:
        action = env.ref('gov_letter_supervision.action_gov_letter_statistics_export').id
        letter, _code = replied_letter(env)
        number = letter.number
    sign_in(page, 'supervisor', 'supervisor')
    page.goto('/web#action=%d' % action)
    page.wait_for_selector('.o_gov_statistics_export')
    page.click('.o_gov_statistics_export')
    # Written in the background (gov.export.job, a queue_job job run by the
    # server's job runner): the form shows the progress and reloads itself
    # until the file is ready.
    page.wait_for_selector('.o_form_view .o_progressbar')
    page.wait_for_selector('.o_gov_export_download:visible', timeout=60000)
    with page.expect_download() as download_info:
        page.click('.o_gov_export_download')
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
            assert not any(secret in row for secret in LETTER_SECRETS)
    assert odoo_server.errors_since(offset) == []


def test_5_3_4_writer_rates_the_reply_through_the_api(odoo_server):
    offset = odoo_server.log_size()
    login, password = new_user()
    with odoo_env() as env:
        user = env['res.users'].search([('login', '=', login)])
        letter, code = replied_letter(env)
        letter.write({'partner_id': user.partner_id.id})
        number = letter.number
        other, other_code = replied_letter(env)
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
