"""Opinion solicitations and online surveys (4.2, 5.1) over real HTTP: the
JSON API, the XLSX exports, and the citizen's pages in Chromium on a phone."""
import re
import zipfile
from io import BytesIO

import requests
from test_api_http import call, error_of, new_user, signed_in

PHONE = {'width': 375, 'height': 812}
CJK = re.compile('[\u4e00-\u9fff]')


def _solicitations(server, state):
    response = call(server, 'GET', '/solicitations', params={'state': state, 'limit': 100})
    assert response.status_code == 200, response.text
    return response.json()['items']


def _find(items, text):
    return next(item for item in items if text in item['title'])


def _survey(server, text):
    items = call(server, 'GET', '/surveys').json()['items']
    return _find(items, text)


def _login(page, login, password):
    page.fill('input[name=login]', login)
    page.fill('input[name=password]', password)
    page.click('form.oe_login_form button[type=submit]')


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


def test_5_1_5_xlsx_exports_follow_department_rights(odoo_server):
    offset = odoo_server.log_size()
    special = _find(_solicitations(odoo_server, 'published'), '招生入学')
    survey = _survey(odoo_server, '政务服务满意度')
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
    office = signed_in(odoo_server, 'office', 'office')
    response = office.get(odoo_server.url + '/gov_survey/export/%s' % survey['id'], timeout=60)
    assert response.status_code == 200
    sheets = zipfile.ZipFile(BytesIO(response.content)).read('xl/sharedStrings.xml').decode()
    assert '黑龙江政务服务网' in sheets
    citizen = signed_in(odoo_server, *new_user())
    assert citizen.get(odoo_server.url + '/gov_survey/export/%s' % survey['id'],
                       timeout=60).status_code == 404
    assert odoo_server.errors_since(offset) == []


def test_4_2_d_api_take_survey_once_and_read_results(odoo_server):
    offset = odoo_server.log_size()
    transit = _survey(odoo_server, '公共交通')
    session = signed_in(odoo_server, *new_user())
    detail = call(odoo_server, 'GET', '/surveys/%s' % transit['id'], session).json()
    assert detail['answered'] is False
    types = {question['type']: question for question in detail['questions']}
    single, multiple, text = types['simple_choice'], types['multiple_choice'], types['free_text']
    answers = {str(single['id']): single['options'][1]['id'],
               str(multiple['id']): [multiple['options'][0]['id'], multiple['options'][2]['id']],
               str(text['id']): '建议冬季加开夜班公交，我的电话13912345678'}
    bad = call(odoo_server, 'POST', '/surveys/%s/responses' % transit['id'], session,
               json={'answers': {str(single['id']): 0}})
    assert str(single['id']) in error_of(bad, 422, 'validation_error')['details']['fields']
    path = '/surveys/%s/responses' % transit['id']
    done = call(odoo_server, 'POST', path, session, json={'answers': answers})
    assert done.status_code == 201, done.text
    again = call(odoo_server, 'POST', path, session, json={'answers': answers})
    assert CJK.search(error_of(again, 422, 'validation_error')['message'])
    assert call(odoo_server, 'GET', '/surveys/%s' % transit['id'], session).json()['answered'] is True
    error_of(call(odoo_server, 'GET', '/surveys/%s/results' % transit['id']), 404, 'not_found')

    finished = _survey(odoo_server, '政务服务满意度')
    results = call(odoo_server, 'GET', '/surveys/%s/results' % finished['id']).json()
    assert results['participant_count'] >= 400 and results['analysis']
    multi = next(q for q in results['questions'] if q['type'] == 'multiple_choice')
    assert sum(option['percent'] for option in multi['options']) > 100  # each option counted
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
    _login(page, login, password)
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


def test_4_2_d_citizen_answers_a_survey_on_a_phone(page, odoo_server):
    offset = odoo_server.log_size()
    login, password = new_user()
    page.set_viewport_size(PHONE)
    page.goto('/web/login')
    _login(page, login, password)
    page.wait_for_load_state()
    page.goto('/interaction/surveys')
    page.click('.o_gov_surveys_open .o_gov_survey_item:has-text("公共交通")')
    page.click('a.btn-primary.btn-lg')  # Odoo's "Start Survey"
    page.wait_for_selector('form.js_surveyform button[value=finish]')
    radios = page.locator('form.js_surveyform input[type=radio]')
    radios.nth(1).check()
    boxes = page.locator('form.js_surveyform input[type=checkbox]')
    boxes.nth(0).check()
    boxes.nth(2).check()
    page.fill('form.js_surveyform textarea', '冬季公交站台太冷，建议建暖棚候车亭。')
    page.click('form.js_surveyform button[value=finish]')
    page.wait_for_selector('text=感谢您的参与')
    # Each account answers once.
    page.goto('/interaction/surveys')
    page.click('.o_gov_surveys_open .o_gov_survey_item:has-text("公共交通")')
    page.wait_for_selector('.o_gov_survey_refused')
    assert '已经参加' in page.inner_text('.o_gov_survey_message')
    assert odoo_server.errors_since(offset) == []


def test_5_1_5_published_results_pages_show_their_charts(page, odoo_server):
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

    finished = _survey(odoo_server, '政务服务满意度')
    page.goto(finished['results_url'])
    page.wait_for_selector('.o_gov_survey_results')
    assert int(page.inner_text('.o_gov_survey_participants')) >= 400
    multiple = page.locator('.o_gov_survey_question[data-type=multiple_choice]')
    assert multiple.locator('svg rect.o_gov_chart_bar').count() == 5
    assert page.locator('.o_gov_survey_question[data-type=simple_choice] svg').count() == 2
    texts = page.inner_text('.o_gov_survey_texts')
    assert '***' in texts and not re.search(r'1[3-9]\d{9}', texts)
    assert page.locator('.o_gov_survey_analysis').inner_text().strip()
    # No script or style from elsewhere: the pages work offline.
    sources = page.evaluate(
        "() => [...document.querySelectorAll('script[src], link[href]')].map(e => e.src || e.href)")
    assert all(src.startswith(odoo_server.url) for src in sources), sources
    missing = requests.get(odoo_server.url + '/interaction/surveys/999999/results', timeout=30)
    assert missing.status_code == 404
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
