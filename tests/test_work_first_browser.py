"""The back office as civil servants use it, in Chromium (issue 16): each
role signs in and its first screen is its queue, with the queue's counters
on the menu; no browser-notification nag; a refused action is a Chinese
warning, not "Odoo Server Error"; the chatter signs with the acting person."""
import pytest
from gov_http import odoo_env, sign_in

# Chromium without a desktop says "denied" for notifications; a browser
# that was never asked says "default", which made Discuss show its nag.
NEVER_ASKED = """
    window.Notification = function () {};
    window.Notification.permission = 'default';
    window.Notification.requestPermission = function () { return Promise.resolve('default'); };
"""
LANDINGS = [
    ('clerk', '待受理来信', '待受理来信（'),
    ('handler_edu', '本部门待办来信', '本部门待办来信（今日到期 '),
    ('manager_edu', '待审核答复', '待审核答复（今日到期 '),
    ('supervisor', '办理时效', '办理时效（今日到期 '),
    ('office', '待审批访谈计划', '待审批访谈计划（'),
]


def _title(page):
    return page.inner_text('.o_control_panel .breadcrumb li.active').strip()


@pytest.mark.parametrize('login,title,menu', LANDINGS)
def test_work_first_each_role_lands_on_its_queue(page, odoo_server, login, title, menu):
    offset = odoo_server.log_size()
    page.add_init_script(NEVER_ASKED)
    sign_in(page, login, login)
    page.wait_for_selector('.o_control_panel .breadcrumb li.active')
    assert _title(page) == title
    assert page.locator('.o_mail_chat').count() == 0  # not Discuss
    html = page.content()
    assert menu in html  # the counters, on the queue's menu
    assert 'Odoo needs your permission' not in html
    assert odoo_server.errors_since(offset) == []


def test_work_first_handler_queue_lists_its_open_letters_by_deadline(page, odoo_server):
    with odoo_env() as env:
        edu = env.ref('gov_interaction.dept_edu')
        letters = env['gov.letter'].search([('department_id', '=', edu.id),
                                            ('state', 'in', ('accepted', 'transfer'))],
                                           order='deadline_reply, date_received, id')
        numbers = letters.mapped('number')
    sign_in(page, 'handler_edu', 'handler_edu')
    page.wait_for_selector('.o_list_view tbody tr.o_data_row')
    shown = page.eval_on_selector_all(
        '.o_list_view tbody tr.o_data_row td:nth-child(2)', 'cells => cells.map(c => c.innerText.trim())')
    assert shown == numbers[:len(shown)] and shown


def test_work_first_discuss_shows_no_notification_nag(page, odoo_server):
    with odoo_env() as env:
        discuss = env.ref('mail.mail_channel_action_client_chat').id
    page.add_init_script(NEVER_ASKED)
    sign_in(page, 'clerk', 'clerk')
    page.wait_for_selector('.o_control_panel .breadcrumb li.active')
    page.goto('/web#action=%d' % discuss)
    page.wait_for_selector('.o_mail_chat .o_mail_chat_content')
    assert page.evaluate('Notification.permission') == 'default'
    assert page.locator('.o_mail_annoying_notification_bar').count() == 0


def test_refused_action_is_a_chinese_warning(page, odoo_server):
    """A UserError: publishing a survey's results without the analysis,
    called as the form's button calls it (every failed call of the web
    client goes to its crash manager)."""
    with odoo_env() as env:
        survey = env['survey.survey'].create({
            'title': '浏览器测试调查', 'gov_column_id': env.ref('gov_interaction.column_survey').id,
            'stage_id': env.ref('survey.stage_in_progress').id,
            'date_start': '2026-01-01 00:00:00', 'date_end': '2026-02-01 00:00:00'})
        survey_id = survey.id
    sign_in(page, 'office', 'office')
    page.wait_for_selector('.o_control_panel .breadcrumb li.active')
    page.evaluate('''id => new Promise(done => odoo.__DEBUG__.services['web.ajax'].jsonRpc(
        '/web/dataset/call_kw', 'call', {model: 'survey.survey', method: 'action_publish_results',
                                             args: [[id]], kwargs: {}}).always(() => done(true)))''',
                  survey_id)
    dialog = page.wait_for_selector('.modal-dialog')
    assert page.inner_text('.modal-dialog .modal-title').strip() == '警告', dialog.inner_text()[:300]
    assert '请先填写调查“浏览器测试调查”的结果分析再发布' in dialog.inner_text()
    assert 'Odoo' not in dialog.inner_text()


def test_access_error_is_a_chinese_warning(page, odoo_server):
    with odoo_env() as env:
        letter_id = env.ref('gov_letter.letter_demo_5').id  # 省教育厅's
    sign_in(page, 'handler_env', 'handler_env')
    page.wait_for_selector('.o_control_panel .breadcrumb li.active')
    page.goto('/web#id=%d&model=gov.letter&view_type=form' % letter_id)
    dialog = page.wait_for_selector('.modal-dialog')
    assert page.inner_text('.modal-dialog .modal-title').strip() == '访问错误'
    assert 'Odoo Server Error' not in dialog.inner_text()


def test_chatter_signs_with_the_acting_person(page, odoo_server):
    """The clerk's acceptance is signed 王丽 in the letter's chatter."""
    with odoo_env() as env:
        letter = env['gov.letter'].search([('state', '=', 'new')], limit=1)
        letter_id = letter.id
    sign_in(page, 'clerk', 'clerk')
    page.wait_for_selector('.o_control_panel .breadcrumb li.active')
    page.goto('/web#model=gov.letter&id=%d&view_type=form' % letter_id)
    page.wait_for_selector('.o_chatter .o_chatter_button_new_message')
    page.click('.o_chatter_button_new_message')
    page.fill('.o_chatter .o_composer_text_field', '已电话联系来信人核实诉求。')
    page.click('.o_chatter .o_composer_button_send')
    message = page.wait_for_selector('.o_thread_message:has-text("已电话联系来信人核实诉求")')
    assert '王丽' in message.inner_text()
    assert 'YourCompany' not in message.inner_text()
