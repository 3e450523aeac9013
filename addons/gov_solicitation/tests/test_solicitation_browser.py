# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Opinion solicitations (4.2 a-b, 5.1) over real HTTP: the JSON API, the
XLSX export, and the citizen's pages in Chromium on a phone.  Online surveys:
gov_survey/tests/test_survey_browser.py."""
import re
import zipfile
from io import BytesIO

from gov_http import call, error_of, new_user, signed_in, submit_login_form

PHONE = {'width': 375, 'height': 812}
CJK = re.compile('[\u4e00-\u9fff]')


def _solicitations(server, state):
    response = call(server, 'GET', '/solicitations', params={'state': state, 'limit': 100})
    assert response.status_code == 200, response.text
    return response.json()['items']


def _find(items, text):
    return next(item for item in items if text in item['title'])


def test_4_2_a_api_solicitations_detail_opinions_and_closed_refusal(odoo_server):
    offset = odoo_server.log_size()
    open_one = _find(_solicitations(odoo_server, 'open'), '供水条例')
    detail = call(odoo_server, 'GET', '/solicitations/%s' % open_one['id']).json()
    assert '第一条' in detail['body'] and detail['explanation'] and detail['sample']
    assert detail['accepts_opinions'] and 'result' not in detail
    error_of(call(odoo_server, 'GET', '/solicitations/999999'), 404, 'not_found')
    drafts = call(odoo_server, 'GET', '/solicitations', params={'state': 'draft'})
    error_of(drafts, 422, 'validation_error')

    session = signed_in(odoo_server, *new_user())
    error_of(call(odoo_server, 'POST', '/solicitations/%s/opinions' % open_one['id'],
                  json={'content': '建议'}), 401, 'unauthorized')
    invalid = call(odoo_server, 'POST', '/solicitations/%s/opinions' % open_one['id'], session,
                   json={'content': '', 'name': 'x'})
    assert set(error_of(invalid, 422, 'validation_error')['details']['fields']) == {'content', 'name'}
    created = call(odoo_server, 'POST', '/solicitations/%s/opinions' % open_one['id'], session,
                   json={'content': '建议第二十条停水通知提前四十八小时。'})
    assert created.status_code == 201, created.text

    closed = _find(_solicitations(odoo_server, 'closed'), '生态环境保护')
    refused = call(odoo_server, 'POST', '/solicitations/%s/opinions' % closed['id'], session,
                   json={'content': '迟到的意见'})
    message = error_of(refused, 422, 'validation_error')['message']
    assert CJK.search(message) and '已结束' in message, message
    assert odoo_server.errors_since(offset) == []


def test_4_2_b_api_published_result_and_adoption_without_personal_data(odoo_server):
    special = _find(_solicitations(odoo_server, 'published'), '招生入学')
    assert special['mode'] == 'special'
    result = call(odoo_server, 'GET', '/solicitations/%s' % special['id']).json()['result']
    assert result['opinion_count'] >= 300 and 0 < result['adopted_count'] <= result['opinion_count']
    assert sum(row['count'] for row in result['by_decision']) == result['opinion_count']
    page = call(odoo_server, 'GET', '/solicitations/%s/opinions' % special['id'],
                params={'limit': 200}).json()
    assert page['total'] == result['opinion_count'] and len(page['items']) == 200
    for item in page['items']:
        assert item['decision'] and item['date_accepted'] and item['date_replied']
        assert item['reply_department'] == '省教育厅' and item['reply']
        assert not re.search(r'1[3-9]\d{9}', item['content'])
    open_one = _find(_solicitations(odoo_server, 'open'), '供水条例')
    assert call(odoo_server, 'GET', '/solicitations/%s/opinions' % open_one['id']).json()['items'] == []


def test_5_1_5_solicitation_xlsx_export_follows_department_rights(odoo_server):
    offset = odoo_server.log_size()
    special = _find(_solicitations(odoo_server, 'published'), '招生入学')
    edu = signed_in(odoo_server, 'manager_edu', 'manager_edu')
    response = edu.get(odoo_server.url + '/gov_solicitation/export/%s' % special['id'], timeout=60)
    assert response.status_code == 200
    assert response.headers['Content-Type'].startswith('application/vnd.openxmlformats')
    names = zipfile.ZipFile(BytesIO(response.content)).namelist()
    assert 'xl/worksheets/sheet1.xml' in names and any(n.startswith('xl/charts/') for n in names)
    # Another department's solicitation is answered as one that does not exist.
    other = signed_in(odoo_server, 'handler_env', 'handler_env')
    assert other.get(odoo_server.url + '/gov_solicitation/export/%s' % special['id'],
                     timeout=60).status_code == 404
    assert odoo_server.errors_since(offset) == []


def test_5_1_1_citizen_comments_on_an_open_solicitation_on_a_phone(page, odoo_server):
    offset = odoo_server.log_size()
    login, password = new_user()
    page.set_viewport_size(PHONE)
    page.goto('/interaction/solicitations')
    page.click('.o_gov_solicitations_open .o_gov_solicitation_item:has-text("供水条例")')
    page.wait_for_selector('.o_gov_solicitation_body')
    assert page.locator('.o_gov_solicitation_explanation').count() == 1
    assert page.locator('.o_gov_solicitation_sample').count() == 1
    page.click('.o_gov_opinion_login')
    submit_login_form(page, login, password)
    page.wait_for_selector('.o_gov_opinion_form')
    # The server checks too, and keeps what was typed.
    page.evaluate("() => document.querySelector('#content').removeAttribute('required')")
    page.set_input_files('#attachment', files=[{'name': 'virus.exe', 'mimeType': 'application/octet-stream',
                                                 'buffer': b'MZ'}])
    page.fill('#content', '建议第三十一条二次供水设施每季度清洗一次。')
    page.click('.o_gov_opinion_form button[type=submit]')
    page.wait_for_selector('.o_gov_opinion_errors')
    assert page.input_value('#content') == '建议第三十一条二次供水设施每季度清洗一次。'
    assert page.locator('.has-error #attachment').count() == 1
    page.set_input_files('#attachment', files=[{'name': '意见.txt', 'mimeType': 'text/plain',
                                                 'buffer': '附件内容'.encode()}])
    page.click('.o_gov_opinion_form button[type=submit]')
    page.wait_for_selector('.o_gov_opinion_sent')
    # A closed solicitation shows no form.
    page.goto('/interaction/solicitations')
    page.click('.o_gov_solicitations_past .o_gov_solicitation_item:has-text("生态环境保护")')
    page.wait_for_selector('.o_gov_solicitation_closed')
    assert page.locator('.o_gov_opinion_form').count() == 0
    assert '不再接收意见' in page.inner_text('.o_gov_solicitation_closed')
    # The citizen finds the opinion in the account.
    page.goto('/my/interaction')
    assert '供水条例' in page.inner_text('body')
    assert odoo_server.errors_since(offset) == []


def test_5_1_5_published_solicitation_result_page_shows_its_charts(page, odoo_server):
    offset = odoo_server.log_size()
    page.set_viewport_size(PHONE)
    special = _find(_solicitations(odoo_server, 'published'), '招生入学')
    page.goto(special['url'])
    page.wait_for_selector('.o_gov_solicitation_result')
    for key in ('decision', 'category'):
        chart = page.locator('.o_gov_chart[data-chart=%s]' % key)
        assert chart.locator('svg rect.o_gov_chart_bar').count() >= 4
        assert chart.locator('table.o_gov_chart_table tbody tr').count() >= 4
        box = chart.locator('svg').bounding_box()
        assert 0 < box['width'] <= PHONE['width']
    assert page.locator('.o_gov_opinion_row').count() == 50
    assert not re.search(r'1[3-9]\d{9}', page.inner_text('.o_gov_opinion_table'))
    text = page.inner_text('.o_gov_solicitation_result')
    for label in ('征集时间', '征集形式', '征集部门', '意见数量', '采纳数量'):
        assert label in text, label
    assert odoo_server.errors_since(offset) == []


def test_5_1_1_opinion_form_needs_the_csrf_token(odoo_server):
    open_one = _find(_solicitations(odoo_server, 'open'), '课后服务')
    session = signed_in(odoo_server, *new_user())
    before = call(odoo_server, 'GET', '/solicitations/%s' % open_one['id']).json()['opinion_count']
    forged = session.post(odoo_server.url + '/interaction/solicitations/%s/opinion' % open_one['id'],
                          data={'content': '跨站提交'}, timeout=30, allow_redirects=False)
    assert forged.status_code == 400
    after = call(odoo_server, 'GET', '/solicitations/%s' % open_one['id']).json()['opinion_count']
    assert after == before
