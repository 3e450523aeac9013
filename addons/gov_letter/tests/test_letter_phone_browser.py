# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The back office on a phone (issue 16, part 2; 5.3.4 in Chromium at
375 px): a handler finds the letter on the queue, writes the reply and
submits it for review; the menu folds into a bar, nothing runs off the
screen, and the page may be zoomed."""
from gov_http import odoo_env, sign_in, write_reply_in_form

PHONE = {'width': 375, 'height': 812}
REPLY = '经核实，该路段路灯已列入本月维修计划，预计15日前修复。'


def _accepted_letter():
    with odoo_env() as env:
        letter, _code = env['gov.letter'].sudo()._intake({
            'title': '学府路夜间路灯不亮',
            'content': '学府路靠近学校一段路灯连续一周不亮，学生晚自习回家不安全。',
            'category_id': env.ref('gov_letter.category_b').id,
            'department_id': env.ref('gov_interaction.dept_edu').id,
            'writer_name': '周立新', 'writer_phone': '13904510000'})
        letter.action_accept()
        return letter.id, letter.number


def _fits_the_screen(page):
    width = page.evaluate('() => document.documentElement.scrollWidth')
    assert width <= PHONE['width'], 'the page is %d px wide' % width


def test_5_3_4_handler_replies_on_a_phone(page, odoo_server):
    offset = odoo_server.log_size()
    letter_id, number = _accepted_letter()
    page.set_viewport_size(PHONE)
    sign_in(page, 'handler_edu', 'handler_edu')
    page.wait_for_selector('.o_control_panel .breadcrumb li.active')
    # The menu is a bar with the app drawer, not half the screen.
    assert page.locator('.o_main_navbar, .main-nav').first.bounding_box()['height'] <= 60
    viewports = page.eval_on_selector_all('meta[name=viewport]', 'metas => metas.map(m => m.content)')
    assert viewports == ['width=device-width, initial-scale=1']
    _fits_the_screen(page)

    page.goto('/web#model=gov.letter&id=%d&view_type=form' % letter_id)
    page.wait_for_selector('.o_form_view .o_statusbar_status button.btn-primary[data-value="accepted"]')
    assert number in page.inner_text('.o_form_view')
    _fits_the_screen(page)
    write_reply_in_form(page, REPLY)
    # On a phone the workflow buttons sit in one "操作" menu.
    page.click('.o_statusbar_buttons_dropdown .dropdown-toggle >> text="操作"')
    page.click('.o_statusbar_buttons_dropdown .o_gov_letter_submit_reply')
    page.wait_for_selector('.o_statusbar_status button.btn-primary[data-value="review"]')
    with odoo_env() as env:
        letter = env['gov.letter'].browse(letter_id)
        assert letter.state == 'review' and REPLY in letter.reply
    assert odoo_server.errors_since(offset) == []
