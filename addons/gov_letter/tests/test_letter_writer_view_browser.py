# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The writer's view of a letter (5.3.1, 5.3.5, 5.3.6) in Chromium: the
receipt says by when the reply is due; the lookup, with the number in any
case and the code sent by POST, shows the replying unit and the public
steps (received, accepted, transferred, extended and why, replied), never
who handled it; a wrong code shows nothing of the letter."""
import subprocess
import unicodedata

from gov_http import new_user, odoo_env, sign_in

WHY = '需要会同住建部门现场核实供暖管网情况。'


def _lookup(page, number, code):
    page.goto('/interaction/letters/query')
    page.fill('.o_gov_letter_query input[name=number]', number)
    page.fill('.o_gov_letter_query input[name=code]', code)
    page.click('.o_gov_letter_query button[type=submit]')
    page.wait_for_load_state('load')


def test_5_3_1_receipt_says_by_when_the_reply_is_due(page, odoo_server):
    sign_in(page, *new_user(), redirect='/interaction/letters/new')
    page.select_option('select[name=category]', 'b')
    page.fill('input[name=title]', '社区卫生服务中心周末是否开诊')
    page.fill('textarea[name=content]', '请问道里区社区卫生服务中心周六日是否开诊，老人慢病取药怎么安排？')
    page.click('.o_gov_letter_form button[type=submit]')
    page.wait_for_selector('.o_gov_letter_received')
    number = page.inner_text('.o_gov_letter_number').strip()
    code = page.inner_text('.o_gov_letter_code').strip()
    # Kept by copying (number and code together) or printing the page.
    page.context.grant_permissions(['clipboard-read', 'clipboard-write'])
    page.click('.o_gov_letter_copy')
    page.wait_for_selector('.o_gov_letter_copied:not(.hidden)')
    assert page.evaluate('() => navigator.clipboard.readText()') == '%s %s' % (number, code)
    assert page.locator('.o_gov_letter_print').is_visible()
    with odoo_env() as env:
        letter = env['gov.letter'].search([('number', '=', number)])
        due = letter._local(letter._expected_reply_deadline())[:10]
        # Accepted the next working day, the reply is due by then.
        letter.department_id = env.ref('gov_interaction.dept_health')
        letter.action_accept()
        assert letter._local(letter.deadline_reply)[:10] <= due
    assert page.inner_text('.o_gov_letter_due').strip() == due


def test_5_3_5_lookup_shows_unit_and_public_steps_with_the_reason_of_the_extension(page, odoo_server):
    offset = odoo_server.log_size()
    with odoo_env() as env:
        letter, code = env['gov.letter'].sudo()._intake({
            'title': '老旧小区供暖温度不达标', 'content': '入冬以来室温一直在十五度左右，请协调供热公司。',
            'category_id': env.ref('gov_letter.category_d').id,
            'department_id': env.ref('gov_interaction.dept_edu').id,
            'writer_name': '冯桂英', 'writer_phone': '13904511234'})
        letter.action_accept()
        letter.write({'transfer_reason': '供热属于住建部门职责。',
                      'transfer_department_id': env.ref('gov_interaction.dept_housing').id})
        letter.action_request_transfer()
        letter.action_decide_transfer()
        handler = env.ref('gov_interaction.dept_housing').member_ids[:1]
        letter._request_extension(WHY, letter._extension_deadline(extra_days=10))
        letter.sudo(env.ref('gov_interaction.user_supervisor'))._decide_extension(True)
        letter.write({'reply': '<p>供热企业已调整运行参数，室温已达标。</p>'})
        letter.action_submit_reply()
        letter.action_approve_reply()
        number, unit, handler_name = letter.number, letter.department_id.name, handler.name
    _lookup(page, number.lower(), code)
    assert page.inner_text('.o_gov_letter_unit').strip() == unit
    steps = page.eval_on_selector_all('.o_gov_letter_timeline li strong', 'els => els.map(e => e.innerText)')
    assert steps == ['收到来信', '已受理', '转办', '答复期限延长', '已答复']
    timeline = page.inner_text('.o_gov_letter_timeline')
    assert WHY in timeline and unit in timeline
    assert '冯桂英' not in page.content() and (not handler_name or handler_name not in timeline)
    # 答复函: the reply letter as PDF, read back with pdftotext.
    with page.expect_download() as download:
        page.click('form.o_gov_letter_reply_pdf button')
    path = download.value.path()
    assert open(path, 'rb').read(5) == b'%PDF-'
    text = subprocess.run(['pdftotext', '-layout', path, '-'], capture_output=True,
                          check=True).stdout.decode()
    # pdftotext gives some characters as their Kangxi radical forms (⾏ for 行).
    text = unicodedata.normalize('NFKC', text)
    for expected in (number, '答复函', '供热企业已调整运行参数', unit, '盖章'):
        assert expected in text.replace(' ', ''), (expected, text)
    assert '冯桂英' not in text
    _lookup(page, number, 'WRONGCODE')
    assert page.locator('.o_gov_letter_timeline').count() == 0
    assert page.locator('.o_gov_letter_details').count() == 0
    assert odoo_server.errors_since(offset) == []
