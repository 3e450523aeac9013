# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A citizen who uses no mouse writes a letter (5.3.1; GB/T 37668-2019,
WCAG 2.1 2.1.1): Tab reaches every field in order, keys fill them, Enter
sends; a field left empty is announced (role=alert) and keeps the rest."""
import re

from gov_http import new_user, sign_in

NUMBER = re.compile(r'^XJ\d{4}-\d{6}$')


def _focused(page):
    return page.evaluate('() => document.activeElement.id || document.activeElement.name || ""')


def _tab_to(page, field_id, limit=80):
    for _press in range(limit):
        if _focused(page) == field_id:
            return
        page.keyboard.press('Tab')
    raise AssertionError('Tab never reached #%s' % field_id)


def _type_letter(page, title):
    _tab_to(page, 'category')
    page.keyboard.press('ArrowDown')  # the first category
    page.keyboard.press('Tab')
    assert _focused(page) == 'letter_type'
    page.keyboard.press('Tab')
    assert _focused(page) == 'title'
    page.keyboard.type(title)
    page.keyboard.press('Tab')
    assert _focused(page) == 'content'


def test_5_3_1_citizen_writes_a_letter_with_the_keyboard_only(page, odoo_server):
    offset = odoo_server.log_size()
    sign_in(page, *new_user(), redirect='/interaction/letters/new')
    page.wait_for_selector('.o_gov_letter_form form')
    _type_letter(page, '社区老年食堂开放时间')
    # Sent without content: the server's message is announced, the title kept.
    page.evaluate("() => document.querySelector('#content').removeAttribute('required')")
    page.keyboard.press('Shift+Tab')
    page.keyboard.press('Enter')
    page.wait_for_selector('.o_gov_letter_errors[role=alert]')
    assert page.input_value('#title') == '社区老年食堂开放时间'
    _tab_to(page, 'content')
    page.keyboard.type('请问南岗区社区老年食堂周末是否开放，老人如何办理就餐卡？')
    page.keyboard.press('Tab')
    assert _focused(page) == 'writer_phone'
    page.keyboard.type('13804510101')
    page.keyboard.press('Enter')  # Enter in a field sends the form
    page.wait_for_selector('.o_gov_letter_received')
    assert NUMBER.match(page.inner_text('.o_gov_letter_number').strip())
    assert odoo_server.errors_since(offset) == []
