# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Deciding on many letters at once in Chromium (5.3.1): the clerk selects
letters in the list, accepts them with their suggested departments from the
Action menu, watches the background job's progress and reads its summary:
the letters accepted, and the one that could not be, with the reason."""
import uuid

from gov_http import odoo_env, sign_in


def _letter(env, title, content, category='gov_letter.category_b'):
    letter, _code = env['gov.letter'].sudo()._intake({
        'title': title, 'content': content, 'category_id': env.ref(category).id,
        'letter_type': 'consultation', 'writer_name': '周晓梅', 'writer_phone': '13800000001'})
    return letter


def test_5_3_1_clerk_accepts_selected_letters_in_the_background(page, odoo_server):
    offset = odoo_server.log_size()
    tag = uuid.uuid4().hex[:6]
    with odoo_env() as env:
        letters = [
            _letter(env, '小学入学材料咨询 %s' % tag, '孩子明年上小学，入学需要准备哪些材料？'),
            _letter(env, '幼儿园收费咨询 %s' % tag, '公办幼儿园保育费的收费标准是多少？'),
            _letter(env, '咨询办事流程 %s' % tag, '想了解一下相关手续怎么办理。', 'gov_letter.category_f'),
        ]
        numbers = [letter.number for letter in letters]
        ids = [letter.id for letter in letters]
        action = env.ref('gov_letter.action_gov_letter').id
    sign_in(page, 'clerk', 'clerk')
    page.goto('/web#action=%d&view_type=list' % action)
    page.wait_for_selector('.o_list_view')
    # Only this test's letters: search their titles.
    page.click('.o_searchview_input')
    page.keyboard.type(tag)
    page.click('.o_searchview_autocomplete li:has-text("标题")')
    for number in numbers:
        page.locator('.o_data_row', has_text=number).wait_for()
    page.wait_for_function("document.querySelectorAll('.o_list_view .o_data_row').length === 3")
    for number in numbers:
        page.locator('.o_data_row', has_text=number).locator('.o_list_record_selector input').check()
    page.click('.o_cp_sidebar .o_dropdown_toggler_btn:has-text("动作")')
    page.click('.o_cp_sidebar .dropdown-menu a:has-text("后台批量受理")')
    # The job's form: its progress bar, then (the job runner ran it) the summary.
    page.wait_for_selector('.o_form_view .o_progressbar')
    assert '批量受理来信 3 件' in page.inner_text('.o_form_view .oe_title')
    summary = page.locator('.o_form_view .o_gov_export_summary')
    summary.wait_for(state='visible', timeout=60000)
    text = summary.inner_text()
    assert '已受理来信 2 件。' in text
    assert '1 件来信未处理' in text
    assert '%s：受理来信 %s 前请先确定承办部门。' % (numbers[2], numbers[2]) in text
    assert '100' in page.inner_text('.o_form_view .o_progressbar')
    assert not page.locator('.o_gov_export_download:visible').count()
    with odoo_env() as env:
        decided = env['gov.letter'].browse(ids)
        assert decided.mapped('state') == ['accepted', 'accepted', 'new']
        assert decided[:2].mapped('department_id') == env.ref('gov_interaction.dept_edu')
        export = env['gov.export.job'].search([('kind', '=', 'action')], limit=1)
        assert export.user_id.login == 'clerk' and export.state == 'done'
    assert odoo_server.errors_since(offset) == []
