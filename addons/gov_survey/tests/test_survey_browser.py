# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Online surveys (4.2 d, 5.1.5) over real HTTP: the JSON API, the XLSX
export, and the citizen's pages in Chromium on a phone."""
import re
import zipfile
from io import BytesIO

import requests
from gov_http import call, download_export, error_of, new_user, odoo_env, sign_in, signed_in

PHONE = {'width': 375, 'height': 812}
CJK = re.compile('[\u4e00-\u9fff]')


def _survey(server, text):
    items = call(server, 'GET', '/surveys').json()['items']
    return next(item for item in items if text in item['title'])


def test_5_1_5_survey_xlsx_export_follows_department_rights(odoo_server):
    offset = odoo_server.log_size()
    survey = _survey(odoo_server, '政务服务满意度')
    office = signed_in(odoo_server, 'office', 'office')
    response = office.get(odoo_server.url + '/gov_survey/export/%s' % survey['id'], timeout=60)
    assert response.status_code == 200
    with zipfile.ZipFile(BytesIO(response.content)) as xlsx:  # strings shared or inline
        sheets = ''.join(xlsx.read(name).decode() for name in xlsx.namelist()
                         if name.startswith('xl/worksheets/sheet') or name == 'xl/sharedStrings.xml')
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


def test_4_2_d_citizen_answers_a_survey_on_a_phone(page, odoo_server):
    offset = odoo_server.log_size()
    login, password = new_user()
    page.set_viewport_size(PHONE)
    sign_in(page, login, password)
    page.goto('/interaction/surveys')
    page.click('.o_gov_surveys_open .o_gov_survey_item:has-text("公共交通")')
    assert page.inner_text('.o_gov_survey_fill .breadcrumb').startswith('互动交流')
    page.click('a.btn-primary.btn-lg')  # Odoo's "Start Survey"
    page.wait_for_selector('form.js_surveyform button[value=finish]')
    assert '网上调查' in page.inner_text('.o_gov_survey_fill .breadcrumb')
    label = page.locator('form.js_surveyform .js_radio label').first.bounding_box()
    assert label['height'] >= 44  # a target a finger hits
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


def test_5_1_5_published_survey_results_page_shows_its_charts(page, odoo_server):
    offset = odoo_server.log_size()
    page.set_viewport_size(PHONE)
    finished = _survey(odoo_server, '政务服务满意度')
    page.goto(finished['results_url'])
    page.wait_for_selector('.o_gov_survey_results')
    assert int(page.inner_text('.o_gov_survey_participants')) >= 400
    multiple = page.locator('.o_gov_survey_question[data-type=multiple_choice]')
    assert multiple.locator('svg rect.o_gov_chart_bar').count() == 5
    assert page.locator('.o_gov_survey_question[data-type=simple_choice] svg').count() == 2
    texts = ''.join(page.eval_on_selector_all('.o_gov_survey_texts',
                                              'lists => lists.map(l => l.textContent)'))
    assert '***' in texts and not re.search(r'1[3-9]\d{9}', texts)
    # Charts first, then a few written answers; the rest folded: a short page.
    assert page.locator('.o_gov_survey_more_texts:not([open])').count() >= 1
    assert page.evaluate('() => document.body.scrollHeight') < 8000
    assert page.locator('.o_gov_survey_analysis').inner_text().strip()
    # No script or style from elsewhere: the page works offline.
    sources = page.evaluate(
        "() => [...document.querySelectorAll('script[src], link[href]')].map(e => e.src || e.href)")
    assert all(src.startswith(odoo_server.url) for src in sources), sources
    missing = requests.get(odoo_server.url + '/interaction/surveys/999999/results', timeout=30)
    assert missing.status_code == 404
    assert odoo_server.errors_since(offset) == []


def test_5_1_5_survey_results_exported_from_the_list_in_chromium(page, odoo_server):
    """The survey list has the export on every row: the office starts it
    there, watches the job and downloads a file with Chinese headers."""
    offset = odoo_server.log_size()
    with odoo_env() as env:
        action = env.ref('gov_survey.action_gov_survey').id
    sign_in(page, 'office', 'office')
    page.goto('/web#action=%d&view_type=list' % action)
    row = page.locator('.o_data_row', has_text='政务服务满意度')
    row.locator('button[title="导出结果（XLSX）"]').click()
    texts = download_export(page)
    assert '黑龙江政务服务网' in texts
    assert '参与人数' in texts and '答卷时间' in texts  # the headers, in Chinese
    # The card has it too (of a survey in progress: the closed ones' column is folded).
    page.goto('/web#action=%d&view_type=kanban' % action)
    card = page.locator('.o_kanban_record', has_text='公共交通出行')
    card.locator('a:has-text("导出结果（XLSX）")').wait_for()
    assert odoo_server.errors_since(offset) == []
