# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The live room of an online interview in Chromium (4.3): a host and a
citizen on a phone in two browsers, each seeing the other's update without
reloading; a published transcript (5.2.7)."""
import base64
import os
import re

from gov_http import click_list_export, download_export, make_interview, new_user, sign_in

PHONE = {'width': 375, 'height': 812}
# A 1x1 PNG for the host's picture.
PIXEL = base64.b64decode(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==')


def test_4_3_live_room_host_and_citizen_see_each_other_without_reload(page, browser, odoo_server, tmp_path):
    offset = odoo_server.log_size()
    interview_id = make_interview('live')
    room = '/interaction/interviews/%s' % interview_id
    host = page
    sign_in(host, 'handler_edu', 'handler_edu', redirect=room)
    host.wait_for_selector('.o_gov_interview_room')
    host.wait_for_selector('.o_gov_room_host form.o_gov_host_post')

    login, password = new_user()
    context = browser.new_context(base_url=odoo_server.url, locale='zh-CN', viewport=PHONE,
                                  is_mobile=True, has_touch=True)
    context.set_default_timeout(30000)
    citizen = context.new_page()
    try:
        sign_in(citizen, login, password, redirect=room)
        citizen.wait_for_selector('.o_gov_interview_room')
        for tab in (host, citizen):
            tab.evaluate('() => { window.__notReloaded = true; }')
        # The citizen asks on a phone ...
        citizen.fill('textarea[name=content]', '极端低温天气停课，会提前多久通知家长？')
        citizen.click('form.o_gov_ask button[type=submit]')
        citizen.wait_for_selector('.o_gov_room_notice:not(.hidden)')
        # ... the host sees it arrive for moderation and answers it ...
        item = host.wait_for_selector('.o_gov_room_mod:has-text("极端低温天气停课")', timeout=15000)
        item.query_selector('.o_gov_mod_answer').fill('原则上在前一天18时前通过家校平台通知家长。')
        item.query_selector('button[data-action=answer]').click()
        # ... and the citizen sees the answer, without reloading.
        answered = citizen.wait_for_selector('.o_gov_room_question:has-text("前一天18时前")', timeout=15000)
        assert '极端低温天气停课' in answered.inner_text()
        host.wait_for_selector('.o_gov_room_question:has-text("前一天18时前")', timeout=15000)
        # The host posts text and a picture; it appears on the phone.
        picture = tmp_path / 'scene.png'
        picture.write_bytes(PIXEL)
        host.fill('form.o_gov_host_post input[name=speaker]', '王建华')
        host.fill('form.o_gov_host_post textarea[name=body]', '寒假时间为1月中旬至2月下旬。')
        host.set_input_files('form.o_gov_host_post input[name=images]', str(picture))
        host.click('form.o_gov_host_post button[type=submit]')
        post = citizen.wait_for_selector('.o_gov_room_post:has-text("寒假时间为1月中旬至2月下旬")',
                                         timeout=15000)
        image = post.query_selector('.o_gov_room_pictures img')
        assert re.match(r'/web/image/\d+$', image.get_attribute('src'))
        citizen.wait_for_function('img => img.complete && img.naturalWidth === 1', arg=image)
        for tab in (host, citizen):
            assert tab.evaluate('() => window.__notReloaded === true')
        # The phone layout has no horizontal scrolling.
        assert citizen.evaluate('() => document.documentElement.scrollWidth') <= PHONE['width']
    except Exception:
        os.makedirs('test-artifacts', exist_ok=True)
        citizen.screenshot(path='test-artifacts/interview_live_room_citizen.png', full_page=True)
        raise
    finally:
        context.close()
    assert odoo_server.errors_since(offset) == []


def test_5_2_7_published_transcript_page(page, odoo_server):
    interview_id = make_interview('published')
    page.set_viewport_size(PHONE)
    page.goto('/interaction/interviews/%s' % interview_id)
    page.click('a.o_gov_transcript_link')
    page.wait_for_selector('.o_gov_interview_transcript')
    body = page.inner_text('.o_gov_transcript_body')
    assert '实录里的发言 & <内容>' in body and '王建华' in body
    assert page.get_attribute('a.o_gov_video_link', 'href') == 'https://media.example.gov.cn/live/test.mp4'
    assert page.locator('.o_gov_transcript_body script').count() == 0


def test_5_2_2_compliance_table_exported_from_its_list_in_chromium(page, odoo_server):
    """The compliance list has its XLSX button: the office starts the
    export there and gets the table with Chinese headers."""
    offset = odoo_server.log_size()
    sign_in(page, 'office', 'office')
    click_list_export(page, 'gov_interview.action_gov_interview_compliance')
    texts = download_export(page)
    for header in ('政府或部门', '已开展期数'):
        assert header in texts
    assert odoo_server.errors_since(offset) == []
